"""JSON API of committee meetings under /api/v1: convene, read, record and approve the minutes, the minutes
as PDF and the invitation as iCalendar."""

from fastapi import APIRouter, Response

from legetjeneste.committees.meetings import service
from legetjeneste.committees.meetings.invitations import service as invitation_service
from legetjeneste.committees.schemas import MeetingCreate, MinutesIn
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["committees"])


@router.get("/committees/{committee_id}/meetings")
def meetings(committee_id: Id, session: SessionDep, actor: ActorDep):
    return service.list_meetings(session, actor=actor, committee_id=committee_id)


@router.post("/committees/{committee_id}/meetings", status_code=201)
def convene(committee_id: Id, data: MeetingCreate, session: SessionDep, actor: ActorDep):
    """Convene a meeting: every member and observer is told (inbox, e-mail) with the .ics invitation."""
    return invitation_service.convene(session, actor=actor, committee_id=committee_id, data=data)


@router.get("/committee-meetings/{meeting_id}")
def meeting(meeting_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_meeting(session, actor=actor, meeting_id=meeting_id)


@router.put("/committee-meetings/{meeting_id}/minutes")
def minutes(meeting_id: Id, data: MinutesIn, session: SessionDep, actor: ActorDep):
    """The minutes: attendance with valid absence, chair, referent, items, «videre prosess»."""
    return service.record_minutes(session, actor=actor, meeting_id=meeting_id, data=data)


@router.post("/committee-meetings/{meeting_id}/approval/{at_meeting_id}")
def approve(meeting_id: Id, at_meeting_id: Id, session: SessionDep, actor: ActorDep):
    """The minutes approved at a later meeting of the same committee."""
    return service.approve_minutes(session, actor=actor, meeting_id=meeting_id, at_meeting_id=at_meeting_id)


@router.post("/committee-actions/{action_id}/done")
def action_done(action_id: Id, session: SessionDep, actor: ActorDep):
    return service.finish_action(session, actor=actor, action_id=action_id)


# A one-time invitation to import, not a subscribed feed: feeds end in .ics and take the calendar key.
@router.get(
    "/committee-meetings/{meeting_id}/invitation",
    responses={200: {"content": {"text/calendar": {}}, "description": "Innkallingen (iCalendar, RFC 5545)"}},
)
def invitation(meeting_id: Id, session: SessionDep, actor: ActorDep):
    content = invitation_service.invitation_ics(session, actor=actor, meeting_id=meeting_id)
    headers = {"Content-Disposition": f'attachment; filename="mote-{meeting_id}.ics"'}
    return Response(content, media_type="text/calendar; charset=utf-8", headers=headers)


@router.get(
    "/committee-meetings/{meeting_id}/minutes.pdf",
    responses={200: {"content": {"application/pdf": {}}, "description": "Protokollen (A4)"}},
)
def minutes_pdf(meeting_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.minutes_pdf(session, actor=actor, meeting_id=meeting_id)
    return Response(
        content, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'}
    )
