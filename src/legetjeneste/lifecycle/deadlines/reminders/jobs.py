"""The job kind `lifecycle.remind` (jobs/kinds.py): the day's deadline reminders for every municipality,
queued once a day by the worker (jobs/worker.py) and run like any job."""

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.lifecycle.deadlines.reminders import service


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    """Today's reminders: how many deadlines were told, were told before, and had no user to tell."""
    with factory() as session:
        done = service.remind(session, actor=SYSTEM)
    return {
        "date": done.on.isoformat(),
        "told": len(done.told),
        "already_told": done.already_told,
        "without_user": done.without_user,
    }
