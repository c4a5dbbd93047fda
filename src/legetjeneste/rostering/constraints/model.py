"""The CP-SAT model the roster's rules write into: one variable per doctor and group of interchangeable
shifts, the vacancy counters, and the named penalty terms `explain.py` reads back; how a rule function
names its rule id and citation."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from legetjeneste.norwegian import day_text
from legetjeneste.rostering.problem import Problem, Shift


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


def rule_id_of(function: Callable) -> str:
    """The rule id a rule function's docstring starts with."""
    return (function.__doc__ or "").split(",")[0].split(" ")[0].strip()


def citation_of(function: Callable) -> str:
    """The source a rule function's docstring cites after its ids: «FLF § 33», «SFS 2305 § 7.4»."""
    first = (function.__doc__ or "").split(" — ")[0]
    return first.split(", ")[-1].strip() if ", " in first else first.strip()


def day_label(day: date) -> str:
    return day_text(day, year=False, weekday=True)
