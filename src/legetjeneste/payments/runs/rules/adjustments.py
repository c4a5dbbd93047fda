"""PAY-MONTHLY: corrections of an approved run, paid or recovered in a later run."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from legetjeneste.payments.runs.rules.lines import ADJUSTMENT, RECOMPUTABLE, Line, kr, month_name

LineKey = tuple[int | None, str | None, str, str]


def key_of(line: Line) -> LineKey:
    return line.agreement_id, line.payee.hpr_number if line.payee else None, line.kind, line.rule_id


def paid_by_month(lines: Iterable[Any]) -> dict[date, dict[LineKey, Decimal]]:
    """PAY-MONTHLY — per month, what approved runs paid for it: the month's own lines and the later
    corrections that refer to it. `lines` are the approved runs' lines with their run's `month`, in order."""
    paid: dict[date, dict[LineKey, Decimal]] = defaultdict(dict)
    for line in lines:
        if line.kind in RECOMPUTABLE:
            month, key = line.month, (line.agreement_id, line.payee_hpr, line.kind, line.rule_id)
        elif line.kind == ADJUSTMENT and line.refers_to_month is not None:
            kind = line.calculation.get("kind", "")
            month, key = line.refers_to_month, (line.agreement_id, line.payee_hpr, kind, line.rule_id)
        else:
            continue
        paid[month][key] = paid[month].get(key, Decimal(0)) + line.amount
    return paid


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
