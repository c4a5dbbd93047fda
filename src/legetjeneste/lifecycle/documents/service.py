"""The documents of a case (AGR-ANNOUNCE, AGR-AWARD, AGR-NOTICE): built from the recorded step and the numbers
in force with the pure `documents.rules`, as a `Document` for the printable page and as PDF."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import add_months
from legetjeneste.errors import NotFound
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.documents import pdf
from legetjeneste.lifecycle.documents import rules as documents
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleStep
from legetjeneste.lifecycle.rules.codes import PARTIES
from legetjeneste.lifecycle.service import case_in_scope
from legetjeneste.registry.labels import OPERATING_MODEL
from legetjeneste.registry.models import Municipality


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _announcement(case: LifecycleCase, step: LifecycleStep, name: str, ref: str) -> documents.Document:
    facts = step.facts
    model = facts.get("operating_model", "")
    return documents.announcement_text(
        municipality=name,
        location=facts.get("location", ""),
        listetak=facts.get("listetak", 0),
        operating_model=OPERATING_MODEL.get(model, model),
        practice_type=facts.get("practice_type", ""),
        published=step.on,
        application_deadline=date.fromisoformat(facts["application_deadline"]),
        relevant_information=step.text,
        vacant=bool(facts.get("practice_form")),
        departing_gp=case.doctor.full_name if case.doctor else None,
        case_reference=ref,
    )


def _award(case: LifecycleCase, step: LifecycleStep, name: str, ref: str) -> documents.Document:
    facts, agreement = step.facts, case.agreement
    return documents.award_letter(
        municipality=name,
        recipient=facts.get("awarded_to", ""),
        location=agreement.office.name if agreement else "",
        listetak=agreement.listetak if agreement else 0,
        decided_on=step.on,
        offer_given=step.on,
        reasons=step.text,
        is_group_practice=bool(facts.get("is_group_practice")),
        group_statement=facts.get("group_statement") or None,
        group_statement_on=_day(facts.get("group_statement_on")),
        departing_gp=case.doctor.full_name if case.doctor else None,
        offer_days=terms.value("lifecycle/offer_acceptance_days", step.on),
        transfer_days=terms.value("lifecycle/transfer_agreement_days", step.on),
        appeal_weeks=terms.value("lifecycle/appeal_weeks", step.on),
        signer=step.recorded_by,
        case_reference=ref,
    )


def _notice(case: LifecycleCase, step: LifecycleStep, name: str, ref: str) -> documents.Document:
    notice_months = terms.value("lifecycle/notice_months", step.on)
    notice_end = add_months(step.on, notice_months)
    return documents.notice_confirmation(
        municipality=name,
        gp_name=case.doctor.full_name if case.doctor else "legen",
        party=PARTIES[step.facts.get("party", "doctor")],
        given_on=step.on,
        reason=step.facts.get("objective_reason") or None,
        location=case.agreement.office.name if case.agreement else "",
        announcements=case.correct_announcements(),
        notice_months=notice_months,
        hjemfall_months=terms.value("lifecycle/hjemfall_months", notice_end),
        min_announcements=terms.value("lifecycle/hjemfall_min_announcements", notice_end),
        min_announcement_days=terms.value("lifecycle/announcement_min_days", step.on),
        signer=step.recorded_by,
        case_reference=ref,
    )


BUILDERS = {"announcement": _announcement, "award": _award, "notice": _notice}


def _document(session: Session, case: LifecycleCase, step_id: int) -> documents.Document:
    step = next((s for s in case.steps if s.id == step_id and s.kind in BUILDERS), None)
    if step is None:
        raise NotFound(f"Sak {case.id} har ikke noe dokument for steg {step_id}.")
    municipality = session.get(Municipality, case.municipality_number)
    name = municipality.name if municipality else case.municipality_number
    return BUILDERS[step.kind](case, step, name, f"Sak {case.id}")


def document(session: Session, *, actor: Actor, case_id: int, step_id: int) -> documents.Document:
    """The document of one announcement, award or notice step."""
    auth_service.require(actor, "lifecycle.read")
    with session.begin():
        case = case_in_scope(session, actor, case_id)
        built = _document(session, case, step_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="lifecycle_document",
            record_ids=[step_id],
            municipality_number=case.municipality_number,
        )
        return built


def document_pdf(session: Session, *, actor: Actor, case_id: int, step_id: int) -> tuple[str, bytes]:
    built = document(session, actor=actor, case_id=case_id, step_id=step_id)
    return f"sak-{case_id}-steg-{step_id}.pdf", pdf.document_pdf(built)
