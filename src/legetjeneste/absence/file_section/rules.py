"""Checks of absence's part of a municipality file: references, overlaps and the ABS rules."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from legetjeneste.absence import rules as absence_rules
from legetjeneste.dates import Period
from legetjeneste.errors import Problem


@dataclass(frozen=True)
class ExistingAbsences:
    """The municipality's absences already stored, by doctor: (start, period); and who serves which list."""

    by_doctor: dict[str, list[tuple[date, Period]]] = field(default_factory=dict)
    serving: set[tuple[int, str]] = field(default_factory=set)


Items = Mapping[str, list[tuple[int, Any]]]


def check_absence_sections(
    items: Items,
    *,
    existing: ExistingAbsences,
    hprs: set[str],
    agreement_ids: set[int],
    orgnrs: set[str],
) -> list[Problem]:
    problems = _absence_problems(items, existing=existing, hprs=hprs, agreement_ids=agreement_ids)
    seen: set[int] = set()
    for index, item in items["digital_services"]:
        where = f"digital_services[{index}].agreement"
        if item.agreement in seen:
            problems.append(
                Problem(where, f"avtale {item.agreement} står flere ganger; hver skal stå én gang")
            )
        seen.add(item.agreement)
        if item.agreement not in agreement_ids:
            problems.append(
                Problem(where, f"fastlegeavtale {item.agreement} finnes ikke i filen eller kommunen")
            )
    for index, entry in items["absence_assistant"]:
        where = f"absence_assistant[{index}]"
        if entry.agreement not in agreement_ids:
            problems.append(Problem(f"{where}.agreement", f"fastlegeavtale {entry.agreement} finnes ikke"))
        if entry.colleague not in hprs:
            problems.append(
                Problem(f"{where}.colleague", f"lege med HPR-nummer {entry.colleague} finnes ikke")
            )
        if entry.end < entry.start:
            problems.append(Problem(f"{where}.end", "sluttdatoen er før startdatoen"))
    for index, notice in items["office_notices"]:
        where = f"office_notices[{index}]"
        if notice.office not in orgnrs:
            problems.append(
                Problem(f"{where}.office", f"legekontor {notice.office} finnes ikke i filen eller kommunen")
            )
        if notice.end is not None and notice.end < notice.start:
            problems.append(Problem(f"{where}.end", "sluttdatoen er før startdatoen"))
    return problems


def _serving_in_file(items: Items) -> set[tuple[int, str]]:
    return {
        (agreement.id, period.doctor)
        for _, agreement in items["agreements"]
        for period in agreement.doctor_periods
        if period.role in absence_rules.SERVING_ROLES
    }


def _absence_problems(
    items: Items, *, existing: ExistingAbsences, hprs: set[str], agreement_ids: set[int]
) -> list[Problem]:
    """ABS-TYPES, ABS-COURSE — each absence as the API checks it, plus the overlaps within the file and with
    the absences already stored that the file does not replace."""
    problems: list[Problem] = []
    first_index: dict[tuple[str, date], int] = {}
    for index, absence in items["absences"]:
        key = (absence.doctor, absence.start)
        if key in first_index:
            message = f"står også i absences[{first_index[key]}] (samme lege og startdato)"
            problems.append(Problem(f"absences[{index}].start", message))
        first_index.setdefault(key, index)
    serving = _serving_in_file(items) | existing.serving
    known_lists = {a.id for _, a in items["agreements"]} | {a_id for a_id, _ in existing.serving}
    in_file: dict[str, list[tuple[date, Period]]] = defaultdict(list)
    for _, absence in items["absences"]:
        if absence.end >= absence.start:
            in_file[absence.doctor].append((absence.start, Period(absence.start, absence.end)))
    for index, absence in items["absences"]:
        where = f"absences[{index}]"
        if absence.doctor not in hprs:
            problems.append(Problem(f"{where}.doctor", f"lege med HPR-nummer {absence.doctor} finnes ikke"))
        if absence.agreement not in agreement_ids:
            problems.append(Problem(f"{where}.agreement", f"fastlegeavtale {absence.agreement} finnes ikke"))
        elif absence.agreement in known_lists and (absence.agreement, absence.doctor) not in serving:
            problems.append(
                Problem(f"{where}.agreement", f"legen er ikke fastlege på avtale {absence.agreement}")
            )
        stored = [
            item
            for item in existing.by_doctor.get(absence.doctor, [])
            if item[0] not in {start for start, _ in in_file[absence.doctor]}
        ]
        others = [period for start, period in in_file[absence.doctor] + stored if start != absence.start]
        period = Period(absence.start, max(absence.start, absence.end))
        found = absence_rules.absence_problems(
            start=absence.start,
            end=absence.end,
            ground=absence.ground,
            cover=absence.cover,
            vikar_given=absence.vikar is not None,
            vikar_known=absence.vikar in hprs,
            vikar_is_the_doctor=absence.vikar == absence.doctor,
            collisions=[other for other in others if other.overlaps(period)],
            vikar_field="vikar",
        )
        problems += [Problem(f"{where}.{p.path}", p.message, p.rule_id, p.severity) for p in found]
    return problems
