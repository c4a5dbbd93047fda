"""The finder's one read: every list of a municipality with its office, its regular GP on the day, its
length kept in the citizen register (docs/adr/0014), its waiting list and Helfo's latest count — in one
statement, so that the page costs the same for 15 lists as for 600 (no query per list), and the same for
1,000 citizens as for 100,000 (no membership is counted)."""

from datetime import date
from functools import cache

from sqlalchemy import Date, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from legetjeneste.citizens.finder.models import DoctorProfile
from legetjeneste.citizens.finder.rules import ListFacts
from legetjeneste.citizens.models import Citizen, ListLengthChange, WaitingListEntry
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, ListCount, Municipality, Office


def municipalities(session: Session) -> list[tuple[str, str]]:
    """Every municipality in the register: number and name."""
    return [(m.number, m.name) for m in session.scalars(select(Municipality).order_by(Municipality.name))]


def municipality_name(session: Session, number: str) -> str | None:
    return session.scalar(select(Municipality.name).where(Municipality.number == number))


@cache
def _municipality_statement():
    number = bindparam("number")
    keeps = exists().where(Citizen.home_municipality_number == number)
    return select(Municipality.name, keeps).where(Municipality.number == number)


def municipality_and_citizens(session: Session, number: str) -> tuple[str, bool] | None:
    """The municipality's name and whether it keeps its citizens in the register, in one statement."""
    found = session.execute(_municipality_statement(), {"number": number}).first()
    return (found[0], bool(found[1])) if found is not None else None


def has_citizens(session: Session, municipality_number: str) -> bool:
    """Whether the municipality keeps its citizens in the register (then list lengths count them)."""
    query = select(exists().where(Citizen.home_municipality_number == municipality_number))
    return bool(session.scalar(query))


def _active(model, on: date):
    return and_(model.start <= on, or_(model.end.is_(None), model.end >= on))


def lists(session: Session, *, municipality_number: str, on: date) -> list[ListFacts]:
    """The municipality's agreements in force on the day, one row each."""
    rows = session.execute(_lists_statement(), {"municipality": municipality_number, "on": on})
    return [_facts(row) for row in rows]


def _per_agreement(municipality_number, on):
    """The subqueries keyed by agreement: the list length kept for the day, waiting list, Helfo's newest
    month, the regular GP on the day — each limited to the municipality's agreements."""
    in_municipality = select(Agreement.id).where(Agreement.municipality_number == municipality_number)
    members = (
        select(ListLengthChange.agreement_id, func.sum(ListLengthChange.delta).label("n"))
        .where(ListLengthChange.day <= on, ListLengthChange.agreement_id.in_(in_municipality))
        .group_by(ListLengthChange.agreement_id)
    )
    waiting = (
        select(WaitingListEntry.agreement_id, func.count().label("n"))
        .where(WaitingListEntry.agreement_id.in_(in_municipality))
        .group_by(WaitingListEntry.agreement_id)
    )
    newest = (
        select(ListCount.agreement_id, func.max(ListCount.month).label("month"))
        .where(ListCount.month <= on, ListCount.agreement_id.in_(in_municipality))
        .group_by(ListCount.agreement_id)
    )
    regular = (
        select(DoctorPeriod.agreement_id, func.min(DoctorPeriod.doctor_id).label("doctor_id"))
        .where(DoctorPeriod.role == "regular", _active(DoctorPeriod, on))
        .where(DoctorPeriod.agreement_id.in_(in_municipality))
        .group_by(DoctorPeriod.agreement_id)
    )
    return members.subquery(), waiting.subquery(), newest.subquery(), regular.subquery()


@cache
def _lists_statement():
    """Built once (building it costs more than running it for a small municipality); the municipality and
    the day are its parameters."""
    municipality_number, on = bindparam("municipality"), bindparam("on", type_=Date)
    members, waiting, newest, regular = _per_agreement(municipality_number, on)
    columns = (Agreement.id, Agreement.listetak, Agreement.list_status, Office, Doctor.first_name)
    columns += (Doctor.last_name, DoctorProfile.sex, DoctorProfile.languages)
    columns += (func.coalesce(members.c.n, 0), func.coalesce(waiting.c.n, 0))
    return (
        select(*columns, ListCount.list_length, ListCount.waiting_list_count)
        .join(Office, Office.id == Agreement.office_id)
        .outerjoin(members, members.c.agreement_id == Agreement.id)
        .outerjoin(waiting, waiting.c.agreement_id == Agreement.id)
        .outerjoin(newest, newest.c.agreement_id == Agreement.id)
        .outerjoin(ListCount, and_(ListCount.agreement_id == Agreement.id, ListCount.month == newest.c.month))
        .outerjoin(regular, regular.c.agreement_id == Agreement.id)
        .outerjoin(Doctor, Doctor.id == regular.c.doctor_id)
        .outerjoin(DoctorProfile, DoctorProfile.doctor_id == Doctor.id)
        .where(Agreement.municipality_number == municipality_number, _active(Agreement, on))
    )


def _facts(row) -> ListFacts:
    (agreement_id, listetak, status, office, first, last, sex, languages, n, w, length, helfo_waiting) = row
    return ListFacts(
        agreement_id=agreement_id,
        office_id=office.id,
        office_name=office.name,
        street_address=office.street_address,
        postal_code=office.postal_code,
        city=office.city,
        phone=office.phone,
        is_accessible=office.is_accessible,
        listetak=listetak,
        list_status=status,
        doctor_name=f"{first} {last}" if first is not None else None,
        doctor_sex=sex,
        languages=languages or "",
        members=n,
        waiting=w,
        helfo_length=length,
        helfo_waiting=helfo_waiting or 0,
    )


def profile(session: Session, doctor_id: int) -> DoctorProfile | None:
    return session.get(DoctorProfile, doctor_id)


def doctor_names(session: Session, agreement_ids: list[int], *, on: date) -> dict[int, str]:
    """The regular GP of each agreement on the day, by name (a list without a GP is left out)."""
    if not agreement_ids:
        return {}
    query = (
        select(DoctorPeriod.agreement_id, Doctor.first_name, Doctor.last_name)
        .join(Doctor, Doctor.id == DoctorPeriod.doctor_id)
        .where(DoctorPeriod.agreement_id.in_(agreement_ids), DoctorPeriod.role == "regular")
        .where(_active(DoctorPeriod, on))
    )
    return {agreement_id: f"{first} {last}" for agreement_id, first, last in session.execute(query)}


def doctors_by_hpr(session: Session, municipality_number: str, hpr_numbers: list[str]) -> dict[str, int]:
    query = select(Doctor.hpr_number, Doctor.id).where(
        Doctor.municipality_number == municipality_number, Doctor.hpr_number.in_(hpr_numbers)
    )
    return {hpr: doctor_id for hpr, doctor_id in session.execute(query)}
