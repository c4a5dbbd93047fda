"""The pure parts of a GP's own side: the notice's consequence (AGR-NOTICE), a case's next step, and the
deadline reminder's edge (project rule, `lifecycle/reminder_days`: 14 days)."""

from datetime import date, timedelta

from legetjeneste.agreement import parameters
from legetjeneste.lifecycle.deadlines.reminders import rules as reminders
from legetjeneste.lifecycle.own import rules

DUE = date(2027, 3, 4)


def test_a_deadline_14_days_ahead_is_told_and_one_15_days_ahead_is_not():
    assert reminders.is_reminder_due(due=DUE, on=DUE - timedelta(days=14), days=14)
    assert not reminders.is_reminder_due(due=DUE, on=DUE - timedelta(days=15), days=14)


def test_a_deadline_due_today_is_told_and_one_already_past_is_not():
    assert reminders.is_reminder_due(due=DUE, on=DUE, days=14)
    assert not reminders.is_reminder_due(due=DUE, on=DUE + timedelta(days=1), days=14)


def test_the_reminder_days_are_a_dated_project_parameter_of_14_with_a_source():
    entry = parameters.parameter("lifecycle/reminder_days").entry_on(date(2026, 12, 4))
    assert entry.value == 14 and entry.source.startswith("Valgt i legetjeneste")


def test_the_reminder_says_when_who_and_by_which_rule_in_norwegian():
    body = reminders.reminder_body(
        text="Listereduksjon kan tidligst gjelde fra 4. mars 2027",
        due=DUE,
        on=DUE - timedelta(days=14),
        rule_id="AGR-LISTREDUCE",
        citation="ASA 4310 § 10.7",
        responsible="Kommunen",
        case_id=7,
    )
    assert "Fristen er 4. mars 2027 (om 14 dager)" in body
    assert "Regel: AGR-LISTREDUCE, ASA 4310 § 10.7" in body and "Sak 7" in body
    assert reminders.reminder_subject(due=DUE, case_title="Sak") == "Frist 4. mars 2027: Sak"
    assert reminders.days_left_text(due=DUE, on=DUE) == "i dag"


def test_a_notice_states_the_end_of_the_notice_period_and_that_the_agreement_ends_agr_notice():
    text = rules.notice_consequence(
        agreement_id=182402, given_on=date(2026, 12, 4), end=date(2027, 6, 4), months=6
    )
    assert "6 måneders oppsigelsesfrist" in text
    assert "Fristen løper ut 4. juni 2027, og da opphører avtalen din" in text
    assert text.endswith("(AGR-NOTICE, ASA 4310 § 16).")


def test_the_next_step_is_the_earliest_open_clock_else_a_pending_step_else_the_municipality():
    clocks = [(date(2027, 6, 4), "Kommunen", "Lys ut"), (date(2027, 3, 1), "Legen", "Svar")]
    assert rules.next_step(status="open", closed_on=None, clocks=clocks, pending=[]) == (
        "Legen: Svar (frist 1. mars 2027)."
    )
    pending = [("Kommunen", "Send til utlysning")]
    assert rules.next_step(status="open", closed_on=None, clocks=[], pending=pending) == (
        "Kommunen: Send til utlysning."
    )
    assert (
        rules.next_step(status="open", closed_on=None, clocks=[], pending=[]) == "Kommunen behandler saken."
    )
    closed = rules.next_step(status="closed", closed_on=date(2027, 1, 2), clocks=clocks, pending=[])
    assert closed == "Saken ble avsluttet 2. januar 2027."
