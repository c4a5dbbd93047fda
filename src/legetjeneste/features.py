"""What a feature declares about itself, and finding every feature.

Each feature package has a `feature.py` with one `FEATURE = Feature(...)`. `main.py` mounts its routers,
`cli.py` adds its commands, the navigation shows its entries, and the municipality file reads and writes its
section — so adding a feature touches no other package. A `feature.py` imports nothing heavy: everything
it names is a dotted path, imported only when used (so `legetjeneste --help` stays fast).
"""

import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import legetjeneste


@dataclass(frozen=True)
class Command:
    """A command of `legetjeneste`: `target` is "module:attribute", a Typer app (a group of commands) or a
    function (one command); `help` is what `legetjeneste --help` shows without importing the module (the first
    paragraph of the command's own help, line breaks included); `order` places it in that list (by default
    after the others, in the features' order)."""

    name: str
    target: str
    help: str
    order: int = 1000


@dataclass(frozen=True)
class NavEntry:
    """A link in the main menu, shown only to users with `permission` (None: every logged-in user) and, when
    `needs` names an attribute of the actor ("doctor_id", "office_id"), only to those for whom it is set.

    `scope` "municipality": `path` is under the user's municipality (/kommuner/{nr}), for users who have one;
    "national": for users without a municipality (the system administrator); "global": for everyone. The link
    is the current page when the path is the page's (or, with `prefix`, begins it)."""

    label: str
    path: str
    order: int
    permission: str | None = None
    scope: str = "municipality"
    prefix: bool = False
    needs: str | None = None


@dataclass(frozen=True)
class Panel:
    """A part a feature adds to another feature's page: on `page` ("municipality" for the overview,
    "agreement", "min_side" for a GP's Min side keyed by `doctor_id`, "office" for Mitt kontor keyed by
    `office_id`, "roster" for a roster version keyed by `roster_id`, "lifecycle_case" for a life-cycle case
    keyed by `case_id`, "list_reduction" for a list reduction's case whose request gives the new listetak,
    keyed by `case_id`, `agreement_id`, `listetak` and `effective_from`), for users with `permission`,
    `target` ("module:function", called with the session, the actor and the page's key as keywords) gives
    the value the page knows as `name`, shown by `template`."""

    page: str
    name: str
    target: str
    template: str
    permission: str


@dataclass(frozen=True)
class DecisionKind:
    """A kind of enkeltvedtak a feature records through `decisions.service.record` (DEC-REASONS): `kind` its
    code, `label` its Norwegian name in letters and lists, and `reverse` ("module:function"), how the deciding
    body reverses one on appeal (DEC-APPEAL). `reverse` is called inside the appeal's transaction as
    `function(session, actor=actor, case_id=..., reasons=..., weighing=...)`: it changes the case and returns
    the new decision's `outcome`, `summary`, `reasons`, `facts` and `weighing` (and, optionally,
    `health_data`). None: the system offers only sending the appeal on."""

    kind: str
    label: str
    reverse: str | None = None


@dataclass(frozen=True)
class CaseOrigin:
    """Where a committee case can come from (SU-CASES, COM-INFO-GPS): a feature raises a case on the SU's or
    ALU's agenda through `committees.cases.service.raise_case` with `kind` and the id of its own case, and
    the statement comes back here. `label` names the kind in Norwegian.

    `describe` ("module:function") is called as `function(session, actor=actor, origin_id=...)` inside the
    raising transaction; it checks the actor may see the origin and returns its `municipality_number`,
    `title`, `link` and, optionally, `background` (what the committee needs to know). Without it the raiser
    gives title and link («sak fra kommuneoverlegen»). `answered` ("module:function") is called inside the
    statement's transaction as `function(session, actor=actor, origin_id=..., statement=...)`, the statement
    a dict (committee, given_on, votes, majority_text, minority_text, text), so the origin can record it."""

    kind: str
    label: str
    describe: str | None = None
    answered: str | None = None


@dataclass(frozen=True)
class Clock:
    """An open clock a feature adds to the municipality's deadlines overview, its feed and the start page's
    «hva nå» (a feature names the function that gives them in `Feature.clocks`). `key` is stable while the
    clock is open (the calendar event's identity); `title` names the matter and `link` its page, shown to
    users with `link_permission`; `action` says what to do next when the clock is overdue or due soon (by
    default a general reminder)."""

    key: str
    code: str
    due: date
    start: date
    rule_id: str
    citation: str
    text: str
    title: str
    link: str
    responsible_label: str
    link_permission: str
    action: str = ""
    doctor_name: str | None = None
    agreement: int | None = None


@dataclass(frozen=True)
class Feature:
    """A feature: its routers (modules with an APIRouter `router`, JSON API and pages alike), its commands,
    its menu entries, the panels it adds to other features' pages, the kinds of enkeltvedtak it records, the
    committee cases it can raise (`case_origins`), the module of its part of the municipality file and where
    its open clocks come from. `order` sorts mounting, the menu, the panels and the file's sections (a section
    is checked and written after those of lower order)."""

    name: str
    order: int
    routers: tuple[str, ...] = ()
    commands: tuple[Command, ...] = ()
    navigation: tuple[NavEntry, ...] = ()
    panels: tuple[Panel, ...] = ()
    decision_kinds: tuple[DecisionKind, ...] = ()
    case_origins: tuple[CaseOrigin, ...] = ()
    file_section: str | None = None
    # "module:function"s called as function(session, municipality_number=..., on=...) -> list[Clock] inside
    # the deadlines overview's transaction: the feature's open clocks on that day.
    clocks: tuple[str, ...] = ()
    # "module:function"s called as function(session, municipality_number=..., year=...) -> dict[str, int]
    # inside the caller's transaction: figures a feature counts for a year, by name, for the yearly
    # statistics (planning reads "legevakt_shifts" and "legevakt_vacant_shifts", STAT-LV-VACANCY).
    year_figures: tuple[str, ...] = ()


@lru_cache
def features() -> tuple[Feature, ...]:
    """Every package of legetjeneste with a feature.py, in their order."""
    found = []
    for module in pkgutil.iter_modules(legetjeneste.__path__):
        name = f"legetjeneste.{module.name}.feature"
        if module.ispkg and importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name).FEATURE)
    return tuple(sorted(found, key=lambda feature: (feature.order, feature.name)))


def resolve(target: str):
    """The object a dotted "module:attribute" names, imported now."""
    module, _, attribute = target.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded
