"""Selects of exemptions, and the exempt periods of a scheme's participants the roster builds on; never
commits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.agreement import parameters
from legetjeneste.errors import NotFound
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.legevakt.schemes.models import Scheme


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
