"""The hard rules: a `participant` rule says whether a doctor may take a shift at all (the model then has no
variable for that pair), a `pair` rule says whether one doctor may take two given shifts, and a `model`
rule adds constraints to the CP-SAT model.

Decision (LV-REST): every shift is its own work period. Two shifts of one doctor need `min_rest_hours`
between the end of the first and the start of the second, also when they touch (15:30–22:00 followed by
22:00–08:00 is not allowed; a scheme that wants that gives it one template 15:30–08:00).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from legetjeneste.rostering.constraints.model import RosterModel, day_label, rule_id_of
from legetjeneste.rostering.problem import Participant, Problem, Shift


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
