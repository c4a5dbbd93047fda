"""The citizen's GP panel as pure rules: HN-MIN-ONE, HN-PANEL, HN-KEEP-ON, HN-NO-COVER and the warnings."""

import json
from dataclasses import asdict, replace
from datetime import date

from legetjeneste.absence.panel.rules.panel import (
    AssistantEntry,
    DigitalSettings,
    GpAbsence,
    Notice,
    PanelFacts,
    first_working_day_after,
    gp_panel,
)
from legetjeneste.absence.panel.rules.settings import assistant_problems, default_horizon, settings_warnings
from legetjeneste.dates import Period

GP = PanelFacts(agreement_id=182404, office_id=2, office_name="Mosjøen legesenter", gp_name="Eirik Sandnesmo")
VACATION = GpAbsence(date(2026, 7, 6), date(2026, 7, 26), "collegial", doctor_name="Eirik Sandnesmo")
INSIDE, LAST_DAY, DAY_AFTER = date(2026, 7, 15), date(2026, 7, 26), date(2026, 7, 27)
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))


def answers(panel) -> dict[str, tuple[str, str | None]]:
    return {line.service: (line.answered_by, line.answered_by_name) for line in panel.services}


def texts(panel) -> dict[str, str]:
    return {line.service: line.text for line in panel.services}


def test_hn_min_one_all_four_services_switched_off_hides_the_panel_and_tells_staff_why():
    off = DigitalSettings(booking=False, e_consultation=False, prescription_renewal=False, e_contact=False)
    panel = gp_panel(
        replace(GP, settings=off, notices=(Notice("Ferie i juli", date(2026, 1, 1)),)), on=INSIDE
    )
    assert not panel.shown
    assert (panel.heading, panel.notices, panel.links, panel.rule_ids) == (None, (), (), ("HN-MIN-ONE",))
    assert "Minst én tjeneste må stå på" in panel.staff_note and "(HN-MIN-ONE)" in panel.staff_note


def test_hn_min_one_one_service_left_on_keeps_the_panel_and_the_office_notice_shown():
    booking_only = DigitalSettings(e_consultation=False, prescription_renewal=False, e_contact=False)
    facts = replace(GP, settings=booking_only, notices=(Notice("Ferie i juli", date(2026, 1, 1)),))
    panel = gp_panel(facts, on=INSIDE)
    assert panel.shown and panel.booking_button == "Bestill time" and panel.notices == ("Ferie i juli",)
    assert panel.switched_off == ("e_consultation", "prescription_renewal", "e_contact")


def test_hn_panel_heading_names_the_gp_and_booking_on_shows_bestill_time_and_the_two_links():
    panel = gp_panel(GP, on=INSIDE)
    assert panel.heading == "Fastlegen din er Eirik Sandnesmo"
    assert panel.booking_button == "Bestill time"
    assert panel.links == ("Se informasjon om fastlegen din", "Se alle helsekontaktene dine")
    assert answers(panel) == {s: ("gp", "Eirik Sandnesmo") for s in answers(panel)}
    assert list(answers(panel)) == ["booking", "e_consultation", "prescription_renewal", "e_contact"]
    assert texts(panel)["booking"] == "Bestill time hos fastlegen din."
    assert texts(panel)["e_contact"] == "Besvares av fastlegen din."


def test_hn_panel_without_digital_services_says_so_like_the_guides_mathias_example():
    mathias = replace(GP, gp_name="Mathias", settings=DigitalSettings(offers_digital_services=False))
    panel = gp_panel(mathias, on=INSIDE)
    assert panel.shown and panel.heading == "Fastlegen din er Mathias"
    assert panel.text == (
        "Din fastlege tilbyr ikke timebestilling og dialog på Helsenorge, "
        "men kan ha andre digitale kontaktmuligheter på sin hjemmeside."
    )
    assert (panel.booking_button, panel.services, panel.notice_heading) == (None, (), None)
    assert panel.links == ("Se informasjon om fastlegen din", "Se alle helsekontaktene dine")


def test_hn_panel_the_office_notice_shows_under_its_heading_in_its_period_like_the_carl_david_example():
    notice = Notice(
        "Merk at kontoret vil holde åpent 28. til 31. desember.", date(2026, 12, 1), date(2026, 12, 31)
    )
    carl_david = replace(GP, gp_name="Carl David", notices=(notice,))
    panel = gp_panel(carl_david, on=date(2026, 12, 31))
    assert (panel.heading, panel.booking_button) == ("Fastlegen din er Carl David", "Bestill time")
    assert panel.notice_heading == "Informasjon fra legekontoret"
    assert panel.notices == ("Merk at kontoret vil holde åpent 28. til 31. desember.",)
    after = gp_panel(carl_david, on=date(2027, 1, 1))
    assert (after.notice_heading, after.notices) == (None, ())


def test_hn_panel_booking_switched_off_shows_no_bestill_time_button():
    panel = gp_panel(replace(GP, settings=DigitalSettings(booking=False)), on=INSIDE)
    assert panel.booking_button is None and "booking" not in answers(panel)


def test_hn_panel_a_list_without_a_regular_doctor_says_so_and_the_lists_vikar_answers():
    vacant = replace(GP, gp_name=None, list_vikar_names=("Stian Grubben",))
    panel = gp_panel(vacant, on=INSIDE)
    assert panel.heading == "Fastlegelisten din har ingen fast lege nå"
    assert panel.text == "Listen betjenes av vikar Stian Grubben ved Mosjøen legesenter."
    assert answers(panel)["booking"] == ("vikar", "Stian Grubben")
    nobody = gp_panel(replace(GP, gp_name=None), on=INSIDE)
    assert answers(nobody)["e_contact"] == ("office", "Mosjøen legesenter")
    assert texts(nobody)["booking"] == "Bestill time ved Mosjøen legesenter."


def test_hn_keep_on_the_own_vikar_answers_every_service_through_the_last_day_and_the_gp_the_day_after():
    with_vikar = replace(VACATION, cover="own_vikar", vikar_name="Stian Grubben")
    facts = replace(GP, absences=(with_vikar,))
    last = gp_panel(facts, on=LAST_DAY)
    assert set(answers(last).values()) == {("vikar", "Stian Grubben")}
    assert texts(last)["booking"] == "Bestill time hos vikaren Stian Grubben til og med 26. juli 2026."
    assert {line.rule_id for line in last.services} == {"HN-KEEP-ON"}
    assert last.away.text == "Fastlegen din er borte til og med 26. juli 2026."
    after = gp_panel(facts, on=DAY_AFTER)
    assert set(answers(after).values()) == {("gp", "Eirik Sandnesmo")} and after.away is None


def test_hn_keep_on_the_municipalitys_vikar_answers_like_an_own_vikar():
    facts = replace(GP, absences=(replace(VACATION, cover="municipal_vikar", vikar_name="Stian Grubben"),))
    assert answers(gp_panel(facts, on=INSIDE))["e_consultation"] == ("vikar", "Stian Grubben")


def test_hn_keep_on_the_absence_assistant_answers_its_services_and_the_rest_has_no_cover():
    assistant = AssistantEntry(
        "Siri Halsøy", ("booking", "prescription_renewal"), VACATION.start, VACATION.end
    )
    facts = replace(GP, absences=(VACATION,), assistants=(assistant,))
    panel = gp_panel(facts, on=LAST_DAY)
    assert answers(panel) == {
        "booking": ("colleague", "Siri Halsøy"),
        "e_consultation": ("nobody", None),
        "prescription_renewal": ("colleague", "Siri Halsøy"),
        "e_contact": ("nobody", None),
    }
    assert texts(panel)["prescription_renewal"] == (
        "Besvares av Siri Halsøy, kollega av fastlegen din, til og med 26. juli 2026."
    )
    assert panel.rule_ids == ("HN-PANEL", "HN-KEEP-ON", "HN-NO-COVER")


def test_hn_keep_on_the_assistant_entry_comes_before_the_vikar_for_its_service():
    assistant = AssistantEntry("Siri Halsøy", ("e_contact",), VACATION.start, VACATION.end)
    vikar = replace(VACATION, cover="own_vikar", vikar_name="Stian Grubben")
    panel = gp_panel(replace(GP, absences=(vikar,), assistants=(assistant,)), on=INSIDE)
    assert answers(panel)["e_contact"] == ("colleague", "Siri Halsøy")
    assert answers(panel)["booking"] == ("vikar", "Stian Grubben")


def test_hn_no_cover_booking_shows_ingen_ledige_timer_until_the_last_day_and_the_gp_is_back_the_day_after():
    facts = replace(GP, absences=(VACATION,))
    last = gp_panel(facts, on=LAST_DAY)
    assert texts(last)["booking"] == (
        "Ingen ledige timer fra 6. juli til og med 26. juli 2026. "
        "Du kan bestille time fra mandag 27. juli 2026."
    )
    assert last.booking_button is None  # never «Bestill time» beside «Ingen ledige timer» (issue 13)
    assert {line.rule_id for line in last.services} == {"HN-NO-COVER"}
    after = gp_panel(facts, on=DAY_AFTER)
    assert texts(after)["booking"] == "Bestill time hos fastlegen din." and after.away is None
    assert after.booking_button == "Bestill time"


def test_hn_no_cover_dialogue_services_state_the_period_and_the_first_working_day_after_it():
    before_easter = replace(VACATION, start=date(2026, 3, 23), end=date(2026, 4, 1))
    panel = gp_panel(replace(GP, absences=(before_easter,)), on=date(2026, 4, 1))
    assert texts(panel)["e_consultation"] == (
        "Fastlegen din er borte fra 23. mars til og med 1. april 2026. "
        "Meldinger besvares fra tirsdag 7. april 2026."
    )
    assert panel.away.back_on == date(2026, 4, 7)


def test_the_first_working_day_after_skips_weekends_and_public_holidays():
    assert first_working_day_after(date(2026, 7, 24)) == date(2026, 7, 27)
    assert first_working_day_after(date(2026, 12, 24)) == date(2026, 12, 28)
    assert first_working_day_after(date(2026, 7, 27)) == date(2026, 7, 28)


def test_back_to_back_absences_are_one_stretch_for_when_the_gp_is_back():
    second = replace(VACATION, start=date(2026, 7, 27), end=date(2026, 8, 2))
    panel = gp_panel(replace(GP, absences=(VACATION, second)), on=INSIDE)
    assert (panel.away.start, panel.away.end, panel.away.back_on) == (
        date(2026, 7, 6),
        date(2026, 8, 2),
        date(2026, 8, 3),
    )


def test_the_panel_serialises_to_json_without_the_absence_ground():
    panel = gp_panel(replace(GP, absences=(VACATION,)), on=INSIDE)
    document = json.loads(json.dumps(asdict(panel), default=str))
    assert document["away"]["end"] == "2026-07-26" and "ground" not in json.dumps(document)


def test_warning_hn_min_one_when_every_service_is_switched_off():
    off = DigitalSettings(booking=False, e_consultation=False, prescription_renewal=False, e_contact=False)
    [warning] = settings_warnings(replace(GP, settings=off, absences=(VACATION,)), horizon=YEAR)
    assert warning.rule_id == "HN-MIN-ONE" and "fastlegepanelet vises ikke" in warning.message


def test_warning_hn_keep_on_names_the_services_switched_off():
    facts = replace(GP, settings=DigitalSettings(e_consultation=False, e_contact=False))
    [warning] = settings_warnings(facts, horizon=YEAR)
    assert (warning.rule_id, warning.services) == ("HN-KEEP-ON", ("e_consultation", "e_contact"))
    assert warning.message.startswith(
        "Avtale 182404 (Eirik Sandnesmo): e-konsultasjon og e-kontakt er slått av."
    )


def test_warning_hn_no_cover_gives_the_days_without_cover_and_none_when_a_vikar_covers():
    assistant = AssistantEntry("Siri Halsøy", ("booking",), date(2026, 7, 6), date(2026, 7, 19))
    facts = replace(GP, absences=(VACATION,), assistants=(assistant,))
    found = settings_warnings(facts, horizon=YEAR)
    assert [(w.rule_id, w.services, w.start, w.end) for w in found] == [
        ("HN-NO-COVER", ("booking",), date(2026, 7, 20), date(2026, 7, 26)),
        (
            "HN-NO-COVER",
            ("e_consultation", "prescription_renewal", "e_contact"),
            VACATION.start,
            VACATION.end,
        ),
    ]
    assert "«Ingen ledige timer»" in found[0].message and "mandag 27. juli 2026" in found[1].message
    covered = replace(facts, absences=(replace(VACATION, cover="own_vikar", vikar_name="Stian Grubben"),))
    assert settings_warnings(covered, horizon=YEAR) == []


def test_warning_hn_no_cover_only_looks_inside_the_horizon():
    facts = replace(GP, absences=(VACATION,))
    assert settings_warnings(facts, horizon=Period(date(2026, 8, 1), date(2027, 7, 31))) == []
    [warning] = settings_warnings(facts, horizon=Period(date(2026, 7, 20), date(2027, 7, 19)))
    assert (warning.start, warning.end) == (date(2026, 7, 20), date(2026, 7, 26))


def test_hn_keep_on_one_colleague_answers_a_service_at_a_time_and_not_the_gp_on_the_own_list():
    july = {"start": date(2026, 7, 1), "end": date(2026, 7, 31)}
    entry = AssistantEntry("Siri Halsøy", ("booking", "e_contact"), date(2026, 7, 20), date(2026, 8, 9))

    def problems(**changes):
        values = {
            **july,
            "services": ["e_consultation"],
            "colleague_known": True,
            "colleague_gp_periods": [],
            "entries": [entry],
        }
        return [(p.path, p.rule_id) for p in assistant_problems(**{**values, **changes})]

    assert problems() == []
    assert problems(services=["booking"]) == [("services", "HN-KEEP-ON")]
    assert problems(colleague_known=False) == [("colleague_doctor_id", "HN-KEEP-ON")]
    assert problems(colleague_gp_periods=[Period(date(2001, 1, 1))]) == [
        ("colleague_doctor_id", "HN-KEEP-ON")
    ]
    assert problems(end=date(2026, 6, 30)) == [("end", None)]
    assert problems(end=date(2028, 7, 1)) == [("end", None)]


def test_the_default_horizon_is_twelve_months_from_today_and_29_february_ends_on_28_february():
    assert default_horizon(date(2026, 7, 6)) == Period(date(2026, 7, 6), date(2027, 7, 5))
    assert default_horizon(date(2028, 2, 29)) == Period(date(2028, 2, 29), date(2029, 2, 28))
