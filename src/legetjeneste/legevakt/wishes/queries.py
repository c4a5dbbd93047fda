"""Reading and writing wishes (LV-WISH); the scheme's row lock that lets wishes and publishing take turns."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.dates import Period
from legetjeneste.legevakt.rosters.models import Roster
from legetjeneste.legevakt.schemes.models import Participant, Scheme
from legetjeneste.legevakt.wishes.models import Wish
from legetjeneste.registry.models import Doctor


def lock_scheme(session: Session, scheme_id: int) -> Scheme | None:
    """The scheme, its row taken until the transaction ends (PostgreSQL; SQLite's write transaction holds
    the whole database) — the lock publishing takes too, so a wish and a publication of the same days
    follow one another, and so do two wishes of one scheme (the month's count stays true)."""
    query = select(Scheme).where(Scheme.id == scheme_id).with_for_update(key_share=True)
    return session.scalars(query.execution_options(populate_existing=True)).one_or_none()


def participations(session: Session, *, doctor_id: int, scheme_id: int | None = None) -> list[Participant]:
    """The doctor's participation rows (with their schemes), of one scheme or all."""
    query = (
        select(Participant)
        .options(selectinload(Participant.scheme))
        .where(Participant.doctor_id == doctor_id, Participant.participation_percentage > 0)
    )
    if scheme_id is not None:
        query = query.where(Participant.scheme_id == scheme_id)
    return list(session.scalars(query.order_by(Participant.scheme_id, Participant.start)))


def published_periods(session: Session, *, scheme_id: int, since: date) -> list[Period]:
    """The periods of the scheme's published rosters that end on or after `since`."""
    query = select(Roster.start_date, Roster.end_date).where(
        Roster.scheme_id == scheme_id, Roster.status == "published", Roster.end_date >= since
    )
    return [Period(start, end) for start, end in session.execute(query.order_by(Roster.start_date))]


def wishes(
    session: Session, *, scheme_id: int, doctor_id: int | None = None, since: date | None = None
) -> list[Wish]:
    """The scheme's wishes (of one doctor, from a day), by day and doctor."""
    query = select(Wish).options(selectinload(Wish.doctor), selectinload(Wish.scheme))
    query = query.where(Wish.scheme_id == scheme_id)
    if doctor_id is not None:
        query = query.where(Wish.doctor_id == doctor_id)
    if since is not None:
        query = query.where(Wish.day >= since)
    return list(session.scalars(query.order_by(Wish.day, Wish.doctor_id)))


def wish(session: Session, wish_id: int) -> Wish | None:
    return session.get(Wish, wish_id)


def taken(session: Session, *, scheme_id: int, doctor_id: int, day: date, other_than: int | None) -> bool:
    query = select(Wish.id).where(Wish.scheme_id == scheme_id, Wish.doctor_id == doctor_id, Wish.day == day)
    return any(found != other_than for found in session.scalars(query))


def used_in_month(
    session: Session, *, scheme_id: int, doctor_id: int, month: date, other_than: int | None
) -> int:
    """How many wishes the doctor has in the scheme in the month of `month` (one wish left out)."""
    first = month.replace(day=1)
    after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    query = select(func.count(Wish.id)).where(
        Wish.scheme_id == scheme_id,
        Wish.doctor_id == doctor_id,
        Wish.day >= first,
        Wish.day < after,
        Wish.id != (other_than or 0),
    )
    return session.scalar(query) or 0


def wishes_in(session: Session, *, scheme_id: int, period: Period) -> list[tuple[str, date, str]]:
    """The scheme's wishes in the period as (HPR number, day, kind): the solver's requests."""
    assert period.end is not None
    query = (
        select(Doctor.hpr_number, Wish.day, Wish.kind)
        .join(Doctor, Doctor.id == Wish.doctor_id)
        .where(Wish.scheme_id == scheme_id, Wish.day >= period.start, Wish.day <= period.end)
    )
    return [(hpr, day, kind) for hpr, day, kind in session.execute(query)]
