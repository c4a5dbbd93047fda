"""Use cases of exemptions: apply, decide as an enkeltvedtak (LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION,
NN-EXEMPT), list and read, what the decision page says before deciding, and the impact of granting."""

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, add_months, age_on, format_month, now_oslo, today_oslo
from legetjeneste.errors import Conflict, Problem, ValidationFailed
from legetjeneste.legevakt.exemptions import queries, rules
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.legevakt.exemptions.rules import impact as impact_rules
from legetjeneste.legevakt.exemptions.schemas import (
    ExemptionApply,
    ExemptionDecide,
    ExemptionRead,
    exemption_read,
)
from legetjeneste.legevakt.schemes import queries as scheme_queries
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.schemes.rules import NODNETT
from legetjeneste.registry.models import Doctor


def right_facts(
    doctor: Doctor, *, due_date: date | None, child_birth_date: date | None, on: date
) -> rules.RightFacts:
    return rules.RightFacts(
        birth_date=doctor.birth_date,
        due_date=due_date,
        child_birth_date=child_birth_date,
        exemption_age=parameters.value("legevakt/exemption_age", on=on),
        pregnancy_months=parameters.value("legevakt/pregnancy_months", on=on),
        child_age_months=parameters.value("legevakt/child_age_months", on=on),
    )


def _participant_doctor(scheme: Scheme, hpr: str) -> Doctor:
    for participant in scheme.participants:
        if participant.doctor.hpr_number == hpr:
            return participant.doctor
    raise ValidationFailed([Problem("doctor", f"lege {hpr} deltar ikke i ordningen «{scheme.name}»")])


def apply_for_exemption(
    session: Session, *, actor: Actor, scheme_id: int, data: ExemptionApply
) -> ExemptionRead:
    auth_service.require(actor, "exemption.apply")
    problems = rules.application_problems(data)
    if problems:
        raise ValidationFailed(problems)
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        doctor = _participant_doctor(scheme, data.doctor)
        exemption = Exemption(
            municipality_number=scheme.municipality_number,
            scheme=scheme,
            doctor=doctor,
            **data.model_dump(exclude={"doctor"}),
            applied_on=today_oslo(),
            applied_by=actor.email,
            status=rules.PENDING,
        )
        session.add(exemption)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="apply",
            entity="exemption",
            record_ids=[exemption.id],
            municipality_number=scheme.municipality_number,
            detail={"ground": data.ground},
        )
        return exemption_read(exemption)


def decide_exemption(
    session: Session, *, actor: Actor, exemption_id: int, data: ExemptionDecide
) -> ExemptionRead:
    """The enkeltvedtak: a right is granted from the date it applies and cannot be refused; a
    discretionary exemption is granted for at most the parameter's months with the weighing written."""
    auth_service.require(actor, "exemption.decide")
    with session.begin():
        exemption = _exemption(session, actor, exemption_id)
        if exemption.status != rules.PENDING:
            raise Conflict(f"Søknaden er allerede avgjort ({rules.STATUSES[exemption.status].lower()}).")
        decide(session, exemption, data, decided_by=actor.email)
        audit_service.record(
            session,
            actor=actor,
            action="decide",
            entity="exemption",
            record_ids=[exemption.id],
            municipality_number=exemption.municipality_number,
            detail={"decision": data.decision, "rule_id": exemption.rule_id},
        )
        return exemption_read(exemption)


def decide(session: Session, exemption: Exemption, data: ExemptionDecide, *, decided_by: str) -> None:
    """Record the decision on a pending exemption, after the rules (used by the API and the file import)."""
    applied = Period(data.granted_start or exemption.start, data.granted_end or exemption.end)
    facts = right_facts(
        exemption.doctor,
        due_date=exemption.due_date,
        child_birth_date=exemption.child_birth_date,
        on=applied.start,
    )
    is_right = exemption.ground in rules.RIGHT_GROUNDS
    if data.decision == rules.REFUSED:
        if is_right:
            rules.refuse_right_check(ground=exemption.ground, applied=exemption.period, facts=facts)
        granted, rule_id = None, (rules.RIGHT if is_right else _discretion_rule(exemption.scheme))[0]
    elif is_right:
        granted, rule_id = (
            rules.granted_right(ground=exemption.ground, applied=applied, facts=facts),
            rules.RIGHT[0],
        )
    else:
        granted = applied
        rule_id = _discretion_rule(exemption.scheme)[0]
        rules.discretionary_check(
            kind=exemption.scheme.kind,
            ground=exemption.ground,
            granted=granted,
            max_months=max_months(session, exemption.scheme, on=granted.start),
            weighing=data.weighing,
        )
    exemption.status = data.decision
    exemption.granted_start = granted.start if granted else None
    exemption.granted_end = granted.end if granted else None
    exemption.reasons, exemption.weighing, exemption.rule_id = data.reasons, data.weighing, rule_id
    exemption.decided_on = data.decided_on or today_oslo()
    exemption.decided_by, exemption.decided_at = decided_by, now_oslo()


def age_note(session: Session, exemption: Exemption) -> str:
    """The note on age the decision page shows (LV-EXEMPT-DISCRETION: special weight over 55)."""
    if exemption.ground in rules.RIGHT_GROUNDS:
        return ""
    weight_age = scheme_queries.parameter_value(
        session,
        municipality_number=exemption.municipality_number,
        name="legevakt/discretion_weight_age",
        on=exemption.start,
    )
    return rules.age_weight_note(
        age=age_on(exemption.doctor.birth_date, exemption.start), weight_age=weight_age
    )


def _discretion_rule(scheme: Scheme) -> tuple[str, str]:
    return rules.NN_EXEMPT if scheme.kind == NODNETT else rules.DISCRETION


def max_months(session: Session, scheme: Scheme, *, on: date) -> int:
    name = (
        "legevakt/nodnett_exemption_max_months"
        if scheme.kind == NODNETT
        else "legevakt/legevakt_exemption_max_months"
    )
    return scheme_queries.parameter_value(
        session, municipality_number=scheme.municipality_number, name=name, on=on
    )


def _exemption(session: Session, actor: Actor, exemption_id: int) -> Exemption:
    missing = f"Søknad om fritak {exemption_id} finnes ikke."
    return scope.row(session, actor, Exemption, exemption_id, missing=missing)


def get_exemption(session: Session, *, actor: Actor, exemption_id: int) -> ExemptionRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        return exemption_read(_exemption(session, actor, exemption_id))


def list_exemptions(
    session: Session, *, actor: Actor, municipality_number: str, status: str | None = None
) -> list[ExemptionRead]:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = queries.exemptions(session, municipality_number=municipality_number, status=status)
        return [exemption_read(e) for e in found]


def decision_help(session: Session, *, actor: Actor, exemption_id: int) -> dict:
    """What the decision page says before deciding: the rule, from when a right applies, the longest
    discretionary period, and the note on age (LV-EXEMPT-DISCRETION)."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        exemption = _exemption(session, actor, exemption_id)
        if exemption.ground in rules.RIGHT_GROUNDS:
            facts = right_facts(
                exemption.doctor,
                due_date=exemption.due_date,
                child_birth_date=exemption.child_birth_date,
                on=exemption.start,
            )
            right = rules.right_period(exemption.ground, facts)
            return {
                "rule_id": rules.RIGHT[0],
                "citation": rules.RIGHT[1],
                "right_start": right.start if right else None,
                "right_end": right.end if right else None,
                "max_months": None,
                "age_note": "",
            }
        rule_id, citation = _discretion_rule(exemption.scheme)
        return {
            "rule_id": rule_id,
            "citation": citation,
            "right_start": None,
            "right_end": None,
            "max_months": max_months(session, exemption.scheme, on=exemption.start),
            "age_note": age_note(session, exemption),
        }


def impact(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    application_ids: Iterable[int] | None = None,
    first_month: date | None = None,
    months: int | None = None,
) -> dict:
    """The impact of granting the pending applications (or the ones named) of a municipality: per scheme
    and office, participants and shifts per participant per month, before and after."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        all_exemptions = queries.exemptions(session, municipality_number=municipality_number)
        wanted = set(application_ids) if application_ids is not None else None
        pending = [
            e for e in all_exemptions if e.status == rules.PENDING and (wanted is None or e.id in wanted)
        ]
        granted = [e for e in all_exemptions if e.status == rules.GRANTED]
        month_list = impact_rules.impact_months(
            pending, first_month=first_month, count=months, today=today_oslo()
        )
        schemes = [
            s
            for s in scheme_queries.schemes(session, municipality_number=municipality_number)
            if wanted is None or any(e.scheme_id == s.id for e in pending)
        ]
        return {
            "municipality": municipality_number,
            "months": [format_month(m) for m in month_list],
            "applications": [impact_rules.application_item(e) for e in pending],
            "schemes": [
                impact_rules.scheme_impact(
                    s,
                    months=month_list,
                    granted=granted,
                    pending=pending,
                    vikars=scheme_queries.vikar_doctor_ids(
                        session,
                        [p.doctor_id for p in s.participants],
                        first=month_list[0],
                        last=add_months(month_list[-1], 1),
                    ),
                )
                for s in schemes
            ],
        }
