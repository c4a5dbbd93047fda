"""Switching GP and the waiting list as pure functions (CIT-SWITCH, CIT-CLOSED, CIT-CHILDREN, CIT-RETURN,
CIT-WAIT): when a switch takes effect, whether it is allowed, and on which ground a closed list takes the
citizen."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from legetjeneste.citizens.rules import (
    CIT_CHILDREN,
    CIT_CLOSED,
    CIT_RETURN,
    CIT_SWITCH,
    CIT_WAIT,
    counts_as_switch,
)
from legetjeneste.dates import add_months, first_of_month
from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text


def effective_date(on: date) -> date:
    """CIT-SWITCH, PBR § 6 — a switch takes effect the 1st of the next month."""
    return add_months(first_of_month(on), 1)


class Place(Protocol):
    """A place on a list as the rules read it (a membership)."""

    agreement_id: int
    start: date
    end: date | None
    begin_reason: str


def place_on(history: Sequence[Place], on: date) -> Place | None:
    """The place of the citizen's history (no two overlap) that covers the day, if any."""
    return next((p for p in history if p.start <= on and (p.end is None or p.end >= on)), None)


def switches_in_year(history: Sequence[Place], year: int) -> int:
    """CIT-SWITCH, PBR § 6 — the citizen's moves that count as switches and begin in the calendar year."""
    return sum(1 for p in history if p.start.year == year and counts_as_switch(p.begin_reason))


def last_left(history: Sequence[Place], *, agreement_id: int, before: date) -> date | None:
    """The last day the citizen was on the list before `before` (CIT-CLOSED, CIT-RETURN), if ever."""
    return max(
        (p.end for p in history if p.agreement_id == agreement_id and p.end is not None and p.end < before),
        default=None,
    )


@dataclass(frozen=True)
class Target:
    """What the rules need to know about the list switched to, on the day the switch takes effect. The
    service finds out only what can decide the switch: whether a parent is listed for a child, whether the
    citizen is returning when the list has no room (`switch_ground` asks in that order)."""

    agreement_id: int
    open_places: int  # AGR-OPEN: 0 on a closed or full list
    parent_listed: bool  # a parent the child follows has a place on it (CIT-CHILDREN)
    returning: bool  # a former member who left it within 3 years (CIT-CLOSED) or moved back (CIT-RETURN)


@dataclass(frozen=True)
class Citizen:
    is_child: bool  # under 16 on the day the switch takes effect
    current_agreement_id: int | None
    switches_this_year: int  # counting switches beginning in the year the switch takes effect


def switch_ground(citizen: Citizen, target: Target, *, effective: date, max_switches: int) -> Rule:
    """CIT-SWITCH, PBR § 6 (with CIT-CLOSED, CIT-CHILDREN, CIT-RETURN) — the rule that allows the switch;
    a RuleViolation when none does. The third ordinary switch in a calendar year is refused; a list with
    no room takes a child whose parent is on it, and a former member returning within 3 years."""
    when = day_text(effective)
    if citizen.current_agreement_id == target.agreement_id:
        raise RuleViolation.of(CIT_SWITCH, f"Du står allerede på denne fastlegens liste {when}.")
    if citizen.switches_this_year >= max_switches:
        raise RuleViolation.of(
            CIT_SWITCH,
            f"Du har allerede byttet fastlege {citizen.switches_this_year} ganger i {effective.year}, og "
            f"du kan bytte høyst {max_switches} ganger i et kalenderår. Flytting, at fastlegen slutter, "
            "listereduksjon og vedtak om flytting teller ikke.",
        )
    if citizen.is_child and target.parent_listed:
        return CIT_CHILDREN
    if target.open_places > 0:
        return CIT_SWITCH
    if target.returning:
        return CIT_RETURN if citizen.current_agreement_id is None else CIT_CLOSED
    raise RuleViolation.of(
        CIT_SWITCH,
        f"Fastlegelisten har ikke ledig plass {when}. Du kan sette deg på ventelisten i stedet.",
    )


def waiting_problem(
    *, current_waiting: int | None, target: int, target_open_places: int, on_target: bool
) -> RuleViolation | None:
    """CIT-WAIT, Helsenorge — one waiting list at a time; not for the list one is on, and not for a list with
    room (switch to it instead)."""
    if on_target:
        return RuleViolation.of(CIT_WAIT, "Du står allerede på denne fastlegens liste.")
    if current_waiting == target:
        return RuleViolation.of(CIT_WAIT, "Du står allerede på ventelisten til denne fastlegen.")
    if current_waiting is not None:
        return RuleViolation.of(
            CIT_WAIT,
            "Du kan stå på én venteliste om gangen. Meld deg av den ventelisten du står på, før du "
            "setter deg på en ny.",
        )
    if target_open_places > 0:
        return RuleViolation.of(CIT_WAIT, "Listen har ledig plass: bytt fastlege i stedet for å vente.")
    return None
