"""Norwegian bokmål for numbers, kroner, dates and lists: the one place that formats them, for pages, PDFs,
the command line and the texts that rules produce alike (Babel's nb_NO where it has the form)."""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency
from stdnum.no import kontonr

from legetjeneste.dates import OSLO, WEEKDAY_NAMES_NB, WEEKDAYS

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip


def day_text(day: date, *, year: bool = True, weekday: bool = False) -> str:
    """«6. juli 2026», «6. juli», or «mandag 27. juli 2026»."""
    text = f"{day.day}. {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")
    return f"{WEEKDAY_NAMES_NB[WEEKDAYS[day.weekday()]]} {text}" if weekday else text


def span_text(start: date, end: date) -> str:
    """«6.–12. juli», «29. juni–5. juli», «28. desember 2026–3. januar 2027»."""
    if start == end:
        return day_text(start, year=False)
    if start.year != end.year:
        return f"{day_text(start)}–{day_text(end)}"
    if start.month != end.month:
        return f"{day_text(start, year=False)}–{day_text(end, year=False)}"
    return f"{start.day}.–{day_text(end, year=False)}"


def period_text(start: date, end: date) -> str:
    """A span with its year: «6.–26. juli 2026», «28. desember 2026–3. januar 2027»."""
    return span_text(start, end) if start.year != end.year else f"{span_text(start, end)} {end.year}"


def month_text(month: date | str) -> str:
    """«desember 2026», for a date in the month or a month written «2026-12»."""
    if isinstance(month, str):
        year, number = (int(part) for part in month.split("-")[:2])
        return f"{MONTHS[number - 1]} {year}"
    return f"{MONTHS[month.month - 1]} {month.year}"


def open_period_text(start: date, end: date | None) -> str:
    """A period that may have no end: «fra 1. desember 2026, uten sluttdato», «fra 1. desember 2026 til
    31. mars 2027»."""
    if end is None:
        return f"fra {day_text(start)}, uten sluttdato"
    return f"fra {day_text(start)} til {day_text(end)}"


def joined(items: Sequence[str]) -> str:
    """«A», «A og B», «A, B og C»."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


def number(value: int | Decimal | float | None, decimals: int = 0) -> str:
    """1 234 567 with a thin non-breaking space, as Norwegian typography writes it; «–» for no value."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return text.replace("-", "−")


def kroner(amount: Decimal) -> str:
    """«84 180,00 kr» (Babel, nb_NO)."""
    return format_currency(amount, "NOK", locale="nb_NO")


def date_text(value: date | None, style: str = "long") -> str:
    """A date in Babel's nb_NO style («3. desember 2026» for long); «–» for no date. An instant (a timestamp,
    held in UTC) is told by its date in Oslo."""
    if isinstance(value, datetime) and value.utcoffset() is not None:
        value = value.astimezone(OSLO).date()
    return format_date(value, format=style, locale="nb_NO") if value else "–"


def account_number(number: str) -> str:
    """«9999.18.24045», as a Norwegian bank account number is written (python-stdnum)."""
    return kontonr.format(number)
