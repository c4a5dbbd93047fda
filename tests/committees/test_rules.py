"""The committees' rules on both sides of every limit (RULES.md § 6): SU-COMPOSITION (equal sides, at least 2
a side, as many deputies, the chair alternating every chair year from the constitution date, the 2-year term),
ALU-MEMBERS (the kommuneoverlege is not elected to the SU; attendance unless validly absent; a meeting every
calendar half-year), SU-JOINT-LV, SU-CASES and ALU-TASKS."""

from datetime import date, time

import pytest

from legetjeneste.committees import rules
from legetjeneste.committees.cases import rules as case_rules
from legetjeneste.committees.meetings import rules as meeting_rules
from legetjeneste.errors import RuleViolation, ValidationFailed

START = date(2025, 3, 1)


def seat(side, role="member", *, start=START, end=None, ko=False, name="N"):
    return rules.Seat(name, side, role, start, end, ko)


def su(gps=2, municipality=2, *, gp_deputies=None, municipality_deputies=None, extra=()):
    seats = [seat("gps") for _ in range(gps)] + [seat("municipality") for _ in range(municipality)]
    seats += [seat("gps", "deputy") for _ in range(gps if gp_deputies is None else gp_deputies)]
    seats += [
        seat("municipality", "deputy")
        for _ in range(municipality if municipality_deputies is None else municipality_deputies)
    ]
    return seats + list(extra)


def problems(seats, kind="su", on=START):
    found = rules.composition_problems(kind, seats, on=on, constituted_on=START, min_per_side=2)
    return [(p.rule_id, p.message.split(":")[0]) for p in found]


def test_su_composition_two_a_side_with_as_many_deputies_is_in_order():
    assert problems(su()) == []


def test_su_composition_unequal_sides_are_refused_with_the_rule_id():
    assert ("SU-COMPOSITION", "Medlemmer") in problems(su(3, 2, gp_deputies=3))
    assert problems(su(3, 3)) == []


def test_su_composition_fewer_than_two_a_side_is_refused_and_two_is_enough():
    assert problems(su(1, 1)) == [("SU-COMPOSITION", "Medlemmer"), ("SU-COMPOSITION", "Medlemmer")]
    assert problems(su(2, 2)) == []


def test_su_composition_fewer_deputies_than_members_is_refused_as_many_is_enough():
    assert problems(su(2, 2, municipality_deputies=1)) == [("SU-COMPOSITION", "Varamedlemmer")]
    assert problems(su(2, 2, municipality_deputies=2)) == []


def test_su_composition_counts_only_the_seats_held_on_the_day():
    seats = su(2, 2) + [seat("gps", start=date(2025, 6, 1))]
    assert problems(seats, on=date(2025, 5, 31)) == []
    assert ("SU-COMPOSITION", "Medlemmer") in problems(seats, on=date(2025, 6, 1))


def test_alu_members_the_kommuneoverlege_as_the_gps_representative_is_refused_as_an_observer_not():
    as_gp = su(2, 2, extra=[seat("municipality"), seat("gps", ko=True, name="Kommuneoverlegen")])
    assert ("ALU-MEMBERS", "Side") in problems(
        as_gp + [seat("gps", "deputy"), seat("municipality", "deputy")]
    )
    assert problems(su(2, 2, extra=[seat(None, "observer", ko=True)])) == []
    with pytest.raises(RuleViolation) as refused:
        rules.check_member("su", side="gps", role="member", is_kommuneoverlege=True)
    assert refused.value.rule_id == "ALU-MEMBERS"
    rules.check_member("su", side="municipality", role="member", is_kommuneoverlege=True)


def test_su_composition_the_same_side_chairing_two_chair_years_running_is_refused():
    first = seat("gps", "chair", end=date(2026, 2, 28))
    again = seat("gps", "chair", start=date(2026, 3, 1))
    other = seat("municipality", "chair", start=date(2026, 3, 1))
    assert problems(su(1, 2, gp_deputies=2, extra=[first, again])) == [("SU-COMPOSITION", "Leder")]
    assert problems(su(1, 2, gp_deputies=2, extra=[first, other])) == []


def test_su_composition_chair_years_run_from_the_constitution_date_not_the_calendar_year():
    assert rules.chair_year(START, date(2026, 2, 28)) == 0
    assert rules.chair_year(START, date(2026, 3, 1)) == 1
    first = seat("gps", "chair", end=date(2026, 2, 28))
    same_chair_year = seat("gps", "chair", start=date(2026, 2, 28))
    assert problems(su(1, 2, gp_deputies=2, extra=[first, same_chair_year])) == []


def test_su_composition_the_term_is_two_years_ending_the_day_before_the_date_comes_round():
    assert rules.term_end(START, years=2) == date(2027, 2, 28)
    assert rules.term_end(date(2024, 2, 29), years=2) == date(2026, 2, 28)


def test_alu_members_the_alu_has_no_sides_to_balance():
    assert problems([seat(None, "leader")], kind="alu") == []


def test_alu_members_only_the_alu_elects_a_leader_and_only_the_su_a_chair():
    with pytest.raises(RuleViolation):
        rules.check_member("su", side="gps", role="leader", is_kommuneoverlege=False)
    with pytest.raises(RuleViolation):
        rules.check_member("alu", side=None, role="chair", is_kommuneoverlege=False)
    rules.check_member("alu", side=None, role="leader", is_kommuneoverlege=False)


def test_meetings_a_half_year_runs_from_1_january_and_from_1_july():
    assert meeting_rules.half_year(date(2026, 6, 30)).end == date(2026, 6, 30)
    assert meeting_rules.half_year(date(2026, 7, 1)).start == date(2026, 7, 1)
    assert meeting_rules.previous_half_year(date(2026, 1, 5)).start == date(2025, 7, 1)


def dues(meetings, on, constituted=date(2025, 1, 1)):
    return [
        (d.due, d.rule_id)
        for d in meeting_rules.half_year_dues(
            "su", committee_id=1, name="SU", meetings=meetings, constituted_on=constituted, on=on
        )
    ]


def test_meetings_a_half_year_without_a_meeting_falls_due_on_its_last_day_one_meeting_closes_it():
    assert dues([], date(2026, 12, 4)) == [
        (date(2026, 6, 30), "SU-COMPOSITION"),
        (date(2026, 12, 31), "SU-COMPOSITION"),
    ]
    assert dues([date(2026, 6, 30), date(2026, 7, 1)], date(2026, 12, 4)) == []
    assert dues([date(2026, 7, 1)], date(2026, 12, 4)) == [(date(2026, 6, 30), "SU-COMPOSITION")]


def test_meetings_no_clock_for_a_half_year_that_ended_before_the_constitution():
    assert dues([], date(2026, 8, 1), constituted=date(2026, 7, 1)) == [
        (date(2026, 12, 31), "SU-COMPOSITION")
    ]
    assert dues([], date(2026, 8, 1), constituted=date(2026, 6, 30)) == [
        (date(2026, 6, 30), "SU-COMPOSITION"),
        (date(2026, 12, 31), "SU-COMPOSITION"),
    ]


def test_the_alu_half_year_clock_cites_alu_members():
    [due] = meeting_rules.half_year_dues(
        "alu", committee_id=1, name="ALU", meetings=[], constituted_on=date(2026, 7, 1), on=date(2026, 8, 1)
    )
    assert due.rule_id == "ALU-MEMBERS"


def test_su_joint_lv_a_joint_meeting_in_the_calendar_year_closes_the_yearly_clock():
    assert meeting_rules.joint_dues(
        committee_id=1, name="SU", joint_meetings=[date(2025, 12, 31)], on=date(2026, 1, 1)
    )[0].due == date(2026, 12, 31)
    assert (
        meeting_rules.joint_dues(
            committee_id=1, name="SU", joint_meetings=[date(2026, 1, 1)], on=date(2026, 12, 31)
        )
        == []
    )


def test_alu_members_valid_absence_needs_its_reason():
    with pytest.raises(RuleViolation) as refused:
        meeting_rules.check_attendance(status="excused", absence_reason=" ")
    assert refused.value.rule_id == "ALU-MEMBERS"
    meeting_rules.check_attendance(status="excused", absence_reason="Legevakt")
    meeting_rules.check_attendance(status="absent", absence_reason="")


def test_a_meeting_ends_after_it_begins():
    with pytest.raises(ValidationFailed):
        meeting_rules.check_meeting_time(starts=time(14, 30), ends=time(14, 30))
    meeting_rules.check_meeting_time(starts=time(14, 30), ends=time(14, 31))


def case(kind="su", **given):
    facts = {
        "personal_doctor": False,
        "consent_on": None,
        "breach_of_duty": False,
        "about_patient": False,
        "anonymised": False,
    }
    case_rules.check_case(kind, **(facts | given))


def test_su_cases_a_named_gps_personal_matter_needs_the_gps_recorded_consent():
    with pytest.raises(RuleViolation) as refused:
        case(personal_doctor=True)
    assert refused.value.rule_id == "SU-CASES"
    case(personal_doctor=True, consent_on=date(2026, 11, 1))


def test_su_cases_a_breach_of_professional_duties_is_refused_even_with_consent():
    with pytest.raises(RuleViolation) as refused:
        case(breach_of_duty=True, personal_doctor=True, consent_on=date(2026, 11, 1))
    assert refused.value.rule_id == "SU-CASES"


def test_alu_tasks_the_alu_sees_a_patient_case_only_anonymised_the_su_is_not_limited_so():
    with pytest.raises(RuleViolation) as refused:
        case("alu", about_patient=True)
    assert refused.value.rule_id == "ALU-TASKS"
    case("alu", about_patient=True, anonymised=True)
    case("su", about_patient=True)


def statement(votes_for=3, votes_against=1, minority="Mindretallet mener …", given=date(2026, 12, 4)):
    case_rules.check_statement(
        votes_for=votes_for, votes_against=votes_against, majority_text="Flertallet støtter.",
        minority_text=minority, given_on=given, raised_on=date(2026, 12, 1),
    )  # fmt: skip


def test_su_cases_a_minority_view_is_recorded_when_anyone_voted_against():
    statement()
    statement(4, 0, minority="")
    with pytest.raises(RuleViolation) as refused:
        statement(3, 1, minority="")
    assert refused.value.rule_id == "SU-CASES"


def test_su_cases_the_majority_has_more_votes_than_the_minority():
    with pytest.raises(RuleViolation):
        statement(1, 3)
    statement(2, 2)


def test_a_statement_is_not_given_before_the_case_was_raised():
    with pytest.raises(ValidationFailed):
        statement(given=date(2026, 11, 30))
    statement(given=date(2026, 12, 1))


def test_the_vote_reads_3_1_or_unanimous():
    assert (case_rules.vote_text(3, 1), case_rules.vote_text(4, 0)) == ("3–1", "enstemmig")


def test_the_meeting_invitation_is_an_icalendar_request_in_oslo_time():
    event = meeting_rules.MeetingEvent(
        uid="m-1@legetjeneste", title="SU", on=date(2026, 12, 10), starts=time(14, 0), ends=None,
        place="Rådhuset", description="Saksliste", url="https://x/utvalg/moter/1", attendees=("a@b.no",),
    )  # fmt: skip
    from datetime import UTC, datetime

    text = meeting_rules.invitation_calendar(
        event, stamp=datetime(2026, 12, 1, tzinfo=UTC), organizer="k@v.no"
    ).decode()
    assert "METHOD:REQUEST" in text and "DTSTART;TZID=Europe/Oslo:20261210T140000" in text
    assert "DTEND;TZID=Europe/Oslo:20261210T150000" in text and "mailto:a@b.no" in text
