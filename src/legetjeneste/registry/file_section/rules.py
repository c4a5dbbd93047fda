"""Checks of the register's part of a municipality file: duplicates, references, periods and AGR-LISTETAK."""

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from legetjeneste.dates import Period
from legetjeneste.errors import Problem
from legetjeneste.registry import rules

Items = Mapping[str, list[tuple[int, Any]]]


@dataclass(frozen=True)
class Keys:
    """Offices by organisation number, doctors by HPR number, agreements by id."""

    organisation_numbers: set[str] = field(default_factory=set)
    hpr_numbers: set[str] = field(default_factory=set)
    agreement_ids: set[int] = field(default_factory=set)

    def __or__(self, other: "Keys") -> "Keys":
        return Keys(
            self.organisation_numbers | other.organisation_numbers,
            self.hpr_numbers | other.hpr_numbers,
            self.agreement_ids | other.agreement_ids,
        )


@dataclass(frozen=True)
class Existing:
    """What the database already holds: in this municipality (may be referred to) or in another (a clash)."""

    organisation_numbers: set[str] = field(default_factory=set)
    hpr_numbers: set[str] = field(default_factory=set)
    agreement_ids: set[int] = field(default_factory=set)
    other_municipality_organisation_numbers: set[str] = field(default_factory=set)
    other_municipality_agreement_ids: set[int] = field(default_factory=set)

    @property
    def own(self) -> Keys:
        return Keys(self.organisation_numbers, self.hpr_numbers, self.agreement_ids)


def mentioned_keys(document: Mapping) -> Keys:
    """The keys of the file's offices, doctors and agreements, also of items that failed to parse, so that
    references to them raise no echo."""

    def raw_keys(section: str, key: str) -> list:
        items = document.get(section, [])
        if not isinstance(items, list):
            return []
        return [raw[key] for raw in items if isinstance(raw, dict) and raw.get(key) is not None]

    return Keys(
        organisation_numbers={str(value) for value in raw_keys("offices", "organisation_number")},
        hpr_numbers={str(value) for value in raw_keys("doctors", "hpr_number")},
        agreement_ids={value for value in raw_keys("agreements", "id") if isinstance(value, int)},
    )


def check_file(
    items: Items, *, mentioned: Keys, existing: Existing, max_listetak: int, min_listetak: int, today: date
) -> list[Problem]:
    offices, doctors, agreements = items["offices"], items["doctors"], items["agreements"]
    problems: list[Problem] = []
    problems += _duplicates("offices", "organisation_number", offices, lambda o: o.organisation_number)
    problems += _duplicates("doctors", "hpr_number", doctors, lambda d: d.hpr_number)
    problems += _duplicates("agreements", "id", agreements, lambda a: a.id)
    problems += _duplicates("list_counts", "month", items["list_counts"], lambda c: (c.agreement, c.month))
    for index, office in offices:
        if office.organisation_number in existing.other_municipality_organisation_numbers:
            problems.append(
                Problem(
                    f"offices[{index}].organisation_number",
                    f"{office.organisation_number} er registrert i en annen kommune",
                )
            )
    for index, doctor in doctors:
        if doctor.birth_date > today:
            problems.append(Problem(f"doctors[{index}].birth_date", "fødselsdatoen er i fremtiden"))
    known = mentioned | existing.own
    for index, agreement in agreements:
        problems += _agreement_problems(
            f"agreements[{index}]",
            agreement,
            orgnrs=known.organisation_numbers,
            hprs=known.hpr_numbers,
            existing=existing,
            max_listetak=max_listetak,
            min_listetak=min_listetak,
        )
    for index, count in items["list_counts"]:
        if count.agreement not in known.agreement_ids:
            problems.append(
                Problem(
                    f"list_counts[{index}].agreement",
                    f"fastlegeavtale {count.agreement} finnes ikke i filen eller kommunen",
                )
            )
    return problems


def _duplicates(
    section: str, field_name: str, items: Iterable[tuple[int, Any]], key: Callable[[Any], Hashable]
) -> list[Problem]:
    first_seen: dict[Hashable, int] = {}
    problems = []
    for index, item in items:
        value = key(item)
        if value in first_seen:
            problems.append(
                Problem(
                    f"{section}[{index}].{field_name}",
                    f"står også i {section}[{first_seen[value]}]; hver skal stå én gang",
                )
            )
        else:
            first_seen[value] = index
    return problems


def _agreement_problems(
    path: str,
    agreement: Any,
    *,
    orgnrs: set[str],
    hprs: set[str],
    existing: Existing,
    max_listetak: int,
    min_listetak: int,
) -> list[Problem]:
    problems = [
        Problem(f"{path}.{p.path}", p.message, p.rule_id, p.severity)
        for p in rules.listetak_problems(
            agreement.listetak, max_listetak=max_listetak, min_listetak=min_listetak
        )
    ]
    if agreement.id in existing.other_municipality_agreement_ids:
        problems.append(
            Problem(f"{path}.id", f"fastlegeavtale {agreement.id} er registrert i en annen kommune")
        )
    if agreement.office not in orgnrs:
        problems.append(
            Problem(f"{path}.office", f"legekontor {agreement.office} finnes ikke i filen eller kommunen")
        )
    if agreement.end is not None and agreement.end < agreement.start:
        problems.append(Problem(f"{path}.end", "sluttdatoen er før startdatoen"))
    return problems + _period_problems(path, agreement, hprs)


def _period_problems(path: str, agreement: Any, hprs: set[str]) -> list[Problem]:
    problems, spans = [], []
    serving = {p.doctor for p in agreement.doctor_periods}
    for k, period in enumerate(agreement.doctor_periods):
        where = f"{path}.doctor_periods[{k}]"
        if period.doctor not in hprs:
            problems.append(Problem(f"{where}.doctor", f"lege med HPR-nummer {period.doctor} finnes ikke"))
        if period.vikar_for is not None and period.vikar_for not in hprs:
            problems.append(
                Problem(f"{where}.vikar_for", f"lege med HPR-nummer {period.vikar_for} finnes ikke")
            )
        elif period.vikar_for is not None and period.vikar_for not in serving:
            problems.append(
                Problem(
                    f"{where}.vikar_for",
                    f"{period.vikar_for} har ingen periode på denne avtalen",
                    severity="warning",
                )
            )
        if period.end is not None and period.end < period.start:
            problems.append(Problem(f"{where}.end", "sluttdatoen er før startdatoen"))
            spans.append(("invalid", Period(period.start)))
        else:
            spans.append((period.role, Period(period.start, period.end)))
    for first, second in rules.overlapping_regular_periods(spans):
        problems.append(
            Problem(
                f"{path}.doctor_periods[{second}].start",
                f"overlapper fastlegeperioden doctor_periods[{first}] ({spans[first][1]}); "
                "en avtale har én fastlege om gangen",
            )
        )
    return problems
