"""Pages of committee cases: raise a case (from the originating case's page, or «sak fra kommuneoverlegen»
on the committees' page), a case with its statement and the form that drafts or records it."""

from fastapi import APIRouter, Request

from legetjeneste.auth import rules as auth_rules
from legetjeneste.committees import pages as committee_pages
from legetjeneste.committees.cases import service
from legetjeneste.committees.cases.rules import check_statement
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.schemas import CaseCreate, StatementIn
from legetjeneste.errors import DomainError
from legetjeneste.web.confirm import again, ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form, problem_lines
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = committee_pages.FIELD_LABELS | {
    "committee": "Utvalg",
    "origin_kind": "Sakstype",
    "origin_id": "Saken den kommer fra",
    "title": "Tittel",
    "link": "Lenke",
    "background": "Saksframstilling",
    "consent_on": "Legens samtykke",
    "given_on": "Dato for uttalelsen",
    "votes_for": "Stemmer for",
    "votes_against": "Stemmer mot",
    "majority_text": "Utvalgets uttalelse",
    "minority_text": "Mindretallets uttalelse",
    "meeting": "Møte",
}
CASE_CHECKBOXES = {"breach_of_duty", "about_patient", "anonymised"}


@router.post("/kommuner/{number}/utvalg/saker")
def raise_case(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(CaseCreate, values, checkboxes=CASE_CHECKBOXES)
        saved = service.raise_case(session, actor=actor, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        back = values.get("back", "")
        if back.startswith("/saker/") and back[7:].isdigit():
            return redirect_with_message(request, back, "Saken ble ikke sendt til utvalget.", [_line(error)])
        return committee_pages._overview(
            request, session, actor, number, error=error, values=values, form="case"
        )
    title = f"Saken er sendt til {saved.committee_name}: {saved.title}."
    return redirect_with_message(request, f"/utvalg/saker/{saved.id}", title)


def _line(error: DomainError) -> str:
    return "; ".join(problem_lines(error, FIELD_LABELS))


def _case_page(request, session, actor, case_id, *, error=None, values=None):
    found = service.get_case(session, actor=actor, case_id=case_id)
    meetings = meeting_service.list_meetings(session, actor=actor, committee_id=found["case"].committee_id)
    context = {
        **found,
        "meetings": meetings,
        "can_draft": auth_rules.can(actor, "committee.statement"),
        "can_record": auth_rules.can(actor, "committee.case"),
        **failure_context(error, values, FIELD_LABELS, form="statement"),
    }
    return render(request, "committees/case.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/utvalg/saker/{case_id}")
def case(request: Request, case_id: Id, session: SessionDep, actor: ActorDep):
    return _case_page(request, session, actor, case_id)


@router.post("/utvalg/saker/{case_id}/uttalelse")
def statement(request: Request, case_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """A statement recorded as given (`final`) cannot be changed afterwards: asked first (web/confirm.py),
    with what was typed sent again; a draft is saved at once."""
    values = form_values(form)
    try:
        data = parse_form(StatementIn, values, checkboxes={"final"})
        asks = data.final and auth_rules.can(actor, "committee.case")  # an SU member's «final» is refused
        if asks and not is_confirmed(values.get("confirmed")):
            found = service.get_case(session, actor=actor, case_id=case_id)["case"]
            check_statement(
                votes_for=data.votes_for,
                votes_against=data.votes_against,
                majority_text=data.majority_text,
                minority_text=data.minority_text,
                given_on=data.given_on,
                raised_on=found.raised_on,
            )  # SU-CASES: refused before the question, as it would be when given
            context = {
                "case": found,
                "data": data,
                "hidden": again(values),
                "back_url": f"/utvalg/saker/{case_id}#skriv-uttalelse",
            }
            question = "committees/_statement_question.html"
            return ask_first(
                request, actor=actor, title="Registrere uttalelsen?", question=question, context=context
            )
        saved = service.record_statement(session, actor=actor, case_id=case_id, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _case_page(request, session, actor, case_id, error=error, values=values)
    done = "Uttalelsen er registrert" if data.final else "Utkastet er lagret"
    lines = (
        [f"Den er lagt til {saved.origin_label.lower()}: {saved.title}."] if data.final and saved.link else []
    )
    return redirect_with_message(request, f"/utvalg/saker/{case_id}", f"{done}.", lines)
