"""A quick first roster to start the CP-SAT search from, and placing chosen doctors on parallel shifts."""

from collections.abc import Mapping

from legetjeneste.rostering import constraints
from legetjeneste.rostering.constraints import HARD, HardRule, RosterModel
from legetjeneste.rostering.problem import Shift

SHORT_GAP_SCORE = 50.0
WEEKENDS_IN_A_ROW_SCORE = 20.0


class _Greedy:
    def __init__(self, model: RosterModel, hard: Mapping[str, HardRule]) -> None:
        self.model = model
        self.problem = model.problem
        self.pair_rules = [rule.check for rule in hard.values() if rule.kind == "pair"]
        self.given: dict[str, list[Shift]] = {p.key: [] for p in model.problem.participants}
        self.counts: dict[tuple[str, str], int] = {}

    def fits(self, key: str, shift: Shift, taken: list[str]) -> bool:
        if key in taken or (key, shift.id) not in self.model.x:
            return False
        recent = self.given[key][-3:]
        return not any(check(self.problem, other, shift) for other in recent for check in self.pair_rules)

    def score(self, key: str, shift: Shift) -> float:
        value = 0.0
        weights = self.problem.weights.fairness
        for counter in constraints.counters_of(shift):
            target = self.model.targets[key, counter]
            low, high = constraints.fair_range(target)
            count = self.counts.get((key, counter), 0)
            value += (count + 1) / target if target > 0 else 1000.0
            value += weights.get(counter, 0) * (max(0, count + 1 - high) - (count < low)) / 10
        last = self.given[key][-1] if self.given[key] else None
        if last and (shift.day - last.day).days < self.problem.weights.spread_days:
            value += SHORT_GAP_SCORE
        if last and constraints.weekend_of(shift) and constraints.weekend_of(last):
            value += WEEKENDS_IN_A_ROW_SCORE if (shift.day - last.day).days <= 8 else 0.0
        return value

    def take(self, key: str, shift: Shift) -> None:
        self.given[key].append(shift)
        for counter in constraints.counters_of(shift):
            self.counts[key, counter] = self.counts.get((key, counter), 0) + 1


def greedy(model: RosterModel, hard: Mapping[str, HardRule] = HARD) -> dict[str, list[str]]:
    """Doctors per group of shifts (representative id → HPR numbers), built shift by shift: kept doctors
    first (fixed, then the published roster), then the allowed doctors furthest below their fair target,
    avoiding short gaps and weekends in a row. Only a hint: CP-SAT checks and improves it."""
    state = _Greedy(model, hard)
    problem = model.problem
    allowed: dict[str, list[str]] = {}
    for key, rep in model.x:
        allowed.setdefault(rep, []).append(key)
    kept: dict[str, list[str]] = {}
    for source in (problem.fixed, problem.previous or {}):
        for shift_id, key in source.items():
            if key and shift_id in model.rep_of:
                kept.setdefault(model.rep_of[shift_id], []).append(key)
    chosen: dict[str, list[str]] = {}
    for shift in sorted(problem.shifts, key=lambda s: s.start_ts):
        demand = len(model.members[shift.id])
        taken: list[str] = []
        for key in kept.get(shift.id, []):
            if len(taken) < demand and state.fits(key, shift, taken):
                taken.append(key)
        for key in sorted(allowed.get(shift.id, []), key=lambda key: state.score(key, shift)):
            if len(taken) >= demand:
                break
            if state.fits(key, shift, taken):
                taken.append(key)
        chosen[shift.id] = taken
        for key in taken:
            state.take(key, shift)
    return chosen


def expand(model: RosterModel, chosen: Mapping[str, list[str]]) -> dict[str, str | None]:
    """Put the doctors chosen for a group on its shifts: kept doctors (fixed, published) on their own shift,
    the others in shift id order; what is left is vacant."""
    problem = model.problem
    assignments: dict[str, str | None] = {}
    for rep, group in model.members.items():
        doctors = list(chosen.get(rep, []))
        placed: dict[str, str | None] = {}
        for source in (problem.fixed, problem.previous or {}):
            for shift in group:
                key = source.get(shift.id)
                if key in doctors and shift.id not in placed:
                    placed[shift.id] = key
                    doctors.remove(key)
        for shift in sorted(group, key=lambda s: s.id):
            if shift.id not in placed:
                placed[shift.id] = doctors.pop(0) if doctors else None
        assignments.update(placed)
    return assignments
