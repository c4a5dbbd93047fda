"""A doctor's absences never overlap (ABS-TYPES), also when many requests come at the same moment: on
SQLite each check runs in a write transaction of its own; on PostgreSQL the doctor's row is locked and an
exclusion constraint refuses what a check could not see (docs/adr/0010)."""

from datetime import date, timedelta

import pytest

from legetjeneste.absence import queries, service
from legetjeneste.absence.file_section import queries as file_queries
from legetjeneste.absence.file_section.rules import ExistingAbsences
from legetjeneste.absence.schemas import AbsenceCreate, AbsenceUpdate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import Period
from legetjeneste.errors import ValidationFailed
from legetjeneste.municipality_file import service as file_service
from legetjeneste.norwegian import period_text
from legetjeneste.registry import service as registry_service
from tests.concurrency import errors, race, values
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo

HPR = "9182404"
JULY = Period(date(2026, 7, 1), date(2026, 7, 31))
#: A municipality file with one absence of the doctor's, 6–26 July.
FILE = {
    "municipality": {"number": "1824", "name": "Vefsn"},
    "absences": [
        {
            "doctor": HPR,
            "agreement": 182404,
            "ground": "ordinary",
            "start": "2026-07-06",
            "end": "2026-07-26",
            "cover": "collegial",
        }
    ],
}


@pytest.fixture
def doctor(session) -> int:
    import_demo(session)
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == HPR)


def register(session, doctor: int, start: date, end: date):
    data = AbsenceCreate(doctor_id=doctor, ground="ordinary", start=start, end=end, cover="collegial")
    return service.register_absence(session, actor=VEFSN_KOMMUNEOVERLEGE, data=data)


def stored(session, doctor: int) -> list[Period]:
    found = service.list_absences(session, actor=SYSTEM, doctor_id=doctor, period=JULY)
    return [Period(a.start, a.end) for a in found]


def overlaps(periods: list[Period]) -> bool:
    return any(a.overlaps(b) for i, a in enumerate(periods) for b in periods[i + 1 :])


def assert_refused_naming(refusals: list[BaseException], period: Period) -> None:
    """Every refusal is the check's own: the field, the rule and the other absence's period in words."""
    assert period.end is not None
    for refusal in refusals:
        assert isinstance(refusal, ValidationFailed), repr(refusal)
        [problem] = refusal.problems
        assert (problem.path, problem.rule_id) == ("start", "ABS-TYPES")
        words = period_text(period.start, period.end)
        assert problem.message == f"overlapper legens fravær {words}; en lege har ett fravær om gangen"


def test_fifty_clients_registering_overlapping_absences_for_one_doctor_store_exactly_one(session, doctor):
    def action(client_session, client: int):
        start = date(2026, 7, 1) + timedelta(days=client % 7)
        return register(client_session, doctor, start, date(2026, 7, 20)).absence

    outcomes = race(session.get_bind(), action)

    [winner] = values(outcomes)
    assert stored(session, doctor) == [Period(winner.start, winner.end)]
    assert len(errors(outcomes)) == 49
    assert_refused_naming(errors(outcomes), Period(winner.start, winner.end))


def test_fifty_concurrent_changes_that_would_make_two_absences_overlap_leave_them_apart(session, doctor):
    first = register(session, doctor, date(2026, 7, 1), date(2026, 7, 10)).absence
    second = register(session, doctor, date(2026, 7, 20), date(2026, 7, 31)).absence

    def action(client_session, client: int):
        """Even clients stretch the first absence into the second, odd ones the second into the first."""
        if client % 2 == 0:
            change, absence_id = AbsenceUpdate(end=date(2026, 7, 15)), first.id
        else:
            change, absence_id = AbsenceUpdate(start=date(2026, 7, 12)), second.id
        service.update_absence(
            client_session, actor=VEFSN_KOMMUNEOVERLEGE, absence_id=absence_id, data=change
        )
        return client % 2

    outcomes = race(session.get_bind(), action)

    now = stored(session, doctor)
    assert len(now) == 2 and not overlaps(now)
    [kind] = set(values(outcomes))  # every change that went through stretched the same absence
    assert len(values(outcomes)) == 25 and len(errors(outcomes)) == 25
    stretched = now[0] if kind == 0 else now[1]
    assert_refused_naming(errors(outcomes), stretched)


def test_imports_and_registrations_at_the_same_moment_leave_no_overlap(session, doctor):
    """The absence section of the municipality file takes the doctor's turn as the API does."""

    def action(client_session, client: int):
        if client % 2 == 0:
            return file_service.import_municipality_file(client_session, actor=SYSTEM, document=FILE)
        return register(client_session, doctor, date(2026, 7, 1), date(2026, 7, 10))

    outcomes = race(session.get_bind(), action, clients=10)

    now = stored(session, doctor)
    imported_period, registered_period = (
        Period(date(2026, 7, 6), date(2026, 7, 26)),
        Period(date(2026, 7, 1), date(2026, 7, 10)),
    )
    imported = [v for v in values(outcomes) if isinstance(v, dict)]
    registered = [v for v in values(outcomes) if not isinstance(v, dict)]
    # Either the imports came first (and each one after the first changed nothing), or one registration.
    assert (now, len(imported), len(registered)) in [([imported_period], 5, 0), ([registered_period], 0, 1)]
    assert all(isinstance(e, ValidationFailed) for e in errors(outcomes)), errors(outcomes)
    assert {p.rule_id for e in errors(outcomes) for p in e.problems} == {"ABS-TYPES"}


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_an_overlap_the_check_did_not_see_is_refused_by_postgresql_in_the_checks_own_words(
    session, doctor, monkeypatch
):
    """As if another request had committed between the check and the write: the exclusion constraint."""
    register(session, doctor, date(2026, 7, 6), date(2026, 7, 26))
    real = queries.collisions
    calls = []

    def blind_once(*args, **kwargs):
        calls.append(kwargs)
        return [] if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(queries, "collisions", blind_once)
    with pytest.raises(ValidationFailed) as caught:
        register(session, doctor, date(2026, 7, 20), date(2026, 8, 2))
    assert len(calls) == 2  # the blind check, then the refusal's look-up
    assert_refused_naming([caught.value], Period(date(2026, 7, 6), date(2026, 7, 26)))
    assert stored(session, doctor) == [Period(date(2026, 7, 6), date(2026, 7, 26))]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_an_import_whose_check_missed_an_overlap_is_refused_with_the_checks_problems(
    session, doctor, monkeypatch
):
    """The file's absences are written in a savepoint: PostgreSQL's refusal undoes them, and the import is
    refused with what the check finds when it looks again."""
    register(session, doctor, date(2026, 7, 1), date(2026, 7, 10))
    real = file_queries.existing_absences
    calls = []

    def blind_once(*args, **kwargs):
        calls.append(args)
        return ExistingAbsences() if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(file_queries, "existing_absences", blind_once)
    with pytest.raises(ValidationFailed) as caught:
        file_service.import_municipality_file(session, actor=SYSTEM, document=FILE)
    assert len(calls) == 2
    assert [str(p) for p in caught.value.problems] == [
        "absences[0].start: overlapper legens fravær 1.–10. juli 2026; en lege har ett fravær om gangen"
        " (ABS-TYPES)"
    ]
    assert stored(session, doctor) == [Period(date(2026, 7, 1), date(2026, 7, 10))]
