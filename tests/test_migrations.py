"""The Alembic migrations build exactly the tables the models describe, on SQLite and PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.exc import IntegrityError

from legetjeneste import migrate
from legetjeneste.db import Base, make_engine


def test_the_migrated_database_matches_the_models(engine):
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_the_migrations_create_every_table_of_the_register(engine):
    tables = set(inspect(engine).get_table_names())
    assert {
        "municipality",
        "office",
        "doctor",
        "agreement",
        "doctor_period",
        "list_count",
        "user_account",
        "api_token",
        "audit_entry",
        "national_key_figure",
        "alembic_version",
    } <= tables


def test_sqlite_runs_with_foreign_keys_on_and_in_wal_mode(engine):
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_oslo_wall_clock_times_stored_on_sqlite_move_to_utc_and_the_jobs_utc_stays(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "2026_12_03_jobs")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_entry (at, actor, action, entity, record_ids, detail)"
                " VALUES ('2026-07-01 14:00:00.000000', 'a@b.example', 'read', 'doctor', '[]', '{}')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO job (kind, payload, status, attempts, created_at)"
                " VALUES ('roster', '{}', 'done', 1, '2026-07-01 12:00:00.000000')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT at FROM audit_entry")).scalar() == "2026-07-01 12:00:00.000000"
        assert connection.execute(text("SELECT created_at FROM job")).scalar() == "2026-07-01 12:00:00.000000"
    with pytest.raises(IntegrityError, match="append-only"), engine.begin() as connection:
        connection.execute(text("UPDATE audit_entry SET actor = 'x'"))
    engine.dispose()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_migrated_postgresql_database_has_exactly_the_exclusion_constraints_of_the_models(engine):
    """Alembic's comparison above leaves exclusion constraints out (docs/adr/0010); this test counts them."""
    declared = {
        (table.name, constraint.name)
        for table in Base.metadata.tables.values()
        for constraint in table.constraints
        if isinstance(constraint, ExcludeConstraint)
    }
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'x'")
        )
        assert set(map(tuple, found)) == declared
    assert ("absence", "ex_absence_doctor_period") in declared
