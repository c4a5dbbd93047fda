"""The enkeltvedtak of a breach case (AGR-BREACH, ASA 4310 § 15): withholding basistilskudd, weighed on the
type, extent and severity of the breach; its letter to the GP through `decisions` (DEC-REASONS, DEC-NOTIFY),
inside the transaction that records the decision step."""

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.rules import IMPOSED, Reason
from legetjeneste.norwegian import day_text
from legetjeneste.payments.breach import queries
from legetjeneste.payments.breach import rules as br
from legetjeneste.payments.breach.models import BreachCase
from legetjeneste.payments.runs.rules.lines import percent_text


def record(session: Session, actor: Actor, case: BreachCase, *, max_percentage) -> None:
    """DEC-NOTIFY — the withholding decision with its letter to the agreement's GP."""
    doctor = queries.regular_doctor(case.agreement, case.notice_date)
    assert case.percentage is not None and case.decision_date is not None  # set by the decision step
    percent = percent_text(case.percentage)
    facts = [f"Mangelen: {case.subject}", f"Skriftlig varsel {day_text(case.notice_date)}."]
    if case.warning_date:
        facts.append(f"Skriftlig advarsel om tilbakehold {day_text(case.warning_date)}; fristen er ute.")
    facts.append("Forholdet er ikke rettet.")
    reason = (
        f"Kommunen kan holde tilbake inntil {percent_text(max_percentage)} av basistilskuddet hver måned "
        "til forholdet er rettet, etter skriftlig varsel og advarsel."
    )
    decision_service.record(
        session,
        actor=actor,
        municipality_number=case.municipality_number,
        kind="withholding",
        case=("breach_case", case.id, f"/mislighold/{case.id}"),
        party=(doctor.id if doctor else None, doctor.full_name if doctor else "Fastlegen"),
        outcome=IMPOSED,
        summary=(
            f"{percent} av basistilskuddet for avtale {case.agreement_id} holdes tilbake hver måned fra "
            f"{day_text(case.decision_date)} til forholdet er rettet. Når det er rettet, betales det "
            "tilbakeholdte beløpet ut."
        ),
        reasons=[Reason(br.BREACH.id, br.BREACH.citation, reason)],
        facts=facts,
        weighing=case.reasons or "",
        discretion=True,
        decided_on=case.decision_date,
    )
