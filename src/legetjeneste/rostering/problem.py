"""The roster problem and its answer as plain, frozen dataclasses (no database, no web).

A `Problem` is what the solver needs: the shifts of a period (from `shifts.shifts_for`), the participants
with their absences and exemptions as `Unavailable` windows, requests, the published roster being
re-planned and the assignments to keep. A `Solution` is what it returns: one doctor (HPR number) or None
(vacant) per shift, the objective, the solver's bound and the cost of every soft rule.

Times are timezone-aware datetimes in Europe/Oslo; the solver compares them as instants (UTC), so a
24-hour shift over the change to or from summer time is 23 or 25 real hours.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property
from typing import Literal

DayKind = Literal["weekday", "weekend"]
Category = Literal["weekday", "weekend", "holiday"]
#: The fairness counters: the three day categories plus night shifts (which overlap them).
COUNTERS: tuple[str, ...] = ("weekday", "weekend", "holiday", "night")
CATEGORY_NAMES_NB = {"weekday": "hverdag", "weekend": "helg", "holiday": "helligdag", "night": "natt"}
#: «3 hverdagsvakter»: the shifts of each counter, plural.
SHIFT_NAMES_NB = {
    "weekday": "hverdagsvakter",
    "weekend": "helgevakter",
    "holiday": "helligdagsvakter",
    "night": "nattevakter",
}
Status = Literal["optimal", "feasible", "infeasible", "unknown"]


@dataclass(frozen=True)
class ShiftTemplate:
    """A kind of shift in a scheme, e.g. Vefsn «Hverdagsvakt» 15:30–08:00 on weekdays.

    `end <= start` means the shift ends the next day (09:00–09:00 is 24 hours). `days="weekend"`
    templates apply on Saturdays, Sundays and Norwegian public holidays; `"weekday"` templates on the
    other days. `weekdays` narrows the days further (0 = Monday), e.g. a nødnett template Mon–Fri.
    `has_bakvakt`: a bakvakt (back-up doctor) is rostered for this shift, so a doctor who needs one
    (LV-COMPETENCE) may take it. `office_days` (nødnett, NN-OFFICE-DAYS) maps a weekday to the office
    whose participants alone may take the shift that day; a weekday missing from it has no shift.
    """

    code: str
    name: str
    start: time
    end: time
    days: DayKind = "weekday"
    has_bakvakt: bool = False
    weekdays: tuple[int, ...] | None = None
    office_days: Mapping[int, int] | None = None


@dataclass(frozen=True)
class Shift:
    """One shift to be covered by one doctor: `id` is `"<date>/<template code>"`, e.g. "2027-07-14/hverdag".

    `category` is "holiday" on a Norwegian public holiday (also when it falls on a weekend), "weekend"
    on Saturdays and Sundays, otherwise "weekday". `is_night`: the shift covers any time between 00:00
    and 06:00. `office_id`: only participants of that office may take it (nødnett). `is_summer`: the day
    lies in the scheme's summer period (double frequency).
    """

    id: str
    day: date
    template: str
    start: datetime
    end: datetime
    category: Category
    is_night: bool
    office_id: int | None = None
    has_bakvakt: bool = False
    is_summer: bool = False

    @property
    def hours(self) -> float:
        return (self.end_ts - self.start_ts) / 3600

    @cached_property
    def start_ts(self) -> float:
        """The start as a POSIX timestamp (an instant: daylight saving time counted)."""
        return self.start.timestamp()

    @cached_property
    def end_ts(self) -> float:
        return self.end.timestamp()


@dataclass(frozen=True)
class Unavailable:
    """A window in which the participant takes no shift: an absence or an exemption (`rule_id` says which).

    `reason` is Norwegian and shown to the user («Fritak fra legevakt: over 60 år»). A shift is blocked
    when it overlaps the window at all, so an exemption from 14 July also blocks the shift from 13 July
    15:30 to 14 July 08:00. `nights_only`: a partial exemption «ikke natt» — only night shifts are blocked.
    """

    start: datetime
    end: datetime
    reason: str
    rule_id: str
    nights_only: bool = False


@dataclass(frozen=True)
class Participant:
    """A doctor in the scheme. `key` is the HPR number (what assignments refer to).

    `participation` is a percentage (100 = full share; 0 = takes no shifts). `needs_bakvakt`: may only
    work shifts with a bakvakt (LV-COMPETENCE). `office_id`: the office the doctor belongs to (nødnett).
    `prior` counts the doctor's shifts per counter (COUNTERS) in the scheme's earlier published rosters this
    year and `prior_expected` their fair share in those rosters: the difference is carried into this
    period's fairness (a running balance over the year).
    """

    key: str
    name: str
    participation: int = 100
    needs_bakvakt: bool = False
    office_id: int | None = None
    unavailable: tuple[Unavailable, ...] = ()
    prior: Mapping[str, int] = field(default_factory=dict)
    prior_expected: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    """A doctor's wish for a day (LV-WISH): `wants="off"` (no shift starting that day) or `"on"` (a shift
    that day; of `template` if given). `weight`: how much it counts among the same doctor's wishes."""

    participant: str
    day: date
    wants: Literal["off", "on"]
    template: str | None = None
    weight: int = 1


@dataclass(frozen=True)
class Weights:
    """What each soft rule costs, in objective points. All integers.

    - `vacancy`: per vacant shift (LV-ALWAYS); far above everything else, so a shift is only left vacant
      when no doctor can take it without breaking a hard rule.
    - `fairness`: per counter (weekday, weekend, holiday, night), per shift that a doctor's running
      balance lies outside the fair range (the exact share rounded down or up) (LV-DUTY).
    - `fairness_excess`: how many times more each further shift off costs, so two doctors one shift off
      cost less than one doctor two shifts off.
    - `spread`: per pair of weekends in a row and per extra shift within `spread_days` days of another
      (LV-SHIFTS-VEFSN).
    - `request`: what all of one doctor's wishes weigh together (LV-WISH), shared among them, so every
      doctor's wishes weigh the same. Below 80, the least a second shift outside the fair range costs in
      any counter (a night: 20 × (1 + 3)), so one doctor's wishes never bend fairness beyond one shift.
    - `change`: per shift whose doctor differs from the published roster being re-planned.
    """

    vacancy: int = 100_000
    fairness: Mapping[str, int] = field(
        default_factory=lambda: {"weekday": 40, "weekend": 60, "holiday": 80, "night": 20}
    )
    fairness_excess: int = 3
    spread: int = 150
    spread_days: int = 3
    request: int = 72
    change: int = 1_000


@dataclass(frozen=True)
class Problem:
    """Everything the solver needs to build a roster for one scheme and one period.

    `previous`: the published roster being re-planned (shift id → HPR number); changing it costs
    `weights.change` per shift. `fixed`: assignments that must stay as they are (e.g. shifts already worked).
    `min_rest_hours`: LV-REST. `frequency`: the scheme's target «every Nth day» per category outside summer
    (Vefsn: {"weekday": 12, "weekend": 6}) and `summer_factor` how much more often in summer (Vefsn: 2);
    both are shown by the explanation next to what the roster gives, the solver balances by availability.
    """

    shifts: tuple[Shift, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...] = ()
    previous: Mapping[str, str] | None = None
    fixed: Mapping[str, str] = field(default_factory=dict)
    min_rest_hours: int = 8
    weights: Weights = field(default_factory=Weights)
    frequency: Mapping[str, int] | None = None
    summer_factor: float = 2.0

    def participant(self, key: str) -> Participant:
        """The participant with HPR number `key` (KeyError if none)."""
        return self._participants[key]

    def shift(self, shift_id: str) -> Shift:
        """The shift with id `shift_id` (KeyError if none)."""
        return self._shifts[shift_id]

    @cached_property
    def _participants(self) -> dict[str, Participant]:
        return {participant.key: participant for participant in self.participants}

    @cached_property
    def _shifts(self) -> dict[str, Shift]:
        return {shift.id: shift for shift in self.shifts}


@dataclass(frozen=True)
class Progress:
    """Reported by the solver at each better roster: seconds so far, its objective, the bound, how many, and
    the roster itself (shift id → HPR number or None for vacant) at most once a second, so that a page can
    show the best roster so far; None when it is left out."""

    wall_time: float
    objective: int
    bound: int
    solutions: int
    assignments: Mapping[str, str | None] | None = None

    @property
    def gap(self) -> float:
        """Relative gap between the roster and the bound (0.0 = proven optimal)."""
        return 0.0 if self.objective == 0 else abs(self.objective - self.bound) / abs(self.objective)


@dataclass(frozen=True)
class PenaltyTerm:
    """One non-zero penalty in a solution: the variable's readable name, its soft rule, the cost, and
    what it means in Norwegian («Anne Aasen: helg i uke 28 og uke 29»)."""

    name: str
    rule: str
    rule_id: str
    cost: int
    participant: str | None = None
    shift_id: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Solution:
    """The solver's answer. `assignments` maps every shift id to an HPR number or None (vacant).

    `penalties` is the total cost per soft rule name (every rule of the registry, zero included) and
    `terms` the individual non-zero penalties. With status "infeasible" or "unknown" the assignments are
    empty (every shift None). `seed`, `workers` and `time_limit` are recorded so a roster can be reproduced.
    """

    status: Status
    assignments: Mapping[str, str | None]
    objective: int
    bound: int
    wall_time: float
    penalties: Mapping[str, int]
    terms: tuple[PenaltyTerm, ...] = ()
    seed: int = 0
    workers: int = 1
    time_limit: float = 10.0

    @property
    def gap(self) -> float:
        return 0.0 if self.objective == 0 else abs(self.objective - self.bound) / abs(self.objective)

    @property
    def vacant(self) -> tuple[str, ...]:
        return tuple(shift_id for shift_id, key in self.assignments.items() if key is None)


@dataclass(frozen=True)
class Violation:
    """A hard rule broken by an assignment: which rule, which shift, which doctor, Norwegian text."""

    rule_id: str
    shift_id: str
    participant: str | None
    text: str


@dataclass(frozen=True)
class Candidate:
    """A doctor who could take a vacant shift without breaking a hard rule; `count_of_kind` is how many
    shifts of the shift's category the doctor already has in the roster (fewest first)."""

    key: str
    name: str
    count_of_kind: int
    text: str
