"""The enkeltvedtak an exemption decision is (LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION, NN-EXEMPT): its letter's
content and its record with `decisions` (DEC-REASONS, DEC-NOTIFY), inside the deciding transaction. The
grounds are health data: the letter shows them only to whom `auth.rules.sees_health_data` lets see them."""

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.rules import Reason
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.norwegian import day_text


def _period(start, end) -> str:
    return f"fra {day_text(start)}" + (f" til {day_text(end)}" if end else ", uten sluttdato")


def letter_values(exemption: Exemption) -> dict:
    """The outcome, summary, reasons with their rule, facts and weighing of a decided exemption."""
    scheme, granted = exemption.scheme, exemption.status == rules.GRANTED
    rule = rules.RIGHT if exemption.ground in rules.RIGHT_GROUNDS else rules.discretion_rule(scheme.kind)
    facts = [
        f"{exemption.doctor.full_name} søkte {day_text(exemption.applied_on)} om fritak fra «{scheme.name}».",
        f"Grunnlag: {rules.GROUNDS[exemption.ground].lower()}.",
        f"Omfang: {rules.EXTENTS[exemption.extent].lower()}.",
        f"Søkt periode: {_period(exemption.start, exemption.end)}.",
    ]
    if exemption.application_text:
        facts.append(f"Søknaden: «{exemption.application_text}»")
    if granted:
        facts.append(f"Innvilget periode: {_period(exemption.granted_start, exemption.granted_end)}.")
    summary = f"Søknaden om fritak fra «{scheme.name}» er " + (
        f"innvilget {_period(exemption.granted_start, exemption.granted_end)}." if granted else "avslått."
    )
    return {
        "outcome": exemption.status,
        "summary": summary,
        "reasons": [Reason(rule[0], rule[1], exemption.reasons)],
        "facts": facts,
        "weighing": exemption.weighing,
        "discretion": exemption.ground in rules.DISCRETIONARY_GROUNDS,
        "health_data": True,
        "decided_on": exemption.decided_on,
    }


def record(session: Session, actor: Actor, exemption: Exemption) -> None:
    """DEC-NOTIFY — the decision with its letter to the applicant, in the caller's transaction."""
    decision_service.record(
        session,
        actor=actor,
        municipality_number=exemption.municipality_number,
        kind="exemption",
        case=("exemption", exemption.id, f"/fritak/{exemption.id}"),
        party=(exemption.doctor_id, exemption.doctor.full_name),
        **letter_values(exemption),
    )


def letters(session: Session, actor: Actor, exemption: Exemption) -> list[dict]:
    """The application's decision letters the actor may read (the exemption's page links them)."""
    return decision_service.letters_of(session, actor, case_entity="exemption", case_id=exemption.id)
