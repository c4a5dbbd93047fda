"""E-mail of notices as plain data and pure functions: which kinds reach a user by e-mail unless they choose
otherwise, when a failed delivery is tried again, and what the e-mail says (docs/adr/0012)."""

from collections.abc import Mapping
from datetime import datetime, timedelta

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
STATUS_NAMES_NB = {PENDING: "Venter", SENDING: "Sendes nå", SENT: "Sendt", FAILED: "Feilet"}

#: MAIL-DEFAULTS — the kinds that reach a user by e-mail until they choose otherwise: those with a deadline
#: or a decision the user must act on in time (an appeal, a swap to answer, a deadline of their own, a meeting
#: to attend: the committees' invitations, ALU-MEMBERS «møteplikt»).
BY_EMAIL_BY_DEFAULT = frozenset({"decision_letter", "swap", "deadline", "committee_meeting"})

#: MAIL-RETRY — how long to wait after the first, second, third and fourth failed attempt …
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
#: … and the fifth failed attempt is the last: the e-mail has then failed.
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
#: A mail claimed by a sender this long ago without an outcome lost its sender (a crash mid-delivery).
SENDING_LOST_AFTER = timedelta(minutes=10)
LOST_TEXT = "Sendingen ble avbrutt (tjenesten stoppet); utfallet er ukjent."


def is_by_email(kind: str, choices: Mapping[str, bool]) -> bool:
    """MAIL-DEFAULTS — whether a notice of `kind` reaches the user by e-mail: their own choice for the kind
    when they made one, else the default (on for decision letters, swaps and deadlines)."""
    if kind in choices:
        return choices[kind]
    return kind in BY_EMAIL_BY_DEFAULT


def next_attempt_at(*, attempts: int, failed_at: datetime) -> datetime | None:
    """MAIL-RETRY — after the `attempts`-th attempt failed at `failed_at`: when to try again (1 min, 5 min,
    30 min, 2 h later), or None when that was the last of MAX_ATTEMPTS and the e-mail has failed."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return failed_at + RETRY_DELAYS[max(attempts, 1) - 1]


def notice_url(base_url: str, notice_id: int) -> str:
    """Where the notice is read on the server."""
    return f"{base_url.rstrip('/')}/innboks/{notice_id}"


def email_body(*, kind_name: str, url: str) -> str:
    """MAIL-CONTENT — the e-mail says that a message of what kind is in the inbox, and links to it; never
    the message itself (e-mail is not a secure channel for health data or a decision's contents, Normen)."""
    return (
        "Du har fått en ny melding i innboksen din i legetjenesten.\n"
        f"Type melding: {kind_name}.\n"
        "\n"
        f"Les den her (du må logge inn): {url}\n"
        "\n"
        "Av hensyn til personvernet står innholdet bare i innboksen, ikke i e-posten.\n"
        "Hvilke meldinger du får varsel om på e-post, velger du under «Innboks» → «Varsler på e-post».\n"
    )


def clipped(text: str, most: int = 1000) -> str:
    """A reply or error as the delivery log keeps it (at most `most` characters)."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"
