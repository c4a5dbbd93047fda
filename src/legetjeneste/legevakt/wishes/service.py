"""Use cases of wishes (LV-WISH): a GP enters, changes and removes their own wishes for a scheme they take
part in, until a roster covering the day is published; sees them per coming half-year with the months'
counts (the page «Mine ønsker» and the panel on Min side).

A wish is checked and written under the scheme's row lock (`queries.lock_scheme`, the lock publishing
takes; SQLite: the write transaction), so the month's number holds when two wishes come at once, and a
wish is never added to days a roster is published for in the same moment. The unique day per doctor and
scheme is the database's backstop."""

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.legevakt.rosters.models import Roster
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.wishes import queries, rules
from legetjeneste.legevakt.wishes.models import Wish
from legetjeneste.legevakt.wishes.schemas import (
    DoctorWishes,
    PeriodRead,
    SchemeWishes,
    SchemeWishList,
    WishIn,
    WishRead,
    doctor_wishes,
    month_read,
    wish_read,
)
from legetjeneste.registry.models import Doctor
from legetjeneste.rostering import problem as rp

PARAMETER = "legevakt/max_wishes_per_month"


def max_per_month(scheme: Scheme, day: date) -> int:
    """LV-WISH — the scheme's own number, else the national parameter on the day."""
    if scheme.max_wishes_per_month is not None:
        return scheme.max_wishes_per_month
    return int(parameters.value(PARAMETER, on=day))


def _own_doctor(session: Session, actor: Actor, doctor_id: int | None = None) -> Doctor:
    """The GP's own doctor row: a wish is always the GP's own (`doctor_id`, when a page names one, too)."""
    auth_service.require(actor, "roster.wish")
    if actor.doctor_id is None or (doctor_id is not None and doctor_id != actor.doctor_id):
        raise Forbidden("Bare legen selv kan legge inn og se sine ønsker til vaktlister.")
    return scope.doctor(session, actor, actor.doctor_id)


def _check(session: Session, scheme: Scheme, doctor: Doctor, data: WishIn, wish_id: int | None) -> None:
    scheme_id, today = scheme.id, today_oslo()
    problems = rules.wish_problems(
        day=data.day,
        today=today,
        scheme_period=scheme.period,
        participations=[p.period for p in queries.participations(session, doctor_id=doctor.id,
                                                                 scheme_id=scheme_id)],
        published=queries.published_periods(session, scheme_id=scheme_id, since=today),
        taken=queries.taken(session, scheme_id=scheme_id, doctor_id=doctor.id, day=data.day,
                            other_than=wish_id),
        used_in_month=queries.used_in_month(session, scheme_id=scheme_id, doctor_id=doctor.id,
                                            month=data.day, other_than=wish_id),
        max_per_month=max_per_month(scheme, data.day),
    )  # fmt: skip
    if problems:
        raise ValidationFailed(problems)


def _scheme_of_participant(session: Session, doctor: Doctor, scheme_id: int) -> Scheme:
    """The scheme, locked, when the doctor takes part in it; else as if it did not exist."""
    scheme = queries.lock_scheme(session, scheme_id)
    if scheme is None or not queries.participations(session, doctor_id=doctor.id, scheme_id=scheme_id):
        raise NotFound(f"Du deltar ikke i ordning {scheme_id}.")
    return scheme


def _audit(session: Session, actor: Actor, action: str, wish: Wish) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="legevakt_wish",
        record_ids=[wish.id],
        municipality_number=wish.scheme.municipality_number,
        detail={"scheme_id": wish.scheme_id, "day": wish.day.isoformat(), "kind": wish.kind},
    )


@when_free
def add_wish(session: Session, *, actor: Actor, scheme_id: int, data: WishIn) -> WishRead:
    """LV-WISH — the GP's wish for a day of the scheme's coming roster."""
    with write_transaction(session):
        doctor = _own_doctor(session, actor)
        scheme = _scheme_of_participant(session, doctor, scheme_id)
        _check(session, scheme, doctor, data, None)
        at = now_oslo()
        wish = Wish(scheme=scheme, doctor=doctor, **data.model_dump(), created_at=at, changed_at=at)
        session.add(wish)
        session.flush()
        _audit(session, actor, "save", wish)
        return wish_read(wish, locked=False)


def _found_wish(session: Session, actor: Actor, wish_id: int) -> tuple[Wish, Doctor]:
    doctor = _own_doctor(session, actor)
    wish = queries.wish(session, wish_id)
    if wish is None or wish.doctor_id != doctor.id:
        raise NotFound(f"Ønske {wish_id} finnes ikke.")
    return wish, doctor


def get_wish(session: Session, *, actor: Actor, wish_id: int) -> WishRead:
    """The GP's own wish, as the question before deleting it shows it."""
    with session.begin():
        wish, _ = _found_wish(session, actor, wish_id)
        return wish_read(wish, locked=False)


def _own_wish(session: Session, actor: Actor, wish_id: int) -> tuple[Wish, Doctor]:
    """The GP's own wish, its scheme locked and its day not in a published roster (LV-WISH)."""
    wish, doctor = _found_wish(session, actor, wish_id)
    queries.lock_scheme(session, wish.scheme_id)
    published = queries.published_periods(session, scheme_id=wish.scheme_id, since=wish.day)
    if problems := rules.locked_problems(wish.day, published):
        raise ValidationFailed(problems)
    return wish, doctor


@when_free
def change_wish(session: Session, *, actor: Actor, wish_id: int, data: WishIn) -> WishRead:
    """LV-WISH — another day, kind or note, until a roster covering the old or the new day is published."""
    with write_transaction(session):
        wish, doctor = _own_wish(session, actor, wish_id)
        _check(session, wish.scheme, doctor, data, wish.id)
        wish.day, wish.kind, wish.note, wish.changed_at = data.day, data.kind, data.note, now_oslo()
        _audit(session, actor, "save", wish)
        return wish_read(wish, locked=False)


@when_free
def delete_wish(session: Session, *, actor: Actor, wish_id: int) -> WishRead:
    """LV-WISH — a wish removed, until a roster covering its day is published."""
    with write_transaction(session):
        wish, _ = _own_wish(session, actor, wish_id)
        gone = wish_read(wish, locked=False)
        _audit(session, actor, "delete", wish)
        session.delete(wish)
        return gone


def _scheme_wishes(session: Session, scheme: Scheme, doctor: Doctor, today: date) -> SchemeWishes:
    published = queries.published_periods(session, scheme_id=scheme.id, since=today)
    open_from = today + timedelta(days=1)
    for period in published:
        if period.contains(open_from) and period.end is not None:
            open_from = period.end + timedelta(days=1)
    mine = queries.wishes(session, scheme_id=scheme.id, doctor_id=doctor.id, since=today + timedelta(days=1))
    periods = []
    for half in sorted({rules.half_year(w.day) for w in mine}, key=lambda p: p.start):
        inside = [w for w in mine if half.contains(w.day)]
        counts = rules.month_counts([w.day for w in inside], lambda month: max_per_month(scheme, month))
        assert half.end is not None
        periods.append(
            PeriodRead(
                name=rules.half_year_name(half),
                start=half.start,
                end=half.end,
                wishes=[wish_read(w, locked=bool(rules.locked_problems(w.day, published))) for w in inside],
                months=[month_read(c) for c in counts],
            )
        )
    return SchemeWishes(
        scheme_id=scheme.id,
        scheme_name=scheme.name,
        max_per_month=max_per_month(scheme, open_from),
        open_from=open_from,
        published=[rules.period_name(p) for p in published],
        periods=periods,
        count=len(mine),
    )


def my_wishes(session: Session, *, actor: Actor, doctor_id: int | None = None) -> list[SchemeWishes]:
    """LV-WISH — per scheme the GP takes part in from tomorrow on: the wishes not yet in a published
    roster, per coming half-year with each month's count and what is left. Also the panel on Min side."""
    with session.begin():
        doctor = _own_doctor(session, actor, doctor_id)
        today = today_oslo()
        schemes = {
            p.scheme_id: p.scheme
            for p in queries.participations(session, doctor_id=doctor.id)
            if p.end is None or p.end > today
        }
        return [_scheme_wishes(session, s, doctor, today) for s in schemes.values()]


def scheme_wishes(session: Session, *, actor: Actor, scheme_id: int) -> SchemeWishList:
    """LV-WISH — every participant's wishes for the scheme's coming rosters, with their notes: what the
    kommuneoverlege sees before solving."""
    auth_service.require(actor, "roster.solve")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        today = today_oslo()
        published = queries.published_periods(session, scheme_id=scheme.id, since=today)
        found = queries.wishes(session, scheme_id=scheme.id, since=today + timedelta(days=1))
        return SchemeWishList(
            scheme_id=scheme.id,
            scheme_name=scheme.name,
            max_per_month=max_per_month(scheme, today + timedelta(days=1)),
            own_number=scheme.max_wishes_per_month is not None,
            wishes=[wish_read(w, locked=bool(rules.locked_problems(w.day, published))) for w in found],
        )


def roster_wishes(session: Session, *, actor: Actor, roster_id: int) -> list[DoctorWishes]:
    """LV-WISH — per doctor the wishes the roster was solved with and whether the roster (as it stands now)
    meets them: every doctor's for those who solve rosters, a GP's own for the GP, none for others."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        roster = scope.row(session, actor, Roster, roster_id, missing=f"Vaktliste {roster_id} finnes ikke.")
        problem = roster.job.problem
        requests = [
            rp.Request(r["participant"], date.fromisoformat(r["day"]), r["wants"], r.get("template"))
            for r in problem.get("requests", [])
        ]
        worked: dict[tuple[str, date], set[str]] = defaultdict(set)
        for shift in roster.assignments:
            if shift.doctor is not None:
                worked[shift.doctor.hpr_number, shift.on].add(shift.template)
        shown = None if auth_rules.can(actor, "roster.solve") else _own_hpr(session, actor)
        names = {p["key"]: p["name"] for p in problem.get("participants", [])}
        found = [
            doctor_wishes(key, names.get(key, key), outcomes)
            for key, outcomes in rules.roster_outcomes(requests, worked).items()
            if shown is None or key == shown
        ]
        return sorted(found, key=lambda d: d.name)


def _own_hpr(session: Session, actor: Actor) -> str:
    """The GP's own HPR number; "" (no one's) for a user who is not a GP."""
    if actor.doctor_id is None:
        return ""
    return scope.doctor(session, actor, actor.doctor_id).hpr_number
