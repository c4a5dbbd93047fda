"""Published rosters as files: the calendar feeds per scheme and per doctor (every read audited), the CSV
and the printable month."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import NotFound
from legetjeneste.legevakt.feeds import rules
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.rosters import schemas as roster_schemas
from legetjeneste.legevakt.rosters.models import Roster
from legetjeneste.legevakt.schemes.models import Scheme


def _roster(session: Session, actor: Actor, roster_id: int) -> Roster:
    return scope.row(session, actor, Roster, roster_id, missing=f"Vaktliste {roster_id} finnes ikke.")


FEED_HISTORY_DAYS = 365


def scheme_calendar(session: Session, *, actor: Actor, scheme_id: int, now: datetime | None = None) -> bytes:
    """The scheme's published shifts from a year back on, with the doctor of each, as an iCalendar feed."""
    auth_service.require(actor, "legevakt.read")
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        since = stamp.date() - timedelta(FEED_HISTORY_DAYS)
        found = roster_queries.published_assignments(session, since=since, scheme_id=scheme.id)
        _audit_feed(session, actor, found, scheme.municipality_number)
        shifts = [rules.feed_shift(a, scheme.name) for a in found]
        return rules.roster_calendar(scheme.name, shifts, stamp=stamp, with_doctor=True)


def doctor_calendar(session: Session, *, actor: Actor, doctor_id: int, now: datetime | None = None) -> bytes:
    """One doctor's published shifts in every scheme, from a year back on, as an iCalendar feed."""
    auth_service.require(actor, "legevakt.read")
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        since = stamp.date() - timedelta(FEED_HISTORY_DAYS)
        found = roster_queries.published_assignments(session, since=since, doctor_id=doctor.id)
        _audit_feed(session, actor, found, doctor.municipality_number)
        shifts = [rules.feed_shift(a, a.roster.scheme.name) for a in found]
        return rules.roster_calendar(doctor.full_name, shifts, stamp=stamp, with_doctor=False)


def _audit_feed(session: Session, actor: Actor, found: list, municipality_number: str) -> None:
    """Who read which shifts (with their doctors) through a calendar feed."""
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="roster_assignment",
        record_ids=[a.id for a in found],
        municipality_number=municipality_number,
        detail={"view": "calendar"},
    )


def roster_csv(session: Session, *, actor: Actor, roster_id: int) -> tuple[str, str]:
    """The roster as CSV (Dato;Vakt;Fra;Til;Lege;HPR-nummer;Merknad) and a file name for it."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        roster = _roster(session, actor, roster_id)
        shifts = [rules.feed_shift(a, roster.scheme.name) for a in roster.assignments]
        name = f"vaktliste-{roster.scheme.code}-{roster.start_date}-{roster.end_date}-v{roster.version}.csv"
        return rules.roster_csv(shifts), name


def month_view(session: Session, *, actor: Actor, roster_id: int, month) -> dict:
    """The weeks of one month of the roster with each day's shifts, for printing."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        roster = _roster(session, actor, roster_id)
        if not (roster.start_date.replace(day=1) <= month <= roster.end_date):
            raise NotFound("Måneden er ikke med i vaktlisten.")
        shifts = [rules.feed_shift(a, roster.scheme.name) for a in roster.assignments]
        return {
            "roster": roster_schemas.roster_summary(roster),
            "weeks": rules.month_weeks(month.year, month.month, shifts),
            "month": month,
        }
