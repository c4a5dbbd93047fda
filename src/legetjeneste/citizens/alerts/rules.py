"""Alerts as pure functions: the signed links of a subscription, whether an e-mail address looks like one,
which openings a subscription is told about, and the text of the e-mails (item 6)."""

import re
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

#: A confirmation link holds for a week; an unsubscribe link for as long as the subscription.
CONFIRM_MAX_AGE_SECONDS = 7 * 24 * 3600
#: Unconfirmed subscriptions one address may have at once: a page open to anyone must not be a way to
#: send many e-mails to someone else's address.
MAX_UNCONFIRMED_PER_ADDRESS = 5
CONFIRM, UNSUBSCRIBE = "confirm", "unsubscribe"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
BAD_LINK = "Lenken er ugyldig eller utløpt. Be om et nytt varsel på «Finn fastlege»."


def is_email(address: str) -> bool:
    return len(address) <= 254 and _EMAIL.match(address) is not None


def token(secret: str, *, subscription_id: int, purpose: str) -> str:
    """The signed, URL-safe token of a confirmation or unsubscribe link."""
    return URLSafeTimedSerializer(secret, salt=f"alert-{purpose}").dumps(subscription_id)


def subscription_of(secret: str, value: str, *, purpose: str) -> int | None:
    """The subscription a link's token names, or None when it is forged, for another purpose, or (for a
    confirmation) older than a week."""
    serializer = URLSafeTimedSerializer(secret, salt=f"alert-{purpose}")
    max_age = CONFIRM_MAX_AGE_SECONDS if purpose == CONFIRM else None
    try:
        found = serializer.loads(value, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return None
    return found if isinstance(found, int) else None


@dataclass(frozen=True)
class Target:
    municipality_number: str
    office_id: int | None
    agreement_id: int | None


@dataclass(frozen=True)
class Opening:
    opening_id: int
    agreement_id: int
    office_id: int
    municipality_number: str
    open_places: int
    doctor_name: str | None
    office_name: str


def covers(target: Target, opening: Opening) -> bool:
    """Whether a subscription to a list, an office or a municipality is about this opening."""
    if target.agreement_id is not None:
        return target.agreement_id == opening.agreement_id
    if target.office_id is not None:
        return target.office_id == opening.office_id
    return target.municipality_number == opening.municipality_number


def confirm_mail(*, what: str, confirm_url: str) -> tuple[str, str]:
    subject = "Bekreft varsel om ledig fastlegeplass"
    body = (
        f"Noen (forhåpentlig du) har bedt om varsel når det blir ledig plass {what}.\n"
        "\n"
        f"Bekreft at du vil ha varselet: {confirm_url}\n"
        "\n"
        "Har du ikke bedt om dette, kan du se bort fra e-posten. Da får du ingen varsler.\n"
    )
    return subject, body


def opening_line(opening: Opening, base_url: str) -> str:
    who = opening.doctor_name or "en liste uten fast lege"
    places = "1 ledig plass" if opening.open_places == 1 else f"{opening.open_places} ledige plasser"
    switch = f"{base_url}/innbygger/bytt?agreement={opening.agreement_id}"
    return f"- {who}, {opening.office_name}: {places}. Bytt til denne legen: {switch}"


def alert_mail(openings: list[Opening], *, base_url: str, unsubscribe_url: str) -> tuple[str, str]:
    subject = "Ledig plass hos fastlege" if len(openings) == 1 else "Ledige plasser hos fastleger"
    lines = "\n".join(opening_line(o, base_url) for o in openings)
    body = (
        "Det er blitt ledig plass på listen du følger med på:\n"
        f"{lines}\n"
        "\n"
        "Plassene fordeles etter tur, så de kan være borte når du prøver. Du må logge inn for å bytte.\n"
        "Vi sier fra én gang hver gang en liste får ledige plasser.\n"
        "\n"
        f"Vil du ikke ha flere varsler? Avslutt her: {unsubscribe_url}\n"
    )
    return subject, body
