"""For the vacation tests: start from the demo register without its illustrative absences."""

from sqlalchemy import delete
from sqlalchemy.orm import Session

from legetjeneste.absence.models import Absence, AbsenceAssistant


def without_absences(session: Session) -> None:
    """Remove every absence and absence-assistant entry, so a test sees only the absences it registers."""
    with session.begin():
        session.execute(delete(AbsenceAssistant))
        session.execute(delete(Absence))
