"""The plain dataclasses of the vacation overview (SU-VACATION): the facts the service loads, what the
overview gives back; and its period and ISO weeks with their Norwegian labels."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.absence.rules import SERVING_ROLES
from legetjeneste.dates import Period
from legetjeneste.errors import Problem, Rule, ValidationFailed
from legetjeneste.norwegian import span_text

VACATION = Rule("SU-VACATION", "ASA 4310 § 4.2.3")
MAX_DAYS = 366


@dataclass(frozen=True)
class OfficeFacts:
    id: int
    name: str


@dataclass(frozen=True)
class ServiceFacts:
    """A doctor period: who serves an agreement's list, in which role, when."""

    doctor_id: int
    role: str
    start: date
    end: date | None

    def serves(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class AgreementFacts:
    id: int
    office_id: int
    start: date
    end: date | None
    periods: tuple[ServiceFacts, ...]

    def in_force(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or first <= self.end)

    def doctors_on(self, day: date) -> set[int]:
        """The list's own doctors that day; the vikar only of a list without a regular doctor or delelege."""
        if not self.in_force(day, day):
            return set()
        serving = [p for p in self.periods if p.serves(day)]
        own = {p.doctor_id for p in serving if p.role in SERVING_ROLES}
        return own or {p.doctor_id for p in serving if p.role == "vikar"}


@dataclass(frozen=True)
class AbsenceFacts:
    id: int
    agreement_id: int
    doctor_id: int
    doctor_name: str
    ground: str
    start: date
    end: date
    cover: str
    vikar_name: str | None = None


@dataclass(frozen=True)
class AssistantFacts:
    """A colleague answering the agreement's digital services in a period (the absence assistant)."""

    agreement_id: int
    colleague_name: str
    start: date
    end: date


@dataclass(frozen=True)
class MunicipalityFacts:
    number: str
    name: str
    offices: Sequence[OfficeFacts]
    agreements: Sequence[AgreementFacts]
    absences: Sequence[AbsenceFacts]
    assistants: Sequence[AssistantFacts] = ()


@dataclass(frozen=True)
class Week:
    year: int
    number: int
    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Away:
    """One absence as the SU may see it: the ground only as `labels.ground_label` shows it."""

    absence_id: int
    doctor_id: int
    doctor_name: str
    agreement_id: int
    office_id: int
    office_name: str
    start: date
    end: date
    dates_label: str
    ground: str | None
    ground_label: str
    cover: str
    cover_label: str
    covered_by: tuple[str, ...]
    cover_text: str


@dataclass(frozen=True)
class Gap:
    kind: str
    kind_label: str
    office_id: int
    office_name: str
    start: date
    end: date
    dates_label: str
    working_days: int
    doctor_names: tuple[str, ...]
    agreement_id: int | None
    explanation: str
    rule_id: str = VACATION.id
    citation: str = VACATION.citation


@dataclass(frozen=True)
class OfficeWeek:
    week: Week
    away: tuple[Away, ...]
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class OfficeOverview:
    office_id: int
    office_name: str
    weeks: tuple[OfficeWeek, ...]


@dataclass(frozen=True)
class VacationOverview:
    municipality_number: str
    municipality_name: str
    start: date
    end: date
    sees_grounds: bool
    weeks: tuple[Week, ...]
    offices: tuple[OfficeOverview, ...]
    gaps: tuple[Gap, ...]
    rule_id: str = VACATION.id
    citation: str = VACATION.citation


def summer_of(year: int) -> tuple[date, date]:
    """The default period of the overview: 1 June to 31 August."""
    return date(year, 6, 1), date(year, 8, 31)


def coming_summer(today: date) -> tuple[date, date]:
    """The summer an office plans for: this year's until it is over, then next year's."""
    first, last = summer_of(today.year)
    return summer_of(today.year + 1) if today > last else (first, last)


def requested_period(*, first: date | None, last: date | None, today: date) -> Period:
    """The period asked for; what is left out is taken from this year's summer (1 June–31 August)."""
    default_first, default_last = summer_of(today.year)
    first, last = first or default_first, last or default_last
    if last < first:
        raise ValidationFailed([Problem("to", "til-datoen er før fra-datoen")])
    return Period(first, last)


def bounds(period: Period) -> tuple[date, date]:
    """The overview covers a closed period of at most 366 days."""
    if period.end is None:
        raise ValidationFailed([Problem("to", "oppgi til-datoen")])
    if (period.end - period.start).days + 1 > MAX_DAYS:
        raise ValidationFailed([Problem("to", f"ferieoversikten kan gjelde høyst {MAX_DAYS} dager")])
    return period.start, period.end


def weeks_of(*, start: date, end: date) -> list[Week]:
    """The ISO weeks (Monday–Sunday) that the period touches, labelled «uke 28 (6.–12. juli)»."""
    weeks, monday = [], start - timedelta(start.weekday())
    while monday <= end:
        year, number, _ = monday.isocalendar()
        sunday = monday + timedelta(6)
        weeks.append(Week(year, number, monday, sunday, f"uke {number} ({span_text(monday, sunday)})"))
        monday += timedelta(7)
    return weeks
