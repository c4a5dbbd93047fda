"""JSON API of the monthly basistilskudd run under /api/v1: runs, the accounting file, specifications and
hours of municipal work. Each endpoint is one service call."""

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Response

from legetjeneste.dates import parse_month
from legetjeneste.payments.exports import service as export_service
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate, DutyHoursRead
from legetjeneste.payments.runs import service
from legetjeneste.payments.runs.schemas import MONTH_PATTERN, RunApprove, RunRead, RunSummary
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["payments"])
# Stricter than web.deps.Month: a month outside 1900–2099 or 01–12 is refused with 422 before the handler.
Month = Annotated[str, Path(pattern=MONTH_PATTERN, description="Måned, ÅÅÅÅ-MM")]
RUN = "/municipalities/{number}/payment-runs/{month}"
PRIVATE = {"Cache-Control": "no-store"}
MISSING_ACCOUNT_HEADER = "X-Missing-Account-Hpr"


@router.get("/municipalities/{number}/payment-runs", response_model=list[RunSummary])
def list_runs(number: Number, session: SessionDep, actor: ActorDep):
    return service.list_runs(session, actor=actor, municipality_number=number)


def _conflict(description: str, message: str) -> dict:
    """A documented 409 with the error body every refusal has (README)."""
    example = {"detail": {"message": message, "rule_id": "PAY-MONTHLY", "citation": "ASA 4310 § 8.1"}}
    return {409: {"description": description, "content": {"application/json": {"example": example}}}}


CONFLICT_ON_COMPUTE = _conflict(
    "Kjøringen er godkjent og kan ikke beregnes på nytt (PAY-MONTHLY).",
    "Kjøringen for mars 2026 er godkjent og kan ikke endres (godkjent av kol@vefsn.example 3. desember "
    "2026 kl. 14.05); endringer kommer som korreksjon i en senere måneds kjøring (PAY-MONTHLY).",
)
CONFLICT_ON_APPROVE = _conflict(
    "Kjøringen er allerede godkjent, er beregnet på nytt siden versjonen du så, eller grunnlaget er "
    "endret siden den ble beregnet (PAY-MONTHLY).",
    "Kjøringen for mars 2026 er allerede godkjent av kol@vefsn.example 3. desember 2026 kl. 14.05. "
    "En godkjent kjøring endres aldri; endringer kommer som korreksjon i en senere måneds kjøring "
    "(PAY-MONTHLY).",
)


@router.post(RUN + "/compute", response_model=RunRead, responses=CONFLICT_ON_COMPUTE)
def compute_run(number: Number, month: Month, session: SessionDep, actor: ActorDep):
    """Beregn (eller beregn på nytt) månedens utkast; hver beregning gir kjøringen én versjon mer."""
    return service.compute_run(session, actor=actor, municipality_number=number, month=parse_month(month))


@router.post(RUN + "/approve", response_model=RunRead, responses=CONFLICT_ON_APPROVE)
def approve_run(
    number: Number,
    month: Month,
    session: SessionDep,
    actor: ActorDep,
    data: Annotated[RunApprove | None, Body()] = None,
):
    """Godkjenn utkastet slik det ble beregnet, én gang; en godkjent kjøring endres aldri. Med `version`
    godkjennes bare den beregningen du så."""
    return service.approve_run(
        session,
        actor=actor,
        municipality_number=number,
        month=parse_month(month),
        version=data.version if data else None,
    )


@router.get(RUN, response_model=RunRead)
def get_run(number: Number, month: Month, session: SessionDep, actor: ActorDep):
    return service.get_run(session, actor=actor, municipality_number=number, month=parse_month(month))


@router.get(
    RUN + "/accounting.csv",
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {}},
            "description": "Regnskapsfil: semikolonseparert, UTF-8 med BOM, kolonnene Mottaker;HPR-nummer;"
            f"Avtale;Kontonummer;Beløp;Forfallsdato;Tekst. Headeren {MISSING_ACCOUNT_HEADER} lister "
            "HPR-nummer til mottakere uten kontonummer.",
        }
    },
)
def accounting_csv(number: Number, month: Month, session: SessionDep, actor: ActorDep):
    """Kun en godkjent kjøring eksporteres (PAY-MONTHLY)."""
    found = export_service.accounting_file(
        session, actor=actor, municipality_number=number, month=parse_month(month)
    )
    headers = {**PRIVATE, "Content-Disposition": f'attachment; filename="{found.filename}"'}
    if found.missing_accounts:
        headers[MISSING_ACCOUNT_HEADER] = ",".join(
            m.payee_hpr or str(m.payee_doctor_id) for m in found.missing_accounts
        )
    return Response(found.text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


@router.get(
    RUN + "/specifications/{doctor_id}.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "Utbetalingsspesifikasjon (A4)"}},
)
def specification_pdf(number: Number, month: Month, doctor_id: Id, session: SessionDep, actor: ActorDep):
    name, content = export_service.specification_pdf(
        session, actor=actor, municipality_number=number, month=parse_month(month), doctor_id=doctor_id
    )
    headers = {**PRIVATE, "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.get("/municipalities/{number}/duty-hours", response_model=list[DutyHoursRead])
def list_duty_hours(
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    month: Annotated[str, Query(pattern=MONTH_PATTERN, description="Måned, ÅÅÅÅ-MM")],
):
    return duty_service.list_duty_hours(session, actor=actor, municipality_number=number, month=month)


@router.put("/duty-hours", response_model=DutyHoursRead)
@router.post("/duty-hours", response_model=DutyHoursRead)
def register_duty_hours(data: DutyHoursCreate, session: SessionDep, actor: ActorDep):
    """Registrer (eller rett) en leges timer av ett slag i en måned; samme lege, måned og slag erstattes."""
    return duty_service.register_duty_hours(session, actor=actor, data=data)


@router.delete("/duty-hours/{duty_hours_id}", status_code=204)
def delete_duty_hours(duty_hours_id: Id, session: SessionDep, actor: ActorDep):
    duty_service.delete_duty_hours(session, actor=actor, duty_hours_id=duty_hours_id)
    return Response(status_code=204)
