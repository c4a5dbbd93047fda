"""Pages of the committees: the municipality's committees with their clocks, cases and open follow-up actions;
a committee with its members, its composition check (rule ids), its meetings and the forms to add a member
and to convene a meeting."""

from fastapi import APIRouter, Request

from legetjeneste.auth import rules as auth_rules
from legetjeneste.committees import rules, service
from legetjeneste.committees.annual import service as annual_service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.schemas import AnnualMeetingIn
from legetjeneste.errors import DomainError
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)

FIELD_LABELS = {
    "name": "Navn",
    "email": "E-post",
    "doctor": "Lege (HPR-nummer)",
    "side": "Side",
    "role": "Rolle",
    "start": "Fra og med",
    "end": "Til og med",
    "elected_by": "Valgt av",
    "replaces": "Erstatter",
    "date": "Dato",
    "starts": "Begynner",
    "ends": "Slutter",
    "place": "Sted",
    "agenda": "Saksliste",
    "cases": "Saker",
    "held_on": "Dato",
    "": "Skjemaet",
}


def _refused(error: DomainError) -> bool:
    return error.status_code in (403, 404)


def _overview(request, session, actor, number, *, error=None, values=None, form=None):
    context = {
        "overview": service.overview(session, actor=actor, municipality_number=number),
        "cases": case_service.list_cases(session, actor=actor, municipality_number=number),
        "kinds": rules.KINDS,
        "can_case": auth_rules.can(actor, "committee.case"),
        "can_write": auth_rules.can(actor, "committee.write"),
        **failure_context(error, values, FIELD_LABELS, form=form),
    }
    return render(
        request, "committees/overview.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/kommuner/{number}/utvalg")
def overview(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _overview(request, session, actor, number)


@router.post("/kommuner/{number}/utvalg/arlige-moter")
def annual_meeting(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(AnnualMeetingIn, values)
        saved = annual_service.record_annual_meeting(
            session, actor=actor, municipality_number=number, data=data
        )
    except DomainError as error:
        if _refused(error):
            raise
        return _overview(request, session, actor, number, error=error, values=values, form="annual")
    title = f"Årlig møte med {saved['doctor']} er registrert (AGR-ANNUAL-MEETING)."
    return redirect_with_message(request, f"/kommuner/{number}/utvalg", title)


def _committee_page(request, session, actor, committee_id, *, error=None, values=None, form=None):
    committee = service.get_committee(session, actor=actor, committee_id=committee_id)
    cases = case_service.list_cases(session, actor=actor, municipality_number=committee.municipality)
    context = {
        "committee": committee,
        "open_cases": [c for c in cases if c.committee_id == committee_id and c.status == "open"],
        "meetings": meeting_service.list_meetings(session, actor=actor, committee_id=committee_id),
        "roles": rules.ROLES,
        "sides": rules.SIDES,
        "can_write": auth_rules.can(actor, "committee.write"),
        "can_convene": auth_rules.can(actor, "committee.convene"),
        **failure_context(error, values, FIELD_LABELS, form=form),
    }
    return render(
        request, "committees/committee.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/utvalg/{committee_id}")
def committee(request: Request, committee_id: Id, session: SessionDep, actor: ActorDep):
    return _committee_page(request, session, actor, committee_id)
