"""The vacation overview, its CSV and the absence calendars on the demo data (SU-VACATION)."""

import csv
import io
from datetime import UTC, date, datetime

import icalendar
import pytest

from legetjeneste.absence import service
from legetjeneste.absence.models import AbsenceAssistant
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.audit import service as audit_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.dates import Period
from legetjeneste.errors import NotFound, ValidationFailed
from legetjeneste.registry import service as registry_service
from tests.absence.vacation_support import without_absences
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo

SU_MEMBER = Actor(email="su@vefsn.example", role="su_member", municipality_number="1824")
JULY = Period(date(2026, 7, 1), date(2026, 7, 31))
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture
def demo(session):
    import_demo(session)
    without_absences(session)
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def office_id(session, name: str) -> int:
    return next(o.id for o in registry_service.list_offices(session, actor=SYSTEM) if o.name == name)


def absent(
    session, hpr: str, start: date, end: date, cover="collegial", ground="ordinary", vikar=None
) -> int:
    data = AbsenceCreate(
        doctor_id=doctor_id(session, hpr),
        ground=ground,
        start=start,
        end=end,
        cover=cover,
        vikar_doctor_id=doctor_id(session, vikar) if vikar else None,
    )
    return service.register_absence(session, actor=VEFSN_KOMMUNEOVERLEGE, data=data).absence.id


def overview(session, actor=VEFSN_KOMMUNEOVERLEGE, period=JULY):
    return vacation_service.vacation_overview(session, actor=actor, municipality_number="1824", period=period)


@pytest.fixture
def summer(demo):
    """Eirik Sandnesmo away with a colleague answering for him; Petter Mjåvatn without cover; all of
    Sjøgata legekontor away 20–24 July; Siri Halsøy sick."""
    ids = {"eirik": absent(demo, "9182404", date(2026, 7, 6), date(2026, 7, 26))}
    colleague = doctor_id(demo, "9182406")
    with demo.begin():
        demo.add(
            AbsenceAssistant(
                agreement_id=182404,
                colleague_doctor_id=colleague,
                services=["booking", "e_contact"],
                start=date(2026, 7, 6),
                end=date(2026, 7, 26),
            )
        )
    ids["petter"] = absent(demo, "9182410", date(2026, 7, 13), date(2026, 7, 24), cover="none")
    for hpr in ("9182411", "9182412"):
        absent(demo, hpr, date(2026, 7, 20), date(2026, 7, 31))
    absent(demo, "9182413", date(2026, 7, 20), date(2026, 7, 24), cover="own_vikar", vikar="9182416")
    ids["siri"] = absent(demo, "9182405", date(2026, 7, 1), date(2026, 7, 3), ground="own_sickness")
    return ids


def test_the_overview_shows_who_is_away_and_who_covers_per_office_and_week(summer, demo):
    result = overview(demo)
    assert [w.label for w in result.weeks][:2] == ["uke 27 (29. juni–5. juli)", "uke 28 (6.–12. juli)"]
    assert [o.office_name for o in result.offices] == [
        "Mosjøen legesenter",
        "Sjøgata legekontor",
        "Vefsn legesenter",
    ]
    mosjoen = result.offices[0]
    [eirik] = mosjoen.weeks[1].away
    assert (eirik.doctor_name, eirik.dates_label, eirik.cover_text) == (
        "Eirik Sandnesmo",
        "6.–26. juli",
        "Thomas Kvalvik (kollegial fraværsordning)",
    )
    vikar = next(a for w in result.offices[1].weeks for a in w.away if a.doctor_name == "Ole Fustvatn")
    assert vikar.cover_text == "Stian Grubben (egen vikar)"


def test_the_gaps_are_the_uncovered_absence_and_the_office_without_a_doctor(summer, demo):
    gaps = [(g.kind, g.office_name, g.start, g.end, g.working_days) for g in overview(demo).gaps]
    assert gaps == [
        ("no_cover", "Sjøgata legekontor", date(2026, 7, 13), date(2026, 7, 24), 10),
        ("no_doctor_present", "Sjøgata legekontor", date(2026, 7, 20), date(2026, 7, 24), 5),
    ]


def test_an_su_member_sees_no_sickness_ground_and_the_kommuneoverlege_does(summer, demo):
    def siri(actor):
        result = overview(demo, actor=actor)
        return next(a for a in result.offices[0].weeks[0].away if a.doctor_name == "Siri Halsøy")

    assert (siri(SU_MEMBER).ground, siri(SU_MEMBER).ground_label) == (None, "annet fravær")
    assert siri(VEFSN_KOMMUNEOVERLEGE).ground_label == "egen sykdom"


def test_another_municipality_answers_not_found(summer, demo):
    with pytest.raises(NotFound):
        overview(demo, actor=KRAGERO_KOMMUNEOVERLEGE)
    mosjoen = office_id(demo, "Mosjøen legesenter")
    with pytest.raises(NotFound):
        vacation_service.office_calendar(demo, actor=KRAGERO_KOMMUNEOVERLEGE, office_id=mosjoen)


def test_reading_the_overview_is_audited_with_the_absences_shown(summer, demo):
    overview(demo, actor=SU_MEMBER)
    entries = audit_service.list_entries(demo, actor=SYSTEM)
    entry = next(e for e in entries if e["detail"].get("view") == "vacation_overview")
    assert entry["actor"] == "su@vefsn.example" and entry["entity"] == "absence"
    assert str(summer["eirik"]) in entry["record_ids"] and len(entry["record_ids"]) == 6


def test_a_period_longer_than_366_days_is_refused_naming_to(demo):
    with pytest.raises(ValidationFailed) as caught:
        overview(demo, period=Period(date(2026, 1, 1), date(2027, 1, 2)))
    assert str(caught.value.problems[0]) == "to: ferieoversikten kan gjelde høyst 366 dager"
    assert len(overview(demo, period=Period(date(2026, 1, 1), date(2027, 1, 1))).weeks) == 53


def test_the_period_defaults_to_this_summer_and_must_not_end_before_it_starts():
    assert vacation_service.requested_period(None, None, today=date(2026, 3, 1)) == Period(
        date(2026, 6, 1), date(2026, 8, 31)
    )
    with pytest.raises(ValidationFailed) as caught:
        vacation_service.requested_period(date(2026, 8, 1), date(2026, 7, 1))
    assert str(caught.value.problems[0]) == "to: til-datoen er før fra-datoen"


def test_the_csv_opens_in_excel_with_norwegian_headers_gaps_first(summer, demo):
    text = vacation_service.vacation_csv(demo, actor=SU_MEMBER, municipality_number="1824", period=JULY)
    assert text.startswith("\ufeffLegekontor;Uke;Lege;Fra;Til;Fravær;Dekning;Merknad\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[1][:7] == [
        "Sjøgata legekontor",
        "uke 29 (13.–19. juli)",
        "Petter Mjåvatn",
        "13.07.2026",
        "24.07.2026",
        "HULL: fravær uten dekning",
        "ingen dekning",
    ]
    assert "SU-VACATION" in rows[1][7] and rows[2][5] == "HULL: ingen lege til stede"
    assert [
        "Mosjøen legesenter",
        "uke 28 (6.–12. juli)",
        "Eirik Sandnesmo",
        "06.07.2026",
        "26.07.2026",
        "ferie eller ordinært fravær",
        "Thomas Kvalvik (kollegial fraværsordning)",
        "",
    ] in rows
    assert "egen sykdom" not in text and "annet fravær" in text


def test_the_office_calendar_has_one_all_day_event_per_absence(summer, demo):
    mosjoen = office_id(demo, "Mosjøen legesenter")
    feed = vacation_service.office_calendar(demo, actor=SU_MEMBER, office_id=mosjoen, now=NOW)
    calendar = icalendar.Calendar.from_ical(feed)
    assert str(calendar["X-WR-CALNAME"]) == "Fravær – Mosjøen legesenter"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        f"absence-{summer['eirik']}@legetjeneste",
        f"absence-{summer['siri']}@legetjeneste",
    }
    eirik = events[f"absence-{summer['eirik']}@legetjeneste"]
    assert (eirik.decoded("DTSTART"), eirik.decoded("DTEND")) == (date(2026, 7, 6), date(2026, 7, 27))
    assert str(eirik["SUMMARY"]) == "Eirik Sandnesmo: ferie eller ordinært fravær"
    assert "Dekning: Thomas Kvalvik (kollegial fraværsordning)" in str(eirik["DESCRIPTION"])
    assert eirik.decoded("DTSTAMP") == NOW
    siri = events[f"absence-{summer['siri']}@legetjeneste"]
    assert str(siri["SUMMARY"]) == "Siri Halsøy: annet fravær"


def test_the_municipality_calendar_keeps_a_year_back_and_shows_grounds_to_those_who_handle_them(summer, demo):
    old = absent(demo, "9182404", date(2025, 7, 7), date(2025, 7, 27))
    feed = vacation_service.municipality_calendar(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", now=NOW
    )
    calendar = icalendar.Calendar.from_ical(feed)
    assert str(calendar["X-WR-CALNAME"]) == "Fravær – Vefsn kommune"
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert len(uids) == 6 and f"absence-{old}@legetjeneste" not in uids
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Siri Halsøy: egen sykdom" in summaries
