"""Settings of the GP panel that contradict each other are refused or warned about, with the rule id:
«tilbyr ikke digitale tjenester» with services still on (HN-PANEL), and an absence assistant who is away
in the period, so nobody answers (HN-NO-COVER). Pure functions."""

from datetime import date

from legetjeneste.absence.panel.rules.panel import AssistantEntry, DigitalSettings
from legetjeneste.absence.panel.rules.settings import (
    absent_assistant_warnings,
    assistant_problems,
    colleague_away_problems,
    contradiction_problems,
)
from legetjeneste.dates import Period

JULY = Period(date(2027, 7, 5), date(2027, 7, 25))


def test_hn_panel_offering_no_digital_services_with_booking_and_e_contact_still_on_is_refused():
    off = {"e_consultation": False, "prescription_renewal": False}
    [problem] = contradiction_problems(DigitalSettings(offers_digital_services=False, **off))
    assert (problem.path, problem.rule_id) == ("offers_digital_services", "HN-PANEL")
    assert problem.message == (
        "er slått av, men timebestilling og e-kontakt står fortsatt på. Slå av tjenestene også, eller la "
        "fastlegen tilby digitale tjenester"
    )


def test_hn_panel_no_digital_services_with_every_service_off_agrees_with_itself():
    off = dict.fromkeys(("booking", "e_consultation", "prescription_renewal", "e_contact"), False)
    assert contradiction_problems(DigitalSettings(offers_digital_services=False, **off)) == []


def test_hn_panel_offering_digital_services_with_any_services_on_or_off_is_no_contradiction():
    assert contradiction_problems(DigitalSettings()) == []
    assert contradiction_problems(DigitalSettings(booking=False, e_contact=False)) == []


def test_hn_no_cover_a_colleague_away_in_part_of_the_period_cannot_be_the_absence_assistant():
    away = [Period(date(2027, 7, 19), date(2027, 8, 8)), Period(date(2027, 9, 1), date(2027, 9, 3))]
    [problem] = colleague_away_problems(period=JULY, colleague_away=away)
    assert (problem.path, problem.rule_id) == ("colleague_doctor_id", "HN-NO-COVER")
    assert problem.message.startswith("kollegaen er selv borte 19. juli til og med 8. august 2027, så ingen")


def test_hn_no_cover_a_colleague_away_only_the_day_after_the_period_may_assist():
    after = Period(date(2027, 7, 26), date(2027, 8, 1))
    assert colleague_away_problems(period=JULY, colleague_away=[after]) == []


def test_assistant_problems_name_the_away_colleague_beside_the_other_checks():
    found = assistant_problems(
        start=JULY.start,
        end=JULY.end,
        services=["booking"],
        colleague_known=True,
        colleague_gp_periods=[],
        entries=[],
        colleague_away=[Period(date(2027, 7, 1), date(2027, 7, 5))],
    )
    assert [(p.path, p.rule_id) for p in found] == [("colleague_doctor_id", "HN-NO-COVER")]


def test_hn_no_cover_an_absence_assistant_whose_own_absence_came_later_is_warned_about_for_the_shared_days():
    entry = AssistantEntry("Marte Elsfjord", ("booking", "e_contact"), JULY.start, JULY.end)
    [warning] = absent_assistant_warnings(182407, [(entry, [Period(date(2027, 7, 12), date(2027, 8, 1))])])
    assert (warning.rule_id, warning.start, warning.end) == ("HN-NO-COVER", date(2027, 7, 12), JULY.end)
    assert warning.message == (
        "Avtale 182407: fraværsassistenten Marte Elsfjord er selv borte 12. juli til og med 25. juli 2027, "
        "og da besvarer ingen timebestilling og e-kontakt. Sett opp en annen kollega for de dagene "
        "(HN-NO-COVER)."
    )
    assert absent_assistant_warnings(182407, [(entry, [Period(date(2027, 8, 2), date(2027, 8, 6))])]) == []
