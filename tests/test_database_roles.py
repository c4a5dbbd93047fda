"""The application's database role on PostgreSQL (README, «Database roles»): `db grant-app ROLE` lets a
login role read and write every table while the audit log refuses it UPDATE, DELETE and TRUNCATE; the role
is no superuser; `serve` warns when it connects as a superuser or as the owner of the audit log; and the
audit log refuses TRUNCATE even to its owner (ADR 0004)."""

import gc
import logging
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from legetjeneste import database_roles, migrate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.cli import app
from legetjeneste.db import make_engine, open_session
from legetjeneste.municipality_file import service as file_service
from tests.command_line import command_line
from tests.support import VEFSN_FILE, document

POSTGRES_ONLY = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


@pytest.fixture
def cli(engine, monkeypatch):
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


@pytest.fixture
def login_role(engine: Engine) -> Iterator[str]:
    """A new login role on the test server (no superuser), dropped with what it was granted at the end."""
    name = f"legetjeneste_app_{uuid.uuid4().hex[:10]}"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
    try:
        yield name
    finally:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP OWNED BY "{name}"'))
            connection.execute(text(f'DROP ROLE "{name}"'))


def as_role(engine: Engine, role: str) -> Engine:
    return make_engine(engine.url.set(username=role, password=None).render_as_string(hide_password=False))


def refused(connection, statement: str) -> str:
    with pytest.raises(DBAPIError) as error, connection.begin():
        connection.execute(text(statement))
    return str(error.value.orig)


@POSTGRES_ONLY
def test_the_granted_role_reads_and_writes_but_cannot_change_delete_or_truncate_the_audit_log(
    engine, cli, login_role
):
    code, out, err = cli("db", "grant-app", login_role)
    assert code == 0, err
    assert f"Rollen «{login_role}» kan nå lese og skrive tabellene" in out
    application = as_role(engine, login_role)
    try:
        migrate.upgrade(application)  # `serve` migrates at start: at head it only reads the version
        with open_session(application) as session:
            report = file_service.import_municipality_file(
                session, actor=SYSTEM, document=document(VEFSN_FILE)
            )
        assert report["created"]["agreement"] == 15
        with application.connect() as connection:
            superuser = connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
            assert superuser.scalar() is False
            assert connection.execute(text("SELECT count(*) FROM audit_entry")).scalar() > 0
            connection.commit()
            with connection.begin():
                connection.execute(text("UPDATE agreement SET listetak = listetak + 1 WHERE id = 182404"))
                connection.execute(text("DELETE FROM list_count WHERE agreement_id = 182404"))
            for statement in (
                "UPDATE audit_entry SET actor = 'x'",
                "DELETE FROM audit_entry",
                "TRUNCATE audit_entry",
                "INSERT INTO alembic_version VALUES ('x')",
            ):
                assert "permission denied" in refused(connection, statement), statement
        assert database_roles.privilege_warnings(application) == []
    finally:
        application.dispose()


@POSTGRES_ONLY
def test_grant_app_runs_again_without_change_and_also_covers_a_table_created_later(engine, cli, login_role):
    assert cli("db", "grant-app", login_role)[0] == 0
    assert cli("db", "grant-app", login_role)[0] == 0
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE later_table (id serial PRIMARY KEY, note text)"))
    application = as_role(engine, login_role)
    try:
        with application.begin() as connection:
            connection.execute(text("INSERT INTO later_table (note) VALUES ('ok')"))
    finally:
        application.dispose()
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE later_table"))


@POSTGRES_ONLY
def test_grant_app_refuses_a_superuser_and_an_unknown_role_in_norwegian(engine, cli):
    code, _, err = cli("db", "grant-app", "postgres")
    assert code == 1 and "er superbruker" in err
    code, _, err = cli("db", "grant-app", "finnes_ikke_123")
    assert code == 1 and "Rollen «finnes_ikke_123» finnes ikke" in err


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_grant_app_on_sqlite_says_there_are_no_roles(engine, cli):
    code, _, err = cli("db", "grant-app", "app")
    assert code == 1 and "bare i PostgreSQL" in err


@POSTGRES_ONLY
def test_the_audit_log_refuses_truncate_even_to_its_owner(engine):
    with engine.connect() as connection:
        connection.execute(text("INSERT INTO audit_entry (at, actor, action, entity, record_ids, detail) "
                                "VALUES (now(), 'test', 'read', 'x', '[]', '{}')"))  # fmt: skip
        connection.commit()
        with pytest.raises(ProgrammingError, match="audit_entry is append-only"), connection.begin():
            connection.execute(text("TRUNCATE audit_entry"))
        assert connection.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 1


def test_serve_warns_when_it_connects_as_a_superuser(engine, cli, monkeypatch, caplog):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    with caplog.at_level(logging.WARNING, logger="legetjeneste.database"):
        code, _, err = cli("serve")
    gc.unfreeze()
    assert code == 0, err
    warnings = [r.getMessage() for r in caplog.records if r.name == "legetjeneste.database"]
    if engine.dialect.name == "postgresql":
        [warning] = warnings
        assert "som superbrukeren «postgres»" in warning and "db grant-app ROLLE" in warning
    else:
        assert warnings == []
