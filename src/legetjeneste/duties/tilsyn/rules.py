"""Tilsyn against the norm as pure functions (TILSYN-NORM, TILSYN-BED-TYPES, TILSYN-LV-SHARE): the norm in
force for a unit on a day, planned against norm per unit and in total, the hours legevakt covers, and which
units need daily follow-up (TILSYN-COVER; what stands uncovered is in cover/rules.py)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from legetjeneste.errors import Rule

NORM = Rule("TILSYN-NORM", "VEFSN Vedlegg 1")
BED_TYPES_RULE = Rule("TILSYN-BED-TYPES", "VEFSN 7.2")
LV_SHARE = Rule("TILSYN-LV-SHARE", "VEFSN 7.2")
BED_TYPES = {
    "langtid": "Langtidsplasser",
    "korttid": "Korttidsplasser",
    "ohd_rehab": "ØHD og rehabilitering",
    "lindrende": "Lindrende og palliative plasser",
    "demens": "Demens",
    "other": "Annet",
}
# TILSYN-COVER: units that need daily doctor follow-up all year (VEFSN 8.1.2).
DAILY_FOLLOW_UP = frozenset({"ohd_rehab", "korttid", "lindrende"})
HOURS_A_WEEK = Decimal(168)
CENT = Decimal("0.01")


def needs_daily_follow_up(bed_type: str) -> bool:
    """TILSYN-COVER, VEFSN 8.1.2 — ØHD, korttid and lindrende units need a doctor every planned day."""
    return bed_type in DAILY_FOLLOW_UP


def norm_on(norms: Iterable[tuple[date, Decimal, str]], day: date) -> tuple[Decimal, str] | None:
    """TILSYN-NORM, VEFSN Vedlegg 1 — the unit's norm (hours, source) in force on the day; None when it has
    none (the unit then counts in planned hours only)."""
    found = [(since, hours, source) for since, hours, source in norms if since <= day]
    if not found:
        return None
    _, hours, source = max(found, key=lambda n: n[0])
    return hours, source


@dataclass(frozen=True)
class Comparison:
    """Planned against norm: the difference (negative: below the norm) and the share of the norm."""

    planned: Decimal
    norm: Decimal | None
    difference: Decimal | None
    share: Decimal | None


def compare(planned: Decimal, norm: Decimal | None) -> Comparison:
    """TILSYN-NORM — planned hours against the norm; without a norm, planned only."""
    if norm is None:
        return Comparison(planned, None, None, None)
    share = (planned / norm * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) if norm else None
    return Comparison(planned, norm, planned - norm, share)


@dataclass(frozen=True)
class Totals:
    planned: Decimal
    planned_with_norm: Decimal
    norm: Decimal
    difference: Decimal
    share: Decimal | None


def totals(units: Sequence[tuple[Decimal, Decimal | None]]) -> Totals:
    """TILSYN-NORM (interpretation) — in total: all planned hours; the comparison only over units that have a
    norm (a unit without one stays out of it)."""
    planned = sum((p for p, _ in units), Decimal(0))
    with_norm = [(p, n) for p, n in units if n is not None]
    planned_with_norm = sum((p for p, _ in with_norm), Decimal(0))
    norm = sum((n for _, n in with_norm), Decimal(0))
    found = compare(planned_with_norm, norm if with_norm else None)
    return Totals(planned, planned_with_norm, norm, found.difference or Decimal(0), found.share)


def legevakt_share(legevakt_hours: Decimal) -> Decimal:
    """TILSYN-LV-SHARE, VEFSN 7.2 — the share of the week's 168 hours legevakt covers the institutions."""
    return (legevakt_hours / HOURS_A_WEEK * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
