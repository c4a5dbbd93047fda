"""«Hva nå»: an overdue or near clock of the agreement life cycle says since when, what to do next and under
which rule (RULES.md § 1, AGR-*)."""

from datetime import date

from legetjeneste.lifecycle.deadlines.rules import ACTIONS, NextStep, next_step
from legetjeneste.lifecycle.rules import clocks

ON = date(2026, 12, 4)


def test_an_overdue_list_reduction_says_since_when_what_to_answer_and_whom_under_agr_listreduce():
    step = next_step(
        "list_reduction",
        rule_id="AGR-LISTREDUCE",
        status="overdue",
        due=date(2026, 12, 3),
        on=ON,
        doctor_name="Jonas Brekkan",
    )
    assert step == NextStep(
        "Forfalt 3. desember",
        "svar på kravet om listereduksjon fra Jonas Brekkan, og sett ned listetaket fra fristen",
        "AGR-LISTREDUCE",
    )


def test_a_near_clock_says_when_it_falls_due_and_asks_for_preparation_not_the_overdue_action():
    overdue = next_step("announcement", rule_id="AGR-ANNOUNCE", status="overdue", due=ON, on=ON)
    near = next_step("announcement", rule_id="AGR-ANNOUNCE", status="due_soon", due=date(2026, 12, 10), on=ON)
    assert near.headline == "Forfaller 10. desember" and near.action.startswith("søknadsfristen går snart ut")
    assert overdue.action.startswith("søknadsfristen er ute; vurder søkerne og tildel avtalen")
    assert overdue.rule_id == near.rule_id == "AGR-AWARD"


def test_a_due_date_in_another_year_than_today_is_given_with_its_year():
    step = next_step("revision", rule_id="AGR-REVISION", status="due_soon", due=date(2027, 1, 5), on=ON)
    assert step.headline == "Forfaller 5. januar 2027"


def test_a_clock_still_running_asks_for_nothing():
    assert (
        next_step("hjemfall", rule_id="AGR-HJEMFALL", status="running", due=date(2027, 8, 28), on=ON) is None
    )


def test_a_clock_without_an_action_of_its_own_sends_the_user_to_the_case_under_the_clocks_rule():
    step = next_step("something_new", rule_id="AGR-NEW", status="overdue", due=ON, on=ON)
    assert step == NextStep("Forfalt 4. desember", "gå til saken og registrer neste steg", "AGR-NEW")


def test_every_clock_the_life_cycle_runs_has_an_action_of_its_own_for_overdue_and_near():
    made = [
        clocks.announcement_clock(published=ON, application_deadline=ON),
        clocks.offer_clock(ON, days=35),
        clocks.transfer_clock(ON, days=35),
        clocks.notice_clock(ON, months=6),
        clocks.hjemfall_clock(ON, [ON], months=6, min_announcements=3),
        clocks.age_clock(birth_date=date(1956, 12, 4), end=ON, limit=70),
        clocks.extension_clock(on=ON, until=ON),
        clocks.list_reduction_clock("age", ON, months=6),
        clocks.deleliste_end_clock(ON, years=5),
        clocks.revision_clock(ON, months=12),
    ]
    assert sorted(clock.code for clock in made) == sorted(ACTIONS)
    for clock in made:
        overdue = next_step(clock.code, rule_id=clock.rule_id, status="overdue", due=ON, on=ON)
        near = next_step(clock.code, rule_id=clock.rule_id, status="due_soon", due=ON, on=ON)
        assert overdue.action != near.action and overdue.rule_id.startswith("AGR-"), clock.code
        assert "{" not in overdue.action + near.action, clock.code
