"""PAY-MONTHLY — a run is approved once, as the computation its approver saw, and an approved run never
changes (docs/adr/0010): the refusals, with who did what and when."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from legetjeneste.dates import OSLO
from legetjeneste.errors import Conflict, Rule, RuleViolation
from legetjeneste.norwegian import account_number, day_text, number
from legetjeneste.payments.runs.rules.lines import month_name

PAY_MONTHLY = Rule("PAY-MONTHLY", "ASA 4310 § 8.1")
APPROVED, DRAFT = "approved", "draft"


def when_text(at: datetime) -> str:
    """«3. desember 2026 kl. 14.05», in Oslo time (a time without a zone is taken as Oslo time)."""
    local = at.astimezone(OSLO) if at.tzinfo else at
    return f"{day_text(local.date())} kl. {local:%H.%M}"


def _conflict(message: str) -> Conflict:
    return Conflict(message, rule_id=PAY_MONTHLY.id, citation=PAY_MONTHLY.citation)


def refuse_if_approved(
    *,
    month: date,
    status: str,
    approved_by: str | None,
    approved_at: datetime | None,
    approving: bool = False,
) -> None:
    """PAY-MONTHLY — an approved run is neither approved again nor computed again."""
    if status != APPROVED:
        return
    by = f"{approved_by} {when_text(approved_at)}" if approved_at else str(approved_by)
    if approving:
        raise _conflict(
            f"Kjøringen for {month_name(month)} er allerede godkjent av {by}. En godkjent kjøring endres "
            "aldri; endringer kommer som korreksjon i en senere måneds kjøring (PAY-MONTHLY)."
        )
    raise _conflict(
        f"Kjøringen for {month_name(month)} er godkjent og kan ikke endres (godkjent av {by}); endringer "
        "kommer som korreksjon i en senere måneds kjøring (PAY-MONTHLY)."
    )


def refuse_if_recomputed(
    *, month: date, seen: int | None, version: int, computed_by: str, computed_at: datetime
) -> None:
    """PAY-MONTHLY — the approver approves the computation they saw (`seen`), not one made since; without
    `seen` the latest computation is approved."""
    if seen is None or seen == version:
        return
    raise _conflict(
        f"Kjøringen for {month_name(month)} er beregnet på nytt av {computed_by} {when_text(computed_at)}, "
        "etter at du så den. Se gjennom den nye beregningen før du godkjenner (PAY-MONTHLY)."
    )


def changed_meanwhile() -> Conflict:
    """What a client hears if the run changed between its check and its write, which the run's lock
    should make impossible; the database's conditional update is the last guard."""
    return _conflict("Kjøringen ble endret samtidig av en annen. Ingenting ble lagret; prøv igjen.")


@dataclass(frozen=True)
class SpecNotice:
    subject: str
    body: str
    rule_id: str = PAY_MONTHLY.id


def payee_totals(lines: Iterable[tuple[int | None, Decimal]]) -> dict[int, Decimal]:
    """PAY-MONTHLY, ASA 4310 § 8.1 — the doctors an approved run pays, each with their total: those with a
    line of an amount other than zero (a salaried GP's line is zero, PAY-SALARIED)."""
    pairs = list(lines)
    paid = {doctor for doctor, amount in pairs if doctor is not None and amount != 0}
    totals = dict.fromkeys(sorted(paid), Decimal("0.00"))
    for doctor, amount in pairs:
        if doctor in totals:
            totals[doctor] += amount
    return totals


def spec_notice(*, month: date, due: date, total: Decimal) -> SpecNotice:
    """PAY-MONTHLY, ASA 4310 § 8.1 — what a paid doctor hears when the month's run is approved."""
    return SpecNotice(
        subject=f"Utbetalingsspesifikasjonen for {month_name(month)} er klar",
        body=(
            f"Kommunen har godkjent basistilskuddet for {month_name(month)}: {number(total, 2)} kr til deg, "
            f"med forfall {day_text(due)}. Spesifikasjonen viser hver linje med regelen den følger "
            "(PAY-MONTHLY, ASA 4310 § 8.1)."
        ),
    )


PAY_FOUR_EYES = Rule("PAY-FOUR-EYES", "kommunens innstilling for godkjenning")


def refuse_if_same_person(*, four_eyes: bool, approver: str, computed_by: str, month: date) -> None:
    """PAY-FOUR-EYES (project rule) — when the municipality asks for four eyes (its setting, on by
    default), the person who approves a run may not be the one who computed it last: money leaves the
    municipality only after two people have seen it. Off, one person may compute and approve."""
    if four_eyes and approver.casefold() == computed_by.casefold():
        raise RuleViolation.of(
            PAY_FOUR_EYES,
            f"Du beregnet kjøringen for {month_name(month)} selv, og kommunen krever at en annen person "
            "godkjenner den (fire øyne). Be en kollega med rett til å godkjenne utbetalinger om å "
            "kontrollere og godkjenne kjøringen (PAY-FOUR-EYES).",
        )


@dataclass(frozen=True)
class ApprovalWarning:
    text: str
    rule_id: str


def approval_warnings(
    *,
    total: Decimal,
    due: date,
    today: date,
    accounts: Iterable[tuple[str, str | None]],
    four_eyes: bool,
    computed_by: str,
    viewer: str,
) -> list[ApprovalWarning]:
    """PAY-MONTHLY, ASA 4310 § 8.1 — what to know before approving a draft: a total of zero, a due date
    already passed, two payees with one account number, and who may approve (PAY-FOUR-EYES)."""
    found = []
    if total == 0:
        found.append(
            ApprovalWarning(
                "Kjøringen er på 0 kr. Kontroller at listetall og avtaler er registrert.", PAY_MONTHLY.id
            )
        )
    if due < today:
        found.append(
            ApprovalWarning(
                f"Forfallsdatoen {day_text(due)} er passert. Utbetalingen kommer for sent til legene.",
                PAY_MONTHLY.id,
            )
        )
    for account, names in _shared_accounts(accounts).items():
        found.append(
            ApprovalWarning(
                f"{' og '.join(names)} har samme kontonummer ({account_number(account)}). Kontroller at "
                "det er riktig før du godkjenner.",
                PAY_MONTHLY.id,
            )
        )
    if four_eyes and viewer.casefold() == computed_by.casefold():
        found.append(
            ApprovalWarning(
                "Du beregnet kjøringen selv. Kommunen krever at en annen person godkjenner den.",
                PAY_FOUR_EYES.id,
            )
        )
    return found


def _shared_accounts(accounts: Iterable[tuple[str, str | None]]) -> dict[str, list[str]]:
    """Account numbers held by more than one payee, with the payees' names."""
    by_account: dict[str, list[str]] = {}
    for name, account in accounts:
        if account:
            by_account.setdefault(account.replace(".", "").replace(" ", ""), []).append(name)
    return {account: names for account, names in by_account.items() if len(set(names)) > 1}
