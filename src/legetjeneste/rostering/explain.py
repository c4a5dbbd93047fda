"""Why a roster looks as it does: counts against fair targets, what each soft rule cost, vacancies and
where shortages make vacancies unavoidable. All text for the user is Norwegian."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from legetjeneste.norwegian import joined, number
from legetjeneste.rostering import constraints
from legetjeneste.rostering.constraints import SOFT, SOFT_NAMES_NB
from legetjeneste.rostering.problem import (
    COUNTERS,
    SHIFT_NAMES_NB,
    Participant,
    Problem,
    Shift,
    Solution,
)
from legetjeneste.rostering.shifts import shift_label


@dataclass(frozen=True)
class Count:
    """One doctor's shifts of one counter (weekday, weekend, holiday, night) against the fair target."""

    counter: str
    actual: int
    target: float
    low: int
    high: int
    counted: bool = True

    @property
    def fair(self) -> bool:
        return self.low <= self.actual <= self.high


@dataclass(frozen=True)
class Frequency:
    """How often a doctor works a day category («hver 9. hverdag») in and outside summer, and the scheme's
    target (`frequency` outside summer, divided by `summer_factor` in summer)."""

    counter: str
    season: str
    available_days: int
    shifts: int
    every: float | None
    target_every: float | None
    text: str


@dataclass(frozen=True)
class DoctorLine:
    key: str
    name: str
    participation: int
    counts: tuple[Count, ...]
    frequencies: tuple[Frequency, ...]
    total: int


@dataclass(frozen=True)
class RuleCost:
    """What one soft rule cost, with a Norwegian line per penalty («Anne Aasen: helg i uke 28 og uke 29»)."""

    rule: str
    rule_id: str
    name: str
    cost: int
    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class VacancyReason:
    shift_id: str
    day: date
    available: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Shortage:
    """A week whose shifts cannot all be covered: `capacity` is the most shifts the doctors without
    exemption or absence can take that week with LV-REST respected (a proven upper bound)."""

    year: int
    week: int
    shifts: int
    capacity: int
    uncovered: tuple[str, ...]
    text: str

    @property
    def missing(self) -> int:
        return self.shifts - self.capacity


@dataclass(frozen=True)
class Explanation:
    doctors: tuple[DoctorLine, ...]
    rules: tuple[RuleCost, ...]
    vacancies: tuple[VacancyReason, ...]
    shortages: tuple[Shortage, ...]
    summary: str


def _frequencies(problem: Problem, participant: Participant, mine: list[Shift]) -> tuple[Frequency, ...]:
    found = []
    for counter in ("weekday", "weekend"):
        for season, summer in (("ellers", False), ("sommer", True)):
            unit = constraints.weekend_of if counter == "weekend" else (lambda s: s.day)
            days = {
                unit(s)
                for s in problem.shifts
                if s.category == counter
                and s.is_summer == summer
                and constraints.blocked(problem, participant, s) is None
            }
            if not days:
                continue
            count = sum(1 for s in mine if s.category == counter and s.is_summer == summer)
            every = len(days) / count if count else None
            base = (problem.frequency or {}).get(counter)
            target = (base / problem.summer_factor if summer else base) if base else None
            text = frequency_text(
                counter=counter, season=season, available=len(days), shifts=count, target_every=target
            )
            found.append(Frequency(counter, season, len(days), count, every, target, text))
    return tuple(found)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def frequency_text(
    *, counter: str, season: str, available: int, shifts: int, target_every: float | None
) -> str:
    """LV-DUTY — what one doctor gets of a day kind in or outside summer, against the scheme's frequency
    for the days the doctor is available: «Sommer: 1 hverdagsvakt på 8 hverdager du kan ta; ordningen
    gir hver 6. hverdag, om lag 1,3 vakter». In summer the frequency is the doubled one (summer double
    frequency), so the doctors present cover for those on holiday."""
    weekend = counter == "weekend"
    got = (
        _plural(shifts, "helgevakt", "helgevakter")
        if weekend
        else _plural(shifts, "hverdagsvakt", "hverdagsvakter")
    )
    if not shifts:
        got = "ingen helgevakter" if weekend else "ingen hverdagsvakter"
    days = _plural(available, "helg", "helger") if weekend else _plural(available, "hverdag", "hverdager")
    text = f"{season.capitalize()}: {got} på {days} til rådighet"
    if target_every:
        expected = number(available / target_every, 1)
        kind = "helg" if weekend else "hverdag"
        text += f"; ordningen gir hver {target_every:.0f}. {kind}, om lag {expected} vakter"
    return text


def _doctors(problem: Problem, solution: Solution) -> tuple[DoctorLine, ...]:
    targets = constraints.fair_targets(problem)
    shifts = {s.id: s for s in problem.shifts}
    weighed = constraints.weighed_counters(
        nights={s.is_night for s in problem.shifts}, weights=problem.weights.fairness
    )
    lines = []
    for participant in problem.participants:
        mine = [
            shifts[i] for i, key in solution.assignments.items() if key == participant.key and i in shifts
        ]
        counts = []
        for counter in COUNTERS:
            actual = sum(1 for s in mine if counter in constraints.counters_of(s)) + participant.prior.get(
                counter, 0
            )
            target = targets[participant.key, counter] + participant.prior.get(counter, 0)
            low, high = constraints.fair_range(target)
            counts.append(Count(counter, actual, round(target, 2), low, high, counter in weighed))
        frequencies = _frequencies(problem, participant, mine)
        lines.append(
            DoctorLine(
                participant.key,
                participant.name,
                participant.participation,
                tuple(counts),
                frequencies,
                len(mine),
            )
        )
    return tuple(lines)


def _rules(problem: Problem, solution: Solution, doctors: Sequence[DoctorLine]) -> tuple[RuleCost, ...]:
    found = []
    for name, function in SOFT.items():
        cost = solution.penalties.get(name, 0)
        terms = [t for t in solution.terms if t.rule == name]
        details = tuple(t.text for t in terms if t.text)
        if name == "requests":
            text = _wishes_line(problem, solution)
        elif name == "fairness":
            text = fairness_text(doctors)
        else:
            text = rule_text(SOFT_NAMES_NB[name], len(terms))
        found.append(
            RuleCost(name, constraints.rule_id_of(function), SOFT_NAMES_NB[name], cost, text, details)
        )
    return tuple(found)


def rule_text(name: str, times: int) -> str:
    """«To helger på rad: ingen», «Ledige vakter: 3»: how often the roster departs from a soft rule."""
    return f"{name}: {times if times else 'ingen'}"


def fairness_text(doctors: Sequence[DoctorLine | Mapping]) -> str:
    """LV-DUTY, FLF § 33 — the fairness rule in words, read from the same counts the roster's table shows
    (only the counters it shows: `Count.counted`), so the summary never says all is fair while the table
    marks a doctor «utenfor»."""
    outside = []
    for doctor in doctors:
        name = doctor["name"] if isinstance(doctor, Mapping) else doctor.name
        counts = doctor["counts"] if isinstance(doctor, Mapping) else [vars(c) for c in doctor.counts]
        for c in counts:
            if c.get("counted", True) and not c["low"] <= c["actual"] <= c["high"]:
                fair = f"{c['low']}" if c["low"] == c["high"] else f"{c['low']}–{c['high']}"
                kind = SHIFT_NAMES_NB[c["counter"]]
                outside.append(f"{name} har {c['actual']} {kind} (rettferdig: {fair})")
    if not outside:
        return f"{SOFT_NAMES_NB['fairness']}: alle legene har et rettferdig antall vakter av hvert slag"
    many = "legene er" if len(outside) > 1 else "én lege er"
    return f"{SOFT_NAMES_NB['fairness']}: {many} utenfor rettferdig andel – " + "; ".join(outside)


def _wishes_line(problem: Problem, solution: Solution) -> str:
    """LV-WISH — «Ønsker: 14 av 17 oppfylt»: how many of the doctors' wishes the roster meets."""
    if not problem.requests:
        return "Ønsker: ingen ønsker fra legene"
    if solution.status not in ("optimal", "feasible"):
        return f"Ønsker: {len(problem.requests)} ønsker, ingen vaktliste"
    met = sum(1 for _, is_met in constraints.outcomes(problem, solution.assignments) if is_met)
    return f"Ønsker: {met} av {len(problem.requests)} oppfylt"


def _vacancies(problem: Problem, assignments: Mapping[str, str | None]) -> tuple[VacancyReason, ...]:
    shifts = {s.id: s for s in problem.shifts}
    worked: dict[str, list[Shift]] = {}
    for shift_id, key in assignments.items():
        if key is not None and shift_id in shifts:
            worked.setdefault(key, []).append(shifts[shift_id])
    found = []
    for shift_id, key in assignments.items():
        if key is not None or shift_id not in shifts:
            continue
        shift = shifts[shift_id]
        free = [p for p in problem.participants if constraints.blocked(problem, p, shift) is None]
        rested = [
            p
            for p in free
            if not any(constraints.rest(problem, other, shift) for other in worked.get(p.key, []))
        ]
        label = shift_label(shift)
        if not free:
            why = "ingen leger uten fritak eller fravær"
        else:
            names = joined([p.name for p in free])
            why = (
                f"bare {len(free)} {'lege' if len(free) == 1 else 'leger'} uten fritak eller fravær ({names})"
            )
            if not rested:
                both = "har" if len(free) == 1 else "alle har" if len(free) > 2 else "begge har"
                why += f", {both} vakt innen {problem.min_rest_hours} timer (LV-REST)"
            else:
                why += f"; {joined([p.name for p in rested])} kan ta den (se kandidatlisten)"
        found.append(VacancyReason(shift_id, shift.day, tuple(p.key for p in free), f"{label}: {why}"))
    return tuple(found)


def _capacity(problem: Problem, participant: Participant, shifts: list[Shift]) -> list[Shift]:
    """The most of `shifts` one doctor can take with LV-REST: earliest-ending first is optimal here, since
    conflicts are overlaps of the intervals [start, end + rest)."""
    rest = problem.min_rest_hours * 3600
    taken: list[Shift] = []
    for shift in sorted(shifts, key=lambda s: s.end_ts):
        if constraints.blocked(problem, participant, shift) is not None:
            continue
        if taken and shift.start_ts < taken[-1].end_ts + rest:
            continue
        taken.append(shift)
    return taken


def infeasibility(problem: Problem) -> tuple[Shortage, ...]:
    """Weeks where the doctors without exemption or absence cannot cover every shift, and the shifts nobody
    can take (LV-ALWAYS); a lower bound on the vacancies of any roster, so the roster's vacancies are
    unavoidable when they match it."""
    weeks: dict[tuple[int, int], list[Shift]] = {}
    for shift in problem.shifts:
        year, week, _ = shift.day.isocalendar()
        weeks.setdefault((year, week), []).append(shift)
    found = []
    for (year, week), shifts in sorted(weeks.items()):
        capacity = sum(len(_capacity(problem, p, shifts)) for p in problem.participants)
        uncovered = [
            s
            for s in shifts
            if all(constraints.blocked(problem, p, s) is not None for p in problem.participants)
        ]
        if capacity >= len(shifts) and not uncovered:
            continue
        capacity = min(capacity, len(shifts) - len(uncovered))
        text = (
            f"Uke {week} {year}: {len(shifts)} vakter, men legene uten fritak eller fravær kan ta høyst "
            f"{capacity} med minst {problem.min_rest_hours} timers hvile (LV-REST)"
        )
        if uncovered:
            labels = [shift_label(s)[0].lower() + shift_label(s)[1:] for s in uncovered]
            text += f"; ingen lege kan ta {joined(labels)}"
        found.append(Shortage(year, week, len(shifts), capacity, tuple(s.id for s in uncovered), text))
    return tuple(found)


def explain(problem: Problem, solution: Solution) -> Explanation:
    """Per doctor the shifts of each kind against the fair target, per soft rule its cost, per vacancy why."""
    vacancies = (
        _vacancies(problem, solution.assignments) if solution.status in ("optimal", "feasible") else ()
    )
    shortages = infeasibility(problem)
    unavoidable = sum(s.missing for s in shortages)
    if solution.status not in ("optimal", "feasible"):
        summary = "Løseren fant ingen vaktliste innen tidsgrensen"
    elif not vacancies:
        summary = f"Alle {len(problem.shifts)} vakter er dekket"
    else:
        summary = (
            f"{len(vacancies)} av {len(problem.shifts)} vakter er ledige; minst {unavoidable} av dem "
            f"kan ingen vaktliste unngå (LV-ALWAYS)"
        )
    doctors = _doctors(problem, solution)
    return Explanation(doctors, _rules(problem, solution, doctors), vacancies, shortages, summary)


def bakvakts(problem: Problem, assignments: Mapping[str, str | None]) -> dict[str, str]:
    """LV-COMPETENCE, kompetanseforskriften § 3, § 3a — for each shift worked by a doctor who needs a
    bakvakt, a proposed bakvakt (the participant's key): a doctor in the scheme who may work alone, may
    take that shift by every participant rule (no exemption, absence or time outside the scheme) and works
    no shift overlapping it; the one proposed least often so far, then by name, so the load is spread."""
    shifts = {s.id: s for s in problem.shifts}
    needs = {p.key for p in problem.participants if p.needs_bakvakt}
    alone = [p for p in problem.participants if not p.needs_bakvakt and p.participation > 0]
    worked: dict[str, list[Shift]] = {}
    for shift_id, key in assignments.items():
        if key is not None and shift_id in shifts:
            worked.setdefault(key, []).append(shifts[shift_id])
    proposed: dict[str, str] = {}
    load = dict.fromkeys((p.key for p in alone), 0)
    for shift_id in sorted(assignments):
        if assignments[shift_id] not in needs or shift_id not in shifts:
            continue
        shift = shifts[shift_id]
        free = [
            p
            for p in alone
            if constraints.blocked(problem, p, shift) is None
            and not any(
                o.start_ts < shift.end_ts and shift.start_ts < o.end_ts for o in worked.get(p.key, [])
            )
        ]
        if free:
            chosen = min(free, key=lambda p: (load[p.key], p.name))
            load[chosen.key] += 1
            proposed[shift_id] = chosen.key
    return proposed


def _overlap(one: Shift, other: Shift) -> bool:
    return one.start_ts < other.end_ts and other.start_ts < one.end_ts
