"""What a GP is told about their own life-cycle requests before and after sending them (AGR-NOTICE,
AGR-LISTREDUCE, AGR-DELELISTE): the consequence of a notice, and the next step of a case. Pure: the rules
that allow or refuse a request are those of `lifecycle.rules` (guards, lists), called by the service."""

from datetime import date

from legetjeneste.norwegian import day_text

# The GP's requests: the kind of case each opens and the step that asks for it.
REQUEST_STEPS = {
    "notice": "notice",
    "list_reduction": "list_reduction_request",
    "deleliste": "deleliste_request",
}
REQUEST_TITLES = {
    "notice": "{name} sier opp fastlegeavtale {agreement}",
    "list_reduction": "{name} ber om listereduksjon på fastlegeavtale {agreement}",
    "deleliste": "{name} ber om deleliste på fastlegeavtale {agreement}",
}


def request_title(kind: str, *, name: str, agreement_id: int) -> str:
    """The case's title as the municipality sees it in its list of cases."""
    return REQUEST_TITLES[kind].format(name=name, agreement=agreement_id)


def notice_consequence(*, agreement_id: int, given_on: date, end: date, months: int) -> str:
    """AGR-NOTICE, ASA 4310 § 16 — what a GP's notice means: the agreement ends when the notice period of
    `months` months from the day it is given runs out (`end`, from `guards.check_notice`)."""
    return (
        f"Når du sender oppsigelsen {day_text(given_on)}, sier du opp fastlegeavtale {agreement_id} med "
        f"{months} måneders oppsigelsesfrist. Fristen løper ut {day_text(end)}, og da opphører avtalen din. "
        "Kommunen lyser avtalen ut, og listen går til den som overtar den. Vil du trekke oppsigelsen, må du "
        "avtale det med kommunen (AGR-NOTICE, ASA 4310 § 16)."
    )


def next_step(
    *,
    status: str,
    closed_on: date | None,
    clocks: list[tuple[date, str, str]],
    pending: list[tuple[str, str]],
) -> str:
    """The next step of a case as the GP sees it: the earliest open clock (due, who, what), else the first
    step not yet done (who, what), else that the municipality handles it."""
    if status == "closed":
        return f"Saken ble avsluttet {day_text(closed_on)}." if closed_on else "Saken er avsluttet."
    if clocks:
        due, who, what = min(clocks)
        return f"{who}: {what} (frist {day_text(due)})."
    if pending:
        who, what = pending[0]
        return f"{who}: {what}."
    return "Kommunen behandler saken."
