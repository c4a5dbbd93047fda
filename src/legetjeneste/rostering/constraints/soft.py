"""The soft rules: each adds named penalty terms to the objective through `RosterModel.penalty`;
`explain.py` reads them back by rule name."""

import math
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from ortools.sat.python import cp_model

from legetjeneste.rostering.constraints.model import RosterModel, day_label
from legetjeneste.rostering.constraints.targets import counters_of
from legetjeneste.rostering.constraints.wishes import requests
from legetjeneste.rostering.problem import COUNTERS, SHIFT_NAMES_NB, Shift
from legetjeneste.rostering.shifts import shift_label


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


def weighed_counters(*, nights: set[bool], weights: Mapping[str, int]) -> tuple[str, ...]:
    """LV-DUTY, FLF § 33 — the counters the fairness rule weighs: those with a weight, and the night counter
    only when some shifts are nights and some are not (otherwise it repeats the others). The roster page
    shows these and no other, so its table and its summary of the rule agree."""
    mixed = nights == {True, False}
    return tuple(c for c in COUNTERS if weights.get(c, 0) and (mixed or c != "night"))


def fairness(model: RosterModel) -> None:
    """LV-DUTY, FLF § 33 — weekday, weekend, holiday and night shifts in proportion to participation and
    availability, as a running balance including earlier rosters this year. A count is fair when it is
    the exact share rounded down or up; each shift beyond that costs `weights.fairness[counter]`, and each
    shift beyond the first one off costs `weights.fairness_excess` times more. When every shift is a night
    (Vefsn) or none is, the night counter says nothing the others do not, and is left out."""
    weights = model.problem.weights
    counters = weighed_counters(
        nights={shift.is_night for shift in model.problem.shifts}, weights=weights.fairness
    )
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
    "requests": "Ønsker",
    "changes": "Endringer fra publisert vaktliste",
}
