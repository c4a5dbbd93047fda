"""Solve a roster problem with OR-Tools CP-SAT; check and rank assignments against the hard rules."""

from collections.abc import Callable, Mapping

from legetjeneste.rostering.problem import Candidate, Problem, Progress, Solution, Violation


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    hard: Mapping[str, object] | None = None,
    soft: Mapping[str, object] | None = None,
) -> Solution:
    """The best roster found within `time_limit` seconds (deterministic for a given seed with one worker).

    `hard` and `soft` default to the registries of `constraints.py` (tests pass a reduced registry to
    show that a rule alone decides an answer)."""
    raise NotImplementedError


def violations(problem: Problem, assignments: Mapping[str, str | None]) -> list[Violation]:
    """Every hard rule an assignment breaks (shift id → HPR number or None for vacant)."""
    raise NotImplementedError


def candidates(problem: Problem, assignments: Mapping[str, str | None], shift_id: str) -> list[Candidate]:
    """Doctors who could take `shift_id` without breaking a hard rule, fewest shifts of its category first."""
    raise NotImplementedError
