"""One Jinja2 environment: web/templates for the layout, each feature's templates/ under its name."""

from dataclasses import dataclass
from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, select_autoescape

from legetjeneste import norwegian
from legetjeneste.auth.rules import ROLE_NAMES_NB, Actor, can, can_manage_office
from legetjeneste.dates import WEEKDAY_NAMES_NB
from legetjeneste.features import NavEntry, features
from legetjeneste.registry import labels
from legetjeneste.web.forms import field_id, input_id, problem_text

PACKAGE = Path(__file__).resolve().parents[1]
# Each feature's templates/, found under the feature's name: "absence/list.html".
FEATURES = tuple(feature.name for feature in features() if (PACKAGE / feature.name / "templates").is_dir())

nb_number = norwegian.number
nb_date = norwegian.date_text


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    current: bool


def _href(entry: NavEntry, actor: Actor) -> str | None:
    """Where the entry leads this user, or None when it is not for them."""
    if entry.permission is not None and not can(actor, entry.permission):
        return None
    if entry.needs is not None and getattr(actor, entry.needs) is None:
        return None
    if entry.scope == "municipality":
        return f"/kommuner/{actor.municipality_number}{entry.path}" if actor.municipality_number else None
    if entry.scope == "national":
        return None if actor.municipality_number else entry.path
    return entry.path


def navigation(actor: Actor, path: str) -> list[Link]:
    """The main menu for this user, from the features' entries: only links the user may follow."""
    links = []
    entries = sorted((entry for feature in features() for entry in feature.navigation), key=lambda e: e.order)
    for entry in entries:
        href = _href(entry, actor)
        if href is not None:
            current = path.startswith(href) if entry.prefix else path == href
            links.append(Link(entry.label, href, current))
    return links


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
    env.filters.update(
        nb_number=nb_number, nb_date=nb_date, weekdays_nb=weekdays_nb, account_number=norwegian.account_number
    )
    env.filters.update(nb_month=norwegian.month_text, nb_period=norwegian.open_period_text)
    env.globals.update(
        labels=labels,
        role_names=ROLE_NAMES_NB,
        weekday_names=WEEKDAY_NAMES_NB,
        navigation=navigation,
        field_error_id=field_id,
        field_input_id=input_id,
        problem_text=problem_text,
        # A link is shown only where the user may follow it (DESIGN.md, "Privacy and security"): templates ask
        # `can(actor, "permission")` before linking to a page behind a permission, and
        # `can_manage_office(actor, office_id)` before a page an office administrator has only for their own.
        can=can,
        can_manage_office=can_manage_office,
    )
    return env


templates = Jinja2Templates(env=_environment())
