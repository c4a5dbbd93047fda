"""The hard and soft rules of a roster, each a named function citing its rule id, in two registries.

Hard rules come in three kinds: a `participant` rule says whether a doctor may take a shift at all (the
model then has no variable for that pair), a `pair` rule says whether one doctor may take two given
shifts, and a `model` rule adds constraints to the CP-SAT model. Soft rules add named penalty terms
to the objective through `RosterModel.penalty`; `explain.py` reads them back by rule name.

Decision (LV-REST): every shift is its own work period. Two shifts of one doctor need `min_rest_hours`
between the end of the first and the start of the second, also when they touch (15:30–22:00 followed by
22:00–08:00 is not allowed; a scheme that wants that gives it one template 15:30–08:00).
"""

from legetjeneste.rostering.constraints.hard import (
    HARD,
    HardRule,
    add_rest,
    blocked,
    competence,
    cover,
    office_days,
    rest,
    unavailable,
)
from legetjeneste.rostering.constraints.model import (
    RosterModel,
    Term,
    citation_of,
    day_label,
    grouped,
    rule_id_of,
    signature,
)
from legetjeneste.rostering.constraints.soft import (
    SOFT,
    SOFT_NAMES_NB,
    changes,
    fair_range,
    fairness,
    short_gaps,
    vacancy,
    weekend_of,
    weekends_in_a_row,
    weighed_counters,
)
from legetjeneste.rostering.constraints.targets import counters_of, fair_targets
from legetjeneste.rostering.constraints.wishes import is_met, outcomes, requests, wish_costs

__all__ = [
    "HARD",
    "SOFT",
    "SOFT_NAMES_NB",
    "HardRule",
    "RosterModel",
    "Term",
    "add_rest",
    "blocked",
    "changes",
    "citation_of",
    "competence",
    "counters_of",
    "cover",
    "day_label",
    "fair_range",
    "fair_targets",
    "fairness",
    "grouped",
    "is_met",
    "office_days",
    "outcomes",
    "requests",
    "rest",
    "rule_id_of",
    "short_gaps",
    "signature",
    "unavailable",
    "vacancy",
    "weekend_of",
    "weekends_in_a_row",
    "weighed_counters",
    "wish_costs",
]
