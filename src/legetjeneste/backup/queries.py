"""The reads and writes of a backup and a restore, on any table the models describe; never commits.

Tables come in the order of their foreign keys (`Base.metadata.sorted_tables`), rows in the order of their
primary key, so a row that points to another row of its own table (a re-planned roster) comes after it.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    Table,
    Text,
    Time,
    bindparam,
    cast,
    exists,
    func,
    inspect,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

import legetjeneste.models  # noqa: F401  (registers every table on Base.metadata)
from legetjeneste.db import Base, ExactDecimal, Timestamp

#: Rows read from the database at a time, and written to it in one statement.
BATCH = 1000


def tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def kind_of(column_type: TypeEngine) -> str:
    """The backup's name for a column's type (backup/rules.py KINDS)."""
    checks: Sequence[tuple[type, str]] = (
        (ExactDecimal, "decimal"),
        (Timestamp, "timestamptz"),
        (Float, "float"),  # before Numeric: SQLAlchemy's Float is a Numeric
        (Numeric, "decimal"),
        (JSON, "json"),
        (Boolean, "boolean"),
        (DateTime, "timestamptz" if getattr(column_type, "timezone", False) else "timestamp"),
        (Date, "date"),
        (Time, "time"),
        (LargeBinary, "binary"),
        (Integer, "integer"),
    )
    for types, kind in checks:
        if isinstance(column_type, types):
            return kind
    return "text"


def columns(table: Table) -> list[list[str]]:
    """The table's columns as [name, kind]."""
    return [[column.name, kind_of(column.type)] for column in table.columns]


def database_tables(session: Session) -> set[str]:
    return set(inspect(session.connection()).get_table_names()) - {"alembic_version"}


def revision(session: Session) -> str | None:
    """The Alembic revision the database is migrated to; None when it is not migrated."""
    if "alembic_version" not in inspect(session.connection()).get_table_names():
        return None
    return session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def counts(session: Session, found: Sequence[Table]) -> dict[str, int]:
    return {table.name: session.scalar(select(func.count()).select_from(table)) or 0 for table in found}


def is_filled(session: Session, table: Table) -> bool:
    return bool(session.scalar(select(exists().select_from(table))))


def rows(session: Session, table: Table) -> Iterator[Sequence[Any]]:
    """Every row in the order of the primary key, streamed (a server-side cursor on PostgreSQL); a JSON
    column as its stored text, so a JSON null and an SQL NULL stay apart."""
    shown = [cast(c, Text) if isinstance(c.type, JSON) else c for c in table.columns]
    query = select(*shown).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
    result = session.connection().execute(query)
    for partition in result.partitions():
        yield from partition


def lock(session: Session, found: Sequence[Table]) -> None:
    """PostgreSQL: no other transaction reads or writes the tables until the restore commits (SQLite's
    write transaction already holds the one write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in found)
        session.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))


def insert(session: Session, table: Table, batch: list[dict[str, Any]]) -> None:
    """Rows keyed by column name; a JSON column's value is its text, stored as it is."""
    postgres = session.get_bind().dialect.name == "postgresql"
    values: dict[str, Any] = {}
    for column in table.columns:
        parameter: Any = bindparam(f"v_{column.name}", type_=column.type)
        if isinstance(column.type, JSON):
            raw = bindparam(f"v_{column.name}", type_=Text)
            parameter = cast(raw, column.type) if postgres else type_coerce(raw, Text)
        values[column.name] = parameter
    keyed = [{f"v_{name}": value for name, value in row.items()} for row in batch]
    session.execute(table.insert().values(values), keyed)


def reset_sequences(session: Session, found: Sequence[Table]) -> None:
    """PostgreSQL: each serial primary key's sequence continues after the largest restored id."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in found:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        sequence = session.scalar(
            text("SELECT pg_get_serial_sequence(:table, :key)"),
            {"table": f'"{table.name}"', "key": keys[0].name},
        )
        if sequence is not None:
            largest = session.scalar(select(func.max(keys[0])))
            session.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": largest or 1, "called": largest is not None},
            )
