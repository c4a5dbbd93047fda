"""The municipality file under concurrent use: many clients importing the same file at once store each item
once, as one import does, and each client either imports or is told clearly why not (docs/adr/0010).

Fifty clients on PostgreSQL, where they really run at once; twenty on SQLite, where the write lock queues the
imports one behind the other whatever their number, so more clients would only make the queue longer."""

import shutil
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, func, insert, select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.db import Base, make_engine, open_session
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry.file_section import queries as register_queries
from legetjeneste.registry.models import Doctor
from tests.concurrency import errors, race, values
from tests.support import document

NOT_COUNTED = {"audit_entry"}  # every import writes its own audit entry; counted below by action


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
            if table.name not in NOT_COUNTED
        }


def imports_audited(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")
        ).scalar_one()


def clients(engine: Engine) -> int:
    return 50 if engine.dialect.name == "postgresql" else 20


def import_vefsn(session):
    return file_service.import_municipality_file(session, actor=SYSTEM, document=document(), source="race")


@pytest.fixture(scope="module")
def one_import(sqlite_template, tmp_path_factory) -> Iterator[dict[str, int]]:
    """What every table holds after the Vefsn file is imported once into an empty database."""
    path = tmp_path_factory.mktemp("one-import") / "one.db"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with open_session(engine) as session:
        import_vefsn(session)
    yield table_counts(engine)
    engine.dispose()


def nothing_changed(report: dict) -> bool:
    return report["created"] == {} and report["updated"] == {} and report["removed"] == {}


def test_clients_importing_the_same_file_at_once_into_an_empty_database_store_each_item_once(
    engine, one_import
):
    outcomes = race(engine, lambda session, client: import_vefsn(session), clients=clients(engine))
    assert errors(outcomes) == []
    reports = values(outcomes)
    [first] = [report for report in reports if not nothing_changed(report)]
    assert first["created"]["municipality"] == 1 and first["created"]["agreement"] == 15
    assert all(report["unchanged"]["agreement"] == 15 for report in reports if report is not first)
    assert table_counts(engine) == one_import
    assert imports_audited(engine) == clients(engine)


def test_clients_importing_at_once_a_file_the_database_already_holds_change_nothing(
    engine, session, one_import
):
    """Twenty clients on both databases: the fifty of the race into an empty database (above) already show
    that the import's lock lets one client at a time write; here nothing is written at all."""
    import_vefsn(session)
    outcomes = race(engine, lambda session, client: import_vefsn(session), clients=20)
    assert errors(outcomes) == []
    assert all(nothing_changed(report) for report in values(outcomes))
    assert table_counts(engine) == one_import
    assert imports_audited(engine) == 20 + 1


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_doctor_registered_elsewhere_while_the_file_is_written_is_met_on_a_second_try(
    engine, session, monkeypatch
):
    """The unique HPR number per municipality is the backstop: the import that collides with it is tried
    once more and updates the doctor instead of answering with an error. (On SQLite the import's write
    lock keeps every other writer out, so this cannot happen there.)"""
    import_vefsn(session)
    doc = document()
    doc["doctors"].append({**doc["doctors"][0], "hpr_number": "9182499", "first_name": "Fra filen"})
    upsert, tries = register_queries.upsert, []

    def register_at_the_same_moment(session, changes, entity, existing, values, make):
        """Between the import's reading of the doctors and its writing of the new one."""
        if entity == "doctor" and values["hpr_number"] == "9182499":
            tries.append(existing)
            if len(tries) == 1:
                with engine.begin() as other:
                    other.execute(
                        insert(Doctor).values(
                            municipality_number="1824",
                            hpr_number="9182499",
                            first_name="Samtidig",
                            last_name="Registrert",
                            birth_date=date(1980, 1, 1),
                            specialist_status="allmennmedisin",
                        )
                    )
        return upsert(session, changes, entity, existing, values, make)

    monkeypatch.setattr(register_queries, "upsert", register_at_the_same_moment)
    report = file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert len(tries) == 2 and tries[0] is None and tries[1] is not None
    assert report["created"] == {} and report["updated"] == {"doctor": 1}
    with session.begin():
        names = session.execute(select(Doctor.first_name).where(Doctor.hpr_number == "9182499")).scalars()
        assert list(names) == ["Fra filen"]
