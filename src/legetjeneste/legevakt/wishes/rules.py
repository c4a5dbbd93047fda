"""LV-WISH as pure functions: which days a participant may wish for, how many wishes a month, the coming
half-years the wishes are shown in, and the wishes as the solver's requests."""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from legetjeneste.dates import Period
from legetjeneste.errors import Problem
from legetjeneste.norwegian import MONTHS, day_text, period_text
from legetjeneste.rostering import constraints
from legetjeneste.rostering import problem as rp

RULE_ID = "LV-WISH"
OFF, ON = "off", "on"
KINDS = {OFF: "Fri", ON: "Vakt"}
KIND_TEXTS = {OFF: "ønsker fri", ON: "ønsker vakt"}


def month_name(day: date) -> str:
    """«september 2027»."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def wish_problems(
    *,
    day: date,
    today: date,
    scheme_period: Period,
    participations: Sequence[Period],
    published: Sequence[Period],
    taken: bool,
    used_in_month: int,
    max_per_month: int,
) -> list[Problem]:
    """LV-WISH, project rule — a participant wishes for a day after today, inside the scheme's period and
    the participation, not in a published roster (swap shifts there instead), one wish per day, and at
    most the scheme's number of wishes per month (`used_in_month`: the others that month)."""
    when = day_text(day, weekday=True)
    if day <= today:
        return [_problem(f"{when} er ikke etter i dag; ønsker gjelder vaktlister som ikke er laget ennå")]
    if not scheme_period.contains(day):
        return [_problem(f"ordningen gjelder ikke {when}")]
    if not any(period.contains(day) for period in participations):
        return [_problem(f"du deltar ikke i ordningen {when}")]
    if locked := locked_problems(day, published):
        return locked
    if taken:
        return [_problem(f"du har allerede et ønske for {when}; endre det i stedet")]
    if used_in_month >= max_per_month:
        return [
            _problem(
                f"du har allerede {used_in_month} ønsker i {month_name(day)}, og ordningen tillater "
                f"{max_per_month} per måned"
            )
        ]
    return []


def locked_problems(day: date, published: Sequence[Period]) -> list[Problem]:
    """LV-WISH, project rule — a wish for a day in a published roster can no longer be added, changed or
    removed: the roster is made (a swap is the way to change it)."""
    for period in published:
        if period.contains(day):
            assert period.end is not None
            return [
                _problem(
                    f"vaktlisten for {period_text(period.start, period.end)} er publisert; ønsker for "
                    f"{day_text(day)} kan ikke lenger legges inn, endres eller slettes"
                )
            ]
    return []


def _problem(message: str) -> Problem:
    return Problem("day", message, RULE_ID)


@dataclass(frozen=True)
class MonthCount:
    """How many of the month's wishes a participant has used and has left."""

    month: date
    name: str
    used: int
    max_per_month: int

    @property
    def left(self) -> int:
        return max(self.max_per_month - self.used, 0)


def month_counts(days: Iterable[date], max_on: Callable[[date], int]) -> list[MonthCount]:
    """LV-WISH, project rule — per month with wishes: used and the month's number (`max_on(first day)`)."""
    used = Counter(day.replace(day=1) for day in days)
    return [MonthCount(month, month_name(month), used[month], max_on(month)) for month in sorted(used)]


def half_year(day: date) -> Period:
    """The half-year a day lies in (January–June or July–December), the roster pages' usual period."""
    if day.month <= 6:
        return Period(date(day.year, 1, 1), date(day.year, 6, 30))
    return Period(date(day.year, 7, 1), date(day.year, 12, 31))


def period_name(period: Period) -> str:
    """«1.–14. mars 2027»: a published roster's period."""
    assert period.end is not None
    return period_text(period.start, period.end)


def half_year_name(period: Period) -> str:
    """«Første halvår 2027» or «Andre halvår 2027»."""
    return f"{'Første' if period.start.month == 1 else 'Andre'} halvår {period.start.year}"


def requests(wishes: Iterable[tuple[str, date, str]], *, known: set[str], period: Period) -> tuple:
    """LV-WISH, project rule — the wishes (HPR number, day, kind) of the period's participants as the
    solver's requests, each of equal weight within its doctor's wishes (notes stay out of the problem)."""
    return tuple(
        rp.Request(participant=key, day=day, wants="off" if kind == OFF else "on")
        for key, day, kind in sorted(wishes)
        if key in known and period.contains(day)
    )


def roster_outcomes(
    requests: Iterable[rp.Request], worked: Mapping[tuple[str, date], set[str]]
) -> dict[str, list[tuple[rp.Request, bool]]]:
    """LV-WISH, project rule — per doctor (HPR number) each wish of a roster and whether it is met;
    `worked`: the templates of each doctor's shifts per day, as the roster stands now (swaps included)."""
    found: dict[str, list[tuple[rp.Request, bool]]] = {}
    for request in sorted(requests, key=lambda r: (r.participant, r.day)):
        met = constraints.is_met(request, worked.get((request.participant, request.day), set()))
        found.setdefault(request.participant, []).append((request, met))
    return found
