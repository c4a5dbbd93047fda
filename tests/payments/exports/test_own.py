"""A GP's own payment specifications (payments.own, PAY-MONTHLY): every approved month with lines for them, as
page data and as PDF; never a draft, and never another doctor's."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.payments.exports import service as export_service
from legetjeneste.payments.runs import service
from legetjeneste.registry import service as registry_service
from tests.support import VEFSN_APPROVER, VEFSN_KOMMUNEOVERLEGE, import_demo

MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)
EIRIK, SIRI, JONAS = "9182404", "9182405", "9182402"
KOL = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def demo(session):
    import_demo(session)
    run = service.compute_run(session, actor=KOL, municipality_number="1824", month=MARCH)
    service.approve_run(
        session, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH, version=run.version
    )
    service.compute_run(session, actor=KOL, municipality_number="1824", month=APRIL)  # a draft
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def gp(session, hpr: str = EIRIK) -> Actor:
    return Actor(f"{hpr}@vefsn.example", "doctor", "1824", doctor_id=doctor_id(session, hpr))


def spec(session, actor: Actor, *, month=MARCH, hpr=EIRIK):
    return export_service.payee_specification(
        session, actor=actor, municipality_number="1824", month=month, doctor_id=doctor_id(session, hpr)
    )


def test_pay_monthly_a_gp_reads_the_own_approved_march_specification_line_by_line(demo):
    found = spec(demo, gp(demo))
    assert (found.payee_name, found.status, found.own) == ("Eirik Sandnesmo", "approved", True)
    assert [(line.kind, line.rule_id) for line in found.lines] == [("basistilskudd", "PAY-MONTHLY")]
    assert found.total == Decimal("72114.20")


def test_pay_monthly_a_gp_does_not_see_a_draft_the_municipality_has_not_approved(demo):
    with pytest.raises(NotFound) as refused:
        spec(demo, gp(demo), month=APRIL)
    assert "april 2026 er ikke klar før kommunen har godkjent den" in refused.value.message
    assert spec(demo, KOL, month=APRIL).status == "draft"


def test_a_gp_may_not_read_another_doctors_specification_as_page_or_pdf(demo):
    with pytest.raises(Forbidden) as refused:
        spec(demo, gp(demo), hpr=SIRI)
    assert refused.value.message == "Du kan bare se dine egne utbetalingsspesifikasjoner."
    with pytest.raises(Forbidden):
        export_service.specification_pdf(
            demo, actor=gp(demo), municipality_number="1824", month=MARCH, doctor_id=doctor_id(demo, SIRI)
        )


def test_pay_monthly_the_gp_gets_the_own_specification_as_a_pdf(demo):
    name, content = export_service.specification_pdf(
        demo, actor=gp(demo), municipality_number="1824", month=MARCH, doctor_id=doctor_id(demo, EIRIK)
    )
    assert name == f"spesifikasjon-1824-2026-03-{EIRIK}.pdf" and content.startswith(b"%PDF")


def test_pay_monthly_min_side_lists_the_approved_months_and_not_the_draft(demo):
    actor = gp(demo)
    months = export_service.my_specifications(demo, actor=actor, doctor_id=actor.doctor_id)
    assert [(m.month, m.month_label, m.total, m.due_date) for m in months] == [
        ("2026-03", "mars 2026", Decimal("72114.20"), date(2026, 3, 12))
    ]


def test_pay_salaried_a_salaried_gp_still_finds_the_march_specification_with_its_zero_line(demo):
    actor = gp(demo, JONAS)
    [march] = export_service.my_specifications(demo, actor=actor, doctor_id=actor.doctor_id)
    assert march.total == Decimal("0.00")
    assert [line.rule_id for line in spec(demo, actor, hpr=JONAS).lines] == ["PAY-SALARIED"]


def test_the_min_side_payments_are_only_for_the_gp_themselves(demo):
    with pytest.raises(Forbidden):
        export_service.my_specifications(demo, actor=gp(demo), doctor_id=doctor_id(demo, SIRI))
    with pytest.raises(Forbidden):
        export_service.my_specifications(demo, actor=KOL, doctor_id=doctor_id(demo, EIRIK))
