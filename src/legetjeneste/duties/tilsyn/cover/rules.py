"""TILSYN-COVER as pure functions: which planned tilsyn hours stand uncovered per unit and day while the
doctor who holds them is away, and on which days an absent municipal doctor with a function rather than unit
hours (the kommuneoverlege, the smittevernlege) has no named stand-in.

A doctor is any hashable key: the service uses ("gp", id) for a GP in the register and ("municipal", id) for a
municipal doctor outside it, so both are covered the same way."""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from legetjeneste.dates import WEEKDAYS, is_working_day
from legetjeneste.errors import Problem, Rule
from legetjeneste.norwegian import day_text

COVER = Rule("TILSYN-COVER", "VEFSN 8.1–8.3")
STANDIN = Rule("TILSYN-COVER", "VEFSN 8.1.3")
ROLES = {
    "sykehjemslege": "Sykehjemslege",
    "kommuneoverlege": "Kommuneoverlege",
    "smittevernlege": "Smittevernlege",
    "tilsynslege": "Tilsynslege",
}
# VEFSN 8.1.3: the kommuneoverlege and the smittevernlege hold the municipality's medical preparedness and
# have no fixed stand-in; each working day one of them is away, somebody must be named.
STANDIN_ROLES = frozenset({"kommuneoverlege", "smittevernlege"})
Periods = dict[Hashable, list[tuple[date, date]]]


def display_name(name: str, role: str) -> str:
    """«Marte Sjøvik (sykehjemslege)»; the role alone where the name is the role («Sykehjemslege»)."""
    label = ROLES[role]
    return name if name.lower() == label.lower() else f"{name} ({label.lower()})"


def needs_standin(role: str) -> bool:
    """TILSYN-COVER, VEFSN 8.1.3 — the kommuneoverlege's and the smittevernlege's function needs a named
    stand-in every working day they are away."""
    return role in STANDIN_ROLES


def overlap_problems(
    existing: Sequence[tuple[date, date]], *, start: date, end: date, prefix: str = ""
) -> list[Problem]:
    """An absence may not overlap another of the same doctor (one with the same start is replaced)."""
    return [
        Problem(f"{prefix}start", f"overlapper fraværet {day_text(a)}–{day_text(b)}")
        for a, b in existing
        if a != start and a <= end and start <= b
    ]


def _away(periods: Periods, who: Hashable, day: date) -> bool:
    return any(start <= day <= end for start, end in periods.get(who, []))


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@dataclass(frozen=True)
class Planned:
    unit: int
    weekday: str
    hours: Decimal
    doctor: Hashable | None


@dataclass(frozen=True)
class Uncovered:
    unit: int
    day: date
    hours: Decimal
    doctor: Hashable
    substitute: str | None
    needs_daily: bool

    @property
    def warns(self) -> bool:
        """TILSYN-COVER — a unit needing daily follow-up with no named substitute that day."""
        return self.needs_daily and self.substitute is None


def uncovered(
    planned: Sequence[Planned],
    *,
    away: Periods,
    first: date,
    last: date,
    substitutes: dict[tuple[int, date], str],
    daily_units: frozenset[int],
) -> list[Uncovered]:
    """TILSYN-COVER, VEFSN 8.1–8.3 — per unit and day from `first` to `last`: the planned hours of a
    tilsynslege, sykehjemslege or other municipal doctor who is away that day, with the named substitute if
    there is one; a unit needing daily follow-up without one warns."""
    found = []
    for day in _days(first, last):
        weekday = WEEKDAYS[day.weekday()]
        for row in planned:
            if row.doctor is None or row.weekday != weekday or not _away(away, row.doctor, day):
                continue
            substitute = substitutes.get((row.unit, day))
            found.append(Uncovered(row.unit, day, row.hours, row.doctor, substitute, row.unit in daily_units))
    return found


@dataclass(frozen=True)
class Standin:
    doctor: Hashable
    day: date
    substitute: str | None

    @property
    def warns(self) -> bool:
        """TILSYN-COVER, VEFSN 8.1.3 — a working day without a named stand-in."""
        return self.substitute is None


def standins(
    doctors: Sequence[Hashable],
    *,
    away: Periods,
    first: date,
    last: date,
    named: dict[tuple[Hashable, date], str],
) -> list[Standin]:
    """TILSYN-COVER, VEFSN 8.1.3 — per working day (Monday–Friday, public holidays aside) from `first` to
    `last` that one of `doctors` (those whose function needs a stand-in) is away: the named stand-in, if
    any."""
    return [
        Standin(who, day, named.get((who, day)))
        for day in _days(first, last)
        if is_working_day(day)
        for who in doctors
        if _away(away, who, day)
    ]
