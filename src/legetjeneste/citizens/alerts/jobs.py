"""The job kind `citizens.alerts` (jobs/kinds.py): the alert check, once a day and after list changes."""

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.citizens.alerts import service
from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    """Lists that opened or closed and alerts queued as e-mail."""
    with factory() as session:
        return service.check(session).model_dump()
