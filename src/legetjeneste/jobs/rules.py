"""When a job counts as alive, when it may start, whose process is gone, and how a job's state is told:
pure, no database."""

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from legetjeneste.errors import DomainError, ValidationFailed

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
#: A worker beats the heartbeat of its running job this often …
HEARTBEAT_EVERY = timedelta(seconds=10)
#: … so a running job whose heartbeat is older than this has lost its worker (a crash, a restart).
STALE_AFTER = timedelta(seconds=60)
STOPPED = "Tjenesten ble stoppet mens jobben kjørte. Start den på nytt."


def is_alive(*, status: str, heartbeat_at: datetime | None, now: datetime) -> bool:
    """Whether a worker still runs the job: running, with a heartbeat newer than STALE_AFTER."""
    return status == RUNNING and heartbeat_at is not None and now - heartbeat_at <= STALE_AFTER


def is_pending(*, status: str, claimed_by: str | None, heartbeat_at: datetime | None, now: datetime) -> bool:
    """Whether the job is still in the queue's or a worker's hands: running and alive, queued for any
    worker, or queued for the caller that waits for its turn (and beats its heartbeat while it waits)."""
    if status == QUEUED:
        return claimed_by is None or (heartbeat_at is not None and now - heartbeat_at <= STALE_AFTER)
    return is_alive(status=status, heartbeat_at=heartbeat_at, now=now)


def may_start(*, job_id: int, head: Sequence[tuple[int, bool]], running: int, limit: int) -> bool:
    """JOBS-LIMIT — a job starts only while fewer than `limit` jobs run, and only when no more jobs wait
    before it than there are free places. `head`: the oldest queued jobs in order, as (id, whether a
    caller waits for it to run it itself)."""
    return job_id in [found for found, _ in head[: max(limit - running, 0)]]


def next_to_start(*, head: Sequence[tuple[int, bool]], running: int, limit: int) -> int | None:
    """JOBS-LIMIT — the job a worker may start: the oldest within the free places that no caller waits
    for (that one the caller starts itself); None when every place is taken."""
    return next((found for found, waited_for in head[: max(limit - running, 0)] if not waited_for), None)


def queue_text(ahead: int) -> str:
    """What the caller that waits for its job's turn is told."""
    if ahead == 0:
        return "I kø – ingen jobber før denne; venter på at en jobb som kjører blir ferdig"
    return f"I kø – {ahead} {'jobb' if ahead == 1 else 'jobber'} før denne"


def over_budget_text(seconds: float) -> str:
    """Why a job that ran past its budget (its time limit and a margin) was stopped."""
    seconds_text = f"{seconds:g}".replace(".", ",")
    return (
        f"Jobben ble stoppet fordi den brukte mer enn {seconds_text} sekunder, som er tidsgrensen med "
        "margin. Start den på nytt, gjerne med kortere tidsgrense eller kortere periode."
    )


def holder(claimed_by: str | None) -> tuple[str, int] | None:
    """The host and process id in a worker's identity (`host:pid:role:tag`); None when it has none."""
    parts = (claimed_by or "").split(":")
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1])


def is_gone(claimed_by: str | None, *, host: str, process_exists: Callable[[int], bool]) -> bool:
    """Whether the job's claimer is a process on this host (`host` includes the process namespace, so a
    container never judges another's processes) that no longer exists."""
    found = holder(claimed_by)
    return found is not None and found[0] == host and not process_exists(found[1])


def error_text(error: Exception) -> str:
    """Our own errors in their Norwegian words with the rule and every problem; anything else by name."""
    if isinstance(error, ValidationFailed):
        return f"{error.message}: " + "; ".join(str(p) for p in error.problems)
    if isinstance(error, DomainError):
        return error.message + (f" ({error.rule_id})" if error.rule_id else "")
    return f"Uventet feil ({type(error).__name__}: {error})"
