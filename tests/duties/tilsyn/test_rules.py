"""TILSYN-COVER as pure rules: planned hours of any doctor key stand uncovered while the doctor is away, the
kommuneoverlege needs a named stand-in each working day away (weekends and public holidays aside), and a
municipal doctor's absences do not overlap."""

from datetime import date
from decimal import Decimal as D

from legetjeneste.duties.tilsyn.cover import rules


def test_the_kommuneoverleges_function_needs_a_stand_in_each_working_day_away_not_on_holidays_tilsyn_cover():
    away = {("municipal", 1): [(date(2027, 5, 14), date(2027, 5, 18))]}
    found = rules.standins(
        [("municipal", 1)],
        away=away,
        first=date(2027, 5, 10),
        last=date(2027, 5, 31),
        named={(("municipal", 1), date(2027, 5, 18)): "Smittevernlegen"},
    )
    # 15 and 16 May are a weekend, 17 May is Grunnlovsdag.
    assert [(s.day, s.substitute, s.warns) for s in found] == [
        (date(2027, 5, 14), None, True),
        (date(2027, 5, 18), "Smittevernlegen", False),
    ]
    assert rules.needs_standin("kommuneoverlege") and not rules.needs_standin("sykehjemslege")


def test_a_municipal_doctors_planned_hours_stand_uncovered_like_a_gps_tilsyn_cover():
    planned = [
        rules.Planned(1, "monday", D(4), ("municipal", 3)),
        rules.Planned(2, "monday", D(2), ("gp", 3)),
    ]
    found = rules.uncovered(
        planned,
        away={("municipal", 3): [(date(2027, 6, 14), date(2027, 6, 14))]},
        first=date(2027, 6, 14),
        last=date(2027, 6, 20),
        substitutes={},
        daily_units=frozenset({1}),
    )
    assert [(u.unit, u.doctor, u.warns) for u in found] == [(1, ("municipal", 3), True)]


def test_an_absence_overlapping_another_is_named_and_one_with_the_same_start_replaces_it():
    existing = [(date(2027, 8, 2), date(2027, 8, 6))]
    assert rules.overlap_problems(existing, start=date(2027, 8, 2), end=date(2027, 8, 9)) == []
    [problem] = rules.overlap_problems(existing, start=date(2027, 8, 6), end=date(2027, 8, 9), prefix="x.")
    assert (problem.path, problem.message) == ("x.start", "overlapper fraværet 2. august 2027–6. august 2027")
    assert rules.overlap_problems(existing, start=date(2027, 8, 7), end=date(2027, 8, 9)) == []


def test_a_municipal_doctor_is_shown_by_name_and_role_or_by_role_alone():
    assert rules.display_name("Ingvild Storhaug", "sykehjemslege") == "Ingvild Storhaug (sykehjemslege)"
    assert rules.display_name("Sykehjemslege", "sykehjemslege") == "Sykehjemslege"
