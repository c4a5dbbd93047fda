"""SU-VACATION, ASA 4310 § 4.2.3 — the overview the SU uses to coordinate vacations: per office and ISO
week (Monday–Sunday) who is away, who covers, and every gap in the cover.

A gap is one of two kinds, counted on working days (Monday–Friday except Norwegian public holidays):

1. `no_cover`: an agreement's GP is away with the cover «ingen dekning»: the list has no doctor.
2. `no_doctor_present`: every doctor of an office is away at once, whatever the cover. An office's doctors
   on a day are the regular doctors and deleleger of its agreements in force, and the vikar holding a list
   that has neither. A vikar standing in for an absent GP does not count: the SU must see when none of the
   office's own doctors is there. An office without any doctor that day (only vacant lists) is AGR-OPEN's
   problem, not a gap here.

Consecutive working days make one gap; weekends and public holidays between them do not break it.
Plain dataclasses in and out (`data`); the service loads them from the database.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from legetjeneste.absence import labels
from legetjeneste.absence.rules import COLLEGIAL, NO_COVER, VIKAR_COVERS
from legetjeneste.absence.vacation.rules.data import (
    VACATION,
    AbsenceFacts,
    AgreementFacts,
    AssistantFacts,
    Away,
    Gap,
    MunicipalityFacts,
    OfficeFacts,
    OfficeOverview,
    OfficeWeek,
    VacationOverview,
    Week,
    weeks_of,
)
from legetjeneste.dates import is_working_day
from legetjeneste.norwegian import joined, span_text

UNCOVERED, NO_DOCTOR_PRESENT = "no_cover", "no_doctor_present"
GAP_KINDS = {UNCOVERED: "fravær uten dekning", NO_DOCTOR_PRESENT: "ingen lege til stede"}
SU_DUTY = (
    "Samarbeidsutvalget skal sørge for at feriene samordnes og at legekontorene gir kommunen en skriftlig "
    f"oversikt over dekningen i god tid før ferien ({VACATION})."
)


def cover_of(absence: AbsenceFacts, assistants: Iterable[AssistantFacts]) -> tuple[tuple[str, ...], str]:
    """Who covers: the vikar by name; for collegial cover the colleagues of the absence assistant whose
    entries overlap the absence, else the arrangement itself; «ingen dekning» for no cover."""
    label = labels.COVER[absence.cover]
    names: tuple[str, ...] = ()
    if absence.cover in VIKAR_COVERS and absence.vikar_name:
        names = (absence.vikar_name,)
    elif absence.cover == COLLEGIAL:
        overlapping = sorted(
            (a.start, a.colleague_name)
            for a in assistants
            if a.agreement_id == absence.agreement_id and a.start <= absence.end and absence.start <= a.end
        )
        names = tuple(dict.fromkeys(name for _, name in overlapping))
    return names, f"{joined(names)} ({label})" if names else label


def away_of(
    absence: AbsenceFacts, office: OfficeFacts, assistants: Iterable[AssistantFacts], *, sees_grounds: bool
) -> Away:
    covered_by, cover_text = cover_of(absence, assistants)
    return Away(
        absence_id=absence.id,
        doctor_id=absence.doctor_id,
        doctor_name=absence.doctor_name,
        agreement_id=absence.agreement_id,
        office_id=office.id,
        office_name=office.name,
        start=absence.start,
        end=absence.end,
        dates_label=span_text(absence.start, absence.end),
        ground=absence.ground if sees_grounds else None,
        ground_label=labels.ground_label(absence.ground, sees_grounds=sees_grounds),
        cover=absence.cover,
        cover_label=labels.COVER[absence.cover],
        covered_by=covered_by,
        cover_text=cover_text,
    )


def _working_days(start: date, end: date) -> list[date]:
    return [
        start + timedelta(n) for n in range((end - start).days + 1) if is_working_day(start + timedelta(n))
    ]


def _runs(days: Iterable[date], position: dict[date, int]) -> list[list[date]]:
    """Working days grouped into runs of consecutive working days."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and position[day] == position[runs[-1][-1]] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _days_nb(count: int) -> str:
    return f"{count} virkedag" if count == 1 else f"{count} virkedager"


def _gap(
    kind: str,
    office: OfficeFacts,
    run: list[date],
    doctor_names: tuple[str, ...],
    agreement_id: int | None,
    explanation: str,
) -> Gap:
    return Gap(
        kind=kind,
        kind_label=GAP_KINDS[kind],
        office_id=office.id,
        office_name=office.name,
        start=run[0],
        end=run[-1],
        dates_label=span_text(run[0], run[-1]),
        working_days=len(run),
        doctor_names=doctor_names,
        agreement_id=agreement_id,
        explanation=explanation,
    )


def uncovered_gaps(
    absences: Iterable[AbsenceFacts], office_of: dict[int, OfficeFacts], working: list[date]
) -> list[Gap]:
    """SU-VACATION gap 1 — working days on which an agreement's GP is away with cover «ingen dekning»."""
    position = {day: n for n, day in enumerate(working)}
    days: dict[tuple[int, int], set[date]] = defaultdict(set)
    names: dict[int, str] = {}
    for absence in absences:
        if absence.cover == NO_COVER and absence.agreement_id in office_of:
            names[absence.doctor_id] = absence.doctor_name
            key = (absence.agreement_id, absence.doctor_id)
            days[key].update(d for d in working if absence.start <= d <= absence.end)
    gaps = []
    for (agreement_id, doctor_id), found in days.items():
        office = office_of[agreement_id]
        for run in _runs(found, position):
            dates = span_text(run[0], run[-1])
            explanation = (
                f"{names[doctor_id]} (avtale {agreement_id}) er borte uten dekning {dates} "
                f"({_days_nb(len(run))}): listens pasienter har ingen lege. {SU_DUTY}"
            )
            gaps.append(_gap(UNCOVERED, office, run, (names[doctor_id],), agreement_id, explanation))
    return gaps


def no_doctor_gaps(
    offices: Iterable[OfficeFacts],
    agreements: Iterable[AgreementFacts],
    absences: Iterable[AbsenceFacts],
    working: list[date],
) -> list[Gap]:
    """SU-VACATION gap 2 — working days on which every doctor of an office is away, whatever the cover."""
    position = {day: n for n, day in enumerate(working)}
    away: dict[date, set[int]] = defaultdict(set)
    names: dict[int, str] = {}
    for absence in absences:
        names[absence.doctor_id] = absence.doctor_name
        for day in working:
            if absence.start <= day <= absence.end:
                away[day].add(absence.doctor_id)
    by_office: dict[int, list[AgreementFacts]] = defaultdict(list)
    for agreement in agreements:
        by_office[agreement.office_id].append(agreement)
    gaps = []
    for office in offices:
        here = by_office[office.id]
        ever = {p.doctor_id for a in here for p in a.periods}
        empty: dict[date, set[int]] = {}
        for day in (day for day in working if away[day] & ever):
            doctors = set().union(*(a.doctors_on(day) for a in here))
            if doctors and doctors <= away[day]:
                empty[day] = doctors
        for run in _runs(empty, position):
            doctor_names = tuple(sorted({names[d] for day in run for d in empty[day]}))
            dates = span_text(run[0], run[-1])
            explanation = (
                f"Alle legene ved {office.name} er borte samtidig {dates} ({_days_nb(len(run))}): "
                f"{joined(doctor_names)}. Ingen av kontorets egne leger er til stede, uansett hvordan "
                f"fraværene er dekket. {SU_DUTY}"
            )
            gaps.append(_gap(NO_DOCTOR_PRESENT, office, run, doctor_names, None, explanation))
    return gaps


def _office_weeks(
    weeks: list[Week], away: list[Away], gaps: list[Gap], start: date, end: date
) -> tuple[OfficeWeek, ...]:
    result = []
    for week in weeks:
        first, last = max(week.start, start), min(week.end, end)
        result.append(
            OfficeWeek(
                week,
                tuple(a for a in away if a.start <= last and first <= a.end),
                tuple(g for g in gaps if g.start <= last and first <= g.end),
            )
        )
    return tuple(result)


def vacation_overview(
    facts: MunicipalityFacts, *, start: date, end: date, sees_grounds: Callable[[int], bool]
) -> VacationOverview:
    """SU-VACATION, ASA 4310 § 4.2.3 — per office and week who is away and who covers, and every gap;
    `sees_grounds(office_id)` says whether the reader may see the grounds of that office's absences."""
    weeks = weeks_of(start=start, end=end)
    offices = {office.id: office for office in facts.offices}
    office_of = {a.id: offices[a.office_id] for a in facts.agreements if a.office_id in offices}
    absences = [
        a for a in facts.absences if a.start <= end and start <= a.end and a.agreement_id in office_of
    ]
    in_force = [a for a in facts.agreements if a.in_force(start, end) and a.office_id in offices]
    shown = {a.office_id for a in in_force} | {office_of[a.agreement_id].id for a in absences}
    working = _working_days(start, end)
    gaps = uncovered_gaps(absences, office_of, working)
    gaps += no_doctor_gaps([offices[i] for i in shown], in_force, absences, working)
    gaps.sort(key=lambda g: (g.start, g.office_name, g.kind, g.doctor_names))
    away: dict[int, list[Away]] = defaultdict(list)
    by_agreement: dict[int, list[AssistantFacts]] = defaultdict(list)
    for assistant in facts.assistants:
        by_agreement[assistant.agreement_id].append(assistant)
    for absence in sorted(absences, key=lambda a: (a.doctor_name, a.start, a.id)):
        office = office_of[absence.agreement_id]
        entry = away_of(
            absence, office, by_agreement[absence.agreement_id], sees_grounds=sees_grounds(office.id)
        )
        away[office.id].append(entry)
    gaps_of: dict[int, list[Gap]] = defaultdict(list)
    for gap in gaps:
        gaps_of[gap.office_id].append(gap)
    overviews = tuple(
        OfficeOverview(
            office.id, office.name, _office_weeks(weeks, away[office.id], gaps_of[office.id], start, end)
        )
        for office in sorted((offices[i] for i in shown), key=lambda o: (o.name, o.id))
    )
    any_grounds = any(sees_grounds(office_id) for office_id in shown)
    return VacationOverview(
        facts.number, facts.name, start, end, any_grounds, tuple(weeks), overviews, tuple(gaps)
    )
