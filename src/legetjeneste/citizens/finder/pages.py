"""«Finn fastlege» (/finn-fastlege): a public page, no login; the menu shows for those logged in."""

from fastapi import APIRouter, Request

from legetjeneste.citizens.finder import service
from legetjeneste.citizens.finder.schemas import FinderQuery
from legetjeneste.errors import ValidationFailed
from legetjeneste.web import forms
from legetjeneste.web.deps import OptionalActorDep, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)
LABELS = {"kommune": "Kommune", "kontor": "Legekontor", "kjonn": "Legens kjønn", "sprak": "Språk"}
CHECKBOXES = ("tilgjengelig", "ledig")


@router.get("/finn-fastlege")
def find(request: Request, session: SessionDep, actor: OptionalActorDep):
    values = {key: value.strip() for key, value in request.query_params.items()}
    context: dict = {"values": values, "found": None, "errors": []}
    context["municipalities"] = service.municipalities(session)
    if values.get("kommune"):
        try:
            query = forms.parse_form(FinderQuery, values, checkboxes=[c for c in CHECKBOXES if c in values])
            context["found"] = service.find(session, query=query)
        except ValidationFailed as error:
            context["errors"] = forms.problem_lines(error, LABELS)
    status = 422 if context["errors"] else 200
    return render(request, "citizens/finder/find.html", context, actor=actor, status_code=status)
