"""The citizen file (docs/citizen-file.md) as pure functions: one JSON object per line, each a citizen with
their parents (by fødselsnummer) and places on lists; every problem found, with its line."""

import json
from dataclasses import dataclass
from datetime import date

from legetjeneste.citizens import rules
from legetjeneste.errors import Problem, ValidationFailed

FORMAT = "legetjeneste-citizens/1"


@dataclass(frozen=True)
class Place:
    agreement_id: int
    start: date
    end: date | None
    begin_reason: str
    end_reason: str | None


@dataclass(frozen=True)
class Row:
    national_id: rules.NationalId
    name: str
    home_municipality_number: str
    resident_since: date
    parents: tuple[str, ...]
    places: tuple[Place, ...]


def _date(value, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: «{value}» er ikke en dato på formen ÅÅÅÅ-MM-DD") from None


def _place(raw: dict, where: str) -> Place:
    reason = raw.get("begin_reason", "register")
    if reason not in rules.REASONS or (raw.get("end_reason") or "register") not in rules.REASONS:
        raise ValueError(f"{where}: ukjent grunn")
    return Place(
        agreement_id=int(raw["agreement"]),
        start=_date(raw.get("start"), f"{where} start"),
        end=_date(raw["end"], f"{where} end") if raw.get("end") else None,
        begin_reason=reason,
        end_reason=raw.get("end_reason"),
    )


def parse(lines: list[str], *, allow_synthetic: bool, today: date) -> list[Row]:
    """Every line a citizen; the first line the header {"format": FORMAT}. All problems, or the rows."""
    problems: list[Problem] = []
    if not lines or json.loads(lines[0] or "{}").get("format") != FORMAT:
        raise ValidationFailed([Problem("format", f'første linje må være {{"format": "{FORMAT}"}}')])
    found = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            found.append(
                Row(
                    national_id=rules.national_id(
                        raw.get("national_id", ""), allow_synthetic=allow_synthetic, today=today
                    ),
                    name=str(raw["name"])[:200],
                    home_municipality_number=str(raw["home_municipality"]),
                    resident_since=_date(raw.get("resident_since"), "resident_since"),
                    parents=tuple(raw.get("parents", [])),
                    places=tuple(_place(p, f"places[{i}]") for i, p in enumerate(raw.get("places", []))),
                )
            )
        except ValidationFailed as error:
            problems += [Problem(f"linje {number}", p.message) for p in error.problems]
        except (ValueError, KeyError, TypeError) as error:
            problems.append(Problem(f"linje {number}", f"{error}"))
    if problems:
        raise ValidationFailed(problems)
    return found
