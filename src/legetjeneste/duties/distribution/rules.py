"""DUTY-EQUAL-SHARE as a small CP-SAT model (pure: no database): who takes how much of each task so that every
GP stays within what may be ordered and the GPs' duty hours are as equal as possible, respecting who is
qualified and who volunteered.

Hours are whole hundredths of an hour (centi-hours) inside the model. The objective, in order of weight:
cover every task (a shortfall is named, never hidden), give volunteers what they volunteered for, then level
the GPs' hours counted against the cap (the sum of squares is smallest when the hours are equal, so an exact
equal share is found exactly). The solve is deterministic: one worker, a fixed seed."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ortools.sat.python import cp_model

from legetjeneste.errors import Rule

EQUAL_SHARE = Rule("DUTY-EQUAL-SHARE", "ASA 4310 § 12.1")
UNIT = Decimal("0.01")
SHORTFALL_WEIGHT, VOLUNTEER_WEIGHT = 10**9, 10**4


@dataclass(frozen=True)
class Gp:
    """A GP as the model sees them: hours counted against the cap now, hours that may still be ordered, the
    tasks they are qualified for (None: all) and the tasks they volunteered for (not bound by the cap)."""

    key: int
    name: str
    load: Decimal
    room: Decimal
    qualified: frozenset[str] | None = None
    volunteered: frozenset[str] = frozenset()

    def may_take(self, task: str) -> bool:
        return self.qualified is None or task in self.qualified


@dataclass(frozen=True)
class Task:
    key: str
    name: str
    hours: Decimal


@dataclass(frozen=True)
class Share:
    gp: int
    name: str
    task: str
    hours: Decimal
    volunteered: bool


@dataclass(frozen=True)
class Proposal:
    """The shares, each GP's hours before and after, the equal share of those who may take work, and what
    could not be covered."""

    shares: list[Share]
    before: dict[int, Decimal]
    after: dict[int, Decimal]
    equal_share: Decimal
    shortfall: dict[str, Decimal] = field(default_factory=dict)
    status: str = "optimal"


def _units(hours: Decimal) -> int:
    return int((hours / UNIT).to_integral_value())


def _hours(units: int) -> Decimal:
    return (Decimal(units) * UNIT).quantize(UNIT)


def propose(gps: Sequence[Gp], tasks: Sequence[Task], *, seconds: float = 5.0) -> Proposal:
    """DUTY-EQUAL-SHARE, ASA 4310 § 12.1 — the proposed shares of the tasks (see the module's docstring)."""
    model = cp_model.CpModel()
    taking = [g for g in gps if g.room > 0 or g.volunteered]
    x = {
        (g.key, t.key): model.new_int_var(
            0, _units(t.hours) if g.may_take(t.key) else 0, f"x_{g.key}_{t.key}"
        )
        for g in taking
        for t in tasks
    }
    short = {t.key: model.new_int_var(0, _units(t.hours), f"short_{t.key}") for t in tasks}
    for t in tasks:
        model.add(sum(x[g.key, t.key] for g in taking) + short[t.key] == _units(t.hours))
    squares = []
    for g in taking:
        ordered = [x[g.key, t.key] for t in tasks if t.key not in g.volunteered]
        model.add(sum(ordered) <= _units(g.room))
        top = _units(g.load) + sum(_units(t.hours) for t in tasks)
        load = model.new_int_var(0, top, f"load_{g.key}")
        model.add(load == _units(g.load) + sum(x[g.key, t.key] for t in tasks))
        square = model.new_int_var(0, top * top, f"square_{g.key}")
        model.add_multiplication_equality(square, [load, load])
        squares.append(square)
    volunteered = [x[g.key, t.key] for g in taking for t in tasks if t.key in g.volunteered]
    model.minimize(
        SHORTFALL_WEIGHT * sum(short.values()) - VOLUNTEER_WEIGHT * sum(volunteered) + sum(squares)
    )
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(model)
    return _proposal(solver, status, gps, taking, tasks, x, short)


def _proposal(solver, status, gps, taking, tasks, x, short) -> Proposal:
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    shares = [
        Share(g.key, g.name, t.key, _hours(solver.value(x[g.key, t.key])), t.key in g.volunteered)
        for t in tasks
        for g in taking
        if found and solver.value(x[g.key, t.key]) > 0
    ]
    before = {g.key: g.load for g in gps}
    after = dict(before)
    for share in shares:
        after[share.gp] += share.hours
    total = sum((after[g.key] for g in taking), Decimal(0))
    return Proposal(
        shares=shares,
        before=before,
        after=after,
        equal_share=(total / len(taking)).quantize(UNIT) if taking else Decimal(0),
        shortfall={
            t.key: _hours(solver.value(short[t.key])) for t in tasks if found and solver.value(short[t.key])
        },
        status="optimal" if status == cp_model.OPTIMAL else "feasible" if found else "none",
    )
