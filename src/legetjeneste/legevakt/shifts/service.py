"""«Mine vakter»: a GP's own shifts of published rosters across every scheme, a month at a time, and the
panel on Min side with the next shifts and the swaps awaiting the GP's answer (LV-SWAP)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import first_of_month, now_oslo, today_oslo
from legetjeneste.errors import Forbidden
from legetjeneste.legevakt.feeds import rules as feed_rules
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.shifts import rules
from legetjeneste.legevakt.swaps import queries as swap_queries
from legetjeneste.legevakt.swaps.schemas import swap_read

NEXT_SHIFTS = 5


def _own(actor: Actor) -> int:
    auth_service.require(actor, "minside.read")
    if actor.doctor_id is None:
        raise Forbidden("Brukeren din er ikke knyttet til en lege i registeret. Kontakt kommunen.")
    return actor.doctor_id


def _line(assignment, now) -> dict:
    shift = feed_rules.feed_shift(assignment, assignment.roster.scheme.name)
    return {
        "id": assignment.id,
        "key": assignment.shift_key,
        "scheme_name": shift.scheme_name,
        "label": shift.label,
        "on": shift.on,
        "time": feed_rules.shift_time_text(shift),
        "version": assignment.roster.version,
        "roster_id": assignment.roster_id,
        "is_future": assignment.starts_at > now,
    }


def my_month(session: Session, *, actor: Actor, month: date) -> dict:
    """The GP's shifts in the month, as a calendar of weeks with their numbers and as a list."""
    me = _own(actor)
    first = first_of_month(month)
    last = rules.last_day(first)
    now = now_oslo().replace(tzinfo=None)
    with session.begin():
        found = [
            a
            for a in roster_queries.published_assignments(session, since=first, doctor_id=me)
            if a.on <= last
        ]
        shifts = [feed_rules.feed_shift(a, a.roster.scheme.name) for a in found]
        before, after = rules.neighbours(first)
        return {
            "month": first,
            "month_name": rules.month_name(first),
            "weeks": rules.month_calendar(first, shifts),
            "shifts": [_line(a, now) for a in found],
            "previous": before,
            "next": after,
            "previous_name": rules.month_name(before),
            "next_name": rules.month_name(after),
        }


def panel(session: Session, *, actor: Actor, doctor_id: int | None) -> dict:
    """Min side: the GP's next shifts of published rosters and the swaps awaiting their answer."""
    me = _own(actor)
    now = now_oslo().replace(tzinfo=None)
    with session.begin():
        found = roster_queries.published_assignments(session, since=today_oslo(), doctor_id=me)
        schemes = swap_queries.schemes_of_doctor(session, doctor_id=me)
        swaps = swap_queries.swaps_of_doctor(session, doctor_id=me, scheme_ids=schemes, since=today_oslo())
        return {
            "shifts": [_line(a, now) for a in found if a.ends_at > now][:NEXT_SHIFTS],
            "to_answer": [r for r in (swap_read(s, me=me) for s in swaps) if r.can_accept],
            "waiting": [r for r in (swap_read(s, me=me) for s in swaps) if r.can_withdraw],
        }
