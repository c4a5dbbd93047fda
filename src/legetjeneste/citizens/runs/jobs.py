"""The job kind `citizens.runs` (jobs/kinds.py), queued once a day: for every municipality with citizens in
the register, the effective-date run of the month (idempotent: on any day but the 1st it finds the month's
work already done) and then the daily run (CIT-UNASSIGNED, CIT-WAIT-EFFECT). A job's payload
may name one municipality and a day (`municipality_number`, `day`)."""

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens.runs import queries, service
from legetjeneste.dates import today_oslo
from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead


def _municipalities(factory: sessionmaker[Session], job: JobRead) -> list[str]:
    if job.municipality_number:
        return [job.municipality_number]
    with factory() as session, session.begin():
        return queries.municipalities_with_citizens(session)


def _run(use_case, factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    day = date.fromisoformat(job.payload["day"]) if job.payload.get("day") else today_oslo()
    done = {}
    for number in _municipalities(factory, job):
        with factory() as session:
            result = use_case(
                session,
                actor=SYSTEM,
                municipality_number=number,
                on=day,
                job_id=job.id,
                progress=lambda report, n=number: progress({"municipality": n, **report}),
            )
        done[number] = {
            "run_id": result.run_id,
            "moved": result.moved,
            "by_reason": result.by_reason,
            "skipped": result.skipped,
        }
    return {"day": day.isoformat(), "municipalities": done}


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    """The monthly, then the daily run; `kind` in the payload ("daily", "monthly") runs only that one."""
    wanted = job.payload.get("kind")
    done = {}
    if wanted in (None, "monthly"):
        done["monthly"] = _run(service.monthly, factory, job, progress)
    if wanted in (None, "daily"):
        done["daily"] = _run(service.daily, factory, job, progress)
    return done
