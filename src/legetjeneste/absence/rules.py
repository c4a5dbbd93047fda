"""ABS-* rules: the grounds of absence, the reporting duty, and the interpretation ABS-DEDUCT.

`classify` gives every day of a doctor's absences in a year one status — kept, lost, or paid to the
municipality's vikar — with the rule behind it. The payments feature uses this one function.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from legetjeneste.dates import Period, is_working_day
from legetjeneste.errors import Problem

KEPT, LOST, VIKAR = "kept", "lost", "vikar"
OWN_VIKAR, COLLEGIAL, MUNICIPAL_VIKAR, NO_COVER = "own_vikar", "collegial", "municipal_vikar", "none"
COVERS = (OWN_VIKAR, COLLEGIAL, MUNICIPAL_VIKAR, NO_COVER)
VIKAR_COVERS = (OWN_VIKAR, MUNICIPAL_VIKAR)
MAX_DAYS = 731


@dataclass(frozen=True)
class Ground:
    """An ASA 4310 § 13 ground of absence (ABS-TYPES) and the rule that limits its pay."""

    code: str
    rule_id: str
    citation: str
    label: str


GROUNDS = {
    ground.code: ground
    for ground in (
        Ground("own_sickness", "ABS-SICK", "ASA 4310 § 13.4", "egen sykdom"),
        Ground("child_sickness", "ABS-CHILD", "ASA 4310 § 13.4", "barns sykdom"),
        Ground(
            "child_serious_illness",
            "ABS-CAP-3M",
            "ASA 4310 § 13.4",
            "barn innlagt, utskrevet med behov for tilsyn, eller svært alvorlig syk",
        ),
        Ground("care_benefits", "ABS-CARE-PAY", "ASA 4310 § 13.4", "pleiepenger eller opplæringspenger"),
        Ground("parental", "ABS-PARENTAL", "ASA 4310 § 13.5", "svangerskap, fødsel eller adopsjon"),
        Ground("military", "ABS-MILITARY", "ASA 4310 § 13.6", "verneplikt eller siviltjeneste"),
        Ground("course", "ABS-COURSE", "ASA 4310 § 13.2", "kurs og tjeneste for spesialistgodkjenning"),
        Ground("research", "ABS-COURSE", "ASA 4310 § 13.2", "forskning på doktorgradsnivå"),
        Ground("union", "ABS-UNION", "ASA 4310 § 13.3", "fagforeningsarbeid"),
        Ground("public_duty", "ABS-UNION", "ASA 4310 § 13.3", "offentlige oppgaver og verv"),
        Ground("ordinary", "ABS-COLLEGIAL", "ASA 4310 § 14", "ferie eller annet ordinært fravær"),
    )
}
SECTION_13_4 = frozenset({"own_sickness", "child_sickness", "child_serious_illness", "care_benefits"})
CHILD_GROUNDS = frozenset({"child_sickness", "child_serious_illness", "care_benefits"})
COLLEGIAL_CITATION = "ASA 4310 § 14"


@dataclass(frozen=True)
class AbsenceFacts:
    """What the rules need of one absence, as plain values."""

    id: int | str
    ground: str
    start: date
    end: date
    cover: str
    children: int = 1
    chronically_ill: bool = False
    sole_carer: bool = False

    def days(self) -> list[date]:
        return [self.start + timedelta(n) for n in range((self.end - self.start).days + 1)]


@dataclass(frozen=True)
class Quotas:
    """The ABS-* parameters in force on a day."""

    sick_days_paid: int
    child_sickness_quota: dict
    cap_13_4_days: int
    parental_days_paid: int
    union_days: int
    public_duty_days: int
    collegial_days: int


@dataclass(frozen=True)
class DayClass:
    day: date
    absence_id: int | str
    ground: str
    status: str
    rule_id: str
    citation: str
    reason: str


@dataclass(frozen=True)
class YearCounter:
    key: str
    label: str
    used: int
    limit: int
    unit: str
    rule_id: str


@dataclass
class _Tally:
    """Running counts through the year; the sickness run continues across the new year."""

    collegial: int = 0
    section_13_4: int = 0
    child_working_days: int = 0
    parental: int = 0
    union: int = 0
    public_duty: int = 0
    sick_run: int = 0
    longest_sick_run: int = 0
    last_sick_day: date | None = None
    child_quota: int = 0

    def new_year(self) -> "_Tally":
        return _Tally(sick_run=self.sick_run, last_sick_day=self.last_sick_day)


def child_sickness_quota(quotas: Quotas, *, children: int, chronically_ill: bool, sole_carer: bool) -> int:
    """ABS-CHILD, ASA 4310 § 13.4 — 10 working days a year; 15 for more than two children; 20 for a
    chronically ill or disabled child; doubled for a sole carer."""
    table = quotas.child_sickness_quota
    if chronically_ill:
        quota = table["chronically_ill_or_disabled"]
    elif children > 2:
        quota = table["more_than_two_children"]
    else:
        quota = table["base"]
    return quota * table["sole_carer_factor"] if sole_carer else quota


def _count(tally: _Tally, absence: AbsenceFacts, day: date, quotas: Quotas) -> None:
    if absence.ground == "own_sickness":
        continues = tally.last_sick_day == day - timedelta(1)
        tally.sick_run = tally.sick_run + 1 if continues else 1
        tally.last_sick_day = day
        tally.longest_sick_run = max(tally.longest_sick_run, tally.sick_run)
    if absence.cover != OWN_VIKAR:
        tally.collegial += 1
    if absence.ground in SECTION_13_4:
        tally.section_13_4 += 1
    if absence.ground == "child_sickness":
        tally.child_working_days += 1 if is_working_day(day) else 0
        quota = child_sickness_quota(
            quotas,
            children=absence.children,
            chronically_ill=absence.chronically_ill,
            sole_carer=absence.sole_carer,
        )
        tally.child_quota = max(tally.child_quota, quota)
    tally.parental += 1 if absence.ground == "parental" else 0
    tally.union += 1 if absence.ground == "union" else 0
    tally.public_duty += 1 if absence.ground == "public_duty" else 0


def _lost(absence: AbsenceFacts, day: date, tally: _Tally, quotas: Quotas) -> tuple[str, str, str] | None:
    """The first rule, in the agreement's order, that takes the day's share away: (rule, citation, reason)."""
    ground = absence.ground
    if ground in ("course", "research") and absence.cover == MUNICIPAL_VIKAR:
        return "ABS-COURSE", "ASA 4310 § 13.2", "Kommunen skaffer vikar for kurs eller forskning: trekk"
    if ground == "union" and tally.union > quotas.union_days:
        return "ABS-UNION", "ASA 4310 § 13.3", f"Fagforeningsdag nr. {tally.union}, over {quotas.union_days}"
    if ground == "public_duty" and tally.public_duty > quotas.public_duty_days:
        limit = quotas.public_duty_days
        return (
            "ABS-UNION",
            "ASA 4310 § 13.3",
            f"Dag nr. {tally.public_duty} med offentlige verv, over {limit}",
        )
    if ground == "own_sickness" and tally.sick_run > quotas.sick_days_paid:
        limit = quotas.sick_days_paid
        return "ABS-SICK", "ASA 4310 § 13.4", f"Dag {tally.sick_run} i sammenhengende sykdom, over {limit}"
    if ground == "child_sickness":
        quota = child_sickness_quota(
            quotas,
            children=absence.children,
            chronically_ill=absence.chronically_ill,
            sole_carer=absence.sole_carer,
        )
        beyond = (
            tally.child_working_days > quota if is_working_day(day) else tally.child_working_days >= quota
        )
        if beyond:
            return (
                "ABS-CHILD",
                "ASA 4310 § 13.4",
                f"Kvoten for barns sykdom ({quota} virkedager) er brukt opp",
            )
    if ground == "care_benefits":
        return "ABS-CARE-PAY", "ASA 4310 § 13.4", "Det ytes pleie- eller opplæringspenger og ingen egen vikar"
    if ground in SECTION_13_4 and tally.section_13_4 > quotas.cap_13_4_days:
        limit = quotas.cap_13_4_days
        return "ABS-CAP-3M", "ASA 4310 § 13.4", f"Fravær etter § 13.4 dag {tally.section_13_4}, over {limit}"
    if ground == "parental" and tally.parental > quotas.parental_days_paid:
        limit = quotas.parental_days_paid
        return "ABS-PARENTAL", "ASA 4310 § 13.5", f"Foreldrefravær dag {tally.parental}, over {limit}"
    if ground == "military" and absence.cover == MUNICIPAL_VIKAR:
        return "ABS-MILITARY", "ASA 4310 § 13.6", "Kommunen skaffer vikar ved verneplikt: trekk"
    if ground == "ordinary" and tally.collegial > quotas.collegial_days:
        limit = quotas.collegial_days
        return (
            "ABS-COLLEGIAL",
            COLLEGIAL_CITATION,
            f"Fravær dag {tally.collegial} i året uten egen vikar, over {limit}",
        )
    return None


def classify_day(absence: AbsenceFacts, day: date, tally: _Tally, quotas: Quotas) -> DayClass:
    """ABS-DEDUCT — the day's share is kept unless a rule takes it away; the GP's own vikar keeps every day;
    the municipality's vikar beyond 8 weeks is paid the day instead (§ 14)."""
    ground = GROUNDS[absence.ground]

    def made(status: str, rule_id: str, citation: str, reason: str) -> DayClass:
        return DayClass(day, absence.id, absence.ground, status, rule_id, citation, reason)

    if absence.cover == OWN_VIKAR:
        return made(KEPT, ground.rule_id, ground.citation, "Egen vikar holder listen: ikke trekk")
    if absence.cover == MUNICIPAL_VIKAR and tally.collegial > quotas.collegial_days:
        reason = f"Fravær dag {tally.collegial} i året med kommunens vikar: dagen utbetales til vikaren"
        return made(VIKAR, "ABS-COLLEGIAL", COLLEGIAL_CITATION, reason)
    lost = _lost(absence, day, tally, quotas)
    if lost is not None:
        return made(LOST, *lost)
    return made(KEPT, ground.rule_id, ground.citation, "Innenfor det avtalen gir rett til: ikke trekk")


@dataclass(frozen=True)
class Classification:
    days: list[DayClass] = field(default_factory=list)
    counters: list[YearCounter] = field(default_factory=list)


def classify(
    absences: Sequence[AbsenceFacts], *, year: int, quotas_for: Callable[[date], Quotas]
) -> Classification:
    """ABS-DEDUCT — every absence day of the doctor in `year`, in date order, with its status and rule.

    Absences before the year count only for a sickness period that runs into it. Absences must not overlap.
    """
    by_day: dict[date, AbsenceFacts] = {}
    for absence in absences:
        for day in absence.days():
            if day.year <= year:
                by_day[day] = absence
    tally, current_year, result = _Tally(), None, []
    for day in sorted(by_day):
        if day.year != current_year:
            tally, current_year = tally.new_year(), day.year
        quotas = quotas_for(day)
        _count(tally, by_day[day], day, quotas)
        if day.year == year:
            result.append(classify_day(by_day[day], day, tally, quotas))
    if current_year != year:
        tally = _Tally()
    return Classification(result, _counters(tally, quotas_for(date(year, 12, 31))))


def _counters(tally: _Tally, quotas: Quotas) -> list[YearCounter]:
    child_quota = tally.child_quota or quotas.child_sickness_quota["base"]
    return [
        YearCounter(
            "collegial",
            "Fravær uten egen vikar (kollegial ordning)",
            tally.collegial,
            quotas.collegial_days,
            "dager",
            "ABS-COLLEGIAL",
        ),
        YearCounter(
            "sickness_period",
            "Lengste sammenhengende sykeperiode",
            tally.longest_sick_run,
            quotas.sick_days_paid,
            "dager",
            "ABS-SICK",
        ),
        YearCounter(
            "child_sickness", "Barns sykdom", tally.child_working_days, child_quota, "virkedager", "ABS-CHILD"
        ),
        YearCounter(
            "section_13_4",
            "Fravær etter § 13.4 i alt",
            tally.section_13_4,
            quotas.cap_13_4_days,
            "dager",
            "ABS-CAP-3M",
        ),
        YearCounter(
            "parental",
            "Svangerskap, fødsel og adopsjon",
            tally.parental,
            quotas.parental_days_paid,
            "dager",
            "ABS-PARENTAL",
        ),
        YearCounter("union", "Fagforeningsarbeid", tally.union, quotas.union_days, "dager", "ABS-UNION"),
        YearCounter(
            "public_duty",
            "Offentlige oppgaver og verv",
            tally.public_duty,
            quotas.public_duty_days,
            "dager",
            "ABS-UNION",
        ),
    ]


def absence_problems(
    *,
    start: date,
    end: date,
    ground: str,
    cover: str,
    vikar_given: bool,
    vikar_known: bool,
    vikar_is_the_doctor: bool,
    collisions: Sequence[Period],
    vikar_field: str = "vikar_doctor_id",
) -> list[Problem]:
    """ABS-TYPES, ASA 4310 § 13 and § 14 — one absence's own consistency, every problem at once: a period
    of at most two years that collides with none of the doctor's other absences, a vikar exactly when the
    cover is a vikar (a registered doctor, not the GP), and PhD research only with the GP's own vikar
    (ABS-COURSE)."""
    if end < start:
        return [Problem("end", "sluttdatoen er før startdatoen")]
    problems = []
    if (end - start).days + 1 > MAX_DAYS:
        problems.append(Problem("end", "et fravær kan vare høyst to år; registrer en ny periode etterpå"))
    problems += [
        Problem("start", f"overlapper legens fravær {period}; en lege har ett fravær om gangen")
        for period in collisions
    ]
    if cover in VIKAR_COVERS and not (vikar_given and vikar_known):
        problems.append(Problem(vikar_field, "vikaren må være en registrert lege i kommunen"))
    elif cover in VIKAR_COVERS and vikar_is_the_doctor:
        problems.append(Problem(vikar_field, "legen kan ikke være sin egen vikar"))
    elif cover not in VIKAR_COVERS and vikar_given:
        problems.append(Problem(vikar_field, "dekningen er ikke vikar, så fraværet skal ikke ha vikar"))
    if ground == "research" and cover != OWN_VIKAR:
        message = (
            "fravær for forskning på doktorgradsnivå krever at legen selv skaffer vikar (ASA 4310 § 13.2)"
        )
        problems.append(Problem("cover", message, "ABS-COURSE"))
    return problems


def vikar_warnings(
    absence: Period, vikar_periods: Sequence[Period], *, field: str = "vikar_doctor_id"
) -> list[Problem]:
    """The GP's own vikar should have a vikar period on the agreement for every day of the absence."""
    if vikar_period_covers(absence, vikar_periods):
        return []
    message = "vikaren har ingen vikarperiode på avtalen som dekker hele fraværet; registrer vikaren der"
    return [Problem(field, message, severity="warning")]


def must_report(*, cover: str, days: int, long_absence_days: int) -> bool:
    """ABS-REPORT, ASA 4310 § 13.1 and § 14 — a longer absence without vikar is reported to the municipality
    as early as possible, and taking in a vikar is always reported."""
    return cover in VIKAR_COVERS or days > long_absence_days


def vikar_period_covers(absence: Period, vikar_periods: Sequence[Period]) -> bool:
    """Whether the vikar's doctor periods on the agreement cover every day of the absence."""
    assert absence.end is not None
    day = absence.start
    while day <= absence.end:
        if not any(period.contains(day) for period in vikar_periods):
            return False
        day += timedelta(1)
    return True
