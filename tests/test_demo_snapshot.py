"""The demo from a snapshot (tests/support.py) is exactly the demo from the real import, on both databases."""

import shutil

import pytest
from sqlalchemy import Engine, inspect

import legetjeneste.demo
from legetjeneste.db import Base, make_engine, session_factory
from tests import support
from tests.conftest import _empty_postgres


def _state(engine: Engine) -> dict[str, list]:
    """Every table's raw rows as the driver returns them, and the sequences' positions."""
    state: dict[str, list] = {}
    with engine.connect() as connection:
        for name in inspect(connection).get_table_names():
            if name != "alembic_version":
                rows = connection.exec_driver_sql(f'SELECT * FROM "{name}"').all()
                state[name] = sorted((tuple(row) for row in rows), key=repr)
        if engine.dialect.name == "postgresql":
            query = "SELECT sequencename, last_value FROM pg_sequences"
        elif connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first():
            query = "SELECT name, seq FROM sqlite_sequence"
        else:
            query = "SELECT 1 WHERE 0"
        state["(sequences)"] = sorted(tuple(row) for row in connection.exec_driver_sql(query))
    return state


@pytest.fixture
def empty_again(engine, request, tmp_path):
    """Gives an empty migrated database: a second SQLite file, or the PostgreSQL database emptied."""
    made = []

    def make() -> Engine:
        if engine.dialect.name == "postgresql":
            _empty_postgres(engine)
            return engine
        path = tmp_path / f"again-{len(made)}.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        made.append(make_engine(f"sqlite:///{path}"))
        return made[-1]

    yield make
    for again in made:
        again.dispose()


def test_every_table_of_the_database_is_in_the_snapshot(engine):
    with engine.connect() as connection:
        names = set(inspect(connection).get_table_names()) - {"alembic_version"}
    assert names == {table.name for table in Base.metadata.sorted_tables}


@pytest.mark.parametrize(
    ("build", "paths"),
    [
        ("load_demo", ()),
        ("import_demo", ()),
        ("import_demo", (support.VEFSN_FILE,)),
        ("import_demo", (support.KRAGERO_FILE,)),
    ],
)
def test_the_demo_from_the_snapshot_has_the_rows_of_the_real_import(engine, empty_again, build, paths):
    with session_factory(engine)() as session:
        if build == "load_demo":
            support.REAL_LOAD_DEMO(session)
        else:
            support.real_import_demo(session, *paths)
        snapshot = support.capture(session)
    imported = _state(engine)
    assert sum(len(rows) for name, rows in imported.items() if name != "(sequences)") > 100

    again = empty_again()
    with session_factory(again)() as session:
        assert support.is_empty(session)
        support.restore(session, snapshot)
    assert _state(again) == imported


def test_load_demo_and_import_demo_use_the_snapshot_on_an_empty_database_and_import_otherwise(
    engine, empty_again, monkeypatch
):
    assert legetjeneste.demo.load_demo is support.load_demo
    with session_factory(engine)() as session:
        assert legetjeneste.demo.load_demo(session) == legetjeneste.demo.DEMO_LOGINS
    assert (engine.dialect.name, ("load_demo",)) in support.SNAPSHOTS
    first = _state(engine)

    imports = []
    real_import_demo = support.real_import_demo
    monkeypatch.setattr(
        support, "real_import_demo", lambda *args: imports.append(args) or real_import_demo(*args)
    )
    again = empty_again()
    with session_factory(again)() as session:
        assert legetjeneste.demo.load_demo(session) == legetjeneste.demo.DEMO_LOGINS
        assert _state(again) == first
        assert not support.is_empty(session)
        support.import_demo(session, support.VEFSN_FILE)
    assert imports == [(session, support.VEFSN_FILE)]
