"""The committees tests' look-ups on the demo: actors of the demo users, Vefsn's SU and ALU, a new-agreement
case of the life cycle, a user's inbox; a municipality without committees (Bodø) with its kommuneoverlege,
and an SU as the agreement composes it."""

from datetime import date

from legetjeneste.auth import queries as auth_queries
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.committees import service
from legetjeneste.committees.schemas import CommitteeCreate, MemberCreate
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle.schemas import CaseCreate as LifecycleCaseCreate
from legetjeneste.notices.inbox import queries as inbox_queries
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.schemas import MunicipalityCreate

BODO, BODO_KOL, BODO_PASSWORD = "1804", "kommuneoverlege@bodo.example", "bodo-kommuneoverlege"


def actor(session, email: str) -> Actor:
    """The Actor a demo user's login gives."""
    with session.begin():
        user = auth_queries.user_by_email(session, email)
        return Actor(
            email=user.email,
            role=user.role,
            municipality_number=user.municipality_number,
            user_id=user.id,
            doctor_id=user.doctor_id,
            office_id=user.office_id,
        )


def committee_id(session, kind: str, number: str = "1824") -> int:
    kol = actor(
        session, "kommuneoverlege@vefsn.example" if number == "1824" else "kommuneoverlege@kragero.example"
    )
    return next(
        c.id
        for c in service.list_committees(session, actor=kol, municipality_number=number)
        if c.kind == kind
    )


def new_agreement_case(session, kol: Actor) -> int:
    """A life-cycle case about a new agreement in Vefsn (AGR-NEW-SU: it needs the SU's statement)."""
    data = LifecycleCaseCreate(
        kind="new_agreement", date=date(2026, 12, 1), title="Ny fastlegeavtale i Mosjøen"
    )
    return lifecycle_service.open_case(session, actor=kol, data=data, municipality_number="1824").id


def inbox(session, who: Actor) -> list[tuple[str, str, str]]:
    with session.begin():
        return [(n.kind, n.subject, n.link) for n in inbox_queries.of_user(session, who.user_id)]


def municipality_without_committees(session) -> Actor:
    """Bodø in the register, with no committees yet, and its kommuneoverlege (a fictional user)."""
    registry_service.create_municipality(
        session, actor=SYSTEM, data=MunicipalityCreate(number=BODO, name="Bodø")
    )
    auth_service.add_user(
        session, email=BODO_KOL, role="kommuneoverlege", municipality_number=BODO, password=BODO_PASSWORD
    )
    return actor(session, BODO_KOL)


def su_members(start: date, *, per_side: int = 2, deputies: int | None = None) -> list[MemberCreate]:
    """An SU's members from `start`: `per_side` from each side and `deputies` deputies a side (as many)."""
    found = []
    for side, label in (("gps", "Lege"), ("municipality", "Kommune")):
        found += [MemberCreate(name=f"{label} {n}", side=side, start=start) for n in range(1, per_side + 1)]
        found += [
            MemberCreate(name=f"{label} vara {n}", side=side, role="deputy", start=start)
            for n in range(1, (per_side if deputies is None else deputies) + 1)
        ]
    return found


def new_su(start: date, **composition) -> CommitteeCreate:
    return CommitteeCreate(
        kind="su",
        name="Samarbeidsutvalget i Bodø",
        constituted_on=start,
        members=su_members(start, **composition),
    )
