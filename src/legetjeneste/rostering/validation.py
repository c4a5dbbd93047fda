"""Checks of a roster problem before it is solved: every problem found, in Norwegian, naming the field."""

from collections import Counter

from legetjeneste import errors
from legetjeneste.rostering.problem import Problem


def check(problem: Problem) -> list[errors.Problem]:
    """What is wrong with `problem` (empty when nothing is): duplicate ids, shifts that end before they
    begin, participation outside 0–100 %, windows that end before they begin, requests, kept and
    published shifts that name an unknown doctor or shift, rest hours below zero."""
    found: list[errors.Problem] = []
    keys = [p.key for p in problem.participants]
    shift_ids = [s.id for s in problem.shifts]
    for key in sorted(k for k, n in Counter(keys).items() if n > 1):
        found.append(errors.Problem("participants", f"Legen {key} er med flere ganger"))
    for shift_id in sorted(i for i, n in Counter(shift_ids).items() if n > 1):
        found.append(errors.Problem("shifts", f"Vakten {shift_id} finnes flere ganger"))
    for shift in problem.shifts:
        if shift.end_ts <= shift.start_ts:
            found.append(errors.Problem(f"shifts.{shift.id}", "Vakten slutter før den begynner"))
    for participant in problem.participants:
        path = f"participants.{participant.key}"
        if not 0 <= participant.participation <= 100:
            found.append(
                errors.Problem(f"{path}.participation", "Deltakelsen må være mellom 0 og 100 %", "LV-DUTY")
            )
        for window in participant.unavailable:
            if window.end <= window.start:
                found.append(
                    errors.Problem(f"{path}.unavailable", f"«{window.reason}» slutter før den begynner")
                )
    known, shifts = set(keys), set(shift_ids)
    for number, request in enumerate(problem.requests):
        if request.participant not in known:
            found.append(
                errors.Problem(f"requests.{number}", f"Ønsket gjelder en ukjent lege ({request.participant})")
            )
    for name, assignments in (("fixed", problem.fixed), ("previous", problem.previous or {})):
        for shift_id, key in assignments.items():
            if shift_id not in shifts:
                found.append(errors.Problem(f"{name}.{shift_id}", "Ukjent vakt"))
            elif key is not None and key not in known:
                found.append(errors.Problem(f"{name}.{shift_id}", f"Ukjent lege ({key})"))
    if problem.min_rest_hours < 0:
        found.append(errors.Problem("min_rest_hours", "Hviletiden kan ikke være negativ", "LV-REST"))
    return found


def validate(problem: Problem) -> None:
    """Raise ValidationFailed with every problem `check` finds."""
    found = check(problem)
    if found:
        raise errors.ValidationFailed(found)
