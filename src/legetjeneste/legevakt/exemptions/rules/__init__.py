"""LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION, NN-EXEMPT — exemptions from legevakt and nødnett as pure
functions: when a right applies, what may be granted, the exempt periods a roster builds on, and the
participants and shifts per participant a month has before and after granting (the impact).

The service resolves parameters (national or the municipality's own) for the date and passes plain values.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.dates import Period, add_months
from legetjeneste.errors import Problem, RuleViolation
from legetjeneste.legevakt.schemes.rules import NODNETT, month_days
from legetjeneste.norwegian import day_text

OVER_60, PREGNANCY, BREASTFEEDING = "over_60", "pregnancy", "breastfeeding"
HEALTH, SOCIAL = "health", "social"
RIGHT_GROUNDS = (OVER_60, PREGNANCY, BREASTFEEDING)
DISCRETIONARY_GROUNDS = (HEALTH, SOCIAL)
GROUNDS = {
    OVER_60: "Over 60 år",
    PREGNANCY: "Siste tre måneder av svangerskap",
    BREASTFEEDING: "Ammer barn under ett år",
    HEALTH: "Helsemessige grunner",
    SOCIAL: "Tungtveiende sosiale grunner",
}
FULL, NO_NIGHTS = "full", "no_nights"
EXTENTS = {FULL: "Helt fritak", NO_NIGHTS: "Ikke natt"}
PENDING, GRANTED, REFUSED = "pending", "granted", "refused"
STATUSES = {PENDING: "Til behandling", GRANTED: "Innvilget", REFUSED: "Avslått"}

RIGHT = ("LV-EXEMPT-RIGHT", "FLF § 33")
DISCRETION = ("LV-EXEMPT-DISCRETION", "FLF § 33")
NN_EXEMPT = ("NN-EXEMPT", "KRAGERØ SU 17.3.2026")
DAY = timedelta(days=1)
# DEC-REASONS: the decision form starts with no choice made, and a decision must make one.
NO_CHOICE = Problem("decision", "velg om søknaden innvilges eller avslås", "DEC-REASONS")


def already_decided_text(status: str, decided_on: date | None) -> str:
    """Why a second decision on an application is refused (an application is decided once)."""
    when = f" {day_text(decided_on)}" if decided_on else ""
    return (
        f"Søknaden er allerede avgjort: {STATUSES[status].lower()}{when}. "
        "Last siden på nytt for å se vedtaket; et nytt vedtak krever en ny søknad eller en klage."
    )


def discretion_rule(kind: str) -> tuple[str, str]:
    """The rule a discretionary exemption from a scheme of this kind is decided by: NN-EXEMPT for
    nødnett, LV-EXEMPT-DISCRETION for legevakt."""
    return NN_EXEMPT if kind == NODNETT else DISCRETION


def birthday(birth_date: date, age: int) -> date:
    """The day a person born on `birth_date` turns `age` (29 February → 1 March in other years)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return date(birth_date.year + age, 3, 1)


@dataclass(frozen=True)
class RightFacts:
    """What LV-EXEMPT-RIGHT needs; the ages and months are the parameters in force."""

    birth_date: date
    due_date: date | None
    child_birth_date: date | None
    exemption_age: int
    pregnancy_months: int
    child_age_months: int


def right_period(ground: str, facts: RightFacts) -> Period | None:
    """LV-EXEMPT-RIGHT, FLF § 33 — when the right applies: from the 60th birthday with no end; from the
    due date minus three months until the due date; until the day before the child's first birthday.
    None when the facts the ground needs are missing."""
    if ground == OVER_60:
        return Period(birthday(facts.birth_date, facts.exemption_age))
    if ground == PREGNANCY:
        if facts.due_date is None:
            return None
        return Period(add_months(facts.due_date, -facts.pregnancy_months), facts.due_date)
    if ground == BREASTFEEDING:
        if facts.child_birth_date is None:
            return None
        return Period(
            facts.child_birth_date, add_months(facts.child_birth_date, facts.child_age_months) - DAY
        )
    return None


def granted_right(*, ground: str, applied: Period, facts: RightFacts) -> Period:
    """LV-EXEMPT-RIGHT, FLF § 33 — a right is granted from the date it applies (not before) for the
    part of the application it covers; an application wholly outside the right is a RuleViolation."""
    right = right_period(ground, facts)
    if right is None or not right.overlaps(applied):
        where = "" if right is None else f" (retten gjelder fra {day_text(right.start)})"
        raise RuleViolation(
            *RIGHT, f"Fritaksretten «{GROUNDS[ground].lower()}» gjelder ikke i den søkte perioden{where}"
        )
    start = max(applied.start, right.start)
    ends = [e for e in (applied.end, right.end) if e is not None]
    return Period(start, min(ends) if ends else None)


def refuse_right_check(*, ground: str, applied: Period, facts: RightFacts) -> None:
    """LV-EXEMPT-RIGHT, FLF § 33 — a right cannot be refused where it applies."""
    right = right_period(ground, facts)
    if right is not None and right.overlaps(applied):
        raise RuleViolation(
            *RIGHT,
            f"Søknaden kan ikke avslås: legen har rett til fritak ({GROUNDS[ground].lower()}) "
            f"fra {day_text(max(applied.start, right.start))}",
        )


def allowed_decisions(*, ground: str, applied: Period, right: Period | None) -> tuple[str, ...]:
    """LV-EXEMPT-RIGHT, FLF § 33 — the outcomes a decision may have: a right that applies in the applied
    period can only be granted; one that applies nowhere in it can only be refused; a discretionary
    application (LV-EXEMPT-DISCRETION, NN-EXEMPT) either."""
    if ground not in RIGHT_GROUNDS:
        return (GRANTED, REFUSED)
    return (GRANTED,) if right is not None and right.overlaps(applied) else (REFUSED,)


def discretionary_check(*, kind: str, ground: str, granted: Period, max_months: int, weighing: str) -> None:
    """LV-EXEMPT-DISCRETION (FLF § 33) and NN-EXEMPT (KRAGERØ) — a discretionary exemption needs health
    or weighty social grounds (age alone is none), an end date, at most `max_months` months, and the
    weighing of preparedness, patient safety and workload recorded."""
    rule = NN_EXEMPT if kind == NODNETT else DISCRETION
    if ground not in DISCRETIONARY_GROUNDS:
        raise RuleViolation(
            *DISCRETION, "Skjønnsmessig fritak krever helsemessige eller tungtveiende sosiale grunner"
        )
    if granted.end is None:
        raise RuleViolation(*rule, "Et skjønnsmessig fritak må ha en sluttdato")
    latest = add_months(granted.start, max_months) - DAY
    if granted.end > latest:
        raise RuleViolation(
            *rule,
            f"Skjønnsmessig fritak gis for høyst {max_months} måneder om gangen: "
            f"siste mulige dag er {day_text(latest)}",
        )
    if not weighing.strip():
        raise RuleViolation(
            *rule, "Vektleggingen (beredskap, pasientsikkerhet og arbeidsbelastning) må skrives i vedtaket"
        )


def age_weight_note(*, age: int, weight_age: int) -> str:
    """LV-EXEMPT-DISCRETION, FLF § 33 — special weight for GPs over 55; age alone is no ground."""
    if age < weight_age:
        return ""
    return (
        f"Legen er {age} år: søknaden skal gis særlig vekt (over {weight_age}), "
        "men alder alene er ikke grunnlag."
    )


@dataclass(frozen=True)
class ExemptionFacts:
    """A granted exemption as the roster needs it."""

    ground: str
    extent: str
    start: date
    end: date | None


@dataclass(frozen=True)
class ExemptPeriod:
    """Days (both ends included) a participant takes no shift; `nights_only` for «ikke natt»."""

    period: Period
    rule_id: str
    reason: str
    nights_only: bool


def exempt_periods(
    *, birth_date: date, exemption_age: int, exemptions: Iterable[ExemptionFacts], first: date, last: date
) -> list[ExemptPeriod]:
    """LV-EXEMPT-RIGHT / LV-EXEMPT-DISCRETION / NN-EXEMPT — the granted exemptions of one participant,
    clipped to the roster period `first`..`last`. An over-60 exemption starts no earlier than the 60th
    birthday, so a doctor who turns 60 inside the period is exempt from the birthday on. For H5c's
    problem builder: turn each into `rostering.problem.Unavailable` (from 00:00 on `period.start` to
    24:00 on `period.end`)."""
    result = []
    for exemption in exemptions:
        start = exemption.start
        if exemption.ground == OVER_60:
            start = max(start, birthday(birth_date, exemption_age))
        end = last if exemption.end is None else min(exemption.end, last)
        start = max(start, first)
        if start > end:
            continue
        rule_id = RIGHT[0] if exemption.ground in RIGHT_GROUNDS else DISCRETION[0]
        reason = f"Fritak: {GROUNDS[exemption.ground].lower()}" + (
            " (ikke natt)" if exemption.extent == NO_NIGHTS else ""
        )
        result.append(ExemptPeriod(Period(start, end), rule_id, reason, exemption.extent == NO_NIGHTS))
    return result


def available_share(*, month: date, participation: Period, exempt: Sequence[Period]) -> float:
    """The share of a month's days a participant is in the scheme and not fully exempt (1.0 = all)."""
    days = month_days(month)
    free = [d for d in days if participation.contains(d) and not any(p.contains(d) for p in exempt)]
    return len(free) / len(days)


def shifts_per_participant(shifts: int, participants: float) -> float | None:
    """The shifts of a month shared by the available participants; None when nobody is available."""
    return round(shifts / participants, 1) if participants > 0 else None


def application_problems(data, *, prefix: str = "") -> list[Problem]:
    """The facts a ground needs (LV-EXEMPT-RIGHT) and the end a discretionary ground needs (an
    `ExemptionApply`)."""
    problems = []
    if data.ground == PREGNANCY and data.due_date is None:
        problems.append(
            Problem(f"{prefix}due_date", "termin må oppgis ved fritak for svangerskap", "LV-EXEMPT-RIGHT")
        )
    if data.ground == BREASTFEEDING and data.child_birth_date is None:
        problems.append(
            Problem(
                f"{prefix}child_birth_date",
                "barnets fødselsdato må oppgis ved fritak for amming",
                "LV-EXEMPT-RIGHT",
            )
        )
    if data.ground in DISCRETIONARY_GROUNDS and data.end is None:
        problems.append(
            Problem(f"{prefix}end", "et skjønnsmessig fritak må ha en sluttdato", "LV-EXEMPT-DISCRETION")
        )
    return problems
