"""Reading the committees' part of the municipality file for the export, in the import's format, so that
export → import changes nothing. Never writes."""

from sqlalchemy.orm import Session

from legetjeneste.committees import queries
from legetjeneste.committees.file_section.schemas import ANNUAL, SECTION
from legetjeneste.committees.models import Committee
from legetjeneste.registry.models import Doctor


def _statement_out(case) -> dict | None:
    s = case.statement
    if s is None:
        return None
    return {
        "given_on": s.given_on.isoformat(),
        "votes_for": s.votes_for,
        "votes_against": s.votes_against,
        "majority_text": s.majority_text,
        "minority_text": s.minority_text,
        "final": s.status == "final",
    }


def _member_out(session: Session, m) -> dict:
    doctor = session.get(Doctor, m.doctor_id) if m.doctor_id else None
    out = {
        "name": m.name,
        "email": m.email,
        "doctor": doctor.hpr_number if doctor else None,
        "side": m.side,
        "role": m.role,
        "start": m.start.isoformat(),
        "end": m.end.isoformat() if m.end else None,
        "elected_by": m.elected_by,
        "is_kommuneoverlege": m.is_kommuneoverlege,
    }
    return {k: v for k, v in out.items() if v not in (None, "")}


def _meeting_out(meeting, case_numbers: dict[int, int]) -> dict:
    return {
        "date": meeting.on.isoformat(),
        "starts": meeting.starts.strftime("%H:%M"),
        **({"ends": meeting.ends.strftime("%H:%M")} if meeting.ends else {}),
        "place": meeting.place,
        "status": meeting.status,
        "joint": meeting.joint,
        "chair": meeting.chair,
        "referent": meeting.referent,
        "approved": meeting.approved_on is not None,
        "attendees": [
            {
                "name": a.name,
                "status": a.status,
                **({"absence_reason": a.absence_reason} if a.absence_reason else {}),
            }
            for a in meeting.attendees
            if a.status != "invited"  # the invitees the meeting's members give; only how they attended
        ],
        "items": [
            {
                "number": i.number,
                "title": i.title,
                **({"case": case_numbers[i.case_id]} if i.case_id in case_numbers else {}),
                "input": i.input,
                "conclusion": i.conclusion,
            }
            for i in meeting.items
        ],
        "actions": [
            {
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat(),
                **({"done_on": a.done_on.isoformat()} if a.done_on else {}),
            }
            for a in meeting.actions
        ],  # fmt: skip
    }


def _committee_out(session: Session, committee: Committee, cases: list, meetings: list) -> dict:
    own = sorted((c for c in cases if c.committee_id == committee.id), key=lambda c: c.id)
    numbers = {c.id: n for n, c in enumerate(own, start=1)}
    return {
        "kind": committee.kind,
        "name": committee.name,
        "constituted_on": committee.constituted_on.isoformat(),
        "shares_legevakt": committee.shares_legevakt,
        "partners": list(committee.partners or []),
        "members": [_member_out(session, m) for m in committee.members],
        "cases": [
            {
                "title": c.title,
                "link": c.link,
                "background": c.background,
                "date": c.raised_on.isoformat(),
                "raised_by": c.raised_by,
                **({"statement": _statement_out(c)} if c.statement else {}),
            }
            for c in own
        ],
        "meetings": [_meeting_out(m, numbers) for m in meetings if m.committee_id == committee.id],
    }


def _hpr(session: Session, doctor_id: int) -> str:
    doctor = session.get(Doctor, doctor_id)
    return doctor.hpr_number if doctor else ""


def sections(session: Session, *, municipality_number: str) -> dict:
    """Both sections of the municipality as the file holds them."""
    found = queries.committees(session, municipality_number=municipality_number)
    meetings = [
        queries.meeting(session, m.id) for m in queries.meetings(session, committee_ids=[c.id for c in found])
    ]
    cases = queries.cases(session, municipality_number=municipality_number)
    annual = sorted(
        queries.all_annual_meetings(session, municipality_number=municipality_number),
        key=lambda a: (a.held_on, a.id),
    )
    return {
        SECTION: [_committee_out(session, c, cases, meetings) for c in found],
        ANNUAL: [
            {
                "doctor": _hpr(session, a.doctor_id),
                "date": a.held_on.isoformat(),
                **({"note": a.note} if a.note else {}),
            }
            for a in annual
        ],  # fmt: skip
    }
