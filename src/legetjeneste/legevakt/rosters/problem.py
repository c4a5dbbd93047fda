"""The solver's `Problem` from a scheme in the database, and the problem as a JSON document and back.

A job stores the document, so a published roster can be solved again from exactly its inputs. The codec
follows the dataclasses' type hints, so it keeps working as `rostering.problem` grows fields.
"""

import dataclasses
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, Literal, cast

from sqlalchemy.orm import Session

from legetjeneste.absence.models import Absence
from legetjeneste.agreement import parameters
from legetjeneste.dates import OSLO, WEEKDAYS, Period
from legetjeneste.legevakt.exemptions import queries as exemption_queries
from legetjeneste.legevakt.exemptions.rules import ExemptPeriod
from legetjeneste.legevakt.rosters import queries
from legetjeneste.legevakt.rosters.rules import OUTSIDE_SCHEME, merge_periods
from legetjeneste.legevakt.schemes import rules as scheme_rules
from legetjeneste.legevakt.schemes.models import Participant, Scheme
from legetjeneste.legevakt.wishes import queries as wish_queries
from legetjeneste.legevakt.wishes import rules as wish_rules
from legetjeneste.rostering import explain, solver
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering.shifts import shifts_for

DUTY_RULE = "LV-DUTY"
# Only «absent»: the ground (sickness, …) is health data the roster's readers need not see.
ABSENT = "Fravær"


# --- the codec -------------------------------------------------------------------------------------


def to_document(value: Any) -> Any:
    """A dataclass tree as JSON-ready values: dates and times as ISO text, mappings with text keys."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_document(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): to_document(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_document(item) for item in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _decode(next(a for a in args if a is not type(None)), value)
    if origin is typing.Literal or hint is Any:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_document(hint, value)
    if origin in (tuple, list):
        decoded = [_decode(args[0] if args else Any, v) for v in value]
        return tuple(decoded) if origin is tuple else decoded
    if origin in (Mapping, dict, typing.Mapping) or (origin is not None and issubclass(origin, Mapping)):
        key, item = args if args else (Any, Any)
        return {_decode(key, k): _decode(item, v) for k, v in value.items()}
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if hint is time:
        return time.fromisoformat(value)
    if hint in (int, float, str, bool):
        return hint(value)
    return value


def from_document(cls: type, document: Mapping[str, Any]) -> Any:
    """The dataclass `cls` from `to_document`'s output; fields missing from an older document keep their
    defaults."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    return cls(**{name: _decode(hints[name], document[name]) for name in names if name in document})


def problem_document(problem: rp.Problem) -> dict:
    return to_document(problem)


def problem_from(document: Mapping[str, Any]) -> rp.Problem:
    return from_document(rp.Problem, document)


def explanation_document(problem: rp.Problem, solution: rp.Solution) -> dict:
    """The solver's explanation as stored with the roster (frozen with it): per doctor the counts against
    the fair target and the frequencies, per soft rule its cost, per vacancy why, the short weeks."""
    return {
        "status": solution.status,
        "wall_time": round(solution.wall_time, 2),
        "seed": solution.seed,
        "workers": solution.workers,
        "explain": to_document(explain.explain(problem, solution)),
    }


# --- the builder -----------------------------------------------------------------------------------


def _templates(scheme: Scheme) -> list[rp.ShiftTemplate]:
    """LV-SHIFTS-VEFSN / NN-OFFICE-DAYS — the scheme's ordinary templates for the solver; an «all days»
    template becomes one for weekdays and one for weekends with the same code."""
    office_days = {WEEKDAYS.index(d.weekday): d.office_id for d in scheme.office_days} or None
    found = []
    for template in scheme.shift_templates:
        if template.is_alternative:
            continue
        # a stored day kind is weekday, weekend or all
        day_kinds = (
            ("weekday", "weekend") if template.day_kind == scheme_rules.ALL_DAYS else (template.day_kind,)
        )
        kinds = cast(tuple[Literal["weekday", "weekend"], ...], day_kinds)
        for kind in kinds:
            found.append(
                rp.ShiftTemplate(
                    code=template.code,
                    name=template.name,
                    start=template.start_time,
                    end=template.end_time,
                    days=kind,
                    has_bakvakt=template.has_bakvakt,
                    office_days=office_days if scheme.kind == scheme_rules.NODNETT else None,
                )
            )
    return found


def _summer_and_frequency(scheme: Scheme, period: Period) -> tuple[Period | None, dict[str, int], float]:
    """The ordinary targets («every Nth») and the dated one inside the period (the summer), with how much
    more often the summer asks for."""
    ordinary = {t.day_kind: t.every_nth for t in scheme.targets if t.start is None}
    summer = next(
        (t for t in scheme.targets if t.start is not None and Period(t.start, t.end).overlaps(period)), None
    )
    if summer is None:
        return None, ordinary, 1.0
    usual = ordinary.get(summer.day_kind)
    factor = usual / summer.every_nth if usual else 2.0
    assert summer.start is not None  # a dated target is the one found above
    return Period(summer.start, summer.end), ordinary, factor


def _window(first: date, last: date) -> tuple[datetime, datetime]:
    """From 00:00 on the first day to 24:00 on the last, in Oslo."""
    start = datetime.combine(first, time(0), OSLO)
    return start, datetime.combine(last + timedelta(days=1), time(0), OSLO)


def _unavailable(
    participant: Participant,
    period: Period,
    exempt: Iterable[ExemptPeriod],
    absences: Iterable[Absence],
) -> tuple[rp.Unavailable, ...]:
    assert period.end is not None
    found: list[rp.Unavailable] = []
    if participant.start > period.start:
        found.append(
            rp.Unavailable(
                *_window(period.start, participant.start - timedelta(1)), OUTSIDE_SCHEME, DUTY_RULE
            )
        )
    if participant.end is not None and participant.end < period.end:
        found.append(
            rp.Unavailable(*_window(participant.end + timedelta(1), period.end), OUTSIDE_SCHEME, DUTY_RULE)
        )
    for one in exempt:
        assert one.period.end is not None
        window = _window(one.period.start, one.period.end)
        found.append(rp.Unavailable(*window, one.reason, one.rule_id, one.nights_only))
    for absence in absences:
        first, last = max(absence.start, period.start), min(absence.end, period.end)
        if first <= last:
            found.append(rp.Unavailable(*_window(first, last), ABSENT, DUTY_RULE))
    return tuple(found)


def _prior(session: Session, scheme: Scheme, period: Period) -> tuple[dict, dict]:
    """The running balance (LV-DUTY): per HPR number the shifts per counter in the scheme's published
    rosters earlier the same year, and each doctor's fair share of them by participation."""
    rosters = queries.published_before(session, scheme_id=scheme.id, period=period)
    counts: dict[str, Counter] = defaultdict(Counter)
    expected: dict[str, Counter] = defaultdict(Counter)
    for roster in rosters:
        totals: Counter = Counter()
        for assignment in roster.assignments:
            totals[assignment.category] += 1
            totals["night"] += assignment.is_night
            if assignment.doctor is not None:
                counts[assignment.doctor.hpr_number][assignment.category] += 1
                counts[assignment.doctor.hpr_number]["night"] += assignment.is_night
        shares = {p["key"]: p.get("participation", 100) for p in roster.job.problem.get("participants", [])}
        whole = sum(shares.values()) or 1
        for key, share in shares.items():
            for counter, total in totals.items():
                expected[key][counter] += total * share / whole
    return counts, expected


def build(
    session: Session,
    scheme: Scheme,
    period: Period,
    *,
    previous: Mapping[str, str] | None = None,
) -> rp.Problem:
    """Everything the solver needs for `scheme` from `period.start` to `period.end`: its shifts (public
    holidays as weekend days, bakvakt days marked), the participants in the scheme at any time in the
    period with their exemptions, absences, running balance and wishes (LV-WISH), and the roster being
    re-planned. The rest between shifts is `legevakt/min_rest_hours` on the period's first day (LV-REST)."""
    assert period.end is not None
    summer, frequency, factor = _summer_and_frequency(scheme, period)
    bakvakt_days = {d.day for d in scheme.bakvakt_days}
    shifts = tuple(
        dataclasses.replace(s, has_bakvakt=True) if s.day in bakvakt_days else s
        for s in shifts_for(_templates(scheme), period.start, period.end, summer=summer)
    )
    members = [p for p in scheme.participants if p.period.overlaps(period) and p.participation_percentage > 0]
    doctor_ids = [p.doctor_id for p in members]
    exempt = exemption_queries.exempt_periods_of_scheme(
        session, scheme_id=scheme.id, first=period.start, last=period.end
    )
    absences = queries.absences_by_doctor(session, doctor_ids=doctor_ids, period=period)
    courses = defaultdict(set)
    for course in queries.courses(session, doctor_ids=doctor_ids):
        courses[course.doctor_id].add(course.course)
    prior, prior_expected = _prior(session, scheme, period)
    participants = []
    for member in members:
        doctor = member.doctor
        participants.append(
            rp.Participant(
                key=doctor.hpr_number,
                name=doctor.full_name,
                participation=member.participation_percentage,
                needs_bakvakt=_needs_bakvakt(scheme, doctor, courses[doctor.id]),
                office_id=member.office_id,
                unavailable=_unavailable(
                    member, period, exempt.get(doctor.hpr_number, []), absences[doctor.id]
                ),
                prior=dict(prior.get(doctor.hpr_number, {})),
                prior_expected={k: round(v, 3) for k, v in prior_expected.get(doctor.hpr_number, {}).items()},
            )
        )
    merged = merge_periods(participants)
    known = {p.key for p in merged}
    return rp.Problem(
        shifts=shifts,
        participants=merged,
        # A doctor who has left the scheme holds none of its shifts now: those count as vacant before.
        previous={s: k for s, k in previous.items() if k in known} if previous is not None else None,
        requests=wish_rules.requests(
            wish_queries.wishes_in(session, scheme_id=scheme.id, period=period), known=known, period=period
        ),
        min_rest_hours=parameters.value("legevakt/min_rest_hours", on=period.start),
        frequency=frequency or None,
        summer_factor=factor,
    )


def _needs_bakvakt(scheme: Scheme, doctor, courses: set[str]) -> bool:
    """LV-COMPETENCE is a rule of legevakt; daytime nødnett is answered from the GP's own office in its
    opening hours (NN-OFFICE-DAYS), so it asks no bakvakt."""
    if scheme.kind != scheme_rules.LEGEVAKT:
        return False
    return scheme_rules.needs_bakvakt(specialist_status=doctor.specialist_status, courses=courses)


def keep_worked(problem: rp.Problem, assignments: Iterable, now: datetime) -> rp.Problem:
    """A re-plan keeps the shifts already worked (ended before `now`, Oslo wall clock) as they were, unless
    a rule now forbids one (e.g. an exemption granted back in time): that one is planned again."""
    known = {p.key for p in problem.participants}
    kept = {
        a.shift_key: a.doctor.hpr_number
        for a in assignments
        if a.doctor is not None and a.ends_at <= now and a.doctor.hpr_number in known
    }
    allowed = {
        shift_id: key
        for shift_id, key in kept.items()
        if not any(v.participant == key for v in solver.violations(problem, {shift_id: key}))
    }
    return dataclasses.replace(problem, fixed=allowed)
