"""Fee-code counts per office and year (STAT-LV, VEFSN 9.1.2): checked against the register's offices, from
the CSV import (docs/planning-imports.md) and the municipality file's section alike; each office's year is
replaced whole, and nothing is written while a problem remains."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.planning.statistics import queries, rules

CSV_FIELDS = {"office": "organisasjonsnummer", "code": "takst"}


def fee_code_rows(
    session: Session,
    number: str,
    items: list[tuple[str, int, str, int]],
    *,
    where: list[str],
    fields: dict[str, str] | None = None,
) -> tuple[list[dict], list[Problem]]:
    """STAT-LV — (office organisation number, year, code, count) checked against the register's offices;
    a problem's path is `where` and the field's name in `fields` (the file's own column names)."""
    office_field, code_field = (fields or {}).get("office", "office"), (fields or {}).get("code", "code")
    offices = queries.offices_by_organisation_number(session, municipality_number=number)
    rows, problems, seen = [], [], set()
    for (org, year, code, count), path in zip(items, where, strict=True):
        code = code.strip().lower()
        if org not in offices:
            problems.append(
                Problem(f"{path}{office_field}", f"Legekontoret {org} finnes ikke i kommunen", rules.LV.id)
            )
        elif message := rules.fee_code_problem(code):
            problems.append(Problem(f"{path}{code_field}", message, rules.LV.id))
        elif (org, year, code) in seen:
            problems.append(
                Problem(f"{path}{code_field}", f"{code} for {org} i {year} står to ganger", rules.LV.id)
            )
        else:
            seen.add((org, year, code))
            rows.append({"office_id": offices[org].id, "year": year, "code": code, "count": count})
    return rows, problems


@when_free
def import_fee_codes(
    session: Session, *, actor: Actor, municipality_number: str, items: list[tuple[str, int, str, int]]
) -> int:
    """STAT-LV — a CSV import of fee-code counts (docs/planning-imports.md): each office's year replaced
    whole; every problem listed and nothing written if there is one."""
    auth_service.require(actor, "statistics.write")
    scope.require_municipality(actor, municipality_number)
    with write_transaction(session):
        where = [f"rad {i + 2}, " for i in range(len(items))]
        rows, problems = fee_code_rows(session, municipality_number, items, where=where, fields=CSV_FIELDS)
        if problems:
            raise ValidationFailed(problems)
        queries.replace_fee_codes(
            session, office_ids={r["office_id"] for r in rows}, years={r["year"] for r in rows}, rows=rows
        )
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="fee_code_count",
            record_ids=sorted({str(r["year"]) for r in rows}),
            municipality_number=municipality_number,
            detail={"rows": len(rows)},
        )
        return len(rows)
