"""ABS-DEDUCT — how each day of a doctor's absences in a year counts against the quotas of ASA 4310 § 13
and § 14, and the year's counters.

`classify` gives every day one status — kept, lost, or paid to the municipality's vikar — with the rule
behind it. The counters and the payments feature use this one function.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from legetjeneste.absence.rules import (
    COLLEGIAL_CITATION,
    GROUNDS,
    MUNICIPAL_VIKAR,
    OWN_VIKAR,
    SECTION_13_4,
)
from legetjeneste.dates import is_working_day

KEPT, LOST, VIKAR = "kept", "lost", "vikar"


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


def window_of(year: int) -> tuple[date, date]:
    """The days `classify` needs for a year: the year, and the year before for a sickness period that runs
    into it."""
    return date(year - 1, 1, 1), date(year, 12, 31)


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
