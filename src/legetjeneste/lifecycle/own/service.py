"""A GP's own life-cycle cases (issue 12): give notice, ask for a list reduction or a deleliste on an
agreement the GP serves as its regular doctor, check first what sending would do, and see their cases and
deadlines on Min side. The request opens the same case the municipality opens (`lifecycle.service.new_case`)
and records its step through the same rules (`lifecycle.steps`), so a refusal names the same rule; the case
and its step are recorded as started by the GP."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, Forbidden, Problem, ValidationFailed
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle import steps as step_service
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.deadlines.reminders import service as reminder_service
from legetjeneste.lifecycle.deadlines.schemas import Deadline
from legetjeneste.lifecycle.labels import KIND_LABELS
from legetjeneste.lifecycle.models import LifecycleCase
from legetjeneste.lifecycle.own import queries, rules
from legetjeneste.lifecycle.own.schemas import OwnCase, OwnCases, OwnDeadlines, OwnNotice, OwnPreview
from legetjeneste.lifecycle.rules.codes import REDUCTION_GROUNDS
from legetjeneste.lifecycle.schemas import CaseCreate, CaseRead, StepCreate
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement

NO_DOCTOR = "Brukeren din er ikke knyttet til en lege i registeret. Kontakt kommunen."


def _doctor_id(actor: Actor, doctor_id: int | None = None) -> int:
    """The actor's own doctor row; a GP sees and asks only for themselves."""
    if actor.doctor_id is None:
        raise Forbidden(NO_DOCTOR)
    if doctor_id is not None and doctor_id != actor.doctor_id:
        raise Forbidden("Du kan bare se dine egne saker og frister.")
    return actor.doctor_id


def serves(agreement: Agreement, doctor_id: int, on: date) -> bool:
    """Whether the doctor is the agreement's regular GP on the day."""
    return any(
        p.role == "regular" and p.doctor_id == doctor_id and Period(p.start, p.end).contains(on)
        for p in agreement.doctor_periods
    )


def _own_agreement(session: Session, actor: Actor, agreement_id: int, on: date) -> Agreement:
    agreement = scope.agreement(session, actor, agreement_id)
    if not serves(agreement, _doctor_id(actor), on):
        raise Forbidden(
            f"Du er ikke fastlege på avtale {agreement_id}. Du kan bare sende saker om din egen "
            "fastlegeavtale."
        )
    return agreement


def _step(session: Session, kind: str, request: OwnNotice, agreement: Agreement, on: date) -> StepCreate:
    """The step the request asks for, with what the register knows (a deleliste's list length at setup)."""
    fields = request.model_dump(exclude={"agreement_id"}, exclude_none=True)
    if kind == "notice":
        fields["party"] = "doctor"
    if kind == "deleliste":
        count = registry_queries.latest_list_counts(session, [agreement.id], on=on).get(agreement.id)
        if count is None:
            raise ValidationFailed(
                [Problem("list_length", "avtalen har ingen registrert listelengde; kontakt kommunen")]
            )
        fields["list_length"] = count.list_length
    return StepCreate(kind=rules.REQUEST_STEPS[kind], on=on, **fields)


def _build(session: Session, actor: Actor, kind: str, request: OwnNotice, on: date) -> LifecycleCase:
    """The case with its step, checked by the life cycle's rules, in the caller's transaction."""
    agreement = _own_agreement(session, actor, request.agreement_id, on)
    existing = queries.open_case(session, agreement_id=agreement.id, kind=kind)
    if existing is not None:
        raise Conflict(
            f"Det finnes allerede en åpen sak om {KIND_LABELS[kind].lower()} for avtale {agreement.id} "
            f"(sak {existing.id}). Kommunen behandler den."
        )
    step = _step(session, kind, request, agreement, on)
    doctor = scope.doctor(session, actor, _doctor_id(actor))
    title = rules.request_title(kind, name=doctor.full_name, agreement_id=agreement.id)
    data = CaseCreate(kind=kind, on=on, title=title, doctor_hpr=doctor.hpr_number)
    case = lifecycle_service.new_case(
        session,
        actor=actor,
        municipality_number=agreement.municipality_number,
        agreement_id=agreement.id,
        data=data,
    )
    step_service.apply_step(case, step, recorded_by=actor.email)
    return case


def _check_kind(kind: str) -> None:
    if kind not in rules.REQUEST_STEPS:
        raise ValidationFailed(
            [Problem("kind", "ukjent type sak; velg oppsigelse, listereduksjon eller deleliste")]
        )


def check_request(
    session: Session, *, actor: Actor, kind: str, request: OwnNotice, on: date | None = None
) -> OwnPreview:
    """What sending the request would do, checked by the same rules, with nothing saved: the confirmation
    step. A refusal is the rule's own (RuleViolation with its id and citation)."""
    auth_service.require(actor, "lifecycle.own")
    _check_kind(kind)
    day = on or today_oslo()
    with session.begin() as transaction, session.no_autoflush:
        case = _build(session, actor, kind, request, day)
        preview = _preview(case, kind, request.agreement_id, day)
        transaction.rollback()
    return preview


def _preview(case: LifecycleCase, kind: str, agreement_id: int, day: date) -> OwnPreview:
    end = case.notice_end()
    lines = [f"{c.text} ({c.rule_id}, {c.citation})." for c in sorted(case.clocks, key=lambda c: c.due)]
    if kind == "notice" and end is not None:
        months = terms.value("lifecycle/notice_months", day)
        consequence = rules.notice_consequence(
            agreement_id=agreement_id, given_on=day, end=end, months=months
        )
        lines.insert(0, consequence)
    return OwnPreview(
        kind=kind,
        kind_label=KIND_LABELS[kind],
        agreement_id=agreement_id,
        title=case.title,
        on=day,
        consequences=lines,
        notice_period_end=end,
    )


@when_free
def send_request(
    session: Session, *, actor: Actor, kind: str, request: OwnNotice, on: date | None = None
) -> CaseRead:
    """Open the case and record the GP's request in one transaction; the municipality sees it in its cases.
    Two requests about one agreement follow one another (the agreement's row is locked first)."""
    auth_service.require(actor, "lifecycle.own")
    _check_kind(kind)
    day = on or today_oslo()
    with write_transaction(session):
        queries.lock_agreement(session, request.agreement_id)
        case = _build(session, actor, kind, request, day)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="lifecycle_case",
            record_ids=[case.id],
            municipality_number=case.municipality_number,
            detail={"kind": kind, "agreement": case.agreement_id, "by": "doctor"},
        )
        return CaseRead.at(case, day, due_soon_days=terms.due_soon_days(day))


def my_cases(session: Session, *, actor: Actor, doctor_id: int | None = None) -> OwnCases:
    """«Mine saker»: the GP's cases with status and next step, and the agreements the GP serves today."""
    auth_service.require(actor, "lifecycle.own")
    own = _doctor_id(actor, doctor_id)
    day = today_oslo()
    with session.begin():
        doctor = scope.doctor(session, actor, own)
        found = queries.cases_of_doctor(session, doctor_id=own)
        due_soon = terms.due_soon_days(day)
        cases = [OwnCase.of(CaseRead.at(c, day, due_soon_days=due_soon), email=actor.email) for c in found]
        agreements = _agreements(session, own, day)
        if found:
            audit_service.record(
                session,
                actor=actor,
                action="read",
                entity="lifecycle_case",
                record_ids=[c.id for c in found],
                municipality_number=doctor.municipality_number,
                detail={"view": "min_side"},
            )
        return OwnCases(on=day, cases=cases, agreements=agreements, grounds=REDUCTION_GROUNDS)


def _agreements(session: Session, doctor_id: int, on: date) -> list[tuple[int, str]]:
    """(id, «182402 – Vefsn legesenter») of each agreement the doctor serves as regular GP on the day."""
    periods = registry_queries.agreements_of_doctor(session, doctor_id)
    found = {
        p.agreement.id: f"{p.agreement.id} – {p.agreement.office.name}"
        for p in periods
        if p.role == "regular" and Period(p.start, p.end).contains(on)
    }
    return sorted(found.items())


def request_options(session: Session, *, actor: Actor) -> OwnCases:
    """What the request forms offer: the agreements the GP serves today and the list-reduction grounds."""
    auth_service.require(actor, "lifecycle.own")
    own = _doctor_id(actor)
    day = today_oslo()
    with session.begin():
        scope.doctor(session, actor, own)
        return OwnCases(
            on=day, cases=[], agreements=_agreements(session, own, day), grounds=REDUCTION_GROUNDS
        )


def my_deadlines(session: Session, *, actor: Actor, doctor_id: int | None = None) -> OwnDeadlines:
    """«Mine frister»: the open clocks of the GP's cases, earliest first, overdue ones marked."""
    auth_service.require(actor, "lifecycle.own")
    own = _doctor_id(actor, doctor_id)
    day = today_oslo()
    with session.begin():
        scope.doctor(session, actor, own)
        due_soon = terms.due_soon_days(day)
        clocks = queries.open_clocks_of_doctor(session, doctor_id=own)
        return OwnDeadlines(
            on=day,
            due_soon_days=due_soon,
            reminder_days=reminder_service.reminder_days(day),
            deadlines=[Deadline.of(c, day, due_soon_days=due_soon) for c in clocks],
        )
