"""The kinds of notice a user can receive, with the Norwegian name the user chooses e-mail by; how a
notice's link and time are shown."""

from datetime import datetime

from legetjeneste.dates import OSLO
from legetjeneste.norwegian import day_text

KINDS: dict[str, str] = {
    "decision_letter": "Vedtaksbrev til meg",
    "roster_changed": "En vaktliste der jeg har vakter, er publisert eller endret",
    "swap": "Et vaktbytte er foreslått til meg eller avgjort",
    "vacancy": "En ledig vakt jeg kan ta",
    "payment_spec": "Min utbetalingsspesifikasjon er klar",
    "deadline": "En frist i min sak er innen 14 dager",
    "citizen_letter": "Brev om fastlegen min (bytte, venteliste, ny liste)",
}


def register_kind(kind: str, name: str) -> None:
    """Add a kind (a later feature's: meeting invitations, duty orders, a place opening)."""
    KINDS[kind] = name


def is_kind(kind: str) -> bool:
    return kind in KINDS


def safe_link(link: str) -> str:
    """A notice's link as it may be followed: a path on this server, never another site or a script."""
    return link if link.startswith("/") and not link.startswith("//") and "\\" not in link else ""


def moment_text(value: datetime | None) -> str:
    """An instant as read in Oslo: «4. desember 2026 kl. 14.05»; «–» for none."""
    if value is None:
        return "–"
    local = value.astimezone(OSLO)
    return f"{day_text(local.date())} kl. {local:%H.%M}"
