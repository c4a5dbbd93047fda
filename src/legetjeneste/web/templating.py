"""One Jinja2 environment: web/templates for the layout, each feature's templates/ under its name."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from babel.dates import format_date
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, select_autoescape

from legetjeneste.auth.rules import ROLE_NAMES_NB
from legetjeneste.dates import WEEKDAY_NAMES_NB
from legetjeneste.registry import labels

PACKAGE = Path(__file__).resolve().parents[1]
FEATURES = (
    "auth",
    "registry",
    "planning",
    "municipality_file",
    "absence",
    "payments",
    "lifecycle",
    "legevakt",
)


def nb_number(value: int | Decimal | float | None, decimals: int = 0) -> str:
    """1 234 567 with a thin non-breaking space, as Norwegian typography writes it; «–» for no value."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return text.replace("-", "−")


def nb_date(value: date | None, style: str = "long") -> str:
    return format_date(value, format=style, locale="nb_NO") if value else "–"


def weekdays_nb(codes: list[str]) -> str:
    return ", ".join(WEEKDAY_NAMES_NB.get(code, code) for code in codes)


def _environment() -> Environment:
    loader = ChoiceLoader(
        [
            FileSystemLoader(PACKAGE / "web" / "templates"),
            PrefixLoader({name: FileSystemLoader(PACKAGE / name / "templates") for name in FEATURES}),
        ]
    )
    env = Environment(loader=loader, autoescape=select_autoescape(["html"]))
    env.filters.update(nb_number=nb_number, nb_date=nb_date, weekdays_nb=weekdays_nb)
    env.globals.update(
        labels=labels,
        role_names=ROLE_NAMES_NB,
        weekday_names=WEEKDAY_NAMES_NB,
    )
    return env


templates = Jinja2Templates(env=_environment())
