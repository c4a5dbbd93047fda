"""Pages of committee meetings: convene (from the committee's page), the meeting with its minutes in the
Kragerø shape and the form that records them, approval at a later meeting, a follow-up action done, and the
minutes as PDF and the invitation as .ics."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from legetjeneste.auth import rules as auth_rules
from legetjeneste.committees import pages as committee_pages
from legetjeneste.committees import service as committee_service
from legetjeneste.committees.meetings import rules, service
from legetjeneste.committees.meetings.invitations import service as invitation_service
from legetjeneste.committees.schemas import MeetingCreate, MinutesIn
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.web.confirm import again, ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, SessionDep
from legetjeneste.web.forms import failure_context, form_values, validate
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
ACTION_ROWS = 3
FIELD_LABELS = committee_pages.FIELD_LABELS | {
    "chair": "Møteleder",
    "referent": "Referent",
    "attendance": "Oppmøte",
    "items": "Saker",
    "actions": "Videre prosess",
    "at_meeting": "Godkjent i møtet",
}


@router.post("/utvalg/{committee_id}/moter")
def convene(request: Request, committee_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """The invitations go out at once and cannot be called back: asked first (web/confirm.py), with what was
    typed sent again (the cases as one field, «3,4»)."""
    cases = [c for sent in form.getlist("cases") if isinstance(sent, str) for c in sent.split(",") if c]
    values = form_values(form) | {"cases": ",".join(cases)}
    try:
        agenda = [line.strip() for line in values.get("agenda", "").splitlines() if line.strip()]
        data = validate(
            MeetingCreate,
            {k: v for k, v in values.items() if v and k in ("date", "starts", "ends", "place")}
            | {"agenda": agenda, "joint": "joint" in values, "cases": cases},
        )
        if not is_confirmed(values.get("confirmed")):
            context = {
                "committee": committee_service.get_committee(session, actor=actor, committee_id=committee_id),
                "data": data,
                "hidden": again(values),
                "back_url": f"/utvalg/{committee_id}",
            }
            question = "committees/_convene_question.html"
            return ask_first(
                request, actor=actor, title="Kalle inn til møtet?", question=question, context=context
            )
        saved = invitation_service.convene(session, actor=actor, committee_id=committee_id, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return committee_pages._committee_page(
            request, session, actor, committee_id, error=error, values=values, form="convene"
        )
    told = sum(1 for a in saved["attendees"])
    title = f"Møtet er innkalt: {saved['committee']} {saved['date']:%d.%m.%Y}. {told} er innkalt."
    return redirect_with_message(request, f"/utvalg/moter/{saved['id']}", title)


def _paths_of(fields: dict[str, str]) -> dict[str, list[str]]:
    """Per field id, the paths whose problems mark it."""
    paths: dict[str, list[str]] = {}
    for path, field in fields.items():
        paths.setdefault(field, []).append(path)
    return paths


def _meeting_page(request, session, actor, meeting_id, *, error=None, values=None, form=None):
    meeting = service.get_meeting(session, actor=actor, meeting_id=meeting_id)
    fields = minutes_fields(values or {}, meeting) if error and form == "minutes" else {}
    ids = {path: field for path, (field, _) in fields.items()}
    can_minutes = auth_rules.can(actor, "committee.case")
    others = (
        service.list_meetings(session, actor=actor, committee_id=meeting["committee_id"])
        if can_minutes
        else []
    )
    context = {
        "meeting": meeting,
        "later": [m for m in others if m["date"] > meeting["date"]],
        "attendance": rules.ATTENDANCE,
        "action_rows": range(1, ACTION_ROWS + 1),
        "can_minutes": can_minutes,
        "row_ids": ids,
        "minutes_paths": _paths_of(ids),
        **failure_context(
            error, values, FIELD_LABELS | {p: label for p, (_, label) in fields.items()}, form=form
        ),
    }
    return render(request, "committees/meeting.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/utvalg/moter/{meeting_id}")
def meeting(request: Request, meeting_id: Id, session: SessionDep, actor: ActorDep):
    return _meeting_page(request, session, actor, meeting_id)


def _item_numbers(values: dict[str, str], meeting: dict) -> list[int]:
    """The minutes' items the form sent: the meeting's, and the new one, each with a title."""
    numbers = [*(i["number"] for i in meeting["items"]), len(meeting["items"]) + 1]
    return [n for n in numbers if values.get(f"title-{n}")]


def _action_rows(values: dict[str, str]) -> list[int]:
    return [k for k in range(1, ACTION_ROWS + 1) if values.get(f"action-{k}")]


def minutes_from_form(values: dict[str, str], meeting: dict) -> MinutesIn:
    """The minutes form's fields (one row per invitee, per item and per action) as `MinutesIn`."""
    attendance = [
        {
            "attendee": a["id"],
            "status": values.get(f"status-{a['id']}", a["status"]),
            "absence_reason": values.get(f"reason-{a['id']}", ""),
        }
        for a in meeting["attendees"]
    ]
    cases = {i["number"]: i["case_id"] for i in meeting["items"]}
    items = [
        {
            "number": n,
            "title": values[f"title-{n}"],
            "input": values.get(f"input-{n}", ""),
            "conclusion": values.get(f"conclusion-{n}", ""),
            "case": cases.get(n),
        }
        for n in _item_numbers(values, meeting)
    ]
    actions = [
        {
            "text": values[f"action-{k}"],
            "owner": values.get(f"owner-{k}", ""),
            "due": values.get(f"due-{k}") or None,
        }
        for k in _action_rows(values)
    ]
    data = {"chair": values.get("chair", ""), "referent": values.get("referent", "")}
    return validate(MinutesIn, data | {"attendance": attendance, "items": items, "actions": actions})


def minutes_fields(values: dict[str, str], meeting: dict) -> dict[str, tuple[str, str]]:
    """Per path of a refused `MinutesIn` («items[0].title»), the id of its field on the form («title-3») and
    the field's label as the form shows it («Pkt. 3: Sak»): the error summary names and links it, and the form
    marks it (templates/meeting.html)."""
    found = {"chair": ("minutes-chair", "Møteleder"), "referent": ("minutes-referent", "Referent")}
    for j, a in enumerate(meeting["attendees"]):
        found[f"attendance[{j}].status"] = (f"status-{a['id']}", f"Oppmøte ({a['name']})")
        found[f"attendance[{j}].absence_reason"] = (f"reason-{a['id']}", f"Grunn til forfall ({a['name']})")
    for j, n in enumerate(_item_numbers(values, meeting)):
        for field, label in (("title", "Sak"), ("input", "Innspill"), ("conclusion", "Konklusjon")):
            found[f"items[{j}].{field}"] = (f"{field}-{n}", f"Pkt. {n}: {label}")
    for j, k in enumerate(_action_rows(values)):
        for field, name, label in (("text", "action", "Oppfølging"), ("owner", "owner", "Ansvarlig")):
            found[f"actions[{j}].{field}"] = (f"{name}-{k}", f"{label} {k}")
        found[f"actions[{j}].due"] = (f"due-{k}", f"Frist {k}")
    if meeting["attendees"]:
        found["attendance"] = (found["attendance[0].status"][0], FIELD_LABELS["attendance"])
    found["items"] = (f"title-{len(meeting['items']) + 1}", FIELD_LABELS["items"])
    return found


@router.post("/utvalg/moter/{meeting_id}/referat")
def record_minutes(request: Request, meeting_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        current = service.get_meeting(session, actor=actor, meeting_id=meeting_id)
        data = minutes_from_form(values, current)
        service.record_minutes(session, actor=actor, meeting_id=meeting_id, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _meeting_page(request, session, actor, meeting_id, error=error, values=values, form="minutes")
    return redirect_with_message(request, f"/utvalg/moter/{meeting_id}", "Referatet er lagret.")


@router.post("/utvalg/moter/{meeting_id}/godkjenn")
def approve(request: Request, meeting_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """Approving asks first (web/confirm.py): without confirmed=ja nothing changes."""
    values = form_values(form)
    later = values.get("at_meeting", "")
    try:
        if not later.isdigit() or len(later) > 9:
            raise ValidationFailed([Problem("at_meeting", "velg møtet referatet ble godkjent i")])
        if not is_confirmed(values.get("confirmed")):
            context = {
                "meeting": service.get_meeting(session, actor=actor, meeting_id=meeting_id),
                "at": service.get_meeting(session, actor=actor, meeting_id=int(later)),
                "back_url": f"/utvalg/moter/{meeting_id}",
            }
            question = "committees/_approve_question.html"
            return ask_first(
                request, actor=actor, title="Godkjenne referatet?", question=question, context=context
            )
        service.approve_minutes(session, actor=actor, meeting_id=meeting_id, at_meeting_id=int(later))
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _meeting_page(request, session, actor, meeting_id, error=error, values=values, form="approve")
    return redirect_with_message(request, f"/utvalg/moter/{meeting_id}", "Referatet er godkjent.")


@router.post("/utvalg/oppfolging/{action_id}/utfort")
def action_done(request: Request, action_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """Marking a follow-up action done asks first (web/confirm.py): without confirmed=ja nothing changes."""
    if not is_confirmed(form.get("confirmed")):
        found = service.get_action(session, actor=actor, action_id=action_id)
        context = {**found, "back_url": f"/utvalg/moter/{found['meeting']['id']}"}
        question = "committees/_action_done_question.html"
        return ask_first(
            request, actor=actor, title="Merke oppfølgingen som utført?", question=question, context=context
        )
    found = service.finish_action(session, actor=actor, action_id=action_id)
    return redirect_with_message(
        request, f"/utvalg/moter/{found['id']}", "Oppfølgingen er merket som utført."
    )


@router.get("/utvalg/moter/{meeting_id}/referat.pdf")
def minutes_pdf(meeting_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.minutes_pdf(session, actor=actor, meeting_id=meeting_id)
    return Response(
        content, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'}
    )
