"""Labels and read shapes of life-cycle cases: what the pages, the API and the CLI show."""

from datetime import date

from legetjeneste.lifecycle import clocks
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleClock, LifecycleStep
from legetjeneste.lifecycle.schemas import (
    CaseRead,
    CaseSummary,
    ClockRead,
    Deadline,
    NextStep,
    PendingStep,
    StepRead,
)

OPEN, CLOSED = "open", "closed"
STATUS_LABELS = {OPEN: "åpen", CLOSED: "avsluttet"}
KIND_LABELS = {
    "new_agreement": "Ny fastlegeavtale",
    "vacancy": "Ledig avtale",
    "announcement": "Utlysning",
    "award": "Tildeling og tilbud",
    "practice_transfer": "Overdragelse av praksis",
    "notice": "Oppsigelse",
    "age_end": "Aldersgrense",
    "authorisation_loss": "Tap av autorisasjon",
    "death": "Alvorlig sykdom eller dødsfall",
    "hjemfall": "Hjemfall",
    "list_reduction": "Listereduksjon",
    "deleliste": "Deleliste",
    "revision": "Revisjon av avtalen",
}
STEP_LABELS = {
    "gps_informed": "Legene informert (AGR-NEW-INFORM)",
    "su_statement": "Uttalelse fra samarbeidsutvalget (AGR-NEW-SU)",
    "agreement_created": "Avtalen opprettet",
    "announcement": "Utlysning (AGR-ANNOUNCE)",
    "no_taker": "Ingen kvalifisert søker",
    "distribution": "Listen fordelt på gjenværende leger (AGR-VACANT)",
    "award": "Tildeling – enkeltvedtak (AGR-AWARD)",
    "offer_accepted": "Tilbudet akseptert",
    "offer_withdrawn": "Tilbudet trukket tilbake (AGR-OFFER-5W)",
    "transfer_agreed": "Enighet om overdragelsen",
    "transfer_to_board": "Overdragelsen sendt til nasjonal nemnd (AGR-TRANSFER-5W)",
    "start_agreed": "Avtalt oppstart",
    "hjemfall": "Hjemfall (AGR-HJEMFALL)",
    "notice": "Oppsigelse (AGR-NOTICE)",
    "extension": "Forlengelse ut over aldersgrensen (AGR-AGE-END)",
    "authorisation_lost": "Autorisasjonen tapt (AGR-AUTHORISATION)",
    "authorisation_suspended": "Autorisasjonen suspendert (AGR-AUTHORISATION)",
    "death": "Alvorlig sykdom eller dødsfall (AGR-DEATH)",
    "list_reduction_request": "Krav om listereduksjon (AGR-LISTREDUCE)",
    "deleliste_request": "Deleliste (AGR-DELELISTE)",
    "revision": "Revisjon (AGR-REVISION)",
    "note": "Notat",
    "closed": "Saken avsluttet",
}
_VACANT = [
    "announcement",
    "no_taker",
    "award",
    "offer_accepted",
    "offer_withdrawn",
    "transfer_agreed",
    "transfer_to_board",
    "start_agreed",
    "hjemfall",
    "distribution",
]
STEPS_FOR_KIND = {
    "new_agreement": ["gps_informed", "su_statement", "agreement_created", *_VACANT[:-2]],
    "vacancy": _VACANT,
    "announcement": _VACANT,
    "award": _VACANT[2:8],
    "practice_transfer": _VACANT[2:8],
    "hjemfall": _VACANT,
    "notice": ["notice", *_VACANT],
    "age_end": ["extension", *_VACANT],
    "authorisation_loss": ["authorisation_suspended", "authorisation_lost", *_VACANT],
    "death": ["death", *_VACANT],
    "list_reduction": ["list_reduction_request"],
    "deleliste": ["deleliste_request", "announcement", "award", "offer_accepted", "offer_withdrawn"],
    "revision": ["revision"],
}
DOCUMENT_STEPS = {
    "announcement": "Kunngjøring",
    "award": "Tildelingsbrev",
    "notice": "Bekreftelse på oppsigelse",
}


def clock_read(clock: LifecycleClock, on: date) -> ClockRead:
    pure = as_clock(clock)
    status = "closed" if clock.closed_on else pure.status_on(on)
    return ClockRead(
        id=clock.id,
        case_id=clock.case_id,
        code=clock.code,
        rule_id=clock.rule_id,
        citation=clock.citation,
        start=clock.start,
        due_date=clock.due,
        text=clock.text,
        responsible=clock.responsible,
        responsible_label=clocks.RESPONSIBLE_LABELS.get(clock.responsible, clock.responsible),
        closed_on=clock.closed_on,
        status=status,
        status_label="lukket" if clock.closed_on else clocks.STATUS_LABELS[status],
        days_left=pure.days_left(on),
    )


def as_clock(clock: LifecycleClock) -> clocks.Clock:
    return clocks.Clock(
        clock.code, clock.rule_id, clock.citation, clock.start, clock.due, clock.text, clock.responsible
    )


def step_read(step: LifecycleStep) -> StepRead:
    return StepRead(
        id=step.id,
        kind=step.kind,
        kind_label=STEP_LABELS.get(step.kind, step.kind),
        on=step.on,
        text=step.text,
        facts=step.facts or {},
        recorded_at=step.recorded_at,
        recorded_by=step.recorded_by,
    )


def correct_announcements(case: LifecycleCase) -> list[date]:
    """Publication dates of the case's announcements; only announcements the rules accepted are recorded."""
    return [step.on for step in case.steps if step.kind == "announcement"]


def _notice_end(case: LifecycleCase) -> date | None:
    value = (case.facts or {}).get("notice_period_end")
    return date.fromisoformat(value) if value else None


def _summary_fields(case: LifecycleCase) -> dict:
    open_clocks = [c for c in case.clocks if c.closed_on is None]
    agreement = case.agreement
    return {
        "id": case.id,
        "municipality": case.municipality_number,
        "kind": case.kind,
        "kind_label": KIND_LABELS.get(case.kind, case.kind),
        "title": case.title,
        "status": case.status,
        "status_label": STATUS_LABELS.get(case.status, case.status),
        "agreement_id": case.agreement_id,
        "doctor_name": case.doctor.full_name if case.doctor else None,
        "office_name": agreement.office.name if agreement else None,
        "opened_on": case.opened_on,
        "closed_on": case.closed_on,
        "open_clocks": len(open_clocks),
        "next_due": min((c.due for c in open_clocks), default=None),
    }


def _first(case: LifecycleCase, kind: str) -> date | None:
    return next((s.on for s in case.steps if s.kind == kind), None)


def pending(case: LifecycleCase) -> list[PendingStep]:
    """AGR-NEW-INFORM / AGR-NEW-SU before a new agreement; AGR-ANNOUNCE without undue delay for a vacancy."""
    if case.kind == "new_agreement":
        steps = clocks.new_agreement_clocks(
            gps_informed_on=_first(case, "gps_informed"), su_statement_on=_first(case, "su_statement")
        )
    elif case.kind in ("vacancy", "notice", "death", "authorisation_loss", "age_end"):
        steps = clocks.vacancy_steps(announced_on=_first(case, "announcement"))
    else:
        return []
    return [
        PendingStep(
            code=s.code,
            rule_id=s.rule_id,
            citation=s.citation,
            text=s.text,
            responsible_label=clocks.RESPONSIBLE_LABELS.get(s.responsible, s.responsible),
            done_on=s.done_on,
        )
        for s in steps
    ]


def case_summary(case: LifecycleCase) -> CaseSummary:
    return CaseSummary(**_summary_fields(case))


def case_read(case: LifecycleCase, on: date) -> CaseRead:
    steps = [] if case.status == CLOSED else STEPS_FOR_KIND.get(case.kind, [])
    return CaseRead(
        **_summary_fields(case),
        facts=case.facts or {},
        notice_period_end=_notice_end(case),
        correct_announcements=len(correct_announcements(case)),
        steps=[step_read(s) for s in case.steps],
        clocks=[
            clock_read(c, on) for c in sorted(case.clocks, key=lambda c: (c.closed_on is not None, c.due))
        ],
        next_steps=[NextStep(kind=k, kind_label=STEP_LABELS[k]) for k in [*steps, "note", "closed"]]
        if steps or case.status == OPEN
        else [],
        pending=pending(case),
        documents=[s.kind for s in case.steps if s.kind in DOCUMENT_STEPS],
        opened_by=case.opened_by,
    )


def deadline(clock: LifecycleClock, on: date) -> Deadline:
    read = clock_read(clock, on)
    case = clock.case
    return Deadline(
        due_date=clock.due,
        rule_id=clock.rule_id,
        citation=clock.citation,
        case=case.id,
        case_title=case.title,
        case_kind=case.kind,
        agreement=case.agreement_id,
        doctor_name=case.doctor.full_name if case.doctor else None,
        code=clock.code,
        text=clock.text,
        responsible=clock.responsible,
        responsible_label=read.responsible_label,
        start=clock.start,
        status=read.status,
        status_label=read.status_label,
        days_left=read.days_left,
    )
