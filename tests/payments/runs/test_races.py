"""PAY-MONTHLY under concurrent use: a run is approved once, an approved run never changes, and the
accounting file pays exactly what was approved (docs/adr/0010). 50 clients on SQLite and PostgreSQL."""

import time
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.errors import Conflict
from legetjeneste.payments.exports import service as export_service
from legetjeneste.payments.runs import service
from legetjeneste.payments.runs.models import PaymentLine, PaymentRun
from tests.concurrency import errors, race, values
from tests.support import VEFSN_APPROVER, VEFSN_KOMMUNEOVERLEGE, import_demo

MARCH = date(2026, 3, 1)
KOL = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def compute(session, **kwargs):
    return service.compute_run(session, actor=KOL, municipality_number="1824", month=MARCH, **kwargs)


def approve(session, **kwargs):
    return service.approve_run(
        session, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH, **kwargs
    )


def approvals_audited(session) -> int:
    with session.begin():
        return session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.entity == "payment_run", AuditEntry.action == "approve")
        )


def stored(session) -> tuple[PaymentRun, list[tuple]]:
    """The run row and its stored lines, read afresh."""
    with session.begin():
        run = session.scalar(select(PaymentRun).where(PaymentRun.month == MARCH))
        assert run is not None
        lines = session.execute(
            select(PaymentLine.position, PaymentLine.agreement_id, PaymentLine.kind, PaymentLine.amount)
            .where(PaymentLine.run_id == run.id)
            .order_by(PaymentLine.position)
        ).all()
        session.expunge(run)
        return run, [tuple(line) for line in lines]


def csv_total(session) -> Decimal:
    found = export_service.accounting_file(session, actor=KOL, municipality_number="1824", month=MARCH)
    rows = found.text.lstrip("\ufeff").splitlines()[1:]
    return sum((Decimal(row.split(";")[4].replace(",", ".")) for row in rows), Decimal("0.00"))


def test_fifty_clients_approving_the_same_draft_approve_it_once_and_the_others_hear_it_is_approved(
    engine, demo
):
    """PAY-MONTHLY: one approval, one audit entry; every other client gets a 409 naming who approved."""
    draft = compute(demo)
    outcomes = race(engine, lambda session, client: approve(session))
    [approved] = values(outcomes)
    refused = errors(outcomes)
    assert len(refused) == 49 and all(isinstance(error, Conflict) for error in refused)
    assert all(error.status_code == 409 and error.rule_id == "PAY-MONTHLY" for error in refused)
    assert all(
        "Kjøringen for mars 2026 er allerede godkjent av okonomi@vefsn.example" in error.message
        for error in refused
    )
    assert approvals_audited(demo) == 1
    run, lines = stored(demo)
    assert (run.status, run.approved_by, run.version) == ("approved", "okonomi@vefsn.example", 1)
    assert [line.model_dump() for line in approved.lines] == [line.model_dump() for line in draft.lines]


def test_recomputes_racing_approvals_leave_the_run_approved_once_with_exactly_the_lines_it_approved(
    engine, demo
):
    """PAY-MONTHLY: a recompute either finishes before the approval (which then approves the new basis)
    or is refused because the run is approved; the accounting file pays the approved total."""
    compute(demo)

    def recompute_or_approve(session, client):
        if client % 2:
            return compute(session)
        time.sleep(0.02)  # so that some recomputes come first, and some after the approval
        return approve(session)

    outcomes = race(engine, recompute_or_approve)
    approvals = [o for o in outcomes if o.client % 2 == 0]
    recomputes = [o for o in outcomes if o.client % 2 == 1]
    [approved] = values(approvals)
    assert all(
        isinstance(error, Conflict) and "er allerede godkjent" in error.message for error in errors(approvals)
    )
    assert all(
        isinstance(error, Conflict) and "er godkjent og kan ikke endres" in error.message
        for error in errors(recomputes)
    )
    recomputed = values(recomputes)
    # each recompute that got in before the approval made one version; the approval approved the last
    assert sorted(r.version for r in recomputed) == list(range(2, approved.version + 1))
    run, lines = stored(demo)
    assert (run.status, run.version) == ("approved", 1 + len(recomputed))
    assert approved.version == run.version
    assert lines == [(line.position, line.agreement, line.kind, line.amount) for line in approved.lines]
    assert len({position for position, *_ in lines}) == len(lines)
    assert approvals_audited(demo) == 1
    assert csv_total(demo) == approved.total == sum(amount for *_, amount in lines)


def test_fifty_clients_computing_a_new_month_at_once_give_one_run_with_one_set_of_lines(engine, demo):
    """Every computation succeeds; the run counts them in its version and holds one computation's lines."""
    outcomes = race(engine, lambda session, client: compute(session))
    computed = values(outcomes)
    assert errors(outcomes) == [] and len(computed) == 50
    assert sorted(r.version for r in computed) == list(range(1, 51))
    run, lines = stored(demo)
    assert run.version == 50
    assert lines == [(line.position, line.agreement, line.kind, line.amount) for line in computed[0].lines]


def test_approving_a_draft_that_was_computed_again_since_it_was_seen_is_refused(demo):
    """PAY-MONTHLY: the approval names the version the approver saw; a newer computation must be looked at."""
    seen = compute(demo)
    again = compute(demo)
    assert (seen.version, again.version) == (1, 2)
    with pytest.raises(Conflict) as caught:
        approve(demo, version=seen.version)
    assert caught.value.status_code == 409 and caught.value.rule_id == "PAY-MONTHLY"
    assert "beregnet på nytt" in caught.value.message and "se gjennom" in caught.value.message.lower()
    assert stored(demo)[0].status == "draft" and approvals_audited(demo) == 0
    assert approve(demo, version=again.version).status == "approved"
