"""The job kind `threats.assign` (jobs/kinds.py), queued once a day: the daily assignment after the patients'
deadlines (THREAT-DEADLINE). Each case moves in its own transaction and a moved case is not due again, so a
second run on the same day assigns no one twice. A job's payload may name one municipality
(`municipality_number`) and a day (`day`, ISO); without a day it is Oslo's today."""

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens.threats.decision import service
from legetjeneste.dates import today_oslo
from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    """Today's assignments in every municipality (or the one named): the cases moved, each with its rule."""
    day = date.fromisoformat(job.payload["day"]) if job.payload.get("day") else today_oslo()
    with factory() as session:
        done = service.assign_due(session, actor=SYSTEM, municipality_number=job.municipality_number, on=day)
    progress({"assigned": len(done)})
    return {"day": day.isoformat(), "assigned": done}
