"""LV-WISH: the participants' wishes (days off, days wanted) as a soft rule, what each wish costs when it is
not met, and whether a roster meets it."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from legetjeneste.rostering.constraints.model import RosterModel, day_label
from legetjeneste.rostering.problem import Problem, Request


def wish_costs(requests: Sequence[Request], total: int) -> list[int]:
    """LV-WISH, project rule — what each unmet wish costs, so that all of one doctor's wishes together weigh
    `total`, shared by the wishes' own weights: a doctor with eight wishes does not outweigh one with two.
    Whole points: the remainder goes one point each to the wishes with the largest remainders (the first
    of equal ones), so every doctor's costs add up to exactly `total`; a wish never costs less than one."""
    by_doctor: dict[str, list[int]] = defaultdict(list)
    for index, request in enumerate(requests):
        by_doctor[request.participant].append(index)
    costs = [0] * len(requests)
    for indexes in by_doctor.values():
        weights = [max(requests[i].weight, 0) for i in indexes]
        exact = [total * weight / (sum(weights) or 1) for weight in weights]
        shares = [int(value) for value in exact]
        left = total - sum(shares) if sum(weights) else 0
        for position in sorted(range(len(indexes)), key=lambda p: (shares[p] - exact[p], p))[:left]:
            shares[position] += 1
        for index, share in zip(indexes, shares, strict=True):
            costs[index] = max(share, 1)
    return costs


def is_met(request: Request, templates: Iterable[str]) -> bool:
    """LV-WISH, project rule — a day off is met when the doctor has no shift starting that day; a day wanted
    when the doctor has one (of the wished template, if one is named). `templates`: the templates of the
    doctor's shifts that start on the wish's day."""
    worked = set(templates)
    if request.wants == "off":
        return not worked
    return bool(worked) if request.template is None else request.template in worked


def outcomes(problem: Problem, assignments: Mapping[str, str | None]) -> list[tuple[Request, bool]]:
    """LV-WISH, project rule — every wish of the problem with whether the roster meets it."""
    shifts = {shift.id: shift for shift in problem.shifts}
    worked: dict[tuple[str, date], set[str]] = defaultdict(set)
    for shift_id, key in assignments.items():
        shift = shifts.get(shift_id)
        if key is not None and shift is not None:
            worked[key, shift.day].add(shift.template)
    return [(r, is_met(r, worked.get((r.participant, r.day), set()))) for r in problem.requests]


def requests(model: RosterModel) -> None:
    """LV-WISH, project rule — a participant's wishes for days off or on are soft: each unmet wish costs its
    share of `weights.request` (all of one doctor's wishes together weigh the same, see `wish_costs`). A
    wish never overrides a hard rule (a doctor who may not take a shift has no variable for it), and one
    doctor's wishes together weigh less than a second shift outside the fair range costs in any counter
    (`Weights.request`), so they never bend fairness beyond one shift."""
    costs = wish_costs(model.problem.requests, model.problem.weights.request)
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
        wish = "fri" if request.wants == "off" else "vakt"
        text = f"{model.name_of(request.participant)} ønsket {wish} {day_label(request.day)}"
        if request.wants == "off":
            for var in chosen:
                model.penalty(name, costs[number], var, participant=request.participant, text=text)
        elif not chosen:
            model.penalty(name, costs[number], None, participant=request.participant, text=text)
        else:
            missed = model.cp.new_bool_var(name)
            model.cp.add(sum(chosen) + missed >= 1)
            model.penalty(name, costs[number], missed, participant=request.participant, text=text)
