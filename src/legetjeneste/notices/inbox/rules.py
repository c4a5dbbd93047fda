"""The kinds of notice a user can receive, with the Norwegian name the user chooses e-mail by."""

KINDS: dict[str, str] = {
    "decision_letter": "Vedtaksbrev til meg",
    "roster_changed": "En vaktliste der jeg har vakter, er publisert eller endret",
    "swap": "Et vaktbytte er foreslått til meg eller avgjort",
    "vacancy": "En ledig vakt jeg kan ta",
    "payment_spec": "Min utbetalingsspesifikasjon er klar",
    "deadline": "En frist i min sak er innen 14 dager",
}


def register_kind(kind: str, name: str) -> None:
    """Add a kind (a later feature's: meeting invitations, duty orders, a place opening)."""
    KINDS[kind] = name


def is_kind(kind: str) -> bool:
    return kind in KINDS
