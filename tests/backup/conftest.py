"""A database with the demo and some activity, an empty migrated target of either backend, and a reader
that gives every row of every table (all columns) for comparing them."""

import shutil
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import JSON, Engine, Text, cast, create_engine, select, text
from sqlalchemy.engine import make_url

from legetjeneste import migrate
from legetjeneste.audit import service as audit_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.db import Base, make_engine, open_session
from legetjeneste.jobs import service as jobs_service
from legetjeneste.payments.runs import service as runs_service
from tests.conftest import POSTGRES_STATUS, POSTGRES_URL, skip_or_fail
from tests.legevakt.rosters.fixtures import make_scheme, solve
from tests.support import VEFSN_KOMMUNEOVERLEGE, load_demo


def fill(engine: Engine) -> None:
    """The demo, a basistilskudd run, a solved roster, a queued and a failed job, and audited reads."""

    def call(use_case, *args, **kwargs):
        with open_session(engine) as session:
            return use_case(session, *args, **kwargs)

    call(load_demo)
    call(
        runs_service.compute_run,
        actor=VEFSN_KOMMUNEOVERLEGE,
        municipality_number="1824",
        month=date(2026, 3, 1),
    )
    call(solve, call(make_scheme, import_vefsn=False))
    with open_session(engine) as session, session.begin():
        failed = jobs_service.enqueue(session, kind="test.never", payload={"ø": [1, None]})
    assert call(jobs_service.claim, worker="test", kinds=["test.never"]).id == failed
    call(jobs_service.end, job_id=failed, worker="test", error="Feilet med vilje")
    with engine.begin() as connection:  # a JSON null, beside the queued job's SQL NULL
        connection.execute(text("UPDATE job SET result = 'null' WHERE id = :id"), {"id": failed})
    with open_session(engine) as session, session.begin():
        jobs_service.enqueue(session, kind="test.never")
    call(audit_service.list_entries, actor=SYSTEM)


def every_row(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's rows by primary key, all columns; JSON as stored text; timestamps as aware instants."""
    found = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            shown = [cast(c, Text) if isinstance(c.type, JSON) else c for c in table.columns]
            rows = connection.execute(select(*shown).order_by(*table.primary_key.columns))
            found[table.name] = [tuple(row) for row in rows]
    return found


@pytest.fixture
def filled(engine) -> Engine:
    fill(engine)
    return engine


@pytest.fixture(scope="module")
def postgres_target() -> Iterator[Engine]:
    """A PostgreSQL database of its own, migrated once; emptied after each test that used it."""
    if POSTGRES_URL is None:
        skip_or_fail(POSTGRES_STATUS)
    server = make_url(POSTGRES_URL)
    name = f"legetjeneste_restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(server.set(database=name).render_as_string(hide_password=False))
    migrate.upgrade(engine)
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path) -> Iterator[Engine]:
    """An empty database migrated to the newest revision, of either backend."""
    if request.param == "sqlite":
        path = tmp_path / "target.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        engine = make_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
        return
    engine = request.getfixturevalue("postgres_target")
    yield engine
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        # The audit log refuses TRUNCATE by a trigger; the test's superuser switches triggers off.
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
