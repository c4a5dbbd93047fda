"""Pure parts of rosters: the listed changes, the problem as JSON and back, the calendar, CSV and month."""

from datetime import date, datetime, time
from types import SimpleNamespace

import icalendar

from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.legevakt.feeds import rules as roster_feeds
from legetjeneste.legevakt.rosters import jobs
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters import rules as roster_rules
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering.shifts import shifts_for

NAMES = {"1": "Anne Lege", "2": "Bjørn Lege"}
LABELS = {"2027-03-01/hverdag": "Hverdagsvakt", "2027-03-02/hverdag": "Hverdagsvakt"}


def test_a_shift_filled_from_vacant_and_one_left_vacant_are_both_listed_as_changes():
    previous = {"2027-03-01/hverdag": "1"}  # 2 March was vacant
    now = {"2027-03-01/hverdag": None, "2027-03-02/hverdag": "2"}
    found = roster_rules.changes(previous=previous, now=now, names=NAMES, labels=LABELS)
    assert [(c["shift_id"], c["from_doctor"], c["to_doctor"]) for c in found] == [
        ("2027-03-01/hverdag", "Anne Lege", None),
        ("2027-03-02/hverdag", None, "Bjørn Lege"),
    ]


def test_a_doctor_who_left_the_scheme_is_named_by_the_hpr_number_in_the_changes():
    found = roster_rules.changes(
        previous={"2027-03-01/hverdag": "9"}, now={"2027-03-01/hverdag": "1"}, names=NAMES, labels=LABELS
    )
    assert (found[0]["from_doctor"], found[0]["to_doctor"]) == ("9", "Anne Lege")


def test_the_problem_survives_json_with_times_zones_and_numbered_weekdays():
    template = rp.ShiftTemplate(
        code="nodnett", name="Nødnett", start=time(8), end=time(15, 30), office_days={0: 7, 2: 8}
    )
    problem = rp.Problem(
        shifts=shifts_for([template], date(2027, 3, 1), date(2027, 3, 7)),
        participants=(
            rp.Participant(
                key="1",
                name="Anne Lege",
                office_id=7,
                unavailable=(
                    rp.Unavailable(datetime(2027, 3, 3), datetime(2027, 3, 4), "Fravær", "LV-DUTY"),
                ),
                prior={"weekday": 2},
                prior_expected={"weekday": 1.5},
            ),
        ),
        previous={"2027-03-01/nodnett": "1"},
        frequency={"weekday": 12},
    )
    document = problem_builder.problem_document(problem)
    again = problem_builder.problem_from(document)
    assert again == problem
    assert again.shifts[0].start.utcoffset().total_seconds() == 3600
    assert [s.office_id for s in again.shifts] == [7, 8]


def _shift(doctor: str | None, day: int = 1) -> roster_feeds.FeedShift:
    return roster_feeds.FeedShift(
        assignment_id=day,
        scheme_name="Vefsn legevakt",
        label="Hverdagsvakt",
        on=date(2027, 3, day),
        starts_at=datetime(2027, 3, day, 15, 30),
        ends_at=datetime(2027, 3, day + 1, 8, 0),
        doctor_name=doctor,
        hpr_number="9182403" if doctor else None,
    )


def test_a_shift_in_the_feed_is_timed_in_oslo_with_a_stable_uid():
    feed = roster_feeds.roster_calendar(
        "Vefsn legevakt", [_shift("Anne Lege")], stamp=datetime(2027, 1, 1), with_doctor=True
    )
    calendar = icalendar.Calendar.from_ical(feed)
    event = calendar.walk("VEVENT")[0]
    assert str(event["uid"]) == "roster-shift-1@legetjeneste"
    assert str(event["summary"]) == "Vefsn legevakt: Hverdagsvakt – Anne Lege"
    assert event.decoded("dtstart").isoformat() == "2027-03-01T15:30:00+01:00"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Oslo"


def test_the_csv_marks_a_vacant_shift_and_never_starts_a_cell_with_a_formula():
    text = roster_feeds.roster_csv([_shift(None), _shift("=HYPERLINK()", 2)])
    rows = [line.split(";") for line in text.lstrip("\ufeff").splitlines()]
    assert rows[1][4:] == ["LEDIG", "", "ledig vakt"]
    assert rows[2][4] == "'=HYPERLINK()"


def test_the_month_view_has_whole_weeks_from_monday_with_each_days_shifts():
    weeks = roster_feeds.month_weeks(2027, 3, [_shift("Anne Lege", 3)])
    assert weeks[0][0].on == date(2027, 3, 1) and len(weeks) == 5
    assert [d.shifts for d in weeks[0] if d.shifts][0][0].doctor_name == "Anne Lege"
    assert not weeks[-1][-1].in_month


def test_a_re_plan_keeps_shifts_already_worked_unless_a_rule_now_forbids_them():
    template = rp.ShiftTemplate(code="hverdag", name="Hverdagsvakt", start=time(15, 30), end=time(8))
    shifts = shifts_for([template], date(2027, 3, 1), date(2027, 3, 5))
    oslo = shifts[0].start.tzinfo
    exempt = rp.Unavailable(
        datetime(2027, 3, 2, tzinfo=oslo), datetime(2027, 3, 3, tzinfo=oslo), "Fritak", "LV-EXEMPT-DISCRETION"
    )
    bjorn_exempt = rp.Participant(key="2", name="Bjørn Lege", unavailable=(exempt,))
    problem = rp.Problem(
        shifts=shifts, participants=(rp.Participant(key="1", name="Anne Lege"), bjorn_exempt)
    )
    anne, bjorn, gone = (SimpleNamespace(hpr_number=k) for k in ("1", "2", "9"))
    worked = [
        SimpleNamespace(shift_key=s.id, doctor=d, ends_at=s.end.replace(tzinfo=None))
        for s, d in zip(shifts, (anne, bjorn, anne, gone, anne), strict=True)
    ]
    kept = problem_builder.keep_worked(problem, worked, now=datetime(2027, 3, 4, 12))
    assert kept.fixed == {"2027-03-01/hverdag": "1", "2027-03-03/hverdag": "1"}


def test_a_failed_job_says_why_in_norwegian_with_every_problem_and_the_rule():
    invalid = ValidationFailed([Problem("previous.2027-03-01/hverdag", "Ukjent lege (9)")])
    assert jobs.failure_text(invalid) == "Inndataene har 1 feil: previous.2027-03-01/hverdag: Ukjent lege (9)"
    refused = RuleViolation("LV-REST", "SFS 2305 § 7.4", "For kort hvile")
    assert jobs.failure_text(refused) == "For kort hvile (LV-REST)"
    assert jobs.failure_text(KeyError("x")).startswith("Uventet feil i løseren (KeyError")
