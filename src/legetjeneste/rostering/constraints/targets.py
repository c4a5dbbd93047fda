"""LV-DUTY: each doctor's fair share of the shifts per counter, as a running balance."""

from legetjeneste.rostering.constraints.hard import HARD, blocked
from legetjeneste.rostering.constraints.model import grouped
from legetjeneste.rostering.problem import COUNTERS, Problem, Shift


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
