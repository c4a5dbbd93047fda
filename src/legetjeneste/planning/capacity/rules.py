"""Capacity and forecast (RULES.md § 7): population by age band, the register's capacity, the list need of a
scenario, the GPs' age horizon. Pure."""

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date

from legetjeneste.errors import Problem, Rule

POPULATION = Rule("STAT-POPULATION", "Plan for legetjenesten i Vefsn 3.8")
CAPACITY = Rule("PLAN-CAPACITY", "Plan for legetjenesten i Vefsn 5.2.2; SSB tabell 12005")
LIST_NEED = Rule("PLAN-LIST-NEED", "Plan for legetjenesten i Vefsn 5.4, vedlegg 2")
AGE_HORIZON = Rule("PLAN-AGE-HORIZON", "Plan for legetjenesten i Vefsn 5.2.1, 6.3")

AGE_BANDS = {
    "0-14": "0–14 år",
    "15-66": "15–66 år",
    "67-79": "67–79 år",
    "80+": "80 år og eldre",
    "total": "I alt",
}
_BAND_LIMITS = (("0-14", 0, 14), ("15-66", 15, 66), ("67-79", 67, 79), ("80+", 80, 999))


@dataclass(frozen=True)
class PopulationCount:
    municipality_number: str
    year: int
    age_band: str
    count: int


def band_of(age: int) -> str:
    """STAT-POPULATION — the age band (0–14, 15–66, 67–79, 80+) of an age in whole years."""
    return next(band for band, low, high in _BAND_LIMITS if low <= age <= high)


def _age(text: str) -> int | None:
    match = re.match(r"\s*(\d+)", text)
    return int(match.group(1)) if match else None


def _region(text: str) -> str | None:
    match = re.match(r"\s*(?:K-)?(\d{4})\b", text)
    return match.group(1) if match else None


def _add(found: dict, region: str | None, year: int, age: int | None, value: int) -> None:
    if region is None or age is None:
        return
    key = (region, year, band_of(age))
    found[key] = found.get(key, 0) + value


def _counts(found: dict) -> list[PopulationCount]:
    totals: dict[tuple[str, int], int] = {}
    for (region, year, _), count in found.items():
        totals[region, year] = totals.get((region, year), 0) + count
    bands = [PopulationCount(r, y, b, c) for (r, y, b), c in sorted(found.items())]
    return bands + [PopulationCount(r, y, "total", c) for (r, y), c in sorted(totals.items())]


def parse_statbank_csv(text: str) -> list[PopulationCount]:
    """STAT-POPULATION — a Statbank CSV (semicolon, quoted; columns region, alder, år and the value last,
    e.g. table 07459 or the projection 14288) summed into age bands per municipality and year."""
    reader = csv.reader(
        io.StringIO(text.lstrip("\ufeff")), delimiter=";" if ";" in text.split("\n")[0] else ","
    )
    header = [h.strip().lower() for h in next(reader, [])]
    found_columns = [
        next((i for i, h in enumerate(header) if h.startswith(name)), None)
        for name in ("region", "alder", "år")
    ]
    if None in found_columns:
        raise ValueError("filen mangler kolonnene region, alder og år")
    region, age, year = (int(i) for i in found_columns if i is not None)
    found: dict = {}
    for row in reader:
        if not row or not row[-1].strip() or row[-1].strip() in ("..", ".", ":"):
            continue
        _add(found, _region(row[region]), int(row[year][:4]), _age(row[age]), int(row[-1]))
    return _counts(found)


def parse_jsonstat(text: str) -> list[PopulationCount]:
    """STAT-POPULATION — a JSON-stat 2.0 dataset from Statbank with the dimensions Region, Alder and Tid."""
    data = json.loads(text)
    ids, sizes = data["id"], data["size"]
    categories = []
    for name in ids:
        index = data["dimension"][name]["category"]["index"]
        codes = sorted(index, key=lambda code: index[code]) if isinstance(index, dict) else list(index)
        categories.append(codes)
    position = {name.lower(): i for i, name in enumerate(ids)}
    values = data["value"]
    found: dict = {}
    for flat in range(math.prod(sizes)):
        value = values[str(flat)] if isinstance(values, dict) else values[flat]
        if value is None:
            continue
        chosen, rest = [], flat
        for size in reversed(sizes):
            chosen.append(rest % size)
            rest //= size
        chosen.reverse()
        pick = {name: categories[i][chosen[i]] for name, i in position.items()}
        _add(
            found,
            _region(pick.get("region", "")),
            int(pick["tid"][:4]),
            _age(pick.get("alder", "")),
            int(value),
        )
    return _counts(found)


@dataclass(frozen=True)
class Capacity:
    listetak_sum: int
    listed: int
    listed_without_gp: int
    open_places: int
    population: int | None
    places_short: int | None  # population beyond the sum of listetak; None without a population


def capacity(
    *, listetak_sum: int, listed: int, listed_without_gp: int, open_places: int, population: int | None
) -> Capacity:
    """PLAN-CAPACITY — the sum of listetak against listed citizens and the population, open places, and
    citizens on lists without a GP."""
    short = None if population is None else max(0, population - listetak_sum)
    return Capacity(listetak_sum, listed, listed_without_gp, open_places, population, short)


@dataclass(frozen=True)
class ListNeed:
    new_places: int
    patients_to_move: int
    new_agreements: int


def list_need(
    *,
    future_population: int,
    listetak_sum: int,
    listed: int,
    agreements: int,
    target_average: int,
    new_listetak: int,
) -> ListNeed:
    """PLAN-LIST-NEED, VEFSN 5.4 — new list places for the population beyond today's listetak, patients to
    move so the existing lists come down to the target average, and the new agreements those need at the
    new agreements' listetak (VEFSN: 500 new places, 2 000–3 000 moved, ALIS listetak 800)."""
    if target_average <= 0 or new_listetak <= 0:
        raise ValueError("target_average and new_listetak must be positive")
    new_places = max(0, future_population - listetak_sum)
    to_move = max(0, listed - agreements * target_average)
    return ListNeed(new_places, to_move, math.ceil((new_places + to_move) / new_listetak))


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class Horizon:
    years: int
    on: date
    at_least_55: int
    at_least_60: int
    at_age_limit: int
    age_limit: int
    remaining: int  # GPs under 60 and under the age limit: those who keep taking legevakt
    load_factor: float | None  # legevakt shifts per remaining GP against today (1.0 = as today)


def age_horizon(
    births: list[date],
    *,
    today: date,
    years: int,
    age_limit: int,
    discretion_age: int = 55,
    right_age: int = 60,
) -> Horizon:
    """PLAN-AGE-HORIZON, VEFSN 5.2.1 — in `years` years: the GPs who have reached 55 (exemption may be
    weighed), 60 (right to exemption from legevakt) and the age limit (the agreement ends). If those from 60
    use their right and the same shifts are shared by the others, each remaining GP's share grows by
    today's pool ÷ the remaining (Interpretation: today's pool = the GPs under 60 today)."""
    on = (
        today.replace(year=today.year + years)
        if not (today.month == 2 and today.day == 29)
        else date(today.year + years, 2, 28)
    )
    ages = [age_on(b, on) for b in births]
    pool_today = sum(1 for b in births if age_on(b, today) < right_age)
    remaining = sum(1 for a in ages if a < right_age)
    factor = None if remaining == 0 else round(pool_today / remaining, 2)
    return Horizon(
        years,
        on,
        sum(a >= discretion_age for a in ages),
        sum(a >= right_age for a in ages),
        sum(a >= age_limit for a in ages),
        age_limit,
        remaining,
        factor,
    )


def population_problems(band: str, count: int, prefix: str = "") -> list[Problem]:
    problems = []
    if band not in AGE_BANDS:
        problems.append(Problem(f"{prefix}age_band", f"Aldersgruppen «{band}» er ukjent", POPULATION.id))
    if count < 0:
        problems.append(Problem(f"{prefix}count", "Antallet kan ikke være negativt", POPULATION.id))
    return problems
