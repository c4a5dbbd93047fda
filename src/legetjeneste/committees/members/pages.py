"""Pages of a committee's members: a new committee with its members (for a municipality that has none yet, or
another one), a member added or replaced, and a new term when the 2-year term ends — the current members
proposed again for review, then a confirmation of what ends and who sits from the new term's first day."""

from datetime import timedelta

from fastapi import APIRouter, Request

from legetjeneste.committees import pages as committee_pages
from legetjeneste.committees import rules
from legetjeneste.committees import service as committee_service
from legetjeneste.committees.members import service
from legetjeneste.committees.schemas import CommitteeCreate, MemberCreate, TermCreate
from legetjeneste.errors import DomainError
from legetjeneste.norwegian import day_text, span_text
from legetjeneste.web.confirm import again, ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form, validate
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
ROW_FIELDS = ("name", "email", "doctor", "side", "role", "elected_by")
ROW_LABELS = {
    "name": "navn",
    "email": "e-post",
    "doctor": "HPR-nummer",
    "side": "side",
    "role": "rolle",
    "elected_by": "valgt av",
    "is_kommuneoverlege": "kommuneoverlegen",
}
NEW_ROWS, MORE_ROWS, MAX_ROWS = 10, 4, 60
# A new SU's rows as the agreement composes it (two from each side, as many deputies): the form shows the
# usual shape, and rows left without a name are not members.
SU_SHAPE = [(rules.GPS, rules.MEMBER)] * 2 + [(rules.MUNICIPALITY, rules.MEMBER)] * 2
SU_SHAPE += [(rules.GPS, rules.DEPUTY)] * 2 + [(rules.MUNICIPALITY, rules.DEPUTY)] * 2
LABELS = committee_pages.FIELD_LABELS | {
    "kind": "Utvalg",
    "name": "Utvalgets navn",
    "constituted_on": "Konstituert",
    "shares_legevakt": "Interkommunal legevakt",
    "partners": "Kommunene i legevaktsamarbeidet",
    "members": "Medlemmer",
}
TERM_LABELS = LABELS | {"constituted_on": "Den nye perioden begynner"}


def _row(values: dict[str, str], n: int) -> dict:
    return {f: values.get(f"m{n}-{f}", "") for f in ROW_FIELDS} | {"is_kommuneoverlege": f"m{n}-ko" in values}


def _blank(side: str = "", role: str = rules.MEMBER) -> dict:
    return {f: "" for f in ROW_FIELDS} | {"side": side, "role": role, "is_kommuneoverlege": False}


def posted_rows(values: dict[str, str]) -> list[dict]:
    """The member rows the form sent (`rows` says how many it had), four more when asked for."""
    count = int(values["rows"]) if values.get("rows", "").isdigit() else NEW_ROWS
    count = min(max(count, 1) + (MORE_ROWS if "flere" in values else 0), MAX_ROWS)
    return [_row(values, n) for n in range(1, count + 1)]


# The ids of a row's fields where they are not «m{n}-{field}» (templates/_member_rows.html).
ROW_IDS = {"elected_by": "elected", "is_kommuneoverlege": "ko"}


def _filled(rows: list[dict]) -> list[tuple[int, dict]]:
    """The rows with a name (the members), with their row numbers."""
    return [(n, row) for n, row in enumerate(rows, start=1) if row["name"]]


def _paths(i: int, field: str) -> tuple[str, str]:
    """A member's field as the form's model names it («members[0].email») and as the service does
    («members.0.email»)."""
    return f"members[{i}].{field}", f"members.{i}.{field}"


def row_fields(rows: list[dict]) -> dict:
    """Where a refusal of `members.{i}.{field}` points: per path the field's id, for the error summary's links
    (`row_ids`), and per row number its member's index, for marking the row's fields (`row_paths`)."""
    filled = _filled(rows)
    return {
        "row_ids": {
            path: f"m{n}-{ROW_IDS.get(field, field)}"
            for i, (n, _) in enumerate(filled)
            for field in ROW_LABELS
            for path in _paths(i, field)
        },
        "row_paths": {n: i for i, (n, _) in enumerate(filled)},
    }


def members_of(rows: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """The rows with a name, as members, and the labels that name a refused field by its row («Medlem 3:
    HPR-nummer»)."""
    filled = _filled(rows)
    members = [
        {k: v for k, v in row.items() if k == "is_kommuneoverlege" or v} | {"side": row["side"] or None}
        for _, row in filled
    ]
    labels = {
        path: f"Medlem {n}: {label}"
        for i, (n, _) in enumerate(filled)
        for field, label in ROW_LABELS.items()
        for path in _paths(i, field)
    }
    return members, labels


def _rows_context(rows: list[dict], error) -> dict:
    """The member rows of a new committee or a new term as the form shows them, with each row's problems."""
    return {"rows": rows, **(row_fields(rows) if error else {}), "roles": rules.ROLES, "sides": rules.SIDES}


def _new_page(request, session, actor, number, *, rows=None, error=None, values=None, labels=None):
    choices = committee_service.committee_choices(session, actor=actor, municipality_number=number)
    rows = rows or [_blank(*shape) for shape in SU_SHAPE] + [_blank()] * (NEW_ROWS - len(SU_SHAPE))
    context = {**choices, **_rows_context(rows, error)}
    context |= failure_context(error, values, labels or LABELS, form="committee")
    return render(request, "committees/new.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/kommuner/{number}/utvalg/nytt")
def new_committee(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _new_page(request, session, actor, number)


@router.post("/kommuner/{number}/utvalg/nytt")
def create_committee(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    rows = posted_rows(values)
    if "flere" in values:
        return _new_page(request, session, actor, number, rows=rows, values=values)
    members, labels = members_of(rows)
    try:
        partners = [p.strip() for p in values.get("partners", "").split(",") if p.strip()]
        fields = {k: values[k] for k in ("kind", "name", "constituted_on") if values.get(k)}
        # Each member sits from the constitution date; without it, only that is asked for.
        start = values.get("constituted_on")
        data = validate(
            CommitteeCreate,
            fields
            | {"shares_legevakt": "shares_legevakt" in values, "partners": partners}
            | {"members": [m | {"start": start} for m in members] if start else []},
        )
        saved = committee_service.add_committee(session, actor=actor, municipality_number=number, data=data)
    except DomainError as error:
        if committee_pages._refused(error):
            raise
        return _new_page(
            request, session, actor, number, rows=rows, error=error, values=values, labels=LABELS | labels
        )
    term = f" Funksjonstiden (2 år) går ut {day_text(saved.term_end)}." if saved.term_end else ""
    title = f"{saved.name} er opprettet med {len(saved.members)} medlemmer.{term}"
    return redirect_with_message(request, f"/utvalg/{saved.id}", title)


@router.post("/utvalg/{committee_id}/medlemmer")
def add_member(request: Request, committee_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(MemberCreate, values, checkboxes={"is_kommuneoverlege"})
        if data.replaces is not None and not is_confirmed(values.get("confirmed")):
            asked = _ask_replace(request, session, actor, committee_id, data, values)
            if asked is not None:
                return asked
        saved = service.add_member(session, actor=actor, committee_id=committee_id, data=data)
    except DomainError as error:
        if committee_pages._refused(error):
            raise
        return committee_pages._committee_page(
            request, session, actor, committee_id, error=error, values=values, form="member"
        )
    return redirect_with_message(
        request, f"/utvalg/{committee_id}", f"{data.name} er lagt til i {saved.name}."
    )


def _ask_replace(request, session, actor, committee_id: int, data: MemberCreate, values: dict[str, str]):
    """A new member who replaces another ends that member's seat the day before: asked first (web/confirm.py),
    with what was typed sent again. None where the replaced is no current member (the service refuses it)."""
    committee = committee_service.get_committee(session, actor=actor, committee_id=committee_id)
    replaced = next((m for m in committee.members if m.id == data.replaces and not m.end), None)
    if replaced is None:
        return None
    context = {
        "committee": committee,
        "replaced": replaced,
        "data": data,
        "last_day": data.start - timedelta(days=1),
        "hidden": again(values),
        "back_url": f"/utvalg/{committee_id}",
    }
    question = "committees/_replace_question.html"
    title = f"Erstatte {replaced.name}?"
    return ask_first(request, actor=actor, title=title, question=question, context=context)


def _term_page(request, session, actor, committee_id, *, rows=None, error=None, values=None, labels=None):
    proposal = service.term_proposal(session, actor=actor, committee_id=committee_id)
    values = values or {"constituted_on": proposal["start"].isoformat()}
    rows = rows or proposal["members"] + [_blank()] * MORE_ROWS
    context = {**proposal, **_rows_context(rows, error)}
    context |= failure_context(error, values, labels or TERM_LABELS, form="term")
    return render(request, "committees/term.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/utvalg/{committee_id}/ny-periode")
def new_term(request: Request, committee_id: Id, session: SessionDep, actor: ActorDep):
    return _term_page(request, session, actor, committee_id)


@router.post("/utvalg/{committee_id}/ny-periode")
def start_term(request: Request, committee_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """The rows are reviewed first: the question (web/confirm.py) says whose seats end and who sits in the new
    term, and only its «Bekreft» (confirmed=ja) writes; «Endre» goes back to the rows as they were."""
    values = form_values(form)
    rows = posted_rows(values)
    if "flere" in values or "endre" in values:
        return _term_page(request, session, actor, committee_id, rows=rows, values=values)
    members, labels = members_of(rows)
    try:
        data = validate(
            TermCreate, {"constituted_on": values.get("constituted_on") or None, "members": members}
        )
        if not is_confirmed(values.get("confirmed")):
            plan = service.preview_term(session, actor=actor, committee_id=committee_id, data=data)
            context = {"plan": plan, "committee_id": committee_id, "hidden": again(values)}
            question = "committees/_term_question.html"
            return ask_first(
                request, actor=actor, title="Bekreft ny funksjonsperiode", question=question, context=context
            )
        saved = service.start_term(session, actor=actor, committee_id=committee_id, data=data)
    except DomainError as error:
        if committee_pages._refused(error):
            raise
        return _term_page(
            request,
            session,
            actor,
            committee_id,
            rows=rows,
            error=error,
            values=values,
            labels=TERM_LABELS | labels,
        )
    period = span_text(saved.constituted_on, saved.term_end or saved.constituted_on)
    title = f"{saved.name} har ny funksjonsperiode {period} med {len(members)} medlemmer."
    return redirect_with_message(request, f"/utvalg/{committee_id}", title)
