"""Reading supervision agreements; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.duties.supervision.models import SupervisionAgreement


def agreements(session: Session, *, municipality_number: str) -> list[SupervisionAgreement]:
    query = (
        select(SupervisionAgreement)
        .options(selectinload(SupervisionAgreement.doctor))
        .where(SupervisionAgreement.municipality_number == municipality_number)
        .order_by(SupervisionAgreement.start, SupervisionAgreement.id)
    )
    return list(session.scalars(query))
