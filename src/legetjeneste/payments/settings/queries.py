"""Reading and writing a municipality's payment settings; never commits."""

from datetime import datetime

from sqlalchemy.orm import Session

from legetjeneste.payments.settings.models import PaymentSetting


def four_eyes(session: Session, number: str) -> bool:
    """PAY-FOUR-EYES — whether the municipality asks for a second person to approve (on without a row)."""
    found = session.get(PaymentSetting, number)
    return True if found is None else found.four_eyes


def set_four_eyes(session: Session, number: str, *, on: bool, at: datetime, by: str) -> None:
    found = session.get(PaymentSetting, number)
    if found is None:
        session.add(PaymentSetting(municipality_number=number, four_eyes=on, changed_at=at, changed_by=by))
    else:
        found.four_eyes, found.changed_at, found.changed_by = on, at, by
    session.flush()
