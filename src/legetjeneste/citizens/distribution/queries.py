"""Reads of the recorded distributions (CIT-REDUCTION-DRAW, AGR-VACANT, CIT-UNASSIGNED)."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.citizens.models import Distribution


def earlier(
    session: Session, *, agreement_id: int, kind: str, case_id: int | None, effective: date
) -> Distribution | None:
    """The distribution already made for the case (or, without a case, for the list and effective date)."""
    query = select(Distribution).where(Distribution.agreement_id == agreement_id, Distribution.kind == kind)
    if case_id is not None:
        query = query.where(Distribution.case_id == case_id)
    else:
        query = query.where(Distribution.effective == effective)
    return session.scalars(query.order_by(Distribution.id)).first()


def of_municipality(session: Session, municipality_number: str, *, limit: int = 50) -> list[Distribution]:
    query = select(Distribution).where(Distribution.municipality_number == municipality_number)
    return list(session.scalars(query.order_by(Distribution.id.desc()).limit(limit)))


def distribution(session: Session, distribution_id: int) -> Distribution | None:
    return session.get(Distribution, distribution_id)
