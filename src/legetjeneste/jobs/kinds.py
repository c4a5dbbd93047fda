"""The kinds of job a worker can run, each named by dotted paths and imported only when run.

`run(session_factory, job, progress)` does the work with sessions of its own (`job` is a JobRead; call
`progress(report)` as it goes: the caller that runs the job here sees each report, and a dict is stored
as the job's progress) and returns a JSON result or None; a DomainError fails the job with its Norwegian
message. `progress` is a jobs.execution.Reporter: `progress.set_budget(seconds)` gives the job its budget
once the kind knows it (else LEGETJENESTE_JOBS_MAX_SECONDS), and a report or `progress.check()` raises
JobStopped once the job ran past it. `stopped(session_factory, job)`, if the kind has one, tells the kind's
own rows that the job was given up (its worker stopped, or it ran past its budget: `job.error` says which).
"""

from dataclasses import dataclass

from legetjeneste.features import resolve


@dataclass(frozen=True)
class Kind:
    """`daily`: the worker queues one job of the kind each day (jobs/worker.py, `Daily`)."""

    run: str
    stopped: str | None = None
    daily: bool = False


KINDS: dict[str, Kind] = {
    "roster.solve": Kind(
        run="legetjeneste.legevakt.rosters.jobs:run",
        stopped="legetjeneste.legevakt.rosters.jobs:stopped",
    ),
    "lifecycle.remind": Kind(run="legetjeneste.lifecycle.deadlines.reminders.jobs:run", daily=True),
    "email.send": Kind(run="legetjeneste.notices.email.jobs:run"),
    "citizens.alerts": Kind(run="legetjeneste.citizens.alerts.jobs:run", daily=True),
    "citizens.runs": Kind(run="legetjeneste.citizens.runs.jobs:run", daily=True),
    # THREAT-DEADLINE: the patients whose deadline has passed get the list named in the decision.
    "threats.assign": Kind(run="legetjeneste.citizens.threats.jobs:run", daily=True),
}


def register(name: str, kind: Kind) -> None:
    """Add a kind (a feature's own, or a test's)."""
    KINDS[name] = kind


def daily() -> list[str]:
    """The kinds the worker queues once a day."""
    return [name for name, kind in KINDS.items() if kind.daily]


def runner(name: str):
    return resolve(KINDS[name].run)


def stopper(name: str):
    kind = KINDS.get(name)
    return resolve(kind.stopped) if kind is not None and kind.stopped else None
