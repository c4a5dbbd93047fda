"""Pages of rosters: a scheme's versions with the solve form; a running job with its progress (polled by
htmx); a roster with per doctor the counts against the fair target, rule costs, vacancies and why, the
changes, publish (asked first) and re-plan; the printable month; the vacancy list with candidates,
volunteers and assigning a doctor."""

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from legetjeneste.auth import rules as auth_rules
from legetjeneste.dates import parse_month, today_oslo
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.legevakt.feeds import service as feeds_service
from legetjeneste.legevakt.feeds.rules import shift_time_text
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import ReplanCreate, SolveCreate
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.legevakt.vacancies.schemas import VacancyRead
from legetjeneste.legevakt.wishes import service as wish_service
from legetjeneste.norwegian import MONTHS
from legetjeneste.rostering.problem import CATEGORY_NAMES_NB
from legetjeneste.web import forms
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Month, SessionDep
from legetjeneste.web.forms import form_values, problem_lines
from legetjeneste.web.pages import panels, redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {"from": "Fra", "to": "Til", "time_limit": "Tidsgrense", "doctor_id": "Lege", "": "Perioden"}
TOKEN_PLACEHOLDER = "API-NØKKELEN-DIN"


def _solve_data(values: dict) -> SolveCreate:
    data = {k: values[k].replace(",", ".") for k in ("from", "to", "time_limit") if values.get(k)}
    return forms.validate(SolveCreate, data)


def _half_year() -> tuple[date, date]:
    today = today_oslo()
    return (date(today.year, 7, 1), date(today.year, 12, 31)) if today.month < 7 else (
        date(today.year + 1, 1, 1), date(today.year + 1, 6, 30))  # fmt: skip


def _rosters_page(request, session, actor, scheme_id, *, error=None, values=None):
    scheme = legevakt_service.get_scheme(session, actor=actor, scheme_id=scheme_id)
    first, last = _half_year()
    context = {
        "scheme": scheme,
        "rosters": roster_service.list_rosters(session, actor=actor, scheme_id=scheme_id),
        "can_solve": auth_rules.can(actor, "roster.solve"),
        "values": values or {"from": first.isoformat(), "to": last.isoformat(), "time_limit": "10"},
        "problems": problem_lines(error, FIELD_LABELS) if error else [],
        "bad": [p.path for p in error.problems] if isinstance(error, ValidationFailed) else [],
        "feed": _feed_url(request, f"/schemes/{scheme_id}/roster.ics"),
    }
    return render(
        request, "legevakt/roster_list.html", context, actor=actor, status_code=422 if error else 200
    )


def _feed_url(request: Request, path: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/api/v1{path}?token={TOKEN_PLACEHOLDER}"


@router.get("/ordninger/{scheme_id}/vaktlister")
def rosters(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    return _rosters_page(request, session, actor, scheme_id)


@router.post("/ordninger/{scheme_id}/vaktlister")
def start_solve(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        job = roster_service.start_solve(session, actor=actor, scheme_id=scheme_id, data=_solve_data(values))
    except (ValidationFailed, DomainError) as error:
        if error.status_code in (403, 404):
            raise
        return _rosters_page(request, session, actor, scheme_id, error=error, values=values)
    return redirect_with_message(request, f"/vaktlistejobber/{job.id}", "Løseren har startet.")


@router.get("/vaktlistejobber/{job_id}")
def job_page(request: Request, job_id: Id, session: SessionDep, actor: ActorDep):
    job = roster_service.get_job(session, actor=actor, job_id=job_id)
    return render(request, "legevakt/roster_job.html", {"job": job}, actor=actor)


@router.get("/vaktlistejobber/{job_id}/fremdrift")
def job_progress(request: Request, job_id: Id, session: SessionDep, actor: ActorDep) -> HTMLResponse:
    """The progress fragment htmx polls; when the draft is ready, htmx is sent on to it."""
    job = roster_service.get_job(session, actor=actor, job_id=job_id)
    response = render(request, "legevakt/roster_progress.html", {"job": job}, actor=actor)
    if job.roster_id is not None and request.headers.get("hx-request"):
        response.headers["HX-Redirect"] = f"/vaktlister/{job.roster_id}"
    return response


def _months(start: date, end: date) -> list[tuple[str, str]]:
    """The roster's months as (ÅÅÅÅ-MM, «januar 2027»)."""
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append((f"{day:%Y-%m}", f"{MONTHS[day.month - 1]} {day.year}"))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def fairness_chart(roster) -> Chart:
    """Each doctor's shifts this year against the fair target (LV-DUTY), as horizontal bars."""
    counted = [c for c in ("weekday", "weekend", "holiday") if c in roster.counters] or roster.counters
    doctors = [d for d in roster.doctors if any(c.actual or c.target for c in d.counts if c.counted)]
    sums = [
        (
            sum(c.actual for c in d.counts if c.counter in counted),
            sum(c.target for c in d.counts if c.counter in counted),
        )
        for d in doctors
    ]
    return Chart(
        title="Vakter per lege mot rettferdig mål",
        categories=[d.name for d in doctors],
        series=(Series("Vakter", [a for a, _ in sums]), Series("Rettferdig mål", [t for _, t in sums])),
        unit="vakter i år, tidligere publiserte vaktlister medregnet",
        kind="barh",
        decimals=1,
    )


def _roster_page(request, session, actor, roster_id, *, error=None):
    roster = roster_service.get_roster(session, actor=actor, roster_id=roster_id)
    context = {
        "roster": roster,
        "counter_names": CATEGORY_NAMES_NB,
        "months": _months(roster.start, roster.end),
        "current_month": None,
        "fairness_chart": fairness_chart(roster),
        "can_publish": auth_rules.can(actor, "roster.publish"),
        "can_solve": auth_rules.can(actor, "roster.solve"),
        "problems": problem_lines(error, FIELD_LABELS) if error else [],
        "feed": _feed_url(request, f"/schemes/{roster.scheme_id}/roster.ics"),
        "doctor_feed": _feed_url(request, "/doctors/LEGENS-ID/roster.ics"),
        "wishes": wish_service.roster_wishes(session, actor=actor, roster_id=roster_id),
    } | panels("roster", session, actor, roster_id=roster_id)
    return render(request, "legevakt/roster.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/vaktlister/{roster_id}")
def roster(request: Request, roster_id: Id, session: SessionDep, actor: ActorDep):
    return _roster_page(request, session, actor, roster_id)


@router.post("/vaktlister/{roster_id}/publiser")
def publish(request: Request, roster_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """Publishing asks first (issue 13, web/confirm.py): it makes the roster the valid one, replaces the
    version it re-plans and tells the doctors (LV-REPLAN). Without confirmed=ja a draft the actor may publish
    is asked about and nothing changes; any other request is refused by the service as before."""
    try:
        if not is_confirmed(form.get("confirmed")):
            draft = roster_service.to_publish(session, actor=actor, roster_id=roster_id)
            question = "legevakt/_roster_publish_question.html"
            title = "Publisere vaktlisten?"
            return ask_first(request, actor=actor, title=title, question=question, context={"roster": draft})
        found = roster_service.publish(session, actor=actor, roster_id=roster_id)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _roster_page(request, session, actor, roster_id, error=error)
    title = f"Versjon {found.version} av vaktlisten er publisert og kan ikke lenger endres."
    return redirect_with_message(request, f"/vaktlister/{roster_id}", title)


@router.post("/vaktlister/{roster_id}/planlegg")
def replan(request: Request, roster_id: Id, session: SessionDep, actor: ActorDep):
    try:
        job = roster_service.replan(session, actor=actor, roster_id=roster_id, data=ReplanCreate())
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _roster_page(request, session, actor, roster_id, error=error)
    return redirect_with_message(request, f"/vaktlistejobber/{job.id}", "Løseren planlegger på nytt.")


@router.get("/vaktlister/{roster_id}/maned/{month}")
def month_view(request: Request, roster_id: Id, month: Month, session: SessionDep, actor: ActorDep):
    try:
        first = parse_month(month)
    except ValueError as error:
        raise ValidationFailed([Problem("month", f"«{month}» er ikke en måned")]) from error
    found = feeds_service.month_view(session, actor=actor, roster_id=roster_id, month=first)
    roster = found["roster"]
    context = {
        **found,
        "month_name": f"{MONTHS[first.month - 1]} {first.year}",
        "time_text": shift_time_text,
        "months": _months(roster.start, roster.end),
        "current_month": f"{first:%Y-%m}",
        "weekday_names": ("Man", "Tir", "Ons", "Tor", "Fre", "Lør", "Søn"),
    }
    return render(request, "legevakt/roster_month.html", context, actor=actor)


def _vacancies_page(request, session, actor, scheme_id, *, error=None):
    context = {
        "scheme": legevakt_service.get_scheme(session, actor=actor, scheme_id=scheme_id),
        "vacancies": vacancy_service.list_vacancies(session, actor=actor, scheme_id=scheme_id),
        "doctors": vacancy_service.doctor_options(session, actor=actor, scheme_id=scheme_id),
        "can_assign": auth_rules.can(actor, "roster.publish"),
        "own_doctor_id": actor.doctor_id,
        "problems": problem_lines(error, FIELD_LABELS) if error else [],
    }
    return render(
        request, "legevakt/roster_vacancies.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/ordninger/{scheme_id}/vakanser")
def vacancies(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    return _vacancies_page(request, session, actor, scheme_id)


@router.get("/vakanser/{assignment_id}/kandidater")
def candidates(request: Request, assignment_id: Id, session: SessionDep, actor: ActorDep):
    """The ranked candidates of one vacant shift, as a fragment for the vacancy list (htmx)."""
    found = vacancy_service.candidates(session, actor=actor, assignment_id=assignment_id)
    context = {
        "candidates": found,
        "assignment_id": assignment_id,
        "can_assign": auth_rules.can(actor, "roster.publish"),
    }
    return render(request, "legevakt/roster_candidates.html", context, actor=actor)


def _vacancy_action(request, session, actor, assignment_id, action, form) -> VacancyRead | HTMLResponse:
    values = form_values(form)
    scheme_id = int(values.get("scheme_id", "0") or 0)
    doctor = values.get("doctor_id", "")
    try:
        if not doctor.isdigit() or len(doctor) > 9:
            raise ValidationFailed([Problem("doctor_id", "velg en lege")])
        found = action(session, actor=actor, assignment_id=assignment_id, doctor_id=int(doctor))
    except DomainError as error:
        if error.status_code in (403, 404) or not scheme_id:
            raise
        return _vacancies_page(request, session, actor, scheme_id, error=error)
    return found


@router.post("/vakanser/{assignment_id}/frivillig")
def volunteer(request: Request, assignment_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    found = _vacancy_action(request, session, actor, assignment_id, vacancy_service.volunteer, form)
    if isinstance(found, HTMLResponse):
        return found
    title = f"{found.volunteers[-1].name} har meldt seg til vakten {found.label} {found.date:%d.%m.%Y}."
    return redirect_with_message(request, f"/ordninger/{found.scheme_id}/vakanser", title)


@router.post("/vakanser/{assignment_id}/tildel")
def assign(request: Request, assignment_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    found = _vacancy_action(request, session, actor, assignment_id, vacancy_service.assign, form)
    if isinstance(found, HTMLResponse):
        return found
    title = f"Vakten {found.label} {found.date:%d.%m.%Y} er gitt til {found.doctor_name}."
    return redirect_with_message(request, f"/ordninger/{found.scheme_id}/vakanser", title)
