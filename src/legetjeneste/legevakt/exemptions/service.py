"""Use cases of exemptions: apply, decide as an enkeltvedtak (LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION,
NN-EXEMPT), list and read; and the exempt periods of a scheme's participants for the roster."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, age_on, now_oslo, today_oslo
from legetjeneste.errors import Conflict, NotFound, Problem, ValidationFailed
from legetjeneste.legevakt import queries, rules, views
from legetjeneste.legevakt.models import Exemption, Scheme
from legetjeneste.legevakt.schemas import ExemptionApply, ExemptionDecide, ExemptionRead
from legetjeneste.legevakt.schemes.service import parameter_value, scheme_in_scope
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


def application_problems(data: ExemptionApply, *, prefix: str = "") -> list[Problem]:
    """The facts a ground needs (LV-EXEMPT-RIGHT) and the end a discretionary ground needs."""
    problems = []
    if data.ground == rules.PREGNANCY and data.due_date is None:
        problems.append(
            Problem(f"{prefix}due_date", "termin må oppgis ved fritak for svangerskap", "LV-EXEMPT-RIGHT")
        )
    if data.ground == rules.BREASTFEEDING and data.child_birth_date is None:
        problems.append(
            Problem(
                f"{prefix}child_birth_date",
                "barnets fødselsdato må oppgis ved fritak for amming",
                "LV-EXEMPT-RIGHT",
            )
        )
    if data.ground in rules.DISCRETIONARY_GROUNDS and data.end is None:
        problems.append(
            Problem(f"{prefix}end", "et skjønnsmessig fritak må ha en sluttdato", "LV-EXEMPT-DISCRETION")
        )
    return problems


def apply_for_exemption(
    session: Session, *, actor: Actor, scheme_id: int, data: ExemptionApply
) -> ExemptionRead:
    auth_service.require(actor, "exemption.apply")
    problems = application_problems(data)
    if problems:
        raise ValidationFailed(problems)
    with session.begin():
        scheme = scheme_in_scope(session, actor, scheme_id)
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
        return views.exemption_read(exemption)


def decide_exemption(
    session: Session, *, actor: Actor, exemption_id: int, data: ExemptionDecide
) -> ExemptionRead:
    """The enkeltvedtak: a right is granted from the date it applies and cannot be refused; a
    discretionary exemption is granted for at most the parameter's months with the weighing written."""
    auth_service.require(actor, "exemption.decide")
    with session.begin():
        exemption = exemption_in_scope(session, actor, exemption_id)
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
        return views.exemption_read(exemption)


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
    weight_age = parameter_value(
        session,
        municipality_number=exemption.municipality_number,
        name="legevakt/discretion_weight_age",
        on=exemption.start,
    )
    return rules.age_weight_note(
        age=age_on(exemption.doctor.birth_date, exemption.start), weight_age=weight_age
    )


def _discretion_rule(scheme: Scheme) -> tuple[str, str]:
    return rules.NN_EXEMPT if scheme.kind == rules.NODNETT else rules.DISCRETION


def max_months(session: Session, scheme: Scheme, *, on: date) -> int:
    name = (
        "legevakt/nodnett_exemption_max_months"
        if scheme.kind == rules.NODNETT
        else "legevakt/legevakt_exemption_max_months"
    )
    return parameter_value(session, municipality_number=scheme.municipality_number, name=name, on=on)


def exemption_in_scope(session: Session, actor: Actor, exemption_id: int) -> Exemption:
    exemption = queries.exemption(session, exemption_id)
    if exemption is None:
        raise NotFound(f"Søknad om fritak {exemption_id} finnes ikke.")
    scope.require_municipality(actor, exemption.municipality_number)
    return exemption


def get_exemption(session: Session, *, actor: Actor, exemption_id: int) -> ExemptionRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        return views.exemption_read(exemption_in_scope(session, actor, exemption_id))


def list_exemptions(
    session: Session, *, actor: Actor, municipality_number: str, status: str | None = None
) -> list[ExemptionRead]:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = queries.exemptions(session, municipality_number=municipality_number, status=status)
        return [views.exemption_read(e) for e in found]


def exempt_periods_of_scheme(
    session: Session, *, scheme_id: int, first: date, last: date
) -> dict[str, list[rules.ExemptPeriod]]:
    """For the roster (H5c's problem builder), inside the caller's transaction: per participant's HPR
    number, the granted exemptions clipped to `first`..`last` (see `rules.exempt_periods`)."""
    scheme = queries.scheme(session, scheme_id)
    if scheme is None:
        raise NotFound(f"Ordning {scheme_id} finnes ikke.")
    granted = queries.exemptions(
        session, municipality_number=scheme.municipality_number, status=rules.GRANTED, scheme_id=scheme_id
    )
    age = parameters.value("legevakt/exemption_age", on=first)
    result = {}
    for participant in scheme.participants:
        doctor = participant.doctor
        facts = [
            rules.ExemptionFacts(e.ground, e.extent, e.granted_start, e.granted_end)
            for e in granted
            if e.doctor_id == doctor.id and e.granted_start is not None
        ]
        result[doctor.hpr_number] = rules.exempt_periods(
            birth_date=doctor.birth_date, exemption_age=age, exemptions=facts, first=first, last=last
        )
    return result


def decision_help(session: Session, *, actor: Actor, exemption_id: int) -> dict:
    """What the decision page says before deciding: the rule, from when a right applies, the longest
    discretionary period, and the note on age (LV-EXEMPT-DISCRETION)."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        exemption = exemption_in_scope(session, actor, exemption_id)
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
