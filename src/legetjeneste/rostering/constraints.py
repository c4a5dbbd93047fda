"""The hard and soft rules of a roster, each a named function citing its rule id, in two registries.

Hard rules come in three kinds: a `participant` rule says whether a doctor may take a shift at all (the
model then has no variable for that pair), a `pair` rule says whether one doctor may take two given
shifts, and a `model` rule adds constraints to the CP-SAT model. Soft rules add named penalty terms
to the objective through `RosterModel.penalty`; `explain.py` reads them back by rule name.

Decision (LV-REST): every shift is its own work period. Two shifts of one doctor need `min_rest_hours`
between the end of the first and the start of the second, also when they touch (15:30–22:00 followed by
22:00–08:00 is not allowed; a scheme that wants that gives it one template 15:30–08:00).
"""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from ortools.sat.python import cp_model

from legetjeneste.norwegian import day_text
from legetjeneste.rostering.problem import COUNTERS, SHIFT_NAMES_NB, Participant, Problem, Shift
from legetjeneste.rostering.shifts import shift_label

# --- the model the rules write into -------------------------------------------------------------------


@dataclass
class Term:
    """A penalty: `coef` × `var` (or a constant `coef` when `var` is None), with a readable name."""

    name: str
    rule: str
    rule_id: str
    coef: int
    var: cp_model.IntVar | None
    participant: str | None = None
    shift_id: str | None = None
    text: str = ""


def signature(shift: Shift) -> tuple:
    """What the rules see of a shift: shifts with the same signature (parallel stations on the same hours)
    are interchangeable, and the model has one variable per doctor for all of them together."""
    return (shift.start_ts, shift.end_ts, shift.category, shift.is_night, shift.office_id, shift.has_bakvakt,
            shift.is_summer, shift.day)  # fmt: skip


def grouped(shifts: tuple[Shift, ...]) -> dict[str, tuple[Shift, ...]]:
    """Interchangeable shifts by the id of the first of them (its representative)."""
    by_signature: dict[tuple, list[Shift]] = {}
    for shift in shifts:
        by_signature.setdefault(signature(shift), []).append(shift)
    return {group[0].id: tuple(group) for group in by_signature.values()}


@dataclass
class RosterModel:
    """A CP-SAT model under construction: x[(key, shift id)] is 1 when the doctor takes the shift.

    `problem.shifts` are the representatives of groups of interchangeable shifts (`grouped`); `demand`
    says how many shifts each stands for, `members` which, `rep_of` maps every shift id to its
    representative. `vacant[rep]` counts the vacant shifts of the group."""

    problem: Problem
    cp: cp_model.CpModel
    x: dict[tuple[str, str], cp_model.IntVar]
    vacant: dict[str, cp_model.IntVar]
    targets: Mapping[tuple[str, str], float]
    members: dict[str, tuple[Shift, ...]] = field(default_factory=dict)
    rep_of: dict[str, str] = field(default_factory=dict)
    start: dict[int, int] | None = None
    terms: list[Term] = field(default_factory=list)
    rule: str = ""
    rule_id: str = ""
    by_shift: dict[str, list[cp_model.IntVar]] = field(default_factory=dict)
    by_participant: dict[str, list[tuple[Shift, cp_model.IntVar]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        shifts = {shift.id: shift for shift in self.problem.shifts}
        self.members = self.members or {shift.id: (shift,) for shift in self.problem.shifts}
        self.rep_of = {member.id: rep for rep, group in self.members.items() for member in group}
        self._names = {p.key: p.name for p in self.problem.participants}
        for (key, shift_id), var in self.x.items():
            self.by_shift.setdefault(shift_id, []).append(var)
            self.by_participant.setdefault(key, []).append((shifts[shift_id], var))

    def penalty(self, name: str, coef: int, var=None, *, participant=None, shift_id=None, text="") -> None:
        """Add `coef` × `var` to the objective under the current soft rule; `text` is Norwegian, with
        «{value}» standing for the variable's value in the solution."""
        if coef:
            self.terms.append(Term(name, self.rule, self.rule_id, coef, var, participant, shift_id, text))

    def name_of(self, key: str) -> str:
        return self._names.get(key, key)

    def of(self, key: str) -> list[tuple[Shift, cp_model.IntVar]]:
        """The doctor's (shift, variable) pairs, in shift order."""
        return self.by_participant.get(key, [])


# --- hard rules -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HardRule:
    """A hard rule in the registry: its kind (see the module docstring) and its function."""

    kind: Literal["participant", "pair", "model"]
    check: Callable

    @property
    def rule_id(self) -> str:
        return rule_id_of(self.check)


def cover(model: RosterModel) -> None:
    """LV-ALWAYS, akuttmedisinforskriften § 6 — every shift has exactly one doctor or is marked vacant;
    a vacancy is a named, heavily weighted penalty (soft rule `vacancy`), never silent."""
    for shift in model.problem.shifts:
        doctors = model.by_shift.get(shift.id, [])
        model.cp.add(sum(doctors) + model.vacant[shift.id] == len(model.members[shift.id]))


def unavailable(problem: Problem, participant: Participant, shift: Shift) -> str | None:
    """LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION, NN-EXEMPT, FLF § 33 — nobody during an absence or exemption.

    A window blocks every shift that overlaps it; a partial exemption «ikke natt» blocks night shifts only.
    Participation 0 % takes no shifts."""
    if participant.participation <= 0:
        return f"{participant.name} deltar med 0 %"
    for window in participant.unavailable:
        if window.nights_only and not shift.is_night:
            continue
        if window.start < shift.end and shift.start < window.end:
            return f"{participant.name}: {window.reason} ({window.rule_id})"
    return None


def competence(problem: Problem, participant: Participant, shift: Shift) -> str | None:
    """LV-COMPETENCE, kompetanseforskriften § 3, § 3a — a doctor who needs a bakvakt works only shifts
    where one is rostered."""
    if participant.needs_bakvakt and not shift.has_bakvakt:
        return f"{participant.name} trenger bakvakt, og vakten har ingen bakvakt (LV-COMPETENCE)"
    return None


def office_days(problem: Problem, participant: Participant, shift: Shift) -> str | None:
    """NN-OFFICE-DAYS, KRAGERØ — a nødnett shift is taken by a participant of the office that has the day."""
    if shift.office_id is not None and participant.office_id != shift.office_id:
        return f"{participant.name} hører ikke til kontoret som har nødnett denne dagen (NN-OFFICE-DAYS)"
    return None


def rest(problem: Problem, first: Shift, second: Shift) -> str | None:
    """LV-REST, SFS 2305 § 7.4 — at least `min_rest_hours` off between two work periods of one doctor
    (each shift is a work period; shifts that overlap or touch also break it)."""
    if second.start_ts < first.start_ts:
        first, second = second, first
    gap = (second.start_ts - first.end_ts) / 3600
    if gap < problem.min_rest_hours:
        hours = f"{max(gap, 0):g}".replace(".", ",")
        ends = f"{day_label(first.end.date())} kl. {first.end:%H:%M}"
        starts = f"{day_label(second.start.date())} kl. {second.start:%H:%M}"
        return (
            f"bare {hours} timer fri fra vakten slutter {ends} til neste begynner {starts}; "
            f"minst {problem.min_rest_hours} timer kreves (LV-REST)"
        )
    return None


def add_rest(model: RosterModel, check: Callable) -> None:
    """Post a pair rule as at-most-one constraints, one per doctor and clique of conflicting shifts.

    A clique is a shift with every earlier shift it conflicts with: for `rest` a conflict is an overlap of
    the intervals [start, end + rest), so all of them contain the later shift's start and conflict with
    each other (a pair rule of another shape would need its own posting)."""
    problem = model.problem
    shifts = sorted(problem.shifts, key=lambda s: s.start_ts)
    reach = max((s.hours for s in shifts), default=0) * 3600 + problem.min_rest_hours * 3600
    cliques: list[list[Shift]] = []
    first = 0
    for index, shift in enumerate(shifts):
        while shifts[first].start_ts + reach < shift.start_ts:
            first += 1
        clique = [
            earlier for earlier in shifts[first:index] if check(problem, earlier, shift) is not None
        ] + [shift]
        if len(clique) > 1:
            cliques.append(clique)
    for participant in problem.participants:
        for clique in cliques:
            chosen = [model.x[participant.key, s.id] for s in clique if (participant.key, s.id) in model.x]
            if len(chosen) > 1:
                model.cp.add_at_most_one(chosen)


HARD: dict[str, HardRule] = {
    "cover": HardRule("model", cover),
    "unavailable": HardRule("participant", unavailable),
    "competence": HardRule("participant", competence),
    "office_days": HardRule("participant", office_days),
    "rest": HardRule("pair", rest),
}


def blocked(problem: Problem, participant: Participant, shift: Shift, hard=HARD) -> str | None:
    """The first participant rule that forbids the doctor the shift (its Norwegian reason), or None."""
    for rule in hard.values():
        if rule.kind == "participant":
            reason = rule.check(problem, participant, shift)
            if reason:
                return reason
    return None


# --- fair targets -----------------------------------------------------------------------------------------


def counters_of(shift: Shift) -> tuple[str, ...]:
    return (shift.category, "night") if shift.is_night else (shift.category,)


def fair_targets(problem: Problem, hard=HARD) -> dict[tuple[str, str], float]:
    """LV-DUTY, FLF § 33 — each doctor's fair number of shifts per counter in this period, as a running
    balance: every shift is shared among the doctors who may take it (no absence, exemption, missing
    bakvakt or other office) in proportion to their participation, plus the earlier rosters' fair share
    minus what the doctor then worked.

    So those present in summer share the summer shifts of those on holiday (summer double frequency), a
    nødnett office's days are shared within the office, and a LIS1 who may only work shifts with a
    bakvakt shares only those."""
    shares: dict[tuple[str, str], float] = {}
    for group in grouped(problem.shifts).values():
        shift = group[0]
        free = [p for p in problem.participants if blocked(problem, p, shift, hard) is None]
        total = sum(p.participation for p in free)
        for participant in free:
            for counter in counters_of(shift):
                key = (participant.key, counter)
                shares[key] = shares.get(key, 0.0) + len(group) * participant.participation / total
    targets: dict[tuple[str, str], float] = {}
    for participant in problem.participants:
        for counter in COUNTERS:
            carried = participant.prior_expected.get(counter, 0.0) - participant.prior.get(counter, 0)
            targets[participant.key, counter] = shares.get((participant.key, counter), 0.0) + carried
    return targets


# --- soft rules ---------------------------------------------------------------------------------


def vacancy(model: RosterModel) -> None:
    """LV-ALWAYS, akuttmedisinforskriften § 6 — a vacant shift costs `weights.vacancy`: the solver leaves
    a shift vacant only when no doctor can take it without breaking a hard rule."""
    shifts = {shift.id: shift for shift in model.problem.shifts}
    for shift_id, var in model.vacant.items():
        size = len(model.members[shift_id])
        text = f"Ledig vakt: {shift_label(shifts[shift_id])}" + (
            f" ({{value}} av {size})" if size > 1 else ""
        )
        model.penalty(
            f"vacancy[{shift_id}]", model.problem.weights.vacancy, var, shift_id=shift_id, text=text
        )


def fair_range(target: float) -> tuple[int, int]:
    """The whole numbers of shifts that count as fair for an exact share: its floor and its ceiling."""
    low = math.floor(target + 1e-9)
    return (low, low if abs(target - low) < 1e-9 else low + 1)


def fairness(model: RosterModel) -> None:
    """LV-DUTY, FLF § 33 — weekday, weekend, holiday and night shifts in proportion to participation and
    availability, as a running balance including earlier rosters this year. A count is fair when it is
    the exact share rounded down or up; each shift beyond that costs `weights.fairness[counter]`, and each
    shift beyond the first one off costs `weights.fairness_excess` times more. When every shift is a night
    (Vefsn) or none is, the night counter says nothing the others do not, and is left out."""
    weights = model.problem.weights
    nights = {shift.is_night for shift in model.problem.shifts}
    counters = COUNTERS if nights == {True, False} else tuple(c for c in COUNTERS if c != "night")
    for participant in model.problem.participants:
        mine = model.of(participant.key)
        for counter in counters:
            weight = weights.fairness.get(counter, 0)
            chosen = [var for shift, var in mine if counter in counters_of(shift)]
            low, high = fair_range(model.targets[participant.key, counter])
            if not weight or (not chosen and low <= 0):
                continue
            top = len(chosen) + abs(low) + 1
            name = f"fairness[{participant.key},{counter}]"
            over = model.cp.new_int_var(0, top, f"{name}.over")
            under = model.cp.new_int_var(0, top, f"{name}.under")
            excess = model.cp.new_int_var(0, top, f"{name}.excess")
            count = model.cp.new_int_var(0, len(chosen), f"{name}.count")
            model.cp.add(count == sum(chosen))
            model.cp.add(over >= count - high)
            model.cp.add(under >= low - count)
            model.cp.add(excess >= over - 1)
            model.cp.add(excess >= under - 1)
            who, kind = model.name_of(participant.key), SHIFT_NAMES_NB[counter]
            fair = f"rettferdig: {low}" if low == high else f"rettferdig: {low}–{high}"
            model.penalty(
                f"{name}.over",
                weight,
                over,
                participant=participant.key,
                text=f"{who}: {{value}} {kind} for mye ({fair})",
            )
            model.penalty(
                f"{name}.under",
                weight,
                under,
                participant=participant.key,
                text=f"{who}: {{value}} {kind} for lite ({fair})",
            )
            model.penalty(
                f"{name}.excess", weight * weights.fairness_excess, excess, participant=participant.key,
                text=f"{who}: {{value}} {kind} mer enn én fra rettferdig andel",
            )  # fmt: skip


def weekend_of(shift: Shift) -> tuple[int, int] | None:
    """The ISO (year, week) of a Saturday or Sunday shift, None for other days."""
    if shift.day.weekday() < 5:
        return None
    year, week, _ = shift.day.isocalendar()
    return (year, week)


def weekends_in_a_row(model: RosterModel) -> None:
    """LV-SHIFTS-VEFSN, VEFSN 6.2 — spread: no doctor works two weekends in a row."""
    for participant in model.problem.participants:
        by_week: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        for shift, var in model.of(participant.key):
            if week := weekend_of(shift):
                by_week.setdefault(week, []).append(var)
        works: dict[tuple[int, int], cp_model.IntVar] = {}
        for week, chosen in by_week.items():
            works[week] = model.cp.new_bool_var(f"works_weekend[{participant.key},{week[0]}-W{week[1]}]")
            for var in chosen:
                model.cp.add_implication(var, works[week])
        for week, var in works.items():
            monday = date.fromisocalendar(*week, 1) + timedelta(weeks=1)
            following = works.get((monday.isocalendar()[0], monday.isocalendar()[1]))
            if following is not None:
                name = f"weekends_in_a_row[{participant.key},{week[0]}-W{week[1]}]"
                both = model.cp.new_bool_var(name)
                model.cp.add(both >= var + following - 1)
                text = (
                    f"{model.name_of(participant.key)}: helg i uke {week[1]} og uke {monday.isocalendar()[1]}"
                )
                model.penalty(
                    name, model.problem.weights.spread, both, participant=participant.key, text=text
                )


def short_gaps(model: RosterModel) -> None:
    """LV-SHIFTS-VEFSN, VEFSN 6.2 — spread: at most one shift starting within any `spread_days` days;
    each extra shift in such a window costs `weights.spread`."""
    span = model.problem.weights.spread_days
    for participant in model.problem.participants:
        by_day: dict[date, list[cp_model.IntVar]] = {}
        for shift, var in model.of(participant.key):
            by_day.setdefault(shift.day, []).append(var)
        for day in sorted(by_day):
            window = [var for offset in range(span) for var in by_day.get(day + timedelta(offset), [])]
            if len(window) > 1:
                name = f"short_gap[{participant.key},{day.isoformat()}]"
                extra = model.cp.new_int_var(0, len(window) - 1, name)
                model.cp.add(sum(window) <= 1 + extra)
                text = (
                    f"{model.name_of(participant.key)}: {{value}} vakt for mye innen {span} dager "
                    f"fra {day_label(day)}"
                )
                model.penalty(
                    name, model.problem.weights.spread, extra, participant=participant.key, text=text
                )


def requests(model: RosterModel) -> None:
    """LV-SHIFTS-VEFSN, VEFSN Vedlegg 2 — doctors' wishes for days off or on; each unmet wish costs
    `weights.request` × its weight."""
    for number, request in enumerate(model.problem.requests):
        chosen = [
            var
            for shift, var in model.of(request.participant)
            if shift.day == request.day
            and (
                request.template is None or request.template in {m.template for m in model.members[shift.id]}
            )
        ]
        name = f"request[{request.participant},{request.day.isoformat()},{request.wants},{number}]"
        cost = model.problem.weights.request * request.weight
        wish = "fri" if request.wants == "off" else "vakt"
        text = f"{model.name_of(request.participant)} ønsket {wish} {day_label(request.day)}"
        if request.wants == "off":
            for var in chosen:
                model.penalty(name, cost, var, participant=request.participant, text=text)
        elif not chosen:
            model.penalty(name, cost, None, participant=request.participant, text=text)
        else:
            missed = model.cp.new_bool_var(name)
            model.cp.add(sum(chosen) + missed >= 1)
            model.penalty(name, cost, missed, participant=request.participant, text=text)


def changes(model: RosterModel) -> None:
    """LV-DUTY, FLF § 33 — when re-planning a published roster, as few changes as possible: each shift
    that gets another doctor costs `weights.change` (forced changes, e.g. a new exemption, included)."""
    shifts = {shift.id: shift for group in model.members.values() for shift in group}
    for shift_id, key in (model.problem.previous or {}).items():
        if shift_id not in model.rep_of or key is None:
            continue
        name = f"change[{shift_id}]"
        text = f"{shift_label(shifts[shift_id])}: {model.name_of(key)} er byttet ut"
        var = model.x.get((key, model.rep_of[shift_id]))
        if var is None:
            model.penalty(
                name, model.problem.weights.change, None, participant=key, shift_id=shift_id, text=text
            )
            continue
        changed = model.cp.new_bool_var(name)
        model.cp.add(changed + var == 1)
        model.penalty(
            name, model.problem.weights.change, changed, participant=key, shift_id=shift_id, text=text
        )


SOFT: dict[str, Callable[[RosterModel], None]] = {
    "vacancy": vacancy,
    "fairness": fairness,
    "weekends_in_a_row": weekends_in_a_row,
    "short_gaps": short_gaps,
    "requests": requests,
    "changes": changes,
}

SOFT_NAMES_NB = {
    "vacancy": "Ledige vakter",
    "fairness": "Rettferdig fordeling",
    "weekends_in_a_row": "To helger på rad",
    "short_gaps": "Vakter tett på hverandre",
    "requests": "Ønsker som ikke er oppfylt",
    "changes": "Endringer fra publisert vaktliste",
}


def rule_id_of(function: Callable) -> str:
    """The rule id a rule function's docstring starts with."""
    return (function.__doc__ or "").split(",")[0].split(" ")[0].strip()


def citation_of(function: Callable) -> str:
    """The source a rule function's docstring cites after its ids: «FLF § 33», «SFS 2305 § 7.4»."""
    first = (function.__doc__ or "").split(" — ")[0]
    return first.split(", ")[-1].strip() if ", " in first else first.strip()


def day_label(day: date) -> str:
    return day_text(day, year=False, weekday=True)
