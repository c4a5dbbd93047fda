"""Use cases of appeals (DEC-APPEAL, forvaltningsloven §§ 28–29 and 33): the party appeals inside the
deadline; the deciding body reverses its decision (the feature changes its case and a new decision with its
own letter is recorded) or sends the appeal on to the appeal body. Each is one write transaction in which the
decision's row is locked before it is checked (docs/adr/0010), so one decision never gets two open appeals
and an appeal is handled once."""

from sqlalchemy.orm import Session

from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import write_transaction
from legetjeneste.decisions import letter as letters
from legetjeneste.decisions import queries, rules
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.models import Appeal, Decision
from legetjeneste.decisions.schemas import AppealCreate, AppealHandle, DecisionRead
from legetjeneste.errors import Conflict, NotFound
from legetjeneste.features import resolve
from legetjeneste.norwegian import day_text
from legetjeneste.notices.inbox import service as inbox_service


def appeal(session: Session, *, actor: Actor, decision_id: int, data: AppealCreate) -> DecisionRead:
    """DEC-APPEAL — the party appeals from Min side inside the deadline (up to and including its last day)."""
    auth_service.require(actor, "decision.appeal")
    with write_transaction(session):
        decision = decision_service.readable(session, actor, decision_id, lock=True)
        if not decision_service.is_party(actor, decision):
            raise NotFound(f"Vedtak {decision_id} finnes ikke.")
        later = queries.replaced_by(session, [decision.id])
        rules.appeal_check(
            today=today_oslo(),
            deadline=decision.appeal_deadline,
            statuses=[a.status for a in decision.appeals],
            replaced=decision.id in later,
            text=data.text,
        )
        made = Appeal(
            received_on=today_oslo(),
            received_at=now_oslo(),
            submitted_by=actor.email,
            text=data.text,
            status=rules.RECEIVED,
            handling_text="",
        )
        decision.appeals.append(made)
        session.flush()
        decision_service.audit(session, actor, decision, "appeal", appeal=made.id)
        return decision_service.view(session, actor, decision)


def options(session: Session, actor: Actor, decision: Decision) -> dict[str, str]:
    """What the deciding body may do with the decision's open appeal (none without `appeal.decide`)."""
    if not auth_rules.can(actor, "appeal.decide") or not decision.appeals:
        return {}
    kind = decision_service.decision_kinds()[decision.kind]
    replaced = decision.id in queries.replaced_by(session, [decision.id])
    reversible = kind.reverse is not None and not replaced
    return rules.handling_options(reversible=reversible, status=decision.appeals[-1].status)


def handle(session: Session, *, actor: Actor, decision_id: int, data: AppealHandle) -> DecisionRead:
    """DEC-APPEAL, forvaltningsloven § 33 — the deciding body reverses its decision (the case changes and a
    new decision with its own letter is recorded) or sends the appeal on to the appeal body; the party is
    told either way. Answers the decision that now stands."""
    auth_service.require(actor, "appeal.decide")
    with write_transaction(session):
        decision = decision_service.readable(session, actor, decision_id, lock=True)
        offered = options(session, actor, decision)
        if not offered:
            raise Conflict("Vedtaket har ingen klage som venter på behandling.", rule_id=rules.APPEAL.id)
        rules.handling_check(outcome=data.outcome, options=offered, reasons=data.reasons)
        pending = decision.appeals[-1]
        standing = _reverse(session, actor, decision, data) if data.outcome == rules.REVERSED else decision
        pending.status, pending.handling_text = str(data.outcome), data.reasons
        pending.handled_on, pending.handled_at, pending.handled_by = today_oslo(), now_oslo(), actor.email
        pending.new_decision_id = standing.id if standing is not decision else None
        session.flush()
        decision_service.audit(
            session, actor, decision, "handle_appeal", appeal=pending.id, outcome=data.outcome
        )
        if data.outcome == rules.SENT_ON:
            _tell_sent_on(session, decision)
        return decision_service.view(session, actor, standing)


def _reverse(session: Session, actor: Actor, decision: Decision, data: AppealHandle) -> Decision:
    """The feature reverses its case (DecisionKind.reverse) and gives the new decision's content."""
    reverse = decision_service.decision_kinds()[decision.kind].reverse
    assert reverse is not None  # only offered where the feature declares it
    values = resolve(reverse)(
        session, actor=actor, case_id=decision.case_id, reasons=data.reasons, weighing=data.weighing
    )
    return decision_service.record(
        session,
        actor=actor,
        municipality_number=decision.municipality_number,
        kind=decision.kind,
        case=(decision.case_entity, decision.case_id, decision.case_link),
        party=(decision.doctor_id, decision.party_name),
        replaces_id=decision.id,
        **values,
    )


def _tell_sent_on(session: Session, decision: Decision) -> None:
    body = (
        f"{decision.deciding_body} har ikke omgjort vedtak {decision.case_number} og har sendt klagen din "
        f"til {decision.appeal_body} som klageinstans {day_text(today_oslo())}."
    )
    inbox_service.tell(
        session,
        municipality_number=decision.municipality_number,
        kind="decision_letter",
        subject=f"Klagen på vedtak {decision.case_number} er sendt til klageinstansen",
        body=body,
        link=f"/vedtak/{decision.id}",
        rule_id=rules.APPEAL.id,
        doctor_id=decision.doctor_id,
    )


def decision_page(session: Session, *, actor: Actor, decision_id: int) -> dict:
    """What the letter's page shows: the decision as the actor may see it, its letter, its appeals, whether
    the actor may appeal it now and what the deciding body may do with an open appeal."""
    with session.begin():
        decision = decision_service.readable(session, actor, decision_id)
        found = decision_service.view(session, actor, decision)
        may_appeal = auth_rules.can(actor, "decision.appeal") and decision_service.is_party(actor, decision)
        return {
            "decision": found,
            "letter": letters.letter(found),
            "can_appeal": may_appeal
            and decision_service.can_appeal(
                decision, today=today_oslo(), replaced=found.replaced_by_id is not None
            ),
            "options": options(session, actor, decision),
            "shows_case": auth_rules.can(actor, "decision.read"),
        }


def check_handling(options: dict[str, str], data: AppealHandle) -> None:
    """DEC-APPEAL — what the confirmation step checks before it asks: a choice offered and why it is made."""
    rules.handling_check(outcome=data.outcome, options=options, reasons=data.reasons)
