"""Test databases: every test that takes `session` or `engine` runs on SQLite and on PostgreSQL.

SQLite always; PostgreSQL when LEGETJENESTE_TEST_POSTGRES_URL is set or the local server answers.
With CI=true, what cannot run fails instead of being skipped.
"""

import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import legetjeneste.demo
from legetjeneste import migrate
from legetjeneste.db import Base, make_engine, session_factory
from legetjeneste.settings import get_settings
from tests import support

# Every caller of `legetjeneste.demo.load_demo` in tests (fixtures, the CLI, the browser tests' servers)
# gets the demo from a snapshot when the database is empty; see tests/support.py.
legetjeneste.demo.load_demo = support.load_demo


@event.listens_for(Engine, "connect")
def _no_fsync_on_sqlite(dbapi_connection, _record) -> None:
    """Tests need no durability after a crash: SQLite commits without waiting for the disk (every engine)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


IN_CI = os.environ.get("CI") == "true"
os.environ["LEGETJENESTE_PASSWORD_HASHING"] = "fast"
os.environ["LEGETJENESTE_TEST_IDENTITIES"] = "true"  # synthetic fødselsnumre (citizens/rules.py)
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


# The edges — pages, routers, forms and API modules (tests/**/test_*pages.py, …router.py, …forms.py,
# …api.py) — run on SQLite only: they translate HTTP into one service call, and the services and queries
# under them run on both databases. PostgreSQL still meets every page through the per-role crawl
# (tests/web/test_crawl_per_role.py) and the timestamp and health-data tests of the API. A test an edge
# module runs on PostgreSQL alone (parametrized so) still runs.
EDGES = re.compile(r"/test_(\w+_)?(pages|router|forms|api)\.py$")


def pytest_collection_modifyitems(config, items) -> None:
    on_sqlite = {item.nodeid.replace("postgresql", "sqlite") for item in items if _backend(item) == "sqlite"}
    edge_twins = [
        item
        for item in items
        if _backend(item) == "postgresql"
        and EDGES.search(item.nodeid.split("::")[0])
        and item.nodeid.replace("postgresql", "sqlite") in on_sqlite
    ]
    if edge_twins:
        dropped = set(map(id, edge_twins))
        items[:] = [item for item in items if id(item) not in dropped]
        config.hook.pytest_deselected(items=edge_twins)


def _backend(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("engine") if callspec is not None else None


def pytest_report_header(config) -> list[str]:
    mode = "CI=true: what cannot run fails" if IN_CI else "what cannot run is skipped (see SKIPPED)"
    return [f"legetjeneste: SQLite always; {POSTGRES_STATUS}; {CHROMIUM_STATUS}; {mode}"]


@pytest.fixture(autouse=True)
def _settings_read_afresh() -> Iterator[None]:
    """Settings a test put in the environment (monkeypatch) leave with it: the cached Settings are dropped
    after every test, so a later test — or a later module's live server — never sends mail to a port an
    earlier test's SMTP server once had."""
    yield
    get_settings.cache_clear()


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
        # Tests need no durability after a crash: commits do not wait for the disk.
        connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    # At most 8 connections per test process, so two workers and a 50-client race fit the server's 100.
    url = server.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url, pool_size=4, max_overflow=4)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty_postgres(engine: Engine) -> None:
    """Delete what the test wrote and rewind the sequences it used: cheaper than TRUNCATE of every table.

    The audit log refuses DELETE and TRUNCATE by triggers (ADR 0004). The test connection is a superuser,
    so it deletes as a replica does: no trigger fires, neither the audit log's nor the foreign keys' (so
    the order of the tables does not matter either)."""
    tables = Base.metadata.sorted_tables
    written = " UNION ALL ".join(
        f"SELECT '{table.name}' WHERE EXISTS (SELECT 1 FROM \"{table.name}\")" for table in tables
    )
    try:
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            nonempty = set(connection.execute(text(written)).scalars())
            for table in reversed(tables):
                if table.name in nonempty:
                    connection.execute(text(f'DELETE FROM "{table.name}"'))
            connection.execute(
                text(
                    "SELECT setval(quote_ident(schemaname) || '.' || quote_ident(sequencename), 1, false)"
                    " FROM pg_sequences WHERE last_value IS NOT NULL"
                )
            )
    except Exception:
        names = ", ".join(f'"{table.name}"' for table in tables)
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


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


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one per test run (worker), for the browser tests of every
    directory (tests/browser/conftest.py `launch_browser`)."""
    from tests.browser.conftest import launch_browser

    yield from launch_browser()
