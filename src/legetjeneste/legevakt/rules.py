"""LV-EXEMPT-*, NN-*, LV-COMPETENCE — legevakt and nødnett rules as pure functions.

The service resolves parameters (national or the municipality's own) for the date and passes plain values.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.dates import WEEKDAYS, Period, is_public_holiday
from legetjeneste.errors import Problem, RuleViolation
from legetjeneste.norwegian import day_text

LEGEVAKT, NODNETT = "legevakt", "nodnett"
KINDS = {LEGEVAKT: "Legevakt", NODNETT: "Nødnett (dagtid)"}
WEEKDAY, WEEKEND, ALL_DAYS = "weekday", "weekend", "all"
DAY_KINDS = {WEEKDAY: "hverdager", WEEKEND: "helg og helligdager", ALL_DAYS: "alle dager"}

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

EMERGENCY_COURSE, VIOLENCE_COURSE = "emergency_medicine", "violence_abuse"
COURSES = {EMERGENCY_COURSE: "Kurs i akuttmedisin", VIOLENCE_COURSE: "Kurs i volds- og overgrepshåndtering"}
#: Specialists, doctors in specialisation (ALIS) and licensed doctors past LIS1 ("none": no specialty).
QUALIFIED_STATUSES = ("allmennmedisin", "samfunnsmedisin", "alis", "none")

RIGHT = ("LV-EXEMPT-RIGHT", "FLF § 33")
DISCRETION = ("LV-EXEMPT-DISCRETION", "FLF § 33")
NN_EXEMPT = ("NN-EXEMPT", "KRAGERØ SU 17.3.2026")
COMPETENCE = ("LV-COMPETENCE", "kompetanseforskriften § 3, § 3a")
DAY = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the month's last day where it is shorter."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    last_day = (date(year + month // 12, month % 12 + 1, 1) - DAY).day
    return date(year, month, min(day.day, last_day))


def birthday(birth_date: date, age: int) -> date:
    """The day a person born on `birth_date` turns `age` (29 February → 1 March in other years)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return date(birth_date.year + age, 3, 1)


def needs_bakvakt(*, specialist_status: str, courses: Iterable[str]) -> bool:
    """LV-COMPETENCE, kompetanseforskriften § 3 and § 3a — a doctor may work legevakt alone when a
    specialist, in specialisation or an approved GP, or with completed LIS1 (status «none»: a licensed
    doctor without specialty), each plus the courses in emergency medicine and in violence and abuse;
    otherwise only with a bakvakt. A LIS1 always needs one."""
    if specialist_status not in QUALIFIED_STATUSES:
        return True
    return not {EMERGENCY_COURSE, VIOLENCE_COURSE} <= set(courses)


def competence_text(*, specialist_status: str, courses: Iterable[str]) -> str:
    """What the page shows about LV-COMPETENCE for one participant."""
    missing = [COURSES[c] for c in (EMERGENCY_COURSE, VIOLENCE_COURSE) if c not in set(courses)]
    if specialist_status not in QUALIFIED_STATUSES:
        return "Trenger bakvakt: LIS1 uten fullført LIS1-tjeneste (LV-COMPETENCE)"
    if missing:
        return f"Trenger bakvakt: mangler {' og '.join(m.lower() for m in missing)} (LV-COMPETENCE)"
    return "Kan ha vakt alene (LV-COMPETENCE)"


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


def is_weekend_day(day: date) -> bool:
    """Saturdays, Sundays and Norwegian public holidays count as weekend days (LV-SHIFTS-VEFSN)."""
    return day.weekday() >= 5 or is_public_holiday(day)


def month_days(month: date) -> list[date]:
    next_month = add_months(month.replace(day=1), 1)
    return [month.replace(day=1) + timedelta(n) for n in range((next_month - month.replace(day=1)).days)]


def legevakt_shift_count(month: date, day_kinds: Sequence[str]) -> int:
    """LV-SHIFTS-VEFSN — the shifts of a month: each ordinary template once on each day of its kind."""
    count = 0
    for day in month_days(month):
        kind = WEEKEND if is_weekend_day(day) else WEEKDAY
        count += sum(1 for k in day_kinds if k in (kind, ALL_DAYS))
    return count


def nodnett_shift_count(month: date, weekdays: Iterable[str]) -> int:
    """NN-OFFICE-DAYS — the office's nødnett days in a month: its weekdays that are working days."""
    wanted = {WEEKDAYS.index(w) for w in weekdays}
    return sum(1 for d in month_days(month) if d.weekday() in wanted and not is_weekend_day(d))


def available_share(*, month: date, participation: Period, exempt: Sequence[Period]) -> float:
    """The share of a month's days a participant is in the scheme and not fully exempt (1.0 = all)."""
    days = month_days(month)
    free = [d for d in days if participation.contains(d) and not any(p.contains(d) for p in exempt)]
    return len(free) / len(days)


def shifts_per_participant(shifts: int, participants: float) -> float | None:
    """The shifts of a month shared by the available participants; None when nobody is available."""
    return round(shifts / participants, 1) if participants > 0 else None


def scheme_problems(
    scheme, *, prefix: str, host: str, doctors: set[tuple[str, str]], offices: set[str]
) -> list[Problem]:
    """The references and the shape of one scheme (a `SchemeIn`): doctors of the host or a partner
    municipality, known offices, unique template codes, and for nødnett the office of every weekday
    (NN-OFFICE-DAYS) and of every participant."""
    problems = []
    codes = [t.code for t in scheme.shift_templates]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            problems.append(Problem(f"{prefix}shift_templates[{index}].code", f"koden «{code}» er brukt før"))
    allowed = {host, *scheme.partners}
    starts: set[tuple] = set()
    for index, participant in enumerate(scheme.participants):
        where = f"{prefix}participants[{index}]"
        municipality = participant.municipality or host
        key = (municipality, participant.doctor, participant.start)
        if key in starts:
            problems.append(
                Problem(f"{where}.start", f"lege {participant.doctor} står allerede med denne starten")
            )
        starts.add(key)
        if municipality not in allowed:
            problems.append(
                Problem(f"{where}.municipality", f"{municipality} er ikke med i ordningen (partners)")
            )
        elif (municipality, participant.doctor) not in doctors:
            problems.append(
                Problem(f"{where}.doctor", f"lege {participant.doctor} finnes ikke i kommune {municipality}")
            )
        if participant.office is not None and participant.office not in offices:
            problems.append(Problem(f"{where}.office", f"legekontor {participant.office} finnes ikke"))
        if scheme.kind == NODNETT and participant.office is None:
            problems.append(
                Problem(
                    f"{where}.office", "en deltaker i nødnett må høre til et legekontor", "NN-OFFICE-DAYS"
                )
            )
    seen: dict[str, str] = {}
    for index, office_days in enumerate(scheme.office_days):
        if office_days.office not in offices:
            problems.append(
                Problem(
                    f"{prefix}office_days[{index}].office", f"legekontor {office_days.office} finnes ikke"
                )
            )
        for weekday in office_days.weekdays:
            if weekday in seen:
                problems.append(
                    Problem(
                        f"{prefix}office_days[{index}].weekdays",
                        f"{weekday} er allerede gitt til {seen[weekday]}",
                        "NN-OFFICE-DAYS",
                    )
                )
            seen[weekday] = office_days.office
    if scheme.kind == NODNETT and not scheme.office_days:
        problems.append(
            Problem(
                f"{prefix}office_days",
                "en nødnettordning må si hvilket kontor som har hvilke dager",
                "NN-OFFICE-DAYS",
            )
        )
    days = [b.day for b in scheme.bakvakt_days]
    for index, day in enumerate(scheme.bakvakt_days):
        if day.day in days[:index]:
            problems.append(Problem(f"{prefix}bakvakt_days[{index}].day", "dagen står to ganger"))
        if day.doctor is not None and not any((m, day.doctor) in doctors for m in allowed):
            problems.append(
                Problem(f"{prefix}bakvakt_days[{index}].doctor", f"lege {day.doctor} finnes ikke")
            )
    return problems
