"""Helpers for tests: demo data, actors, documents.

The demo is built once per test run and database kind: the first `import_demo`/`load_demo` on an
empty database runs the real import and keeps a snapshot of every table (and, on PostgreSQL, every
sequence); later calls on an empty database insert that snapshot instead, which gives the same rows
in a fraction of the time. On a database that already holds something, the real import runs.
"""

import copy
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table, exists, insert, literal, select, text
from sqlalchemy.orm import Session

import legetjeneste.models  # noqa: F401  (registers every table on Base.metadata)
from legetjeneste import demo as demo_data
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.db import Base
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import load_document

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
VEFSN_FILE = EXAMPLES / "1824-vefsn.yaml"
KRAGERO_FILE = EXAMPLES / "4014-kragero.yaml"

VEFSN_KOMMUNEOVERLEGE = Actor(email="kol@vefsn.example", role="kommuneoverlege", municipality_number="1824")
KRAGERO_KOMMUNEOVERLEGE = Actor(
    email="kol@kragero.example", role="kommuneoverlege", municipality_number="4014"
)
# Approves the payment runs the kommuneoverlege computes (PAY-FOUR-EYES).
VEFSN_APPROVER = Actor(email="okonomi@vefsn.example", role="municipality_admin", municipality_number="1824")
VEFSN_DOCTOR = Actor(email="lege@vefsn.example", role="doctor", municipality_number="1824")
VEFSN_CITIZEN = Actor(email="innbygger@vefsn.example", role="citizen", municipality_number="1824")


def document(path: Path = VEFSN_FILE) -> dict:
    """The example file's document, a copy of its own to change (read and parsed once per run)."""
    return copy.deepcopy(_parsed(path))


@lru_cache
def _parsed(path: Path) -> dict:
    return load_document(path.read_text(encoding="utf-8"))


def real_import_demo(session: Session, *paths: Path) -> None:
    for path in paths or (VEFSN_FILE, KRAGERO_FILE):
        file_service.import_municipality_file(session, actor=SYSTEM, document=document(path))


def import_demo(session: Session, *paths: Path) -> None:
    key = tuple(path.resolve().name for path in paths or (VEFSN_FILE, KRAGERO_FILE))
    from_snapshot(session, key, lambda: real_import_demo(session, *paths))


REAL_LOAD_DEMO = demo_data.load_demo


def load_demo(session: Session, *, citizens: bool = False) -> tuple[demo_data.DemoLogin, ...]:
    """`legetjeneste.demo.load_demo`, from the snapshot when the database is empty (tests/conftest.py).
    Without the ~24,000 demo citizens unless asked for (`citizens=True`): they would cost every test that
    loads the demo (and every browser test's server) their restore."""
    key = ("load_demo", "citizens") if citizens else ("load_demo",)
    return from_snapshot(session, key, lambda: REAL_LOAD_DEMO(session, citizens=citizens))


# The snapshot: every table's rows and the sequences' positions right after the real import.


class Snapshot:
    def __init__(
        self, rows: dict[Table, list[dict[str, Any]]], sequences: list[tuple[str, int]], result: Any
    ):
        self.rows, self.sequences, self.result = rows, sequences, result


SNAPSHOTS: dict[tuple[str, tuple[str, ...]], Snapshot] = {}


def from_snapshot(session: Session, key: tuple[str, ...], build: Callable[[], Any]) -> Any:
    if session.new or session.dirty or session.deleted or session.in_transaction() or not is_empty(session):
        return build()
    dialect = session.get_bind().dialect.name
    snapshot = SNAPSHOTS.get((dialect, key))
    if snapshot is None:
        result = build()
        SNAPSHOTS[(dialect, key)] = snapshot = capture(session)
        snapshot.result = result
        return result
    restore(session, snapshot)
    return snapshot.result


# Jobs are not data: a server started by a test queues its daily jobs in the background at any moment, so the
# snapshot neither holds nor restores them (nor their sequence), and they do not make a database non-empty.
NOT_DATA = {"job"}


def _data_tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.name not in NOT_DATA]


def _used_sequences(session: Session) -> list[tuple[str, int]]:
    found = session.execute(
        text(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value"
            " FROM pg_sequences WHERE last_value IS NOT NULL"
        )
    )
    return [(name, value) for name, value in found if name.split(".")[-1] not in {"job_id_seq"}]


def is_empty(session: Session) -> bool:
    """No row in any table of data, and on PostgreSQL no such sequence used since the last reset."""
    checks = [exists(select(literal(1)).select_from(table)) for table in _data_tables()]
    try:
        if any(session.execute(select(*checks)).one()):
            return False
        if session.get_bind().dialect.name == "postgresql":
            return not _used_sequences(session)
        return True
    finally:
        session.commit()


def capture(session: Session) -> Snapshot:
    try:
        rows = {
            table: [dict(row) for row in session.execute(select(table)).mappings()]
            for table in _data_tables()
        }
        postgres = session.get_bind().dialect.name == "postgresql"
        return Snapshot(rows, _used_sequences(session) if postgres else [], None)
    finally:
        session.commit()


def restore(session: Session, snapshot: Snapshot) -> None:
    with session.begin():
        postgres = session.get_bind().dialect.name == "postgresql"
        for table, rows in snapshot.rows.items():
            if rows and postgres:
                _copy(session, table, rows)
            elif rows:
                session.execute(insert(table), rows)
        for name, value in snapshot.sequences:
            session.execute(text("SELECT setval(:name, :value, true)"), {"name": name, "value": value})


def _copy(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY, much faster than INSERT for the SSB figures; values bound as INSERT binds them."""
    dialect = session.get_bind().dialect
    columns = [
        (column.name, column.type.dialect_impl(dialect).bind_processor(dialect)) for column in table.columns
    ]
    names = ", ".join(f'"{name}"' for name, _ in columns)
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([process(row[name]) if process else row[name] for name, process in columns])
