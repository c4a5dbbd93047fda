"""Life-cycle cases through their services on SQLite and PostgreSQL: steps call the rules, open and close
clocks, and a refusal names its rule and writes nothing."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from legetjeneste.lifecycle import service
from legetjeneste.lifecycle.schemas import CaseCreate, StepCreate
from legetjeneste.municipality_file import service as file_service
from tests.support import KRAGERO_FILE, KRAGERO_KOMMUNEOVERLEGE, VEFSN_FILE, VEFSN_KOMMUNEOVERLEGE, document

ACTOR = VEFSN_KOMMUNEOVERLEGE
ANNOUNCEMENT = {
    "kind": "announcement",
    "medium": "Tidsskriftet og legejobber.no",
    "location": "Vefsn legesenter, Mosjøen",
    "listetak": 700,
    "operating_model": "salaried",
    "practice_type": "group",
}


def announce(published: date, days: int = 28, **extra) -> StepCreate:
    deadline = date.fromordinal(published.toordinal() + days)
    return StepCreate(**ANNOUNCEMENT, on=published, application_deadline=deadline, **extra)


@pytest.fixture
def vefsn(open_session):
    """The demo municipalities without the demo file's own life-cycle cases."""
    for path in (VEFSN_FILE, KRAGERO_FILE):
        doc = document(path)
        doc.pop("lifecycle_cases", None)
        file_service.import_municipality_file(open_session(), actor=SYSTEM, document=doc)
    return open_session


def vacancy(session, agreement_id: int = 182415, end: date = date(2025, 12, 31)):
    data = CaseCreate(kind="vacancy", on=date(2026, 1, 5), notice_period_end=end)
    return service.open_case(session, actor=ACTOR, agreement_id=agreement_id, data=data)


def step(open_session, case_id: int, data: StepCreate):
    return service.record_step(open_session(), actor=ACTOR, case_id=case_id, data=data)


def open_codes(case) -> list[str]:
    return sorted(c.code for c in case.clocks if c.closed_on is None)


def test_a_vacancy_runs_its_hjemfall_clock_from_the_end_of_the_notice_period(vefsn):
    case = vacancy(vefsn())
    assert open_codes(case) == ["hjemfall"]
    hjemfall = case.clocks[0]
    assert (hjemfall.start, hjemfall.due_date, hjemfall.rule_id) == (
        date(2025, 12, 31),
        date(2026, 6, 30),
        "AGR-HJEMFALL",
    )
    assert "0 av minst 3 korrekte utlysninger" in hjemfall.text


def test_three_announcements_without_taker_allow_hjemfall_when_due(vefsn):
    case = vacancy(vefsn())
    for published in (date(2026, 1, 20), date(2026, 4, 15), date(2026, 8, 3)):
        case = step(vefsn, case.id, announce(published))
    assert case.correct_announcements == 3
    assert open_codes(case) == ["announcement", "hjemfall"]
    assert "3 av minst 3 korrekte utlysninger" in next(c.text for c in case.clocks if c.code == "hjemfall")
    case = step(vefsn, case.id, StepCreate(kind="no_taker", on=date(2026, 9, 1)))
    closed = step(vefsn, case.id, StepCreate(kind="hjemfall", on=date(2026, 9, 2), text="Ingen søkere"))
    assert (closed.status, closed.closed_on, closed.facts["result"]) == (
        "closed",
        date(2026, 9, 2),
        "hjemfall",
    )
    assert open_codes(closed) == []


def test_hjemfall_after_two_announcements_is_refused_with_its_rule_and_nothing_is_written(vefsn):
    case = vacancy(vefsn())
    for published in (date(2026, 1, 20), date(2026, 4, 15)):
        case = step(vefsn, case.id, announce(published))
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="hjemfall", on=date(2026, 9, 2)))
    assert refused.value.rule_id == "AGR-HJEMFALL" and "bare 2 korrekte utlysninger" in refused.value.message
    again = service.get_case(vefsn(), actor=ACTOR, case_id=case.id)
    assert [s.kind for s in again.steps] == ["announcement", "announcement"] and again.status == "open"


def test_an_announcement_with_14_days_deadline_is_refused_under_agr_announce(vefsn):
    case = vacancy(vefsn())
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, announce(date(2026, 11, 2), days=14))
    assert refused.value.rule_id == "AGR-ANNOUNCE" and "minst 21 dager" in refused.value.message
    assert service.get_case(vefsn(), actor=ACTOR, case_id=case.id).steps == []


def test_an_announcement_with_listetak_above_2500_is_refused_under_agr_listetak(vefsn):
    case = vacancy(vefsn())
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, announce(date(2026, 11, 2)).model_copy(update={"listetak": 2600}))
    assert refused.value.rule_id == "AGR-LISTETAK"


def test_an_award_with_practice_transfer_opens_the_offer_and_transfer_clocks(vefsn):
    data = CaseCreate(kind="notice", on=date(2026, 8, 31))
    case = service.open_case(vefsn(), actor=ACTOR, agreement_id=182406, data=data)
    case = step(vefsn, case.id, StepCreate(kind="notice", on=date(2026, 8, 31), party="doctor"))
    assert case.facts["notice_period_end"] == "2027-02-28"
    assert open_codes(case) == ["hjemfall", "notice"]
    award = StepCreate(
        kind="award",
        on=date(2026, 11, 2),
        awarded_to="Ida Vefsnmo",
        group_statement_on=date(2026, 10, 28),
        group_statement="Gruppen støtter tildelingen.",
        practice_transfer=True,
        text="Best kvalifisert.",
    )
    case = step(vefsn, case.id, award)
    offer = next(c for c in case.clocks if c.code == "offer")
    transfer = next(c for c in case.clocks if c.code == "transfer")
    assert (offer.due_date, offer.rule_id) == (date(2026, 12, 7), "AGR-OFFER-5W")
    assert (transfer.due_date, transfer.rule_id) == (date(2026, 12, 7), "AGR-TRANSFER-5W")


def test_the_transfer_goes_to_the_national_board_only_after_five_weeks_without_agreement(vefsn):
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182415, data=CaseCreate(kind="vacancy", on=date(2026, 9, 1))
    )
    award = StepCreate(
        kind="award",
        on=date(2026, 9, 7),
        awarded_to="Ida Vefsnmo",
        group_statement_on=date(2026, 9, 1),
        practice_transfer=True,
        offer_received=date(2026, 9, 9),
    )
    step(vefsn, case.id, award)
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="transfer_to_board", on=date(2026, 10, 14)))
    assert refused.value.rule_id == "AGR-TRANSFER-5W"
    assert "14. oktober 2026" in refused.value.message and "15. oktober 2026" in refused.value.message
    referred = step(vefsn, case.id, StepCreate(kind="transfer_to_board", on=date(2026, 10, 15)))
    assert open_codes(referred) == ["offer"]


def test_a_case_without_practice_transfer_cannot_go_to_the_national_board(vefsn):
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182415, data=CaseCreate(kind="vacancy", on=date(2026, 9, 1))
    )
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="transfer_to_board", on=date(2026, 12, 1)))
    assert refused.value.rule_id == "AGR-TRANSFER-5W"
    assert len(service.get_case(vefsn(), actor=ACTOR, case_id=case.id).steps) == 0


def test_an_award_in_a_group_practice_without_the_groups_statement_is_refused(vefsn):
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182406, data=CaseCreate(kind="vacancy", on=date(2026, 9, 1))
    )
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="award", on=date(2026, 11, 2), awarded_to="Ida Vefsnmo"))
    assert refused.value.rule_id == "AGR-AWARD"


def test_an_offer_can_be_withdrawn_only_after_five_weeks(vefsn):
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182415, data=CaseCreate(kind="vacancy", on=date(2026, 9, 1))
    )
    step(
        vefsn,
        case.id,
        StepCreate(
            kind="award", on=date(2026, 9, 7), awarded_to="Ida Vefsnmo", group_statement_on=date(2026, 9, 1)
        ),
    )
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="offer_withdrawn", on=date(2026, 10, 12)))
    assert refused.value.rule_id == "AGR-OFFER-5W"
    withdrawn = step(vefsn, case.id, StepCreate(kind="offer_withdrawn", on=date(2026, 10, 13)))
    assert open_codes(withdrawn) == []


def test_a_deleliste_for_a_58_year_old_is_refused_and_for_a_61_year_old_runs_five_years(vefsn):
    young = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182406, data=CaseCreate(kind="deleliste", on=date(2026, 10, 1))
    )
    request = StepCreate(
        kind="deleliste_request", on=date(2026, 10, 1), successor="Ida Vefsnmo", list_length=800, listetak=900
    )
    birth = service.get_case(vefsn(), actor=ACTOR, case_id=young.id)
    assert birth.doctor_name == "Thomas Kvalvik"
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, young.id, request.model_copy(update={"on": date(2026, 10, 1)}))
    assert refused.value.rule_id == "AGR-DELELISTE" and "legen er 58 år" in refused.value.message
    old = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182404, data=CaseCreate(kind="deleliste", on=date(2026, 10, 1))
    )
    started = step(vefsn, old.id, request.model_copy(update={"start_date": date(2027, 1, 1)}))
    clock = next(c for c in started.clocks if c.code == "deleliste_end")
    assert (clock.due_date, clock.rule_id) == (date(2031, 12, 31), "AGR-DELELISTE")


def test_a_list_reduction_on_the_age_ground_with_two_months_notice_is_refused(vefsn):
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182404, data=CaseCreate(kind="list_reduction", on=date(2026, 9, 1))
    )
    request = StepCreate(
        kind="list_reduction_request", on=date(2026, 9, 1), ground="age", effective_from=date(2026, 11, 1)
    )
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, request)
    assert refused.value.rule_id == "AGR-LISTREDUCE" and "6 måneder" in refused.value.message
    accepted = step(vefsn, case.id, request.model_copy(update={"effective_from": date(2027, 3, 1)}))
    assert next(c for c in accepted.clocks if c.code == "list_reduction").due_date == date(2027, 3, 1)


def test_an_age_case_opens_the_age_clock_at_the_limit_in_force(vefsn):
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182404, data=CaseCreate(kind="age_end", on=date(2026, 10, 1))
    )
    clock = next(c for c in case.clocks if c.code == "age_end")
    assert (clock.due_date, clock.rule_id) == (date(2037, 4, 12), "AGR-AGE-END")


def test_cases_of_another_municipality_are_not_found(vefsn):
    case = vacancy(vefsn())
    with pytest.raises((NotFound, Forbidden)):
        service.get_case(vefsn(), actor=KRAGERO_KOMMUNEOVERLEGE, case_id=case.id)


def test_the_agreement_history_keeps_every_step_with_who_and_when(vefsn):
    case = vacancy(vefsn())
    step(vefsn, case.id, announce(date(2026, 1, 20)))
    history = service.agreement_history(vefsn(), actor=ACTOR, agreement_id=182415)
    assert [c.id for c in history] == [case.id]
    assert [(s.kind, s.on, s.recorded_by) for s in history[0].steps] == [
        ("announcement", date(2026, 1, 20), ACTOR.email)
    ]
