"""Rules of roster jobs and publishing as pure functions: when a solve found a roster, when a job no
process moves counts as cut off, and which published roster a draft may replace."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from legetjeneste.dates import OSLO
from legetjeneste.errors import Rule, RuleViolation

ALWAYS = Rule("LV-ALWAYS", "akuttmedisinforskriften § 6")
#: A job queued or running that nothing has moved for its time limit and this long was cut off.
CUT_OFF_AFTER = timedelta(minutes=2)


def aware(moment: datetime) -> datetime:
    """SQLite gives back the Oslo wall-clock time without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


def job_status(
    *, status: str, is_running: bool, last_moved: datetime, time_limit: float, now: datetime
) -> str:
    """The status to show: a job queued or running that no worker runs and that nothing has moved for its
    time limit and CUT_OFF_AFTER was cut off (a restart, a crash) — "cut_off"."""
    if status not in ("queued", "running") or is_running:
        return status
    limit = timedelta(seconds=time_limit) + CUT_OFF_AFTER
    return "cut_off" if now - aware(last_moved) > limit else status


def is_roster_found(*, status: str, assigned: int) -> bool:
    """Whether a solve ended with a roster: a feasible status and at least one shift decided."""
    return status not in ("infeasible", "unknown") and assigned > 0


def require_only_replaced_overlap(*, overlapping: Iterable[tuple[int, int]], replaces: int | None) -> None:
    """LV-ALWAYS, akuttmedisinforskriften § 6 — a draft may be published over the days of a published
    roster only when it re-plans that roster (and then replaces it); a fresh solve over published days
    must be a re-plan instead, so the changes are listed. `overlapping` holds (id, version) pairs."""
    for roster_id, version in overlapping:
        if roster_id != replaces:
            raise RuleViolation.of(
                ALWAYS,
                f"Perioden overlapper den publiserte vaktlisten {roster_id} (versjon {version}). "
                "Planlegg den på nytt i stedet, så blir endringene listet.",
            )
