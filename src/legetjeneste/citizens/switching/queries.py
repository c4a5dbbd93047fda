"""The reads and writes of a switch that no other use case shares (CIT-SWITCH, CIT-CHILDREN, CIT-WAIT), as
Core statements built once: a switch is the register's busiest write (issue 17: 200 a second), and loading
objects cost more of its time than the statements themselves. The move itself is
`citizens.places.queries.move`."""

from datetime import date
from functools import cache

from sqlalchemy import Date, bindparam, delete, select
from sqlalchemy.orm import Session

from legetjeneste.citizens.models import Citizen, CitizenParent, Membership, WaitingListEntry
from legetjeneste.citizens.queries import ParentLink
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod


def lock_for_switch(session: Session, agreement_id: int, *, on: date):
    """The agreement as a switch onto it needs it, its row taken until the transaction ends like
    `lock_agreement` (AGR-OPEN: switches onto one list take turns), with its regular GP's name on the day
    (None: without a GP) in the same statement; a row, not an object. Only what cannot change a switch's
    decision is read here: the list's length is read after the lock is held (`lengths.kept`)."""
    return session.execute(_switch_target_statement(), {"id": agreement_id, "on": on}).one_or_none()


@cache
def _switch_target_statement():
    """Core columns, not ORM attributes: no ORM compile state per execution (a switch's hot path)."""
    agreement, period, doctor = Agreement.__table__, DoctorPeriod.__table__, Doctor.__table__
    on = bindparam("on", type_=Date)
    gp = (
        select(doctor.c.first_name + " " + doctor.c.last_name)
        .join(period, period.c.doctor_id == doctor.c.id)
        .where(
            period.c.agreement_id == agreement.c.id,
            period.c.role == "regular",
            period.c.start_date <= on,
            period.c.end_date.is_(None) | (period.c.end_date >= on),
        )
        .order_by(period.c.start_date.desc())
        .limit(1)
        .correlate(agreement)
        .scalar_subquery()
    )
    columns = (agreement.c.id, agreement.c.start_date.label("start"), agreement.c.end_date.label("end"))
    return (
        select(*columns, agreement.c.listetak, agreement.c.list_status, agreement.c.municipality_number)
        .add_columns(gp.label("doctor_name"))
        .where(agreement.c.id == bindparam("id"))
        .with_for_update(key_share=True, of=agreement)
    )


def history(session: Session, citizen_id: int):
    """The citizen's list history, earliest first, as rows (agreement_id, start, end, begin_reason): what
    a switch's rules read (`switching.rules.Place`), without loading objects."""
    return session.execute(_history_statement(), {"citizen": citizen_id}).all()


@cache
def _history_statement():
    table = Membership.__table__
    columns = (table.c.agreement_id, table.c.start_date.label("start"), table.c.end_date.label("end"))
    query = select(*columns, table.c.begin_reason).where(table.c.citizen_id == bindparam("citizen"))
    return query.order_by(table.c.start_date)


def leave_waiting_list_for(session: Session, *, citizen_id: int, agreement_id: int) -> None:
    """CIT-WAIT — the citizen off the agreement's waiting list, if on it (they got a place on its list)."""
    session.execute(_leave_statement(), {"citizen": citizen_id, "agreement": agreement_id})


@cache
def _leave_statement():
    table = WaitingListEntry.__table__
    return delete(table).where(
        table.c.citizen_id == bindparam("citizen"), table.c.agreement_id == bindparam("agreement")
    )


def parents_placed(session: Session, child_id: int, *, on: date) -> dict[ParentLink, int | None]:
    """The child's parents as (citizen id, sex, is_primary), each with the agreement whose list they are on
    on the day (None: on none), in one statement (CIT-CHILDREN: whether the parent the child follows is on
    a list)."""
    rows = session.execute(_parents_placed_statement(), {"child": child_id, "on": on})
    return {(parent_id, sex, primary): agreement_id for parent_id, sex, primary, agreement_id in rows}


@cache
def _parents_placed_statement():
    citizen, link, place = Citizen.__table__, CitizenParent.__table__, Membership.__table__
    on = bindparam("on", type_=Date)
    covers = (place.c.start_date <= on) & (place.c.end_date.is_(None) | (place.c.end_date >= on))
    return (
        select(citizen.c.id, citizen.c.sex, link.c.is_primary, place.c.agreement_id)
        .join(link, link.c.parent_id == citizen.c.id)
        .outerjoin(place, (place.c.citizen_id == citizen.c.id) & covers)
        .where(link.c.child_id == bindparam("child"))
    )
