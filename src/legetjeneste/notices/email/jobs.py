"""Delivering e-mail as a job kind (jobs/kinds.py names `run`): what is due in the outbox, sent now."""

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.notices.email import service


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    with factory() as session:
        return service.deliver_due(session).model_dump()
