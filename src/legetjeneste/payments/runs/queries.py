"""Reading and writing runs and their lines, and reading what a month's run rests on, as plain rows where
a whole country's rows would cost too much as mapped objects; never commits."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import cast

from sqlalchemy import Row, Table, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased, selectinload

from legetjeneste.absence.models import Absence
from legetjeneste.payments.breach.models import BreachCase
from legetjeneste.payments.hours.models import DutyHours
from legetjeneste.payments.runs.models import PaymentLine, PaymentRun
from legetjeneste.payments.runs.rules.lines import WITHHELD_PAYOUT, WITHHOLDING
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, ListCount

_LINE_TABLE = cast(Table, PaymentLine.__table__)
_RUN_TABLE = cast(Table, PaymentRun.__table__)


def run(session: Session, number: str, month: date, *, with_lines: bool = True) -> PaymentRun | None:
    query = select(PaymentRun).where(PaymentRun.municipality_number == number, PaymentRun.month == month)
    if with_lines:
        query = query.options(selectinload(PaymentRun.lines))
    return session.scalar(query)


def locked_run(session: Session, number: str, month: date) -> PaymentRun | None:
    """The month's run, its row locked until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite
    holds its one write lock already), read afresh even if the session holds it from an earlier one."""
    return session.scalar(
        select(PaymentRun)
        .where(PaymentRun.municipality_number == number, PaymentRun.month == month)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def claim_run(session: Session, values: dict) -> bool:
    """Insert the month's run (`values` of a first computation) unless it exists: whether it was inserted.
    ON CONFLICT DO NOTHING, so a run inserted at the same moment by another transaction is waited for on
    the unique (municipality, month) instead of failing."""
    make = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        make(_RUN_TABLE)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["municipality_number", "month"])
        .returning(_RUN_TABLE.c.id)
    )
    return session.execute(statement).first() is not None


def mark_recomputed(session: Session, run_id: int, *, at: datetime, by: str, due: date) -> bool:
    """One more version of a draft; whether the run was still a draft (an approved run never changes)."""
    statement = (
        update(_RUN_TABLE)
        .where(_RUN_TABLE.c.id == run_id, _RUN_TABLE.c.status == "draft")
        .values(version=_RUN_TABLE.c.version + 1, computed_at=at, computed_by=by, due_date=due)
    )
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined]


def mark_approved(session: Session, run_id: int, *, version: int, at: datetime, by: str) -> bool:
    """Approve the draft if it is still the version checked; whether it was."""
    statement = (
        update(_RUN_TABLE)
        .where(_RUN_TABLE.c.id == run_id, _RUN_TABLE.c.status == "draft", _RUN_TABLE.c.version == version)
        .values(status="approved", approved_at=at, approved_by=by)
    )
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined]


def runs(session: Session, number: str) -> list[PaymentRun]:
    """The municipality's runs with their lines, newest month first."""
    return list(
        session.scalars(
            select(PaymentRun)
            .options(selectinload(PaymentRun.lines))
            .where(PaymentRun.municipality_number == number)
            .order_by(PaymentRun.month.desc())
        )
    )


def approved_months(session: Session, number: str, before: date) -> list[date]:
    return list(
        session.scalars(
            select(PaymentRun.month)
            .where(
                PaymentRun.municipality_number == number,
                PaymentRun.status == "approved",
                PaymentRun.month < before,
            )
            .order_by(PaymentRun.month)
        )
    )


def line_rows(session: Session, run_id: int) -> list[Row]:
    """The run's stored lines as plain rows in position order, with what a RunRead and the signature read."""
    return list(
        session.execute(
            select(
                PaymentLine.position,
                PaymentLine.agreement_id,
                PaymentLine.payee_doctor_id,
                PaymentLine.payee_hpr,
                PaymentLine.payee_name,
                PaymentLine.kind,
                PaymentLine.amount,
                PaymentLine.rule_id,
                PaymentLine.citation,
                PaymentLine.text,
                PaymentLine.refers_to_month,
            )
            .where(PaymentLine.run_id == run_id)
            .order_by(PaymentLine.position)
        )
    )


def approved_line_rows(session: Session, number: str, before: date) -> list[Row]:
    """The lines of the approved runs before `before` as plain rows, by month and position."""
    return list(
        session.execute(
            select(
                PaymentRun.month,
                PaymentLine.agreement_id,
                PaymentLine.payee_hpr,
                PaymentLine.kind,
                PaymentLine.rule_id,
                PaymentLine.calculation,
                PaymentLine.refers_to_month,
                PaymentLine.amount,
            )
            .join(PaymentRun, PaymentRun.id == PaymentLine.run_id)
            .where(
                PaymentRun.municipality_number == number,
                PaymentRun.status == "approved",
                PaymentRun.month < before,
            )
            .order_by(PaymentRun.month, PaymentLine.position)
        )
    )


def replace_lines(session: Session, run: PaymentRun, rows: list[dict]) -> None:
    """One DELETE and one bulk INSERT. Clearing the loaded collection instead costs time that grows with the
    square of the lines (SQLAlchemy checks every removed line against the whole collection), seconds for a
    whole country."""
    session.execute(delete(PaymentLine).where(PaymentLine.run_id == run.id))
    if rows:  # the table, not the mapped class: the ORM would split the rows into runs by their None values
        session.execute(insert(_LINE_TABLE), rows)
    session.expire(run, ["lines"])


def payment_accounts(session: Session, doctor_ids: set[int]) -> dict[int, str | None]:
    return dict(
        session.execute(select(Doctor.id, Doctor.payment_account).where(Doctor.id.in_(doctor_ids))).all()
    )


def agreement_rows(session: Session, number: str) -> list[Row]:
    return list(
        session.execute(
            select(
                Agreement.id,
                Agreement.operating_model,
                Agreement.listetak,
                Agreement.agreement_date,
                Agreement.start,
                Agreement.end,
            )
            .where(Agreement.municipality_number == number)
            .order_by(Agreement.id)
        )
    )


def regular_period_rows(session: Session, number: str) -> list[Row]:
    """The regular doctors' periods of the municipality's agreements, with the doctor's id, HPR and name."""
    return list(
        session.execute(
            select(
                DoctorPeriod.agreement_id,
                DoctorPeriod.start,
                DoctorPeriod.end,
                Doctor.id,
                Doctor.hpr_number,
                Doctor.first_name,
                Doctor.last_name,
            )
            .join(Doctor, Doctor.id == DoctorPeriod.doctor_id)
            .join(Agreement, Agreement.id == DoctorPeriod.agreement_id)
            .where(Agreement.municipality_number == number, DoctorPeriod.role == "regular")
            .order_by(DoctorPeriod.agreement_id, DoctorPeriod.start, DoctorPeriod.id)
        )
    )


def _counts_in_municipality(number: str):
    return (
        select(ListCount.agreement_id)
        .join(Agreement, Agreement.id == ListCount.agreement_id)
        .where(Agreement.municipality_number == number)
    )


def count_rows(session: Session, number: str, months: Sequence[date]) -> list[Row]:
    return list(
        session.execute(
            _counts_in_municipality(number)
            .add_columns(ListCount.month, ListCount.list_length, ListCount.pbt_annual_amount)
            .where(ListCount.month.in_(sorted(set(months))))
        )
    )


def first_reached(session: Session, number: str, minimum: int) -> dict[int, date]:
    """Per agreement, the first month with a count of at least `minimum` patients."""
    return dict(
        session.execute(
            _counts_in_municipality(number)
            .add_columns(func.min(ListCount.month))
            .where(ListCount.list_length >= minimum)
            .group_by(ListCount.agreement_id)
        ).all()
    )


def absence_rows(session: Session, number: str, first: date, last: date) -> list[Row]:
    """The municipality's absences overlapping first..last as plain rows, in the order of
    absence.queries.absences (start, id), each with its vikar's id, HPR number and name."""
    vikar = aliased(Doctor)
    return list(
        session.execute(
            select(
                Absence.id,
                Absence.doctor_id,
                Absence.agreement_id,
                Absence.ground,
                Absence.start,
                Absence.end,
                Absence.cover,
                Absence.details,
                vikar.id.label("vikar_id"),
                vikar.hpr_number.label("vikar_hpr"),
                vikar.first_name.label("vikar_first_name"),
                vikar.last_name.label("vikar_last_name"),
            )
            .outerjoin(vikar, vikar.id == Absence.vikar_doctor_id)
            .where(Absence.municipality_number == number, Absence.start <= last, Absence.end >= first)
            .order_by(Absence.start, Absence.id)
        )
    )


def duty_hours(session: Session, number: str, month: date) -> list[DutyHours]:
    return list(
        session.scalars(
            select(DutyHours)
            .options(selectinload(DutyHours.doctor))
            .where(DutyHours.municipality_number == number, DutyHours.month == month)
        )
    )


def decided_breach_cases(session: Session, number: str) -> list[BreachCase]:
    """AGR-BREACH — the municipality's cases with a decision, with their agreements."""
    return list(
        session.scalars(
            select(BreachCase)
            .options(selectinload(BreachCase.agreement))
            .where(BreachCase.municipality_number == number, BreachCase.decision_date.is_not(None))
        )
    )


def approved_breach_lines(session: Session, number: str) -> list[PaymentLine]:
    """The withholding and pay-out lines of the municipality's approved runs."""
    return list(
        session.scalars(
            select(PaymentLine)
            .join(PaymentRun)
            .where(
                PaymentRun.municipality_number == number,
                PaymentRun.status == "approved",
                PaymentLine.kind.in_((WITHHOLDING, WITHHELD_PAYOUT)),
            )
        ).all()
    )
