"""Test databases: every test that takes `session` or `engine` runs on SQLite and on PostgreSQL.

SQLite always; PostgreSQL when LEGETJENESTE_TEST_POSTGRES_URL is set or the local server answers.
With CI=true, what cannot run fails instead of being skipped.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from legetjeneste import migrate
from legetjeneste.db import Base, make_engine, session_factory

IN_CI = os.environ.get("CI") == "true"
os.environ["LEGETJENESTE_PASSWORD_HASHING"] = "fast"
LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_url() -> tuple[str | None, str]:
    configured = os.environ.get("LEGETJENESTE_TEST_POSTGRES_URL")
    url = configured or LOCAL_POSTGRES
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception as error:
        where = "LEGETJENESTE_TEST_POSTGRES_URL" if configured else f"the local server ({LOCAL_POSTGRES})"
        return None, f"PostgreSQL: {where} does not answer ({type(error).__name__})"
    return url, "PostgreSQL: " + make_url(url).render_as_string(hide_password=True)


POSTGRES_URL, POSTGRES_STATUS = _postgres_url()


def skip_or_fail(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI=true, so this must run: {reason}")
    pytest.skip(reason)


CHROMIUM = shutil.which("chromium")
CHROMIUM_STATUS = f"Chromium: {CHROMIUM}" if CHROMIUM else "Chromium: not installed, browser tests skip"


def pytest_report_header(config) -> list[str]:
    mode = "CI=true: what cannot run fails" if IN_CI else "what cannot run is skipped (see SKIPPED)"
    return [f"legetjeneste: SQLite always; {POSTGRES_STATUS}; {CHROMIUM_STATUS}; {mode}"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """One migrated SQLite file; each test gets a copy."""
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    """A database of its own for this test run, migrated once; dropped at the end."""
    if POSTGRES_URL is None:
        skip_or_fail(POSTGRES_STATUS)
    server = make_url(POSTGRES_URL)
    name = f"legetjeneste_test_{uuid.uuid4().hex[:10]}"
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


def _empty_postgres(engine: Engine) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Iterator[Engine]:
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        engine = make_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
    else:
        engine = request.getfixturevalue("postgres_engine")
        yield engine
        _empty_postgres(engine)


@pytest.fixture
def session(engine) -> Iterator[Session]:
    session = session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def open_session(engine):
    """A factory of fresh sessions, for tests that call several services in a row."""
    factory = session_factory(engine)
    sessions = []

    def make() -> Session:
        sessions.append(factory())
        return sessions[-1]

    yield make
    for made in sessions:
        made.close()
