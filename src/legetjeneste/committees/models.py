"""The committees (RULES.md § 6): SU, ALU and the ALU's working committee with their members; meetings with
attendance, agenda items, minutes and follow-up actions; cases raised from the rest of the system with the
committee's statement; each GP's yearly meeting with the municipality (AGR-ANNUAL-MEETING)."""

from datetime import date, datetime, time

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp


class Committee(Base):
    """One committee of a municipality: `kind` su, alu, alu_working or joint_su; constituted on a day, its
    term (SU, working committee) ending on `term_end`. `shares_legevakt`: the SU's municipality shares a
    legevakt with `partners` (municipality numbers), so a joint meeting is due every year (SU-JOINT-LV)."""

    __tablename__ = "committee"
    __table_args__ = (UniqueConstraint("municipality_number", "name", name="uq_committee_municipality_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    constituted_on: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    shares_legevakt: Mapped[bool] = mapped_column(Boolean, default=False)
    partners: Mapped[list] = mapped_column(JSON, default=list)

    members: Mapped[list["CommitteeMember"]] = relationship(
        back_populates="committee", order_by="CommitteeMember.id", cascade="all, delete-orphan"
    )


class CommitteeMember(Base):
    """A member for a period: `side` gps or municipality (None for an observer), `role` member, deputy,
    chair, leader or observer, who elected them; `doctor_id` when the member is a GP of the register, the
    e-mail address the invitation goes to."""

    __tablename__ = "committee_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    side: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(20))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    elected_by: Mapped[str] = mapped_column(String(200), default="")
    is_kommuneoverlege: Mapped[bool] = mapped_column(Boolean, default=False)

    committee: Mapped[Committee] = relationship(back_populates="members")


class CommitteeMeeting(Base):
    """A meeting: when, where, its status (planned, held, cancelled), the chair and the referent; `joint`
    for a joint SU meeting (SU-JOINT-LV). Its minutes are approved at a later meeting, held on
    `approved_on`."""

    __tablename__ = "committee_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    on: Mapped[date] = mapped_column("meeting_date", Date, index=True)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    joint: Mapped[bool] = mapped_column(Boolean, default=False)
    chair: Mapped[str] = mapped_column(String(200), default="")
    referent: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[date | None] = mapped_column(Date)
    convened_at: Mapped[datetime] = mapped_column(Timestamp)
    convened_by: Mapped[str] = mapped_column(String(254))

    committee: Mapped[Committee] = relationship()
    attendees: Mapped[list["MeetingAttendee"]] = relationship(
        back_populates="meeting", order_by="MeetingAttendee.id", cascade="all, delete-orphan"
    )
    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.number", cascade="all, delete-orphan"
    )
    actions: Mapped[list["FollowUpAction"]] = relationship(
        back_populates="meeting", order_by="FollowUpAction.id", cascade="all, delete-orphan"
    )


class MeetingAttendee(Base):
    """Who is invited and how they attended: invited, present, excused («gyldig forfall», with its reason)
    or absent; `user_id` the user the invitation reached (an observer sees the meetings they are invited
    to)."""

    __tablename__ = "committee_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("committee_meeting.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("committee_member.id"))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    absence_reason: Mapped[str] = mapped_column(String(500), default="")

    meeting: Mapped[CommitteeMeeting] = relationship(back_populates="attendees")


class AgendaItem(Base):
    """A numbered item of the agenda and the minutes: its case (if any), the input given and the
    conclusion."""

    __tablename__ = "committee_agenda_item"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_committee_agenda_item_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("committee_meeting.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("committee_case.id"), index=True)
    input: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[CommitteeMeeting] = relationship(back_populates="items")
    case: Mapped["CommitteeCase | None"] = relationship()


class FollowUpAction(Base):
    """«Videre prosess»: what someone follows up after a meeting, by when; a clock until it is done."""

    __tablename__ = "committee_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("committee_meeting.id"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    text: Mapped[str] = mapped_column(String(1000))
    owner: Mapped[str] = mapped_column(String(200))
    due: Mapped[date] = mapped_column("due_date", Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    meeting: Mapped[CommitteeMeeting] = relationship(back_populates="actions")


class CommitteeCase(Base):
    """A case on a committee's agenda, raised from where it arose: `origin_kind` (a `CaseOrigin` a feature
    declares) and `origin_id`, with the origin's title and link. `doctor_id` + `consent_on`: a named GP's
    personal matter with the GP's consent (SU-CASES); `about_patient` + `anonymised` (ALU-TASKS)."""

    __tablename__ = "committee_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    origin_kind: Mapped[str] = mapped_column(String(40))
    origin_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    link: Mapped[str] = mapped_column(String(300), default="")
    background: Mapped[str] = mapped_column(Text, default="")
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))
    consent_on: Mapped[date | None] = mapped_column(Date)
    about_patient: Mapped[bool] = mapped_column(Boolean, default=False)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20))
    raised_on: Mapped[date] = mapped_column(Date)
    raised_by: Mapped[str] = mapped_column(String(254))

    committee: Mapped[Committee] = relationship()
    statement: Mapped["CommitteeStatement | None"] = relationship(
        back_populates="case", cascade="all, delete-orphan", uselist=False
    )


class CommitteeStatement(Base):
    """The committee's statement on a case (SU-CASES): the vote, the majority's and the minority's text,
    dated; a draft (by an SU member) until it is recorded as given (`status` final)."""

    __tablename__ = "committee_statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("committee_case.id"), unique=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("committee_meeting.id"))
    status: Mapped[str] = mapped_column(String(10))
    given_on: Mapped[date] = mapped_column(Date)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    majority_text: Mapped[str] = mapped_column(Text)
    minority_text: Mapped[str] = mapped_column(Text, default="")
    written_by: Mapped[str] = mapped_column(String(254))
    written_at: Mapped[datetime] = mapped_column(Timestamp)

    case: Mapped[CommitteeCase] = relationship(back_populates="statement")


class AnnualMeeting(Base):
    """A GP's yearly meeting with the municipality (AGR-ANNUAL-MEETING)."""

    __tablename__ = "committee_annual_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(1000), default="")
