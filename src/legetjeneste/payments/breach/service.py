"""Use cases of breach cases (AGR-BREACH, ASA 4310 § 15): open a case with the written notice, record each
step, list and read cases with what happens next and what the monthly runs have withheld and paid out."""

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.norwegian import day_text
from legetjeneste.payments.breach import enkeltvedtak, queries, schemas
from legetjeneste.payments.breach import rules as br
from legetjeneste.payments.breach.models import BreachCase, BreachStep
from legetjeneste.payments.breach.schemas import (
    AgreementOption,
    BreachCaseCreate,
    BreachCaseRead,
    BreachCaseSummary,
    BreachStepCreate,
    DecisionCreate,
    MeetingCreate,
    WarningCreate,
)
from legetjeneste.registry import queries as registry_queries

DEMANDED_BY = {"doctor": "legen", "municipality": "kommunen"}
PERCENT = Decimal("0.01")
MAX_PERCENT = "payments/withholding_max_percent"


def _max_percentage(on: date) -> Decimal:
    return Decimal(str(parameters.value(MAX_PERCENT, on=on)))


def _doctor_name(case: BreachCase) -> str | None:
    doctor = queries.regular_doctor(case.agreement, case.notice_date)
    return doctor.full_name if doctor else None


def _read(session: Session, case: BreachCase) -> BreachCaseRead:
    return schemas.case_read(
        case,
        queries.payment_lines(session, case.municipality_number, [case.id])[case.id],
        doctor_name=_doctor_name(case),
        state=queries.case_state(case),
        max_percentage=_max_percentage(case.decision_date or today_oslo()),
    )


def _case(session: Session, actor: Actor, case_id: int) -> BreachCase:
    return scope.row(session, actor, BreachCase, case_id, missing=f"Misligholdssak {case_id} finnes ikke.")


def _step(actor: Actor, kind: str, on: date, text: str, deadline: date | None = None) -> BreachStep:
    return BreachStep(
        kind=kind, on=on, deadline=deadline, text=text, recorded_at=now_oslo(), recorded_by=actor.email
    )


def open_case(session: Session, *, actor: Actor, agreement_id: int, data: BreachCaseCreate) -> BreachCaseRead:
    """AGR-BREACH — a case opens with the written, reasoned notice and its deadline."""
    auth_service.require(actor, "payments.write")
    with session.begin():
        agreement = scope.agreement(session, actor, agreement_id)
        br.check_notice(
            notice_date=data.notice_date,
            deadline=data.deadline,
            subject=data.subject,
            text=data.text,
            self_employed=agreement.operating_model == "self_employed",
            has_gp=queries.regular_doctor(agreement, data.notice_date) is not None,
            today=today_oslo(),
        )
        notice = _step(actor, br.NOTICE, data.notice_date, data.text, data.deadline)
        case = BreachCase(
            municipality_number=agreement.municipality_number,
            agreement=agreement,
            subject=data.subject,
            status=br.NOTIFIED,
            notice_date=data.notice_date,
            deadline=data.deadline,
            steps=[notice],
        )
        session.add(case)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="breach_case",
            record_ids=[case.id],
            municipality_number=case.municipality_number,
            detail={"agreement": agreement_id},
        )
        return _read(session, case)


def _decide(session: Session, actor: Actor, case: BreachCase, data: DecisionCreate) -> BreachStep:
    state, limit = queries.case_state(case), _max_percentage(data.on)
    reasons = {"type mangel": data.breach_type, "omfang": data.extent, "grovhet": data.severity}
    br.check_decision(
        state,
        on=data.on,
        percentage=data.percentage,
        max_percentage=limit,
        other_percentage=queries.other_percentage(session, case),
        reasons=reasons,
        today=today_oslo(),
    )
    case.decision_date, case.percentage = data.on, data.percentage.quantize(PERCENT)
    case.reasons = "\n".join(f"{name.capitalize()}: {reason}" for name, reason in reasons.items())
    text = (
        f"Vedtak (enkeltvedtak): {br.percent_text(data.percentage)} av basistilskuddet holdes tilbake hver "
        f"måned fra {day_text(data.on)} til forholdet er rettet.\n{case.reasons}"
    )
    return _step(actor, br.DECISION, data.on, text)


def _next(session: Session, actor: Actor, case: BreachCase, data: BreachStepCreate) -> BreachStep:
    """The step, once its guard allows it, with what it changes on the case."""
    state, today = queries.case_state(case), today_oslo()
    if isinstance(data, DecisionCreate):
        return _decide(session, actor, case, data)
    if isinstance(data, WarningCreate):
        br.check_warning(state, on=data.on, text=data.text, deadline=data.deadline, today=today)
        case.warning_date = data.on
        case.deadline = data.deadline or case.deadline
        return _step(actor, br.WARNING, data.on, data.text, data.deadline)
    if isinstance(data, MeetingCreate):
        br.check_meeting(state, on=data.on, text=data.text, today=today)
        text = f"Møte krevd av {DEMANDED_BY[data.demanded_by]}. {data.text}"
        return _step(actor, br.MEETING, data.on, text)
    if data.kind == br.COMMENT:
        br.check_comment(state, on=data.on, text=data.text, today=today)
    else:
        br.check_rectification(state, on=data.on, text=data.text, today=today)
        case.rectified_date = data.on
    return _step(actor, data.kind, data.on, data.text)


def record_step(session: Session, *, actor: Actor, case_id: int, data: BreachStepCreate) -> BreachCaseRead:
    """AGR-BREACH — record the GP's comment, a meeting, the warning, the decision or the rectification."""
    auth_service.require(actor, "payments.approve" if data.kind == br.DECISION else "payments.write")
    with session.begin():
        case = _case(session, actor, case_id)
        step = _next(session, actor, case, data)
        case.steps.append(step)
        case.status = br.status_of(queries.case_state(case))
        session.flush()
        detail = {"case": case.id, "kind": data.kind}
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="breach_step",
            record_ids=[step.id],
            municipality_number=case.municipality_number,
            detail=detail,
        )
        if data.kind == br.DECISION:
            enkeltvedtak.record(session, actor, case, max_percentage=_max_percentage(data.on))
        return _read(session, case)


def get_case(session: Session, *, actor: Actor, case_id: int) -> BreachCaseRead:
    auth_service.require(actor, "payments.read")
    with session.begin():
        case = _case(session, actor, case_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="breach_case",
            record_ids=[case.id],
            municipality_number=case.municipality_number,
        )
        return _read(session, case)


def list_cases(
    session: Session, *, actor: Actor, municipality_number: str | None = None, agreement_id: int | None = None
) -> list[BreachCaseSummary]:
    """The cases of a municipality, or of one agreement, newest notice first."""
    auth_service.require(actor, "payments.read")
    with session.begin():
        number = scope.municipality_of(
            session, actor, municipality_number=municipality_number, agreement_id=agreement_id
        )
        cases = queries.cases(session, number, agreement_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="breach_case",
            record_ids=[c.id for c in cases],
            municipality_number=number,
        )
        lines = queries.payment_lines(session, number, [c.id for c in cases])
        return [schemas.case_summary(c, lines[c.id], _doctor_name(c)) for c in cases]


def agreement_options(session: Session, *, actor: Actor, municipality_number: str) -> list[AgreementOption]:
    """The self-employed agreements with a regular GP today: those a case can be opened for."""
    auth_service.require(actor, "payments.read")
    today = today_oslo()
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        options = []
        for agreement in registry_queries.agreements(session, municipality_number=municipality_number):
            doctor = queries.regular_doctor(agreement, today)
            if agreement.operating_model == "self_employed" and doctor is not None:
                options.append(
                    AgreementOption(
                        id=agreement.id, doctor_name=doctor.full_name, office_name=agreement.office.name
                    )
                )
        return options
