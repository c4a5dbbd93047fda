"""PAY-FOUR-EYES in the payment tests: Vefsn switches four eyes off where a test's one person computes and
approves (tests/payments/settings covers four eyes itself)."""

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.payments.settings import service as settings_service
from legetjeneste.payments.settings.schemas import PaymentSettingsUpdate


def one_person_may_approve(session, number: str = "1824") -> None:
    """The municipality switches four eyes off, so one person computes and approves."""
    settings_service.update_settings(
        session, actor=SYSTEM, municipality_number=number, data=PaymentSettingsUpdate(four_eyes=False)
    )
