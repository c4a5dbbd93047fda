"""AGR-BREACH, ASA 4310 § 15: withholding basistilskudd for a breach of the agreement, and paying it out."""

from datetime import date
from decimal import Decimal

from legetjeneste.money import to_ore
from legetjeneste.norwegian import day_text
from legetjeneste.payments.rules import WITHHELD_PAYOUT, WITHHOLDING, Line, Payee, kr


def withholding_line(
    *,
    agreement_id: int,
    payee: Payee,
    basistilskudd: Decimal,
    percentage: Decimal,
    case_id: int,
    decided: date,
) -> Line:
    """AGR-BREACH, ASA 4310 § 15 — after written notice and warning, up to 20 % of the month's
    basistilskudd is held back each month until the breach is rectified (an enkeltvedtak)."""
    amount = to_ore(basistilskudd * percentage / 100)
    text = (
        f"Tilbakeholdt {percentage} % av basistilskuddet {kr(basistilskudd)} "
        f"etter vedtak {day_text(decided)} "
        f"om mislighold (sak {case_id}) = {kr(amount)}"
    )
    return Line(
        agreement_id, payee, WITHHOLDING, -amount, "AGR-BREACH", "ASA 4310 § 15", text, {"case_id": case_id}
    )


def payout_line(*, agreement_id: int, payee: Payee, withheld: Decimal, case_id: int, rectified: date) -> Line:
    """AGR-BREACH, ASA 4310 § 15 — on rectification full basistilskudd resumes and the withheld is paid."""
    text = (
        f"Utbetaling av tilbakeholdt basistilskudd etter retting {day_text(rectified)} "
        f"(sak {case_id}): {kr(withheld)}"
    )
    return Line(
        agreement_id,
        payee,
        WITHHELD_PAYOUT,
        withheld,
        "AGR-BREACH",
        "ASA 4310 § 15",
        text,
        {"case_id": case_id},
    )
