"""SU-VACATION, ASA 4310 § 4.2.3: the vacation overview as a pure function — weeks, covers and gaps."""

from datetime import date

from legetjeneste.absence.vacation.rules.data import (
    AbsenceFacts,
    AgreementFacts,
    AssistantFacts,
    MunicipalityFacts,
    OfficeFacts,
    ServiceFacts,
    weeks_of,
)
from legetjeneste.absence.vacation.rules.overview import (
    NO_DOCTOR_PRESENT,
    UNCOVERED,
    cover_of,
    vacation_overview,
)
from legetjeneste.norwegian import span_text

MOSJOEN, SJOGATA = OfficeFacts(1, "Mosjøen legesenter"), OfficeFacts(2, "Sjøgata legekontor")
SINCE = date(2001, 1, 1)
NAMES = {1: "Eirik Sandnesmo", 2: "Siri Halsøy", 3: "Petter Mjåvatn", 4: "Stian Grubben"}


def agreement(agreement_id: int, office: OfficeFacts, *periods: tuple[int, str]) -> AgreementFacts:
    served = tuple(ServiceFacts(doctor_id, role, SINCE, None) for doctor_id, role in periods)
    return AgreementFacts(agreement_id, office.id, SINCE, None, served)


AGREEMENTS = (
    agreement(101, MOSJOEN, (1, "regular")),
    agreement(102, MOSJOEN, (2, "regular")),
    agreement(201, SJOGATA, (3, "regular")),
)


def away(
    doctor_id, start, end, cover="collegial", ground="ordinary", agreement_id=None, vikar=None, absence_id=1
):
    agreement_id = agreement_id or {1: 101, 2: 102, 3: 201}[doctor_id]
    return AbsenceFacts(
        absence_id, agreement_id, doctor_id, NAMES[doctor_id], ground, start, end, cover, vikar
    )


def overview(
    *absences,
    agreements=AGREEMENTS,
    assistants=(),
    start=date(2026, 6, 1),
    end=date(2026, 8, 31),
    sees_grounds=True,
):
    facts = MunicipalityFacts("1824", "Vefsn", (MOSJOEN, SJOGATA), agreements, absences, assistants)
    return vacation_overview(facts, start=start, end=end, sees_grounds=lambda office_id: sees_grounds)


def test_weeks_are_iso_weeks_from_monday_to_sunday_labelled_in_norwegian():
    [week] = weeks_of(start=date(2026, 7, 8), end=date(2026, 7, 9))
    assert (week.number, week.start, week.end, week.label) == (
        28,
        date(2026, 7, 6),
        date(2026, 7, 12),
        "uke 28 (6.–12. juli)",
    )
    assert weeks_of(start=date(2026, 6, 29), end=date(2026, 7, 1))[0].label == "uke 27 (29. juni–5. juli)"


def test_weeks_across_the_new_year_keep_their_iso_year_and_name_both_years():
    weeks = weeks_of(start=date(2026, 12, 21), end=date(2027, 1, 10))
    assert [(w.year, w.number) for w in weeks] == [(2026, 52), (2026, 53), (2027, 1)]
    assert weeks[1].label == "uke 53 (28. desember 2026–3. januar 2027)"
    assert weeks[2].label == "uke 1 (4.–10. januar)"


def test_spans_of_days_are_written_the_norwegian_way():
    assert span_text(date(2026, 7, 6), date(2026, 7, 6)) == "6. juli"
    assert span_text(date(2026, 7, 6), date(2026, 7, 26)) == "6.–26. juli"


def test_a_vikar_covers_by_name():
    absence = away(1, date(2026, 7, 6), date(2026, 7, 26), cover="own_vikar", vikar="Stian Grubben")
    assert cover_of(absence, []) == (("Stian Grubben",), "Stian Grubben (egen vikar)")
    municipal = away(1, date(2026, 7, 6), date(2026, 7, 26), cover="municipal_vikar", vikar="Stian Grubben")
    assert cover_of(municipal, [])[1] == "Stian Grubben (vikar fra kommunen)"


def test_collegial_cover_names_the_absence_assistants_of_the_agreement_that_overlap_the_absence():
    absence = away(1, date(2026, 7, 6), date(2026, 7, 26))
    assistants = [
        AssistantFacts(101, "Thomas Kvalvik", date(2026, 7, 20), date(2026, 7, 26)),
        AssistantFacts(101, "Siri Halsøy", date(2026, 7, 6), date(2026, 7, 19)),
        AssistantFacts(101, "Siri Halsøy", date(2026, 7, 20), date(2026, 7, 22)),
        AssistantFacts(101, "Lars Drevja", date(2026, 7, 27), date(2026, 8, 2)),
        AssistantFacts(102, "Anders Øyfjell", date(2026, 7, 6), date(2026, 7, 26)),
    ]
    assert cover_of(absence, assistants) == (
        ("Siri Halsøy", "Thomas Kvalvik"),
        "Siri Halsøy og Thomas Kvalvik (kollegial fraværsordning)",
    )


def test_collegial_cover_without_an_absence_assistant_is_the_arrangement_and_no_cover_says_so():
    assert cover_of(away(1, date(2026, 7, 6), date(2026, 7, 26)), []) == ((), "kollegial fraværsordning")
    assert cover_of(away(1, date(2026, 7, 6), date(2026, 7, 26), cover="none"), []) == ((), "ingen dekning")


def test_an_absence_without_cover_is_a_gap_on_its_working_days_across_the_weekend():
    result = overview(away(1, date(2026, 7, 10), date(2026, 7, 13), cover="none"))
    [gap] = result.gaps
    assert (gap.kind, gap.office_name, gap.start, gap.end, gap.working_days) == (
        UNCOVERED,
        "Mosjøen legesenter",
        date(2026, 7, 10),
        date(2026, 7, 13),
        2,
    )
    assert gap.agreement_id == 101 and gap.doctor_names == ("Eirik Sandnesmo",)
    assert gap.explanation.startswith(
        "Eirik Sandnesmo (avtale 101) er borte uten dekning 10.–13. juli (2 virkedager): "
        "listens pasienter har ingen lege."
    )
    assert "(SU-VACATION, ASA 4310 § 4.2.3)" in gap.explanation


def test_the_same_absence_with_collegial_cover_is_no_gap():
    assert overview(away(1, date(2026, 7, 10), date(2026, 7, 13), cover="collegial")).gaps == ()


def test_an_uncovered_gap_is_cut_to_the_period_and_skips_public_holidays():
    result = overview(
        away(1, date(2026, 5, 11), date(2026, 5, 22), cover="none"),
        start=date(2026, 5, 13),
        end=date(2026, 5, 31),
    )
    [gap] = result.gaps
    # 14 May is Ascension Day (Kristi himmelfartsdag), 17 May a Sunday.
    assert (gap.start, gap.end, gap.working_days) == (date(2026, 5, 13), date(2026, 5, 22), 7)


def test_every_gp_of_an_office_away_at_once_is_a_gap_on_the_shared_days_whatever_the_cover():
    result = overview(
        away(1, date(2026, 7, 6), date(2026, 7, 26), cover="own_vikar", vikar="Stian Grubben", absence_id=1),
        away(2, date(2026, 7, 20), date(2026, 8, 9), cover="collegial", absence_id=2),
    )
    [gap] = result.gaps
    assert (gap.kind, gap.office_name, gap.start, gap.end, gap.working_days) == (
        NO_DOCTOR_PRESENT,
        "Mosjøen legesenter",
        date(2026, 7, 20),
        date(2026, 7, 24),
        5,
    )
    assert gap.doctor_names == ("Eirik Sandnesmo", "Siri Halsøy") and gap.agreement_id is None
    assert gap.explanation.startswith(
        "Alle legene ved Mosjøen legesenter er borte samtidig 20.–24. juli (5 virkedager): "
        "Eirik Sandnesmo og Siri Halsøy."
    )


def test_one_gp_of_the_office_present_means_no_gap():
    result = overview(
        away(1, date(2026, 7, 6), date(2026, 7, 17), absence_id=1),
        away(2, date(2026, 7, 20), date(2026, 8, 9), absence_id=2),
    )
    assert result.gaps == ()


def test_a_solo_gp_away_with_cover_leaves_the_office_without_a_doctor():
    [gap] = overview(away(3, date(2026, 7, 6), date(2026, 7, 10))).gaps
    assert (gap.kind, gap.office_name, gap.working_days) == (NO_DOCTOR_PRESENT, "Sjøgata legekontor", 5)


def test_an_uncovered_solo_gp_gives_both_kinds_of_gap():
    gaps = overview(away(3, date(2026, 7, 6), date(2026, 7, 10), cover="none")).gaps
    assert {g.kind for g in gaps} == {NO_DOCTOR_PRESENT, UNCOVERED}


def test_a_vikar_holding_a_vacant_list_is_a_doctor_present_but_a_vikar_for_an_absent_gp_is_not():
    vacant = agreement(202, SJOGATA, (4, "vikar"))
    assert overview(away(3, date(2026, 7, 6), date(2026, 7, 10)), agreements=(*AGREEMENTS, vacant)).gaps == ()
    standing_in = agreement(201, SJOGATA, (3, "regular"), (4, "vikar"))
    result = overview(away(3, date(2026, 7, 6), date(2026, 7, 10)), agreements=(*AGREEMENTS[:2], standing_in))
    assert [g.kind for g in result.gaps] == [NO_DOCTOR_PRESENT]


def test_an_office_with_only_a_vacant_list_has_no_gap():
    vacant = AgreementFacts(201, SJOGATA.id, SINCE, None, ())
    assert overview(agreements=(*AGREEMENTS[:2], vacant)).gaps == ()


def test_the_overview_lists_who_is_away_per_office_and_week_with_the_visible_ground():
    result = overview(
        away(1, date(2026, 7, 6), date(2026, 7, 17), ground="own_sickness", absence_id=1),
        away(2, date(2026, 7, 13), date(2026, 7, 15), absence_id=2),
        start=date(2026, 7, 6),
        end=date(2026, 7, 19),
        sees_grounds=False,
    )
    assert [w.label for w in result.weeks] == ["uke 28 (6.–12. juli)", "uke 29 (13.–19. juli)"]
    assert [o.office_name for o in result.offices] == ["Mosjøen legesenter", "Sjøgata legekontor"]
    mosjoen = result.offices[0]
    assert [[a.doctor_name for a in w.away] for w in mosjoen.weeks] == [
        ["Eirik Sandnesmo"],
        ["Eirik Sandnesmo", "Siri Halsøy"],
    ]
    sick = mosjoen.weeks[0].away[0]
    assert (sick.ground, sick.ground_label, sick.dates_label) == (None, "annet fravær", "6.–17. juli")
    assert mosjoen.weeks[1].away[1].ground_label == "ferie eller ordinært fravær"
    assert [w.gaps for w in mosjoen.weeks] == [(), result.gaps]
    assert result.offices[1].weeks[0].away == ()


def test_those_who_handle_absences_see_the_ground():
    result = overview(away(1, date(2026, 7, 6), date(2026, 7, 17), ground="own_sickness"))
    entry = next(a for w in result.offices[0].weeks for a in w.away)
    assert (entry.ground, entry.ground_label) == ("own_sickness", "egen sykdom")
