"""A GP's own applications for exemption, newest first."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.legevakt.exemptions.models import Exemption


def exemptions_of_doctor(session: Session, doctor_id: int) -> list[Exemption]:
    query = (
        select(Exemption)
        .options(selectinload(Exemption.scheme))
        .where(Exemption.doctor_id == doctor_id)
        .order_by(Exemption.applied_on.desc(), Exemption.id.desc())
    )
    return list(session.scalars(query))
