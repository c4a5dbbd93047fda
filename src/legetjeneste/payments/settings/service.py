"""Use cases of a municipality's payment settings: read them, switch four eyes on or off (PAY-FOUR-EYES)."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo
from legetjeneste.db import write_transaction
from legetjeneste.payments.settings import queries
from legetjeneste.payments.settings.models import PaymentSetting
from legetjeneste.payments.settings.schemas import PaymentSettingsRead, PaymentSettingsUpdate


def _read(session: Session, number: str) -> PaymentSettingsRead:
    found = session.get(PaymentSetting, number)
    if found is None:
        return PaymentSettingsRead(municipality=number, four_eyes=True)
    return PaymentSettingsRead(
        municipality=number,
        four_eyes=found.four_eyes,
        changed_at=found.changed_at,
        changed_by=found.changed_by,
    )


def get_settings(session: Session, *, actor: Actor, municipality_number: str) -> PaymentSettingsRead:
    auth_service.require(actor, "payments.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return _read(session, municipality_number)


def update_settings(
    session: Session, *, actor: Actor, municipality_number: str, data: PaymentSettingsUpdate
) -> PaymentSettingsRead:
    """PAY-FOUR-EYES — only those who may change the municipality's payment settings switch four eyes off
    or on; the change is audited."""
    auth_service.require(actor, "payments.settings")
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        queries.set_four_eyes(session, municipality_number, on=data.four_eyes, at=now_oslo(), by=actor.email)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="payment_setting",
            record_ids=[],
            municipality_number=municipality_number,
            detail={"four_eyes": data.four_eyes},
        )
        return _read(session, municipality_number)
