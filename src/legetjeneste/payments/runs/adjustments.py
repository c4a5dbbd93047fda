"""PAY-MONTHLY: corrections of an approved run, paid or recovered in a later run."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from legetjeneste.payments.runs.rules import ADJUSTMENT, Line, kr, month_name

LineKey = tuple[int | None, str | None, str, str]


def key_of(line: Line) -> LineKey:
    return line.agreement_id, line.payee.hpr_number if line.payee else None, line.kind, line.rule_id


def adjustments(*, month: date, should: Sequence[Line], paid: dict[LineKey, Decimal]) -> list[Line]:
    """PAY-MONTHLY — a change after a run was approved (a late absence, a corrected count) is paid or
    recovered as an adjusting line in a later run that refers to the original month; what was already
    paid or adjusted for that month is subtracted."""
    totals: dict[LineKey, Decimal] = {}
    examples: dict[LineKey, Line] = {}
    for line in should:
        totals[key_of(line)] = totals.get(key_of(line), Decimal(0)) + line.amount
        examples.setdefault(key_of(line), line)
    result = []
    for key in sorted(set(totals) | set(paid), key=lambda k: tuple(str(part) for part in k)):
        difference = totals.get(key, Decimal(0)) - paid.get(key, Decimal(0))
        if difference == 0:
            continue
        example = examples.get(key)
        agreement_id, _, kind, rule_id = key
        text = (
            f"Korreksjon for {month_name(month)} ({rule_id}): riktig {kr(totals.get(key, Decimal(0)))}, "
            f"utbetalt {kr(paid.get(key, Decimal(0)))}, differanse {kr(difference)}"
            + (f" – {example.text}" if example else "")
        )
        payee = example.payee if example else None
        citation = example.citation if example else ""
        result.append(
            Line(
                agreement_id,
                payee,
                ADJUSTMENT,
                difference,
                rule_id,
                citation,
                text[:1000],
                {"kind": kind},
                refers_to_month=month,
            )
        )
    return result
