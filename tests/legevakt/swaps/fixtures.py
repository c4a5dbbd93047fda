"""A published two-week roster at Vefsn for the swap tests (no tests here), arranged so each test knows who
holds which shift: the four doctors take the days in turn, A (Jonas Brekkan, lege@vefsn.example), B (Ingrid
Haugvik, lege2@vefsn.example), C, D, A, B … Weekday shifts run 15:30–08:00, weekend shifts 09:00–09:00, so
A's Friday (5 March) ends 08:00 on Saturday, one hour before B's Saturday begins (LV-REST)."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.auth.models import User
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.notices.inbox.models import InboxNotice
from legetjeneste.registry.models import Doctor
from tests.legevakt.rosters.fixtures import make_scheme, solve
from tests.support import VEFSN_KOMMUNEOVERLEGE, load_demo

A, B, C, D = "9182402", "9182401", "9182403", "9182405"
IN_TURN = (A, B, C, D)
FIRST = date(2027, 3, 1)
KOMMUNEOVERLEGE = VEFSN_KOMMUNEOVERLEGE


def doctor_id(session: Session, hpr: str) -> int:
    with session.begin():
        query = select(Doctor.id).where(Doctor.hpr_number == hpr, Doctor.municipality_number == "1824")
        return session.scalar(query)


def gp(session: Session, hpr: str) -> Actor:
    """The GP's own actor: their user account when the demo has one, else one linked to the doctor row."""
    found = doctor_id(session, hpr)
    with session.begin():
        user = session.scalar(select(User).where(User.doctor_id == found))
        email = user.email if user else f"{hpr}@vefsn.example"
        return Actor(email, "doctor", "1824", user_id=user.id if user else None, doctor_id=found)


def arrange(session: Session, roster_id: int, vacant: tuple[date, ...] = ()) -> None:
    """Day n of the roster to IN_TURN[n % 4], the `vacant` days to nobody (test set-up: the solver's own
    choice is not the point)."""
    with session.begin():
        query = select(Doctor).where(Doctor.hpr_number.in_(IN_TURN))
        doctors = {d.hpr_number: d for d in session.scalars(query)}
        for shift in session.get(Roster, roster_id).assignments:
            hpr = IN_TURN[(shift.on - FIRST).days % 4]
            doctor = None if shift.on in vacant else doctors[hpr]
            shift.doctor, shift.was_vacant = doctor, doctor is None


def published_roster(open_session, vacant: tuple[date, ...] = ()) -> tuple[int, int]:
    """The demo (with its users), the scheme of the four doctors, and its roster of 1–14 March 2027
    arranged in turn and published: (scheme id, roster id)."""
    load_demo(open_session())
    scheme_id = make_scheme(open_session(), IN_TURN, import_vefsn=False)
    job = solve(open_session(), scheme_id)
    arrange(open_session(), job.roster_id, vacant)
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    return scheme_id, job.roster_id


def shift(session: Session, roster_id: int, day: date) -> int:
    """The id of the roster's shift on the day."""
    with session.begin():
        query = select(RosterAssignment.id).where(
            RosterAssignment.roster_id == roster_id, RosterAssignment.on == day
        )
        return session.scalar(query)


def holders(session: Session, scheme_id: int) -> tuple[int, int, dict[date, str]]:
    """The scheme's published roster now: its id, version, and the HPR number holding each day."""
    with session.begin():
        query = select(Roster).where(Roster.scheme_id == scheme_id, Roster.status == "published")
        roster = session.scalar(query)
        return roster.id, roster.version, {a.on: a.doctor.hpr_number for a in roster.assignments}


def give(session: Session, assignment_id: int, hpr: str) -> None:
    """Test set-up: the shift given to another doctor behind the swap's back."""
    with session.begin():
        doctor = session.scalar(select(Doctor).where(Doctor.hpr_number == hpr))
        session.get(RosterAssignment, assignment_id).doctor = doctor


def notices(session: Session, hpr: str, kind: str) -> list[tuple[str, str]]:
    """(subject, text) of the notices of `kind` in the GP's inbox, oldest first."""
    with session.begin():
        query = select(User).join(Doctor, User.doctor_id == Doctor.id).where(Doctor.hpr_number == hpr)
        user = session.scalar(query)
        found = select(InboxNotice).where(InboxNotice.user_id == user.id, InboxNotice.kind == kind)
        return [(n.subject, n.body) for n in session.scalars(found.order_by(InboxNotice.id))]
