"""Selects and inserts of decisions and appeals; never commits."""

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from legetjeneste.decisions.models import Appeal, Decision, DecisionCounter
from legetjeneste.registry.models import Municipality


def next_sequence(session: Session, *, municipality_number: str, year: int) -> int:
    """The next number of the municipality's year, taken by one atomic upsert: concurrent decisions wait for
    each other on the counter's row (PostgreSQL) or the write lock (SQLite) and never share a number."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    values = insert(DecisionCounter).values(municipality_number=municipality_number, year=year, last=1)
    upsert = values.on_conflict_do_update(
        index_elements=["municipality_number", "year"], set_={"last": DecisionCounter.last + 1}
    )
    return session.execute(upsert.returning(DecisionCounter.last)).scalar_one()


def municipality_name(session: Session, number: str) -> str:
    municipality = session.get(Municipality, number)
    return municipality.name if municipality else number


def decision(session: Session, decision_id: int) -> Decision | None:
    query = select(Decision).where(Decision.id == decision_id).options(selectinload(Decision.appeals))
    return session.scalars(query).one_or_none()


def decision_for_update(session: Session, decision_id: int) -> Decision | None:
    """The decision read again and, on PostgreSQL, locked until the transaction ends: appeals and their
    handling of one decision take turns (on SQLite the write transaction holds the database)."""
    query = select(Decision).where(Decision.id == decision_id).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).one_or_none()


def replaced_by(session: Session, decision_ids: list[int]) -> dict[int, int]:
    """{decision id: the id of the decision that reversed it}."""
    if not decision_ids:
        return {}
    query = select(Decision.replaces_id, Decision.id).where(Decision.replaces_id.in_(decision_ids))
    return {old: new for old, new in session.execute(query) if old is not None}


def of_doctor(session: Session, doctor_id: int) -> list[Decision]:
    query = (
        select(Decision)
        .where(Decision.doctor_id == doctor_id)
        .options(selectinload(Decision.appeals))
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
    )
    return list(session.scalars(query))


def of_municipality(session: Session, municipality_number: str) -> list[Decision]:
    query = (
        select(Decision)
        .where(Decision.municipality_number == municipality_number)
        .options(selectinload(Decision.appeals))
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
    )
    return list(session.scalars(query))


def open_appeals(session: Session, municipality_number: str) -> list[Appeal]:
    query = (
        select(Appeal)
        .join(Decision, Appeal.decision_id == Decision.id)
        .where(Decision.municipality_number == municipality_number, Appeal.status == "received")
        .order_by(Appeal.received_at, Appeal.id)
    )
    return list(session.scalars(query))


def of_case(session: Session, *, case_entity: str, case_id: int) -> list[Decision]:
    query = (
        select(Decision)
        .where(Decision.case_entity == case_entity, Decision.case_id == case_id)
        .order_by(Decision.id)
    )
    return list(session.scalars(query))
