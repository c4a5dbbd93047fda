"""Engine and session factory, created lazily; the declarative Base with a naming convention."""

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

from sqlalchemy import DateTime, Engine, MetaData, Numeric, String, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from legetjeneste.errors import Conflict
from legetjeneste.settings import get_settings

P = ParamSpec("P")
T = TypeVar("T")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ExactDecimal(TypeDecorator):
    """NUMERIC on PostgreSQL; text on SQLite, whose NUMERIC is a float and would lose øre."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 14, scale: int = 2):
        super().__init__()
        self.precision, self.scale = precision, scale

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(self.precision, self.scale))

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name != "sqlite":
            return value
        return str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class Timestamp(TypeDecorator):
    """An instant: TIMESTAMP WITH TIME ZONE on PostgreSQL, DATETIME holding UTC on SQLite; given back as an
    aware datetime in UTC on both, so the API and the CLI write it the same way (`…+00:00` / `…Z`).

    An aware datetime in any zone is stored as its instant. A naive datetime is refused: it does not say
    which instant it is (Oslo's wall clock and UTC differ by one or two hours), so a caller must say."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"Timestamp needs an aware datetime, not {value.isoformat()} without a zone")
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@event.listens_for(Base, "mapper_configured", propagate=True)
def _timestamps_held_in_utc(mapper, class_) -> None:
    """A Timestamp attribute holds UTC from the moment it is set, so an object answered before it is read
    back from the database (`created_at=now_oslo()` just added) says the same as one read back."""
    for column_property in mapper.column_attrs:
        if any(isinstance(column.type, Timestamp) for column in column_property.columns):
            event.listen(getattr(class_, column_property.key), "set", _in_utc, retval=True)


def _in_utc(_target, value, _old, _initiator):
    return value.astimezone(UTC) if isinstance(value, datetime) and value.utcoffset() is not None else value


def make_engine(url: str, **options) -> Engine:
    """The engine for `url`; `options` go to SQLAlchemy's create_engine (e.g. a pool size)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **options)


# How long a SQLite writer waits for the one write lock before "database is locked": 50 writers queued
# behind each other (a race test, a busy office) take up to ~4 s on a loaded 2-core machine, so 15 s.
BUSY_TIMEOUT_MS = 15_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """BEGIN IMMEDIATE for a write transaction: it waits for the one write lock before its first read.

    Any other transaction keeps the driver's own way: its reads see the newest data and it begins at
    its first write, waiting for the lock (busy_timeout) there. A transaction that began at a read
    could not take the lock later once another writer had committed ("database is locked" at once).
    """
    if connection.get_execution_options().get(WRITE, False):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


WRITE = "legetjeneste_write"


@contextmanager
def write_transaction(session: Session) -> Iterator[Session]:
    """`session.begin()` for a use case that reads, checks and then writes (docs/adr/0010).

    On SQLite the transaction takes the database's one write lock before its first read (BEGIN
    IMMEDIATE), so no other writer can change what it checked before it commits. On PostgreSQL it is a
    plain READ COMMITTED transaction: the use case holds its invariant with a constraint, a conditional
    UPDATE or `SELECT … FOR UPDATE` on the rows it checks.
    """
    with session.begin():
        session.connection(execution_options={WRITE: True})
        yield session


# How long a write transaction on SQLite waits for the database's one write lock, in tries of the busy
# timeout (BUSY_TIMEOUT_MS each); PostgreSQL waits on its row locks by itself.
WAIT_FOR_WRITER_SECONDS = 60.0
BUSY = "Databasen er opptatt med andre endringer akkurat nå. Ingenting ble lagret; prøv igjen om litt."


def when_free(use_case: Callable[P, T]) -> Callable[P, T]:
    """A use case (one write_transaction) tried again while SQLite's write lock is held by another writer
    past the busy timeout, for up to WAIT_FOR_WRITER_SECONDS; then refused with a Conflict in Norwegian.

    Safe to try again: SQLite refuses at BEGIN IMMEDIATE, before the use case has read or written, and a
    refused transaction is rolled back whole."""

    @wraps(use_case)
    def tried(*args: P.args, **kwargs: P.kwargs) -> T:
        deadline = time.monotonic() + WAIT_FOR_WRITER_SECONDS
        while True:
            try:
                return use_case(*args, **kwargs)
            except OperationalError as error:
                if not _sqlite_busy(error):
                    raise
                if time.monotonic() > deadline:
                    raise Conflict(BUSY) from error

    return tried


def _sqlite_busy(error: OperationalError) -> bool:
    code = getattr(error.orig, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_BUSY


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().resolved_database_url())


def session_factory(engine: Engine | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=engine or get_engine(), expire_on_commit=False)


@contextmanager
def open_session(engine: Engine | None = None) -> Iterator[Session]:
    session = session_factory(engine)()
    try:
        yield session
    finally:
        session.close()
