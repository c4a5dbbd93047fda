"""ABS-TYPES and ABS-REPORT: one absence's own consistency, and what is reported to the municipality."""

from datetime import date

from legetjeneste.absence import rules
from legetjeneste.dates import Period


def test_abs_report_a_longer_absence_without_vikar_and_every_vikar_are_reported():
    assert not rules.must_report(cover="collegial", days=14, long_absence_days=14)
    assert rules.must_report(cover="collegial", days=15, long_absence_days=14)
    assert rules.must_report(cover="none", days=15, long_absence_days=14)
    assert rules.must_report(cover="own_vikar", days=1, long_absence_days=14)
    assert rules.must_report(cover="municipal_vikar", days=1, long_absence_days=14)


def absence_problems(**changes):
    values = {
        "start": date(2026, 7, 1),
        "end": date(2026, 7, 21),
        "ground": "ordinary",
        "cover": "collegial",
        "vikar_given": False,
        "vikar_known": False,
        "vikar_is_the_doctor": False,
        "collisions": [],
    }
    return [(p.path, p.rule_id) for p in rules.absence_problems(**{**values, **changes})]


def test_an_absence_that_collides_names_the_other_absences_period():
    [problem] = rules.absence_problems(
        start=date(2026, 7, 1),
        end=date(2026, 7, 21),
        ground="ordinary",
        cover="collegial",
        vikar_given=False,
        vikar_known=False,
        vikar_is_the_doctor=False,
        collisions=[Period(date(2026, 7, 21), None)],
    )
    assert problem.message.startswith("overlapper legens fravær 2026-07-21–…")


def test_a_vikar_is_needed_exactly_when_the_cover_is_a_vikar():
    assert absence_problems() == []
    assert absence_problems(cover="own_vikar") == [("vikar_doctor_id", None)]
    assert absence_problems(cover="own_vikar", vikar_given=True, vikar_known=True) == []
    assert absence_problems(
        cover="municipal_vikar", vikar_given=True, vikar_known=True, vikar_is_the_doctor=True
    ) == [("vikar_doctor_id", None)]
    assert absence_problems(vikar_given=True, vikar_known=True) == [("vikar_doctor_id", None)]


def test_abs_course_research_without_the_gps_own_vikar_is_refused():
    assert absence_problems(ground="research") == [("cover", "ABS-COURSE")]
    assert absence_problems(ground="research", cover="own_vikar", vikar_given=True, vikar_known=True) == []


def test_an_absence_of_two_years_is_the_longest_that_can_be_registered():
    assert absence_problems(start=date(2026, 1, 1), end=date(2028, 1, 1)) == []
    assert absence_problems(start=date(2026, 1, 1), end=date(2028, 1, 2)) == [("end", None)]


def test_a_vikar_period_must_cover_every_day_of_the_absence():
    absence_period = Period(date(2026, 7, 1), date(2026, 7, 21))
    assert rules.vikar_period_covers(absence_period, [Period(date(2026, 6, 1), date(2026, 7, 31))])
    assert not rules.vikar_period_covers(absence_period, [Period(date(2026, 7, 2))])
