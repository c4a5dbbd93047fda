"""When a running job counts as alive, and how a failure is told: pure, no database."""

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


def error_text(error: Exception) -> str:
    """Our own errors in their Norwegian words with the rule and every problem; anything else by name."""
    if isinstance(error, ValidationFailed):
        return f"{error.message}: " + "; ".join(str(p) for p in error.problems)
    if isinstance(error, DomainError):
        return error.message + (f" ({error.rule_id})" if error.rule_id else "")
    return f"Uventet feil ({type(error).__name__}: {error})"
