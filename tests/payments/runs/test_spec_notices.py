"""PAY-MONTHLY: when a run is approved, each doctor it pays gets one «payment_spec» notice with a link to
their specification, in the approval's own transaction; a doctor it does not pay gets none."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict
from legetjeneste.notices.inbox.models import InboxNotice
from legetjeneste.payments.runs import service
from legetjeneste.payments.runs.rules import approval
from legetjeneste.registry import service as registry_service
from tests.support import VEFSN_APPROVER, VEFSN_KOMMUNEOVERLEGE, import_demo

MARCH = date(2026, 3, 1)
EIRIK, SIRI, JONAS = "9182404", "9182405", "9182402"  # Jonas Brekkan is salaried (agreement 182402)


@pytest.fixture
def demo(session):
    import_demo(session)
    for email, hpr in (("e@test.example", EIRIK), ("s@test.example", SIRI), ("j@test.example", JONAS)):
        auth_service.add_user(session, email=email, role="doctor", municipality_number="1824", doctor=hpr)
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def approve(session):
    run = service.compute_run(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", month=MARCH)
    return service.approve_run(
        session, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH, version=run.version
    )


def notices(session) -> list[InboxNotice]:
    with session.begin():
        found = list(session.scalars(select(InboxNotice).where(InboxNotice.kind == "payment_spec")))
        session.expunge_all()
    return found


def test_pay_monthly_each_paid_doctor_gets_one_notice_with_a_link_to_their_march_specification(demo):
    approved = approve(demo)
    eirik = doctor_id(demo, EIRIK)
    found = [n for n in notices(demo) if n.link.endswith(f"/spesifikasjon/{eirik}")]
    assert len(found) == 1
    total = sum((line.amount for line in approved.lines if line.payee_doctor_id == eirik), Decimal("0.00"))
    notice = found[0]
    assert (notice.subject, notice.rule_id, notice.municipality_number) == (
        "Utbetalingsspesifikasjonen for mars 2026 er klar",
        "PAY-MONTHLY",
        "1824",
    )
    assert notice.link == f"/kommuner/1824/utbetalinger/2026-03/spesifikasjon/{eirik}"
    assert approval.spec_notice(month=MARCH, due=date(2026, 3, 12), total=total).body == notice.body


def test_pay_salaried_a_salaried_doctor_the_run_does_not_pay_gets_no_notice(demo):
    approve(demo)
    salaried = doctor_id(demo, JONAS)
    assert [n for n in notices(demo) if n.link.endswith(f"/{salaried}")] == []
    assert len(notices(demo)) == 2  # Eirik and Siri: the paid doctors with a user


def test_pay_monthly_a_second_approval_is_refused_and_tells_no_one_again(demo):
    approve(demo)
    with pytest.raises(Conflict):
        service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH)
    assert len(notices(demo)) == 2


def test_pay_monthly_the_notice_says_the_amount_and_due_date_in_norwegian():
    notice = approval.spec_notice(month=MARCH, due=date(2026, 3, 12), total=Decimal("73318.06"))
    assert notice.body.startswith(
        "Kommunen har godkjent basistilskuddet for mars 2026: 73\u202f318,06 kr til deg, "
        "med forfall 12. mars 2026."
    )


def test_pay_monthly_payee_totals_keep_only_doctors_with_an_amount_other_than_zero():
    lines = [(1, Decimal("100.00")), (1, Decimal("-30.00")), (2, Decimal("0.00")), (None, Decimal("0.00"))]
    assert approval.payee_totals(iter(lines)) == {1: Decimal("70.00")}
