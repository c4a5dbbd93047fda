"""Solve a roster problem with OR-Tools CP-SAT; check and rank assignments against the hard rules."""

from collections.abc import Callable, Mapping
from dataclasses import replace
from time import perf_counter
from typing import Any

from ortools.sat.python import cp_model

from legetjeneste.errors import RuleViolation
from legetjeneste.rostering import constraints, validation
from legetjeneste.rostering.constraints import HARD, SOFT, HardRule, RosterModel
from legetjeneste.rostering.problem import (
    SHIFT_NAMES_NB,
    Candidate,
    PenaltyTerm,
    Problem,
    Progress,
    Solution,
    Status,
    Violation,
)
from legetjeneste.rostering.start import expand, greedy

#: Up to this many doctor variables CP-SAT gets the full LP relaxation (linearization level 2): on the
#: Vefsn half year it finds and proves the optimum in 2–5 s instead of 7–15 s.
SMALL_MODEL = 50_000

#: Larger models get a single presolve round and no symmetry detection: on 150 doctors × 12 months the
#: full presolve took 25–40 s of a 30 s budget, one round 7–11 s.

#: Extra CP-SAT parameters (experiments and tuning); empty by default.
PARAMETERS: dict[str, object] = {}

STATUS: dict[Any, Status] = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.MODEL_INVALID: "infeasible",
}


def build(problem: Problem, hard: Mapping[str, HardRule] = HARD, soft=SOFT) -> RosterModel:
    """The CP-SAT model: a variable per (doctor, group of interchangeable shifts) no participant rule
    forbids, then the hard rules, then the soft rules' penalties as the objective."""
    cp = cp_model.CpModel()
    members = constraints.grouped(problem.shifts)
    reduced = replace(problem, shifts=tuple(group[0] for group in members.values()))
    x: dict[tuple[str, str], cp_model.IntVar] = {}
    for shift in reduced.shifts:
        for participant in problem.participants:
            if constraints.blocked(problem, participant, shift, hard) is None:
                x[participant.key, shift.id] = cp.new_bool_var(f"x[{participant.key},{shift.id}]")
    vacant = {rep: cp.new_int_var(0, len(group), f"vacant[{rep}]") for rep, group in members.items()}
    model = RosterModel(reduced, cp, x, vacant, constraints.fair_targets(problem, hard), members)
    for shift_id, key in problem.fixed.items():
        var = x.get((key, model.rep_of.get(shift_id, "")))
        if var is None:
            raise _refused(problem, hard, shift_id, key)
        cp.add(var == 1)
    for rule in hard.values():
        if rule.kind == "model":
            rule.check(model)
        elif rule.kind == "pair":
            constraints.add_rest(model, rule.check)
    for name, function in soft.items():
        model.rule, model.rule_id = name, constraints.rule_id_of(function)
        function(model)
    cp.minimize(sum(term.coef * term.var for term in model.terms if term.var is not None))
    model.start = hint(model, greedy(model, hard))
    return model


def _refused(problem: Problem, hard: Mapping[str, HardRule], shift_id: str, key: str) -> RuleViolation:
    """Why a shift to keep (`Problem.fixed`) cannot keep its doctor, with the rule that forbids it."""
    message = f"Vakten {shift_id} skal beholdes med lege {key}, men legen kan ikke ta den"
    try:
        participant, shift = problem.participant(key), problem.shift(shift_id)
    except KeyError:
        return RuleViolation("LV-ALWAYS", "akuttmedisinforskriften § 6", f"{message}: ukjent lege eller vakt")
    for rule in hard.values():
        if rule.kind == "participant" and (reason := rule.check(problem, participant, shift)):
            return RuleViolation(rule.rule_id, constraints.citation_of(rule.check), f"{message}: {reason}")
    return RuleViolation("LV-ALWAYS", "akuttmedisinforskriften § 6", message)


def hint(model: RosterModel, start: Mapping[str, list[str]], seconds: float = 5.0) -> dict[int, int] | None:
    """Give CP-SAT the greedy roster as a complete hint: solve a copy with every doctor variable fixed to
    the roster (quick: only the penalty variables are left), then hint every variable from that.
    Returns the roster's value of every variable (by index), or None if the copy found none."""
    copy = model.cp.clone()
    for (key, rep), var in model.x.items():
        copy.add(copy.get_bool_var_from_proto_index(var.index) == int(key in start[rep]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    if solver.solve(copy) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for (key, rep), var in model.x.items():
            model.cp.add_hint(var, key in start[rep])
        return None
    values = {}
    for index in range(len(model.cp.proto.variables)):
        values[index] = solver.value(copy.get_int_var_from_proto_index(index))
        model.cp.add_hint(model.cp.get_int_var_from_proto_index(index), values[index])
    return values


def _roster(problem: Problem, model: RosterModel, value: Callable[[Any], int]) -> dict[str, str | None]:
    """Shift id → the HPR number of its doctor, or None when vacant, from the doctor variables' values."""
    chosen: dict[str, list[str]] = {}
    for (key, rep), var in model.x.items():
        if value(var):
            chosen.setdefault(rep, []).append(key)
    return {shift.id: None for shift in problem.shifts} | expand(model, chosen)


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Reports every better roster; the roster itself at most every ROSTER_EVERY seconds, since reading a
    large model's values costs more than finding the next solution."""

    ROSTER_EVERY = 1.0

    def __init__(
        self,
        on_progress: Callable[[Progress], None],
        constant: int,
        started: float,
        problem: Problem,
        model: RosterModel,
    ) -> None:
        super().__init__()
        self.on_progress, self.constant, self.count, self.started = on_progress, constant, 0, started
        self.problem, self.model, self.last_roster = problem, model, float("-inf")

    def on_solution_callback(self) -> None:
        self.count += 1
        now = perf_counter()
        roster = None
        if now - self.last_roster >= self.ROSTER_EVERY:
            roster, self.last_roster = _roster(self.problem, self.model, self.value), now
        self.on_progress(
            Progress(
                wall_time=now - self.started,
                objective=round(self.objective_value) + self.constant,
                bound=round(self.best_objective_bound) + self.constant,
                solutions=self.count,
                assignments=roster,
            )
        )


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    hard: Mapping[str, HardRule] | None = None,
    soft: Mapping[str, Callable[[RosterModel], None]] | None = None,
) -> Solution:
    """The best roster found within `time_limit` seconds (deterministic for a given seed with one worker).

    `hard` and `soft` default to the registries of `constraints` (tests pass a reduced registry to
    show that a rule alone decides an answer). Bad input raises ValidationFailed with every problem."""
    started = perf_counter()
    validation.validate(problem)
    model = build(problem, HARD if hard is None else hard, SOFT if soft is None else soft)
    constant = sum(term.coef for term in model.terms if term.var is None)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit - (perf_counter() - started), 0.1)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    if len(model.x) <= SMALL_MODEL:
        solver.parameters.linearization_level = 2
    else:
        solver.parameters.max_presolve_iterations = 1
        solver.parameters.symmetry_level = 0
    for name, value in PARAMETERS.items():
        setattr(solver.parameters, name, value)
    if on_progress and model.start is not None:
        start = model.start
        first = sum(t.coef * (1 if t.var is None else start[t.var.index]) for t in model.terms)
        greedy_roster = _roster(problem, model, lambda var: start[var.index])
        on_progress(Progress(perf_counter() - started, first, 0, 0, greedy_roster))
    reporter = _Reporter(on_progress, constant, started, problem, model) if on_progress else None
    code = solver.solve(model.cp, reporter)
    status: Status = STATUS.get(code, "unknown")
    if status in ("optimal", "feasible"):
        value = solver.value
        objective = round(solver.objective_value) + constant
    elif model.start is not None and status == "unknown":
        # CP-SAT found nothing in time: the greedy roster (every hard rule holds) is the answer
        status, value = "feasible", lambda var: model.start[var.index]
        objective = sum(t.coef * (1 if t.var is None else value(t.var)) for t in model.terms)
    else:
        empty = dict.fromkeys((shift.id for shift in problem.shifts), None)
        names = dict.fromkeys(model_names(soft), 0)
        return Solution(status, empty, 0, 0, perf_counter() - started, names, (), seed, workers, time_limit)
    assignments = _roster(problem, model, value)
    penalties = dict.fromkeys(model_names(soft), 0)
    terms: list[PenaltyTerm] = []
    for term in model.terms:
        amount = 1 if term.var is None else value(term.var)
        if amount:
            cost = term.coef * amount
            text = term.text.replace("{value}", str(amount))
            penalties[term.rule] = penalties.get(term.rule, 0) + cost
            terms.append(
                PenaltyTerm(term.name, term.rule, term.rule_id, cost, term.participant, term.shift_id, text)
            )
    return Solution(
        status=status,
        assignments=assignments,
        objective=objective,
        bound=round(solver.best_objective_bound) + constant,
        wall_time=perf_counter() - started,
        penalties=penalties,
        terms=tuple(terms),
        seed=seed,
        workers=workers,
        time_limit=time_limit,
    )


def model_names(soft) -> list[str]:
    return list(SOFT if soft is None else soft)


def violations(problem: Problem, assignments: Mapping[str, str | None]) -> list[Violation]:
    """Every hard rule an assignment breaks (shift id → HPR number or None for vacant)."""
    found: list[Violation] = []
    participants = {p.key: p for p in problem.participants}
    worked: dict[str, list] = {}
    for shift in problem.shifts:
        if shift.id not in assignments:
            found.append(
                Violation(
                    "LV-ALWAYS",
                    shift.id,
                    None,
                    f"Vakten {shift.id} mangler lege og er ikke markert som ledig (LV-ALWAYS)",
                )
            )
            continue
        key = assignments[shift.id]
        if key is None:
            continue
        if key not in participants:
            found.append(Violation("LV-ALWAYS", shift.id, key, f"Lege {key} er ikke med i ordningen"))
            continue
        for rule in HARD.values():
            if rule.kind == "participant":
                reason = rule.check(problem, participants[key], shift)
                if reason:
                    found.append(Violation(rule.rule_id, shift.id, key, reason))
        worked.setdefault(key, []).append(shift)
    for key, shifts in worked.items():
        shifts.sort(key=lambda s: s.start_ts)
        for index, first in enumerate(shifts):
            for second in shifts[index + 1 :]:
                reason = constraints.rest(problem, first, second)
                if reason is None and second.start_ts > first.end_ts + problem.min_rest_hours * 3600:
                    break
                if reason:
                    found.append(Violation("LV-REST", second.id, key, f"{participants[key].name}: {reason}"))
    return found


def candidates(problem: Problem, assignments: Mapping[str, str | None], shift_id: str) -> list[Candidate]:
    """Doctors who could take `shift_id` without breaking a hard rule, fewest shifts of its category first."""
    shifts = {shift.id: shift for shift in problem.shifts}
    shift = shifts[shift_id]
    kind = SHIFT_NAMES_NB[shift.category]
    found: list[Candidate] = []
    for participant in problem.participants:
        if constraints.blocked(problem, participant, shift) is not None:
            continue
        mine = [shifts[s] for s, k in assignments.items() if k == participant.key and s != shift_id]
        if any(constraints.rest(problem, other, shift) for other in mine):
            continue
        count = sum(1 for other in mine if other.category == shift.category)
        text = f"{participant.name} har {count} {kind} i vaktlisten"
        found.append(Candidate(participant.key, participant.name, count, text))
    found.sort(key=lambda c: (c.count_of_kind, len([k for k in assignments.values() if k == c.key]), c.name))
    return found
