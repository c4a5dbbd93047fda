"""Reading and writing duties, tasks and orders; never commits."""

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.duties.models import DutyAssignment, DutyOrder, DutyProfile, DutyTask
from legetjeneste.registry.models import Agreement, DoctorPeriod


def assignments(
    session: Session, *, municipality_number: str, on: date | None = None, doctor_id: int | None = None
) -> list[DutyAssignment]:
    """The municipality's assignments (in force on `on`, when given), by doctor and start."""
    query = (
        select(DutyAssignment)
        .options(selectinload(DutyAssignment.doctor), selectinload(DutyAssignment.task))
        .where(DutyAssignment.municipality_number == municipality_number)
        .order_by(DutyAssignment.doctor_id, DutyAssignment.start, DutyAssignment.id)
    )
    if on is not None:
        query = query.where(
            DutyAssignment.start <= on, or_(DutyAssignment.end.is_(None), DutyAssignment.end >= on)
        )
    if doctor_id is not None:
        query = query.where(DutyAssignment.doctor_id == doctor_id)
    return list(session.scalars(query))


def profiles(session: Session, *, municipality_number: str) -> dict[int, DutyProfile]:
    query = select(DutyProfile).where(DutyProfile.municipality_number == municipality_number)
    return {p.doctor_id: p for p in session.scalars(query)}


def profile(session: Session, doctor_id: int) -> DutyProfile | None:
    return session.get(DutyProfile, doctor_id)


def gp_periods(session: Session, *, municipality_number: str, on: date) -> list[DoctorPeriod]:
    """The regular GPs and deleleger serving an agreement of the municipality on the day, with the
    agreement (its opening hours and listetak) and the doctor."""
    query = (
        select(DoctorPeriod)
        .join(Agreement, Agreement.id == DoctorPeriod.agreement_id)
        .options(selectinload(DoctorPeriod.agreement), selectinload(DoctorPeriod.doctor))
        .where(
            Agreement.municipality_number == municipality_number,
            DoctorPeriod.role.in_(("regular", "delelege")),
            DoctorPeriod.start <= on,
            or_(DoctorPeriod.end.is_(None), DoctorPeriod.end >= on),
        )
        .order_by(DoctorPeriod.doctor_id, DoctorPeriod.start)
    )
    return list(session.scalars(query))


def tasks(session: Session, *, municipality_number: str) -> list[DutyTask]:
    query = (
        select(DutyTask)
        .where(DutyTask.municipality_number == municipality_number)
        .order_by(DutyTask.start, DutyTask.id)
    )
    return list(session.scalars(query))


def task_by_code(session: Session, *, municipality_number: str, code: str) -> DutyTask | None:
    return session.scalar(
        select(DutyTask).where(DutyTask.municipality_number == municipality_number, DutyTask.code == code)
    )


def orders(
    session: Session, *, municipality_number: str, task_id: int | None = None, doctor_id: int | None = None
) -> list[DutyOrder]:
    query = (
        select(DutyOrder)
        .options(selectinload(DutyOrder.doctor), selectinload(DutyOrder.task))
        .where(DutyOrder.municipality_number == municipality_number)
        .order_by(DutyOrder.notified_on, DutyOrder.id)
    )
    if task_id is not None:
        query = query.where(DutyOrder.task_id == task_id)
    if doctor_id is not None:
        query = query.where(DutyOrder.doctor_id == doctor_id)
    return list(session.scalars(query))


def assigned_hours_of_task(session: Session, task_id: int) -> list[DutyAssignment]:
    query = select(DutyAssignment).where(DutyAssignment.task_id == task_id)
    return list(session.scalars(query))
