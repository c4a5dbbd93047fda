"""Selects of the committees, their meetings and cases (never commits)."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from legetjeneste.auth.models import User
from legetjeneste.committees.models import (
    AgendaItem,
    AnnualMeeting,
    Committee,
    CommitteeCase,
    CommitteeMeeting,
    FollowUpAction,
    MeetingAttendee,
)
from legetjeneste.registry.models import Agreement, DoctorPeriod


def committees(session: Session, *, municipality_number: str) -> list[Committee]:
    query = (
        select(Committee)
        .where(Committee.municipality_number == municipality_number)
        .options(selectinload(Committee.members))
        .order_by(Committee.id)
    )
    return list(session.scalars(query))


def committee(session: Session, committee_id: int) -> Committee | None:
    return session.get(Committee, committee_id)


def committee_for_update(session: Session, committee_id: int) -> Committee | None:
    """The committee, its row held until the transaction ends and read afresh with its members: two changes
    of its members or its term at once are checked one after the other (docs/adr/0010)."""
    query = (
        select(Committee)
        .where(Committee.id == committee_id)
        .options(selectinload(Committee.members))
        .with_for_update(of=Committee)
        .execution_options(populate_existing=True)
    )
    return session.scalars(query).first()


NAME_KEY = "uq_committee_municipality_name"


def is_name_taken(error: IntegrityError) -> bool:
    """Whether PostgreSQL refused a second committee of the same name in a municipality."""
    diagnostics = getattr(error.orig, "diag", None)
    return getattr(diagnostics, "constraint_name", None) == NAME_KEY


def committee_named(session: Session, *, municipality_number: str, name: str) -> Committee | None:
    query = select(Committee).where(
        Committee.municipality_number == municipality_number, Committee.name == name
    )
    return session.scalars(query).first()


def meetings(session: Session, *, committee_ids: list[int]) -> list[CommitteeMeeting]:
    query = (
        select(CommitteeMeeting)
        .where(CommitteeMeeting.committee_id.in_(committee_ids))
        .options(selectinload(CommitteeMeeting.attendees), selectinload(CommitteeMeeting.items))
        .order_by(CommitteeMeeting.on, CommitteeMeeting.id)
    )
    return list(session.scalars(query))


def _meeting_query(meeting_id: int):
    return (
        select(CommitteeMeeting)
        .where(CommitteeMeeting.id == meeting_id)
        .options(
            selectinload(CommitteeMeeting.attendees),
            selectinload(CommitteeMeeting.items).selectinload(AgendaItem.case),
            selectinload(CommitteeMeeting.actions),
        )
    )


def meeting(session: Session, meeting_id: int) -> CommitteeMeeting | None:
    return session.scalars(_meeting_query(meeting_id)).first()


def meeting_for_update(session: Session, meeting_id: int) -> CommitteeMeeting | None:
    """The meeting, its row held until the transaction ends and read afresh with its attendees, items and
    actions: two sets of minutes at once are written one after the other (docs/adr/0010)."""
    query = _meeting_query(meeting_id).with_for_update(of=CommitteeMeeting)
    return session.scalars(query.execution_options(populate_existing=True)).first()


def meetings_invited(session: Session, *, user_id: int) -> list[CommitteeMeeting]:
    query = (
        select(CommitteeMeeting)
        .join(MeetingAttendee)
        .where(MeetingAttendee.user_id == user_id)
        .order_by(CommitteeMeeting.on)
    )
    return list(session.scalars(query).unique())


def open_actions(session: Session, *, municipality_number: str) -> list[FollowUpAction]:
    query = (
        select(FollowUpAction)
        .where(FollowUpAction.municipality_number == municipality_number, FollowUpAction.done_on.is_(None))
        .order_by(FollowUpAction.due, FollowUpAction.id)
    )
    return list(session.scalars(query))


def action_for_update(session: Session, action_id: int) -> FollowUpAction | None:
    """The follow-up action, its row held until the transaction ends: it is marked done once."""
    query = select(FollowUpAction).where(FollowUpAction.id == action_id).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).first()


def cases(session: Session, *, municipality_number: str) -> list[CommitteeCase]:
    query = (
        select(CommitteeCase)
        .where(CommitteeCase.municipality_number == municipality_number)
        .options(selectinload(CommitteeCase.statement), selectinload(CommitteeCase.committee))
        .order_by(CommitteeCase.raised_on.desc(), CommitteeCase.id.desc())
    )
    return list(session.scalars(query))


def case(session: Session, case_id: int) -> CommitteeCase | None:
    return session.get(CommitteeCase, case_id)


def case_for_update(session: Session, case_id: int) -> CommitteeCase | None:
    """The case, its row held until the transaction ends and read afresh with its statement: the statement is
    given once (docs/adr/0010)."""
    query = (
        select(CommitteeCase)
        .where(CommitteeCase.id == case_id)
        .options(selectinload(CommitteeCase.statement), selectinload(CommitteeCase.committee))
        .with_for_update(of=CommitteeCase)
    )
    return session.scalars(query.execution_options(populate_existing=True)).first()


def cases_of_origin(session: Session, *, origin_kind: str, origin_id: int) -> list[CommitteeCase]:
    query = (
        select(CommitteeCase)
        .where(CommitteeCase.origin_kind == origin_kind, CommitteeCase.origin_id == origin_id)
        .options(selectinload(CommitteeCase.statement), selectinload(CommitteeCase.committee))
        .order_by(CommitteeCase.id)
    )
    return list(session.scalars(query))


def items_of_case(session: Session, case_id: int) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).where(AgendaItem.case_id == case_id)))


def annual_meetings(session: Session, *, municipality_number: str, year: int) -> list[AnnualMeeting]:
    query = select(AnnualMeeting).where(
        AnnualMeeting.municipality_number == municipality_number,
        AnnualMeeting.held_on >= date(year, 1, 1),
        AnnualMeeting.held_on <= date(year, 12, 31),
    )
    return list(session.scalars(query))


def gp_periods(session: Session, *, municipality_number: str, on: date) -> list[DoctorPeriod]:
    """The regular GPs' periods running on the day (AGR-ANNUAL-MEETING: each GP meets the municipality)."""
    query = (
        select(DoctorPeriod)
        .join(Agreement, Agreement.id == DoctorPeriod.agreement_id)
        .where(
            Agreement.municipality_number == municipality_number,
            DoctorPeriod.role == "regular",
            DoctorPeriod.start <= on,
            (DoctorPeriod.end.is_(None)) | (DoctorPeriod.end >= on),
        )
        .options(selectinload(DoctorPeriod.doctor))
    )
    return list(session.scalars(query))


def users_for(session: Session, *, emails: list[str], doctor_ids: list[int]) -> list[User]:
    """The active users an invitation reaches: by the member's e-mail address or their doctor row."""
    if not emails and not doctor_ids:
        return []
    query = (
        select(User)
        .where(User.is_active.is_(True))
        .where(User.email.in_([e.lower() for e in emails]) | User.doctor_id.in_(doctor_ids))
    )
    return list(session.scalars(query))


def all_annual_meetings(session: Session, *, municipality_number: str) -> list[AnnualMeeting]:
    query = select(AnnualMeeting).where(AnnualMeeting.municipality_number == municipality_number)
    return list(session.scalars(query))
