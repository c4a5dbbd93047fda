"""PAY-FOUR-EYES: the person who approves a payment run may not be the one who computed it last, unless the
municipality has switched four eyes off; and what the run page says before approval (PAY-MONTHLY)."""

import re
from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.errors import Forbidden, RuleViolation
from legetjeneste.payments.runs import service
from legetjeneste.payments.runs.rules import approval
from legetjeneste.payments.runs.rules.lines import line_parts
from legetjeneste.payments.settings import service as settings_service
from legetjeneste.payments.settings.schemas import PaymentSettingsUpdate
from tests.support import VEFSN_APPROVER, VEFSN_KOMMUNEOVERLEGE, import_demo

MARCH = date(2026, 3, 1)


@pytest.fixture
def computed(session):
    """Vefsn's demo with March computed by the kommuneoverlege."""
    import_demo(session)
    service.compute_run(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", month=MARCH)
    return session


def approve(session, actor):
    return service.approve_run(session, actor=actor, municipality_number="1824", month=MARCH)


def test_the_person_who_computed_a_run_may_not_approve_it_and_is_told_the_rule(computed):
    with pytest.raises(RuleViolation) as caught:
        approve(computed, VEFSN_KOMMUNEOVERLEGE)
    assert caught.value.rule_id == "PAY-FOUR-EYES"
    assert "en annen person godkjenner" in caught.value.message and "(PAY-FOUR-EYES)" in caught.value.message
    view = service.run_view(computed, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", month=MARCH)
    assert view.run.status == "draft" and view.four_eyes
    assert view.warnings[-1].rule_id == "PAY-FOUR-EYES"
    assert "Forfallsdatoen 12. mars 2026 er passert" in view.warnings[0].text
    basis = next(line for line in view.lines if line.kind == "basistilskudd" and line.amount > 1000)
    assert re.fullmatch(r"\d \d{3} pasienter på listen 1\. mars 2026", basis.parts[0])


def test_a_second_person_approves_the_run_the_first_computed(computed):
    approved = approve(computed, VEFSN_APPROVER)
    assert (approved.status, approved.computed_by, approved.approved_by) == (
        "approved",
        "kol@vefsn.example",
        "okonomi@vefsn.example",
    )


def test_with_four_eyes_switched_off_one_person_computes_and_approves(computed):
    settings = PaymentSettingsUpdate(four_eyes=False)
    with pytest.raises(Forbidden):  # the kommuneoverlege may not switch off the check on themselves
        settings_service.update_settings(
            computed, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", data=settings
        )
    saved = settings_service.update_settings(
        computed, actor=VEFSN_APPROVER, municipality_number="1824", data=settings
    )
    assert (saved.four_eyes, saved.changed_by) == (False, "okonomi@vefsn.example")
    assert approve(computed, VEFSN_KOMMUNEOVERLEGE).approved_by == "kol@vefsn.example"


def test_a_run_of_zero_kroner_a_passed_due_date_and_a_shared_account_are_warned_before_approval():
    found = approval.approval_warnings(
        total=Decimal("0.00"),
        due=date(2026, 3, 12),
        today=date(2026, 3, 13),
        accounts=[("Anne Aasen", "1234.56.78903"), ("Bjørn Berg", "12345678903"), ("Cecilie Ek", None)],
        four_eyes=True,
        computed_by="kol@vefsn.example",
        viewer="okonomi@vefsn.example",
    )
    texts = [w.text for w in found]
    assert texts[0].startswith("Kjøringen er på 0 kr")
    assert texts[1] == "Forfallsdatoen 12. mars 2026 er passert. Utbetalingen kommer for sent til legene."
    assert texts[2].startswith("Anne Aasen og Bjørn Berg har samme kontonummer (1234.56.78903)")
    assert len(found) == 3


def test_nothing_is_warned_for_a_run_in_time_with_its_own_accounts_approved_by_another():
    found = approval.approval_warnings(
        total=Decimal("100.00"),
        due=date(2026, 3, 12),
        today=date(2026, 3, 12),
        accounts=[("Anne Aasen", "12345678903"), ("Bjørn Berg", "12345678911")],
        four_eyes=True,
        computed_by="kol@vefsn.example",
        viewer="okonomi@vefsn.example",
    )
    assert found == []


def test_a_lines_explanation_is_a_title_and_a_short_list_of_its_parts_with_their_paragraphs():
    title, parts = line_parts(
        "Trekk 17.–20. mars: Dag 17 i sammenhengende sykdom, over 16 (ABS-SICK, ASA 4310 § 13.4): "
        "4 dager × 72 114,20 kr ÷ 31 = −9 305,06 kr"
    )
    assert title == "Trekk 17.–20. mars"
    assert parts == [
        "Dag 17 i sammenhengende sykdom, over 16 (ABS-SICK, ASA 4310 § 13.4)",
        "4 dager × 72 114,20 kr ÷ 31 = −9 305,06 kr",
    ]
