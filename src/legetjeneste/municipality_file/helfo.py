"""Helfo's monthly list overview: one row per agreement with the list on the 1st.

See docs/helfo-monthly-list.md.

Semicolon-separated UTF-8 with a header row. Required columns: «Avtale-ID» and «Antall på liste»;
optional: «HPR-nummer», «Listetak», «Antall på venteliste», «PBT årsbeløp». Other columns are ignored.
"""

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from legetjeneste.errors import Problem
from legetjeneste.registry.file_section.schemas import ListCountIn
from legetjeneste.registry.schemas import check_month
from legetjeneste.validation import message_of

AGREEMENT, HPR, LISTETAK, LIST_LENGTH, WAITING, PBT = (
    "Avtale-ID",
    "HPR-nummer",
    "Listetak",
    "Antall på liste",
    "Antall på venteliste",
    "PBT årsbeløp",
)
REQUIRED = (AGREEMENT, LIST_LENGTH)


@dataclass(frozen=True)
class HelfoRow:
    line: int
    hpr_number: str | None
    listetak: int | None
    list_count: ListCountIn


@dataclass(frozen=True)
class AgreementFacts:
    """What the register says about an agreement on the month's 1st, to compare with Helfo's row."""

    listetak: int
    regular_hpr: str | None


def _number(text: str) -> str:
    """Helfo writes «1 234» and «84 180,50»; we read 1234 and 84180.50."""
    return text.replace("\u00a0", "").replace(" ", "").replace(",", ".")


def parse_monthly_list(text: str, *, month: str) -> tuple[list[HelfoRow], list[Problem]]:
    try:
        check_month(month)
    except ValueError as error:
        return [], [Problem("month", str(error))]
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    missing = [column for column in REQUIRED if column not in (reader.fieldnames or [])]
    if missing:
        return [], [Problem("header", f"mangler kolonnen «{column}»") for column in missing]
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        try:
            rows.append(_row(line, raw, month))
        except ValidationError as error:
            problems += [_row_problem(line, e) for e in error.errors()]
        except (ValueError, InvalidOperation):
            problems.append(Problem(f"rad {line}", "har et tall som ikke kan leses"))
    return rows, problems


def _row(line: int, raw: dict[str, str | None], month: str) -> HelfoRow:
    def cell(column: str) -> str:
        return _number((raw.get(column) or "").strip())

    count = ListCountIn.model_validate(
        {
            "agreement": cell(AGREEMENT),
            "month": month,
            "list_length": cell(LIST_LENGTH),
            "waiting_list_count": cell(WAITING) or 0,
            "pbt_annual_amount": Decimal(cell(PBT)) if cell(PBT) else None,
        }
    )
    return HelfoRow(line, cell(HPR) or None, int(cell(LISTETAK)) if cell(LISTETAK) else None, count)


_COLUMN_OF = {
    "agreement": AGREEMENT,
    "list_length": LIST_LENGTH,
    "waiting_list_count": WAITING,
    "pbt_annual_amount": PBT,
}


def _row_problem(line: int, error: Mapping[str, Any]) -> Problem:
    column = _COLUMN_OF.get(str(error["loc"][0]), str(error["loc"][0]))
    return Problem(f"rad {line}, {column}", message_of(error))


def check_rows(
    rows: list[HelfoRow], *, agreements: dict[int, AgreementFacts], municipality_number: str
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[int, int] = {}
    for row in rows:
        agreement_id = row.list_count.agreement
        where = f"rad {row.line}"
        if agreement_id in seen:
            problems.append(
                Problem(
                    f"{where}, {AGREEMENT}", f"avtale {agreement_id} står også på rad {seen[agreement_id]}"
                )
            )
        seen.setdefault(agreement_id, row.line)
        facts = agreements.get(agreement_id)
        if facts is None:
            problems.append(
                Problem(
                    f"{where}, {AGREEMENT}",
                    f"fastlegeavtale {agreement_id} finnes ikke i kommune {municipality_number}",
                )
            )
            continue
        if row.hpr_number and row.hpr_number != facts.regular_hpr:
            problems.append(
                Problem(
                    f"{where}, {HPR}",
                    f"{row.hpr_number} er ikke fastlegen på avtalen i registeret "
                    f"({facts.regular_hpr or 'ingen fastlege'})",
                    severity="warning",
                )
            )
        if row.listetak is not None and row.listetak != facts.listetak:
            problems.append(
                Problem(
                    f"{where}, {LISTETAK}",
                    f"Helfo har {row.listetak}, registeret {facts.listetak}",
                    severity="warning",
                )
            )
    return problems
