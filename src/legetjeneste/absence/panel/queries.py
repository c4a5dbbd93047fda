"""Selects for the GP panel and its settings; never commits.

The panel of one agreement is asked for often (by every citizen on the list who opens Helsenorge), and
its target is under 5 ms (docs/benchmarks.md). So each select loads what the panel needs in one statement,
the many-to-one sides and an agreement's few doctor periods joined rather than selected afterwards by id,
and the statements are built once, here, with bound parameters: building a select with its loader options
costs about 0.2 ms each time, as much as running it.
"""

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session, joinedload

from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.registry.models import Agreement, DoctorPeriod

_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_AGREEMENT = (
    select(Agreement)
    .options(
        joinedload(Agreement.office, innerjoin=True),
        joinedload(Agreement.doctor_periods).joinedload(DoctorPeriod.doctor),
    )
    .where(Agreement.id == bindparam("agreement_id"))
)
_AGREEMENT_AND_SERVICES = _AGREEMENT.add_columns(DigitalServices).outerjoin(
    DigitalServices, DigitalServices.agreement_id == Agreement.id
)
_DIGITAL_SERVICES = select(DigitalServices).where(DigitalServices.agreement_id.in_(_IDS))
_ABSENCES = (
    select(Absence)
    .options(joinedload(Absence.doctor, innerjoin=True), joinedload(Absence.vikar))
    .where(Absence.agreement_id.in_(_IDS))
    .order_by(Absence.start, Absence.id)
)
_ASSISTANTS = (
    select(AbsenceAssistant)
    .options(joinedload(AbsenceAssistant.colleague, innerjoin=True))
    .where(AbsenceAssistant.agreement_id.in_(_IDS))
    .order_by(AbsenceAssistant.start, AbsenceAssistant.id)
)
_NOTICES = (
    select(OfficeNotice)
    .options(joinedload(OfficeNotice.office, innerjoin=True))
    .where(OfficeNotice.office_id == bindparam("office_id"))
    .order_by(OfficeNotice.start, OfficeNotice.id)
)


def agreement(session: Session, agreement_id: int) -> Agreement | None:
    """The agreement with its office and its doctor periods with their doctors (periods in start order),
    as `registry.queries.agreement` loads it, in one select."""
    return session.scalars(_AGREEMENT, {"agreement_id": agreement_id}).unique().one_or_none()


def agreement_and_services(
    session: Session, agreement_id: int
) -> tuple[Agreement | None, DigitalServices | None]:
    """The agreement as `agreement` loads it and its saved digital settings (None: none saved), in one
    select; (None, None) when there is no such agreement."""
    row = session.execute(_AGREEMENT_AND_SERVICES, {"agreement_id": agreement_id}).unique().one_or_none()
    return (None, None) if row is None else (row[0], row[1])


def digital_services(session: Session, agreement_ids: list[int]) -> dict[int, DigitalServices]:
    if not agreement_ids:
        return {}
    return {row.agreement_id: row for row in session.scalars(_DIGITAL_SERVICES, {"ids": agreement_ids})}


def absences(session: Session, agreement_ids: list[int]) -> list[Absence]:
    """The agreements' absences with their doctor and vikar, in the order of `absence.queries.absences`."""
    if not agreement_ids:
        return []
    return list(session.scalars(_ABSENCES, {"ids": agreement_ids}))


def assistants(session: Session, agreement_ids: list[int]) -> list[AbsenceAssistant]:
    if not agreement_ids:
        return []
    return list(session.scalars(_ASSISTANTS, {"ids": agreement_ids}))


def notices(session: Session, office_id: int) -> list[OfficeNotice]:
    return list(session.scalars(_NOTICES, {"office_id": office_id}))
