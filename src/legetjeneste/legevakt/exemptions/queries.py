"""Selects of exemptions; what the rules need, assembled from rows (the facts of a right, the parameters
in force, the help before deciding, the impact of granting); the exempt periods of a scheme's participants
the roster builds on. Never commits."""

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.agreement import parameters
from legetjeneste.dates import add_months, age_on, format_month
from legetjeneste.errors import NotFound
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.legevakt.exemptions.rules import impact as impact_rules
from legetjeneste.legevakt.schemes import queries as scheme_queries
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.schemes.rules import NODNETT
from legetjeneste.registry.models import Doctor


def exemptions(
    session: Session, *, municipality_number: str, status: str | None = None, scheme_id: int | None = None
) -> list[Exemption]:
    query = select(Exemption).where(Exemption.municipality_number == municipality_number)
    if status is not None:
        query = query.where(Exemption.status == status)
    if scheme_id is not None:
        query = query.where(Exemption.scheme_id == scheme_id)
    query = query.options(selectinload(Exemption.doctor), selectinload(Exemption.scheme))
    return list(session.scalars(query.order_by(Exemption.applied_on, Exemption.id)))


def exemption(session: Session, exemption_id: int) -> Exemption | None:
    return session.get(Exemption, exemption_id)


def exemption_for_update(session: Session, exemption_id: int) -> Exemption | None:
    """The exemption read again and, on PostgreSQL, locked until the transaction ends: a decision waits
    for one being stored and then sees it (on SQLite the write transaction holds the database)."""
    query = select(Exemption).where(Exemption.id == exemption_id).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).one_or_none()


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


def max_months(session: Session, scheme: Scheme, *, on: date) -> int:
    name = (
        "legevakt/nodnett_exemption_max_months"
        if scheme.kind == NODNETT
        else "legevakt/legevakt_exemption_max_months"
    )
    return scheme_queries.parameter_value(
        session, municipality_number=scheme.municipality_number, name=name, on=on
    )


def decision_help(session: Session, exemption: Exemption) -> dict:
    """What the decision page says before deciding: the rule, from when a right applies (from the due date
    or the child's birth date: health data), the longest discretionary period and the note on age."""
    right, limit, note = None, None, ""
    if exemption.ground in rules.RIGHT_GROUNDS:
        facts = right_facts(
            exemption.doctor,
            due_date=exemption.due_date,
            child_birth_date=exemption.child_birth_date,
            on=exemption.start,
        )
        right = rules.right_period(exemption.ground, facts)
        rule_id, citation = rules.RIGHT
    else:
        rule_id, citation = rules.discretion_rule(exemption.scheme.kind)
        limit, note = max_months(session, exemption.scheme, on=exemption.start), age_note(session, exemption)
    return {
        "rule_id": rule_id,
        "citation": citation,
        "right_start": right.start if right else None,
        "right_end": right.end if right else None,
        "max_months": limit,
        "age_note": note,
        "decisions": rules.allowed_decisions(ground=exemption.ground, applied=exemption.period, right=right),
    }


def impact(
    session: Session,
    *,
    municipality_number: str,
    today: date,
    full: Callable[[Exemption], bool],
    application_ids: Iterable[int] | None = None,
    first_month: date | None = None,
    months: int | None = None,
) -> dict:
    """The impact of granting the pending applications (or the ones named) of a municipality, per scheme
    (`impact_rules`); each application with its ground only where `full(exemption)`."""
    all_exemptions = exemptions(session, municipality_number=municipality_number)
    wanted = set(application_ids) if application_ids is not None else None
    pending = [e for e in all_exemptions if e.status == rules.PENDING and (wanted is None or e.id in wanted)]
    granted = [e for e in all_exemptions if e.status == rules.GRANTED]
    month_list = impact_rules.impact_months(pending, first_month=first_month, count=months, today=today)
    schemes = [
        s
        for s in scheme_queries.schemes(session, municipality_number=municipality_number)
        if wanted is None or any(e.scheme_id == s.id for e in pending)
    ]
    return {
        "municipality": municipality_number,
        "months": [format_month(m) for m in month_list],
        "applications": [impact_rules.application_item(e, full=full(e)) for e in pending],
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


def exempt_periods_of_scheme(
    session: Session, *, scheme_id: int, first: date, last: date
) -> dict[str, list[rules.ExemptPeriod]]:
    """For the roster (the problem builder), inside the caller's transaction: per participant's HPR
    number, the granted exemptions clipped to `first`..`last` (see `rules.exempt_periods`)."""
    scheme = session.get(Scheme, scheme_id)
    if scheme is None:
        raise NotFound(f"Ordning {scheme_id} finnes ikke.")
    granted = exemptions(
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
