"""A job kind for the daily assignment after the patients' deadlines (THREAT-DEADLINE), to be registered in
jobs/kinds.py as `"threats.assign": Kind(run="legetjeneste.citizens.threats.jobs:run", daily=True)`. Until it
is, the kommuneoverlege assigns from the case page (the deadlines overview says when) or the system runs
`legetjeneste threats assign`."""

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens.threats.decision import service
from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    """Today's assignments in every municipality: the cases moved, each with its rule."""
    with factory() as session:
        done = service.assign_due(session, actor=SYSTEM)
    return {"assigned": done}
