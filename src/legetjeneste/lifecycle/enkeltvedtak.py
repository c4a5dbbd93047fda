"""The enkeltvedtak of the life cycle: an award (AGR-AWARD; establishing a deleliste, AGR-DELELISTE) and the
refusal of a list reduction or a deleliste; their letters through `decisions` (DEC-REASONS, DEC-NOTIFY),
inside the transaction that records the step."""

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.rules import GRANTED, REFUSED, Reason
from legetjeneste.lifecycle.labels import STEP_LABELS
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleStep
from legetjeneste.lifecycle.rules.codes import AWARD, DELELISTE, LIST_REDUCE, REDUCTION_GROUNDS
from legetjeneste.norwegian import day_text

AWARD_REASON = "Avtalen tildeles etter utlysning; tildelingen er et enkeltvedtak."
GROUP_REASON = " I en gruppepraksis er de gjenværende fastlegenes uttalelse tillagt stor vekt."


def _award(case: LifecycleCase, step: LifecycleStep) -> dict:
    facts, agreement = step.facts, case.agreement
    where = f"avtale {agreement.id} ved {agreement.office.name}" if agreement else "avtalen"
    lines = [f"Avtalen gjelder {where}.", f"Tildelt {facts.get('awarded_to', '')} {day_text(step.on)}."]
    if facts.get("group_statement_on"):
        lines.append(
            f"Gruppepraksisen uttalte seg {day_text(step.on.fromisoformat(facts['group_statement_on']))}."
        )
    if facts.get("practice_transfer"):
        lines.append("Tildelingen gjelder overdragelse av praksis.")
    reasons = [
        Reason(
            AWARD.id, AWARD.citation, AWARD_REASON + (GROUP_REASON if facts.get("is_group_practice") else "")
        )
    ]
    if case.kind == "deleliste":
        reasons.append(Reason(DELELISTE.id, DELELISTE.citation, "Reglene om utlysning og tildeling gjelder."))
    return {
        "kind": "deleliste" if case.kind == "deleliste" else "award",
        "party": (None, facts.get("awarded_to", "")),
        "outcome": GRANTED,
        "summary": f"{facts.get('awarded_to', '')} tildeles {where}.",
        "reasons": reasons,
        "facts": lines,
        "weighing": step.text,
    }


def _request_facts(case: LifecycleCase) -> list[str]:
    requests = [s for s in case.steps if s.kind in ("list_reduction_request", "deleliste_request")]
    lines = [f"Saken «{case.title}» ble åpnet {day_text(case.opened_on)}."]
    for request in requests:
        facts = request.facts or {}
        ground = REDUCTION_GROUNDS.get(facts.get("ground", ""), "")
        lines.append(
            f"{STEP_LABELS[request.kind]} {day_text(request.on)}"
            + (f", grunn: {ground}" if ground else "")
            + (f", ønsket listetak {facts['listetak']}" if facts.get("listetak") else "")
            + "."
        )
    return lines


def _refusal(case: LifecycleCase, step: LifecycleStep) -> dict:
    rule = DELELISTE if case.kind == "deleliste" else LIST_REDUCE
    doctor = case.doctor
    return {
        "kind": "deleliste" if case.kind == "deleliste" else "list_reduction",
        "party": (doctor.id if doctor else None, doctor.full_name if doctor else "Fastlegen"),
        "outcome": REFUSED,
        "summary": f"Kravet i saken «{case.title}» er avslått.",
        "reasons": [Reason(rule.id, rule.citation, step.text)],
        "facts": _request_facts(case),
    }


BUILDERS = {"award": _award, "refusal": _refusal}


def record(session: Session, actor: Actor, case: LifecycleCase, step: LifecycleStep) -> None:
    """DEC-NOTIFY — a step that is an enkeltvedtak gets its decision and letter; a refusal without reasons
    is refused by DEC-REASONS and nothing is written."""
    if step.kind not in BUILDERS or (
        step.kind == "refusal" and case.kind not in ("list_reduction", "deleliste")
    ):
        return
    decision_service.record(
        session,
        actor=actor,
        municipality_number=case.municipality_number,
        case=("lifecycle_case", case.id, f"/saker/{case.id}"),
        decided_on=step.on,
        **BUILDERS[step.kind](case, step),
    )
