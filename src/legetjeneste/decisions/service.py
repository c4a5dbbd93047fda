"""Use cases of enkeltvedtak (DEC-REASONS, DEC-NOTIFY, DEC-APPEAL): record a decision with its letter inside
the deciding feature's transaction, read the letter (page, PDF, API), appeal it from Min side, and let the
deciding body reverse its decision or send the appeal on.

A letter is read by its party (the doctor's own user) and by whom reads the municipality's decisions;
health data in it (an exemption's grounds) follow `auth.rules.sees_health_data`."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.decisions import letter as letters
from legetjeneste.decisions import pdf, queries, rules
from legetjeneste.decisions.models import Decision
from legetjeneste.decisions.rules import Reason
from legetjeneste.decisions.schemas import DecisionRead, decision_read
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.features import DecisionKind, features
from legetjeneste.norwegian import day_text
from legetjeneste.notices.inbox import service as inbox_service

APPEAL_WEEKS = "decisions/appeal_weeks"


def decision_kinds() -> dict[str, DecisionKind]:
    """Every kind of enkeltvedtak the features declare, by code."""
    return {k.kind: k for feature in features() for k in feature.decision_kinds}


def record(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    kind: str,
    case: tuple[str, int, str],
    party: tuple[int | None, str],
    outcome: str,
    summary: str,
    reasons: Sequence[Reason | dict],
    facts: Sequence[str],
    weighing: str = "",
    discretion: bool = False,
    health_data: bool = False,
    decided_on: date | None = None,
    replaces_id: int | None = None,
) -> Decision:
    """DEC-REASONS, DEC-NOTIFY — record an enkeltvedtak in the caller's transaction (like
    `audit_service.record`): `case` is (entity, id, link to the case's page), `party` (doctor id or None,
    name); `decided_on` the decision's date (by default today). The letter reaches the party's inbox the day
    it is recorded (docs/adr/0011), which starts the appeal deadline (DEC-APPEAL); a doctor without a user
    account gets the letter on paper (the PDF)."""
    label = decision_kinds()[kind].label
    lines = [r if isinstance(r, Reason) else Reason(**r) for r in reasons]
    rules.reasons_check(reasons=lines, facts=list(facts), discretion=discretion, weighing=weighing)
    today, number = today_oslo(), queries.municipality_name(session, municipality_number)
    reached = max(today, decided_on or today)
    sequence = queries.next_sequence(session, municipality_number=municipality_number, year=reached.year)
    decision = Decision(
        municipality_number=municipality_number,
        case_number=rules.case_number(reached.year, sequence),
        kind=kind,
        case_entity=case[0],
        case_id=case[1],
        case_link=case[2],
        doctor_id=party[0],
        party_name=party[1],
        outcome=outcome,
        summary=summary,
        reasons=[vars(line) for line in lines],
        facts=[fact for fact in facts if fact.strip()],
        weighing=weighing.strip(),
        health_data=health_data,
        deciding_body=f"{number} kommune",
        appeal_body=rules.appeal_body(municipality_number),
        decided_on=decided_on or today,
        decided_at=now_oslo(),
        decided_by=actor.email,
        reached_on=reached,
        appeal_deadline=rules.appeal_deadline(reached, weeks=_weeks(reached)),
        replaces_id=replaces_id,
    )
    session.add(decision)
    session.flush()
    audit(session, actor, decision, "create", kind=kind, case=f"{case[0]} {case[1]}", outcome=outcome)
    _tell(session, decision, label, lines)
    return decision


def _weeks(day: date) -> int:
    return parameters.value(APPEAL_WEEKS, on=day)


def _tell(session: Session, decision: Decision, label: str, reasons: list[Reason]) -> None:
    """DEC-NOTIFY — the letter to the party's inbox (and e-mail, by their choice). The rules applied go in
    the notice; their texts only where they hold no health data (the letter itself has them)."""
    why = "; ".join(
        f"{r.rule_id} ({r.citation})" + ("" if decision.health_data else f": {r.text}") for r in reasons
    )
    body = (
        f"{decision.summary}\nBegrunnelse: {why}.\nKlagefrist: {day_text(decision.appeal_deadline)}. "
        f"Klagen sendes til {decision.deciding_body}; du kan klage fra Min side. "
        "Du har rett til å se dokumentene i saken."
    )
    inbox_service.tell(
        session,
        municipality_number=decision.municipality_number,
        kind="decision_letter",
        subject=f"Vedtak {decision.case_number}: {label} – {rules.OUTCOMES[decision.outcome].lower()}",
        body=body,
        link=f"/vedtak/{decision.id}",
        rule_id=rules.NOTIFY.id,
        doctor_id=decision.doctor_id,
    )


def audit(session: Session, actor: Actor, decision: Decision, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="decision",
        record_ids=[decision.id],
        municipality_number=decision.municipality_number,
        detail=detail,
    )


def is_party(actor: Actor, decision: Decision) -> bool:
    return actor.doctor_id is not None and actor.doctor_id == decision.doctor_id


def readable(session: Session, actor: Actor, decision_id: int, *, lock: bool = False) -> Decision:
    """The decision, for its party and for whom reads the municipality's decisions; to anyone else of the
    municipality who may appeal (another GP) it answers as if it did not exist."""
    if not (auth_rules.can(actor, "decision.read") or auth_rules.can(actor, "decision.appeal")):
        auth_service.require(actor, "decision.read")
    missing = f"Vedtak {decision_id} finnes ikke."
    load = queries.decision_for_update if lock else queries.decision
    decision = scope.row(session, actor, Decision, decision_id, missing=missing, load=load)
    if not auth_rules.can(actor, "decision.read") and not is_party(actor, decision):
        raise NotFound(missing)
    return decision


def view(session: Session, actor: Actor, decision: Decision) -> DecisionRead:
    """The decision as the actor may see it; reading its health data is audited."""
    full = auth_rules.sees_health_data(actor, doctor_id=decision.doctor_id)
    audit(session, actor, decision, "read", health_data=decision.health_data and full)
    return decision_read(
        decision,
        municipality_name=queries.municipality_name(session, decision.municipality_number),
        kind_text=decision_kinds()[decision.kind].label,
        full=full,
        appeal_weeks=_weeks(decision.reached_on),
        replaced_by_id=queries.replaced_by(session, [decision.id]).get(decision.id),
    )


def get_decision(session: Session, *, actor: Actor, decision_id: int) -> DecisionRead:
    with session.begin():
        return view(session, actor, readable(session, actor, decision_id))


def letter_pdf(session: Session, *, actor: Actor, decision_id: int) -> tuple[str, bytes]:
    """The letter as an A4 PDF, to print for a party without a user account."""
    found = get_decision(session, actor=actor, decision_id=decision_id)
    name = f"vedtak-{found.case_number.replace('/', '-')}.pdf"
    return name, pdf.letter_pdf(letters.letter(found))


def letters_of(session: Session, actor: Actor, *, case_entity: str, case_id: int) -> list[dict]:
    """The decisions of a case the actor may read, with their letters' case numbers, for the case's page;
    in the caller's transaction."""
    found = queries.of_case(session, case_entity=case_entity, case_id=case_id)
    return [
        {"id": d.id, "case_number": d.case_number, "decided_on": d.decided_on, "outcome": d.outcome}
        for d in found
        if auth_rules.can(actor, "decision.read") or is_party(actor, d)
    ]


def own_decisions(session: Session, *, actor: Actor, doctor_id: int | None) -> list[dict]:
    """Min side, «Mine vedtak»: the GP's decisions, newest first, each with whether it may still be
    appealed (DEC-APPEAL)."""
    auth_service.require(actor, "decision.appeal")
    if doctor_id is None or doctor_id != actor.doctor_id:
        raise Forbidden("Du kan bare se dine egne vedtak.")
    today = today_oslo()
    with session.begin():
        found = queries.of_doctor(session, doctor_id)
        later = queries.replaced_by(session, [d.id for d in found])
        return [
            {
                "decision": d,
                "kind_text": decision_kinds()[d.kind].label,
                "outcome_text": rules.OUTCOMES[d.outcome],
                "appeal_text": _appeal_text(d, replaced=d.id in later),
                "can_appeal": can_appeal(d, today=today, replaced=d.id in later),
            }
            for d in found
        ]


def _appeal_text(decision: Decision, *, replaced: bool) -> str:
    if decision.appeals:
        return f"Klage: {rules.APPEAL_STATUSES[decision.appeals[-1].status].lower()}"
    return "Omgjort" if replaced else ""


def can_appeal(decision: Decision, *, today: date, replaced: bool) -> bool:
    """DEC-APPEAL — inside the deadline, not reversed, and no appeal already made."""
    return today <= decision.appeal_deadline and not replaced and not decision.appeals


def municipality_decisions(session: Session, *, actor: Actor, municipality_number: str) -> list[dict]:
    """The municipality's decisions, newest first, with their letters (to print for a party without a user
    account) and the state of their appeals."""
    auth_service.require(actor, "decision.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = queries.of_municipality(session, municipality_number)
        later = queries.replaced_by(session, [d.id for d in found])
        return [
            {
                "decision": d,
                "kind_text": decision_kinds()[d.kind].label,
                "outcome_text": rules.OUTCOMES[d.outcome],
                "appeal_text": _appeal_text(d, replaced=d.id in later),
            }
            for d in found
        ]


def open_appeals(session: Session, *, actor: Actor, municipality_number: str) -> dict:
    """The municipality's overview: appeals received and not yet handled (DEC-APPEAL), and the municipality
    whose decisions the panel links to."""
    auth_service.require(actor, "appeal.decide")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = queries.open_appeals(session, municipality_number)
        appeals = [
            {"appeal": a, "decision": a.decision, "kind_text": decision_kinds()[a.decision.kind].label}
            for a in found
        ]
        return {"municipality": municipality_number, "appeals": appeals}
