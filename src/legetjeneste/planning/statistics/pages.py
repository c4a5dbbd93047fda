"""The statistics page: legevakt use against the vakttårn benchmark and the target as a chart with its table,
consultations, vacant shifts, costs, fee codes, workload, ALIS cost and the quality indicators; the yearly
report as PDF; recording a quality indicator."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from legetjeneste.dates import today_oslo
from legetjeneste.errors import DomainError
from legetjeneste.planning.statistics import rules, service
from legetjeneste.planning.statistics.quality import service as quality_service
from legetjeneste.planning.statistics.schemas import QualityIndicatorIn
from legetjeneste.web.charts import Chart, Line, Series
from legetjeneste.web.deps import ActorDep, FormDep, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {
    "indicator": "Indikator",
    "status": "Status",
    "evidence": "Dokumentasjon",
    "reported_on": "Rapportert dato",
    "year": "År",
}


def legevakt_chart(report: dict) -> Chart:
    """STAT-LV — contacts per 1 000 inhabitants per day by year, the vakttårn benchmark and the target."""
    history = report["history"]
    target = next((h["legevakt_target"] for h in reversed(history) if h["legevakt_target"] is not None), None)
    lines = [Line("Vakttårn-referanse", report["benchmark"])]
    if target is not None:
        lines.append(Line("Kommunens mål", target))
    return Chart(
        title="Legevaktbruk per år",
        categories=[str(h["year"]) for h in history],
        series=[Series("Kontakter per 1 000 innbyggere per døgn", [h["legevakt_rate"] for h in history])],
        unit="kontakter per 1 000 innbyggere per døgn",
        lines=lines,
        decimals=2,
        description="Kommunens legevaktbruk sammenlignet med vakttårnlegevaktene og kommunens mål",
    )


def year_charts(report: dict) -> list[Chart]:
    history = report["history"]
    years = [str(h["year"]) for h in history]
    return [
        Chart(
            title="Konsultasjoner hos fastlegen per innbygger",
            categories=years,
            series=[
                Series("Konsultasjoner per innbygger", [h["consultations_per_inhabitant"] for h in history])
            ],
            unit="per innbygger per år",
            decimals=2,
        ),
        Chart(
            title="Vakante legevaktvakter per år",
            categories=years,
            series=[Series("Vakante vakter", [h["vacant_shifts"] for h in history])],
            unit="vakter",
        ),
    ]


def _page(request, session, actor, number, year, *, error=None, values=None):
    report = service.year_report(session, actor=actor, municipality_number=number, year=year)
    context = {
        "report": report,
        "number": number,
        "lv_chart": legevakt_chart(report),
        "charts": year_charts(report),
        "indicators": rules.INDICATORS,
        "statuses": rules.QI_STATUS,
        "named_codes": rules.NAMED_FEE_CODES,
        "one_codes": rules.ONE_CODES,
        **failure_context(error, values, FIELD_LABELS, form="kvalitet"),
    }
    return render(
        request, "planning/statistics.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/kommuner/{number}/statistikk")
def statistics(
    request: Request,
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    aar: Annotated[int | None, Query(ge=1990, le=2100)] = None,
):
    if aar is None:
        latest = service.latest_year(session, actor=actor, municipality_number=number)
        return RedirectResponse(f"/kommuner/{number}/statistikk?aar={latest or today_oslo().year - 1}", 303)
    return _page(request, session, actor, number, aar)


@router.get("/kommuner/{number}/statistikk/{year}/arsrapport.pdf")
def report_pdf(number: Number, year: int, session: SessionDep, actor: ActorDep):
    name, content = service.report_pdf(session, actor=actor, municipality_number=number, year=year)
    headers = {"Cache-Control": "no-store", "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.post("/kommuner/{number}/statistikk/kvalitet")
def record_quality(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    typed = values.get("year", "")
    year = int(typed) if typed.isdigit() and len(typed) == 4 else today_oslo().year
    try:
        data = parse_form(QualityIndicatorIn, values)
        quality_service.record_quality_indicator(session, actor=actor, municipality_number=number, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _page(request, session, actor, number, year, error=error, values=values)
    label = rules.INDICATORS.get(values["indicator"], values["indicator"])
    title = f"{label} {year}: {rules.QI_STATUS.get(values['status'], values['status']).lower()}."
    return redirect_with_message(request, f"/kommuner/{number}/statistikk?aar={year}#kvalitet", title)
