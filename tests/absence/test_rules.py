"""ABS-TYPES and ABS-REPORT: one absence's own consistency, and what is reported to the municipality."""

from datetime import date

import pytest

from legetjeneste.absence import rules
from legetjeneste.dates import Period
from legetjeneste.errors import ValidationFailed


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
    assert problem.message.startswith("overlapper legens fravær fra 21. juli 2026")
    assert problem.rule_id == "ABS-TYPES"


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


def test_abs_report_a_change_already_reported_is_not_reported_again():
    long_alone = rules.Reported("collegial", 15, None)
    with_vikar = rules.Reported("municipal_vikar", 15, 7)
    assert rules.is_news(now=long_alone, before=None, long_absence_days=14)
    assert not rules.is_news(
        now=rules.Reported("collegial", 20, None), before=long_alone, long_absence_days=14
    )
    assert rules.is_news(now=with_vikar, before=long_alone, long_absence_days=14)
    assert not rules.is_news(now=with_vikar, before=with_vikar, long_absence_days=14)
    assert rules.is_news(
        now=rules.Reported("municipal_vikar", 15, 8), before=with_vikar, long_absence_days=14
    )


def test_abs_report_the_notice_names_the_new_vikar_or_the_longer_absence_without_one():
    common = {"doctor_name": "Eirik Sandnesmo", "office_name": "Mosjøen legesenter", "days": 15}
    period = {"start": date(2026, 8, 1), "end": date(2026, 8, 15)}
    assert rules.report_text(
        **common, **period, cover="none", cover_label="ingen dekning", vikar_name=None
    ) == (
        "Lengre fravær uten vikar: Eirik Sandnesmo (Mosjøen legesenter) er borte 1.–15. august 2026, "
        "15 dager, med ingen dekning."
    )
    text = rules.report_text(
        **common,
        **period,
        cover="municipal_vikar",
        cover_label="vikar fra kommunen",
        vikar_name="Stian Grubben",
    )
    assert text == (
        "Ny vikar: Stian Grubben er vikar for Eirik Sandnesmo (Mosjøen legesenter) 1.–15. august 2026, "
        "vikar fra kommunen."
    )


def test_abs_types_an_absence_is_from_the_list_the_doctor_serves_when_it_begins_unless_one_is_named():
    serving = [(1, Period(date(2020, 1, 1), date(2026, 6, 30))), (2, Period(date(2026, 7, 1)))]
    assert rules.agreement_of_absence(serving, agreement_id=None, start=date(2026, 7, 6)) == 2
    assert rules.agreement_of_absence(serving, agreement_id=1, start=date(2026, 7, 6)) == 1
    for agreement_id, start in ((None, date(2019, 1, 1)), (3, date(2026, 7, 6))):
        with pytest.raises(ValidationFailed) as caught:
            rules.agreement_of_absence(serving, agreement_id=agreement_id, start=start)
        assert caught.value.problems[0].path == "agreement_id"
