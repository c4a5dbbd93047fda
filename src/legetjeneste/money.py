"""Money is Decimal kroner, rounded to øre in one place."""

from decimal import ROUND_HALF_UP, Decimal

ORE = Decimal("0.01")


def to_ore(amount: Decimal) -> Decimal:
    """Round once, at the end of a line, half up to whole øre."""
    return amount.quantize(ORE, rounding=ROUND_HALF_UP)


def parse_nok(text: str | int | Decimal) -> Decimal:
    return Decimal(str(text))
