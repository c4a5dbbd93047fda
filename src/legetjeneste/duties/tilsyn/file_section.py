"""The tilsyn part of the duties sections of the municipality file: institutions with their units and dated
norms (keyed by code), municipal doctors with their absences (cover/file_section.py), plan versions with their
hours (keyed by code, hours replaced whole), and vikar budgets (budget/file_section.py). Called from
duties/file_section.py."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.duties.tilsyn import queries
from legetjeneste.duties.tilsyn.budget import file_section as budget_section
from legetjeneste.duties.tilsyn.cover import file_section as cover_section
from legetjeneste.duties.tilsyn.cover import queries as cover_queries
from legetjeneste.duties.tilsyn.models import Institution, Norm, Plan, PlanHours, Unit
from legetjeneste.duties.tilsyn.schemas import InstitutionIn, PlanIn
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry import queries as registry_queries

KEYS = {
    "tilsyn_institutions": Annotated[
        list[InstitutionIn],
        Field(
            description="Institusjoner med avdelinger, sengetype, senger og datert norm (TILSYN-NORM); "
            "nøkkel: code"
        ),
    ],
    **cover_section.KEYS,
    "tilsyn_plans": Annotated[
        list[PlanIn],
        Field(description="Versjoner av tilsynsplanen med timer per ukedag og avdeling; nøkkel: code"),
    ],
    **budget_section.KEYS,
}


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    number = parsed.number
    for _, item in parsed.items["tilsyn_institutions"]:
        _institution(session, number, item, changes)
    session.flush()
    problems = cover_section.apply(session, parsed, changes)
    for index, item in parsed.items["tilsyn_plans"]:
        problems += _plan(session, number, item, changes, f"tilsyn_plans[{index}].")
    return problems + budget_section.apply(session, parsed, changes)


def _institution(session: Session, number: str, item: InstitutionIn, changes: Changes) -> None:
    found = queries.institution_by_code(session, municipality_number=number, code=item.code)
    same = found is not None and institution_in(found) == item
    if found is None:
        found = Institution(municipality_number=number, code=item.code, units=[])
        session.add(found)
    found.name = item.name
    units = {u.code: u for u in found.units}
    for unit_in in item.units:
        unit = units.get(unit_in.code) or Unit(code=unit_in.code, norms=[])
        if unit.code not in units:
            found.units.append(unit)
        unit.name, unit.bed_type, unit.beds = unit_in.name, unit_in.bed_type, unit_in.beds
        norms = {n.since: n for n in unit.norms}
        for norm_in in unit_in.norms:
            norm = norms.get(norm_in.since) or Norm(since=norm_in.since)
            if norm_in.since not in norms:
                unit.norms.append(norm)
            norm.hours, norm.source = norm_in.hours, norm_in.source
    changes.count("tilsyn_institution", existed=found.id is not None, same=same)


def _plan(session: Session, number: str, item: PlanIn, changes: Changes, prefix: str) -> list[Problem]:
    units = {
        (i.code, u.code): u
        for i in queries.institutions(session, municipality_number=number)
        for u in i.units
    }
    rows, problems = [], []
    for index, hours in enumerate(item.hours):
        unit = units.get((hours.institution, hours.unit))
        doctor, municipal = None, None
        if unit is None:
            problems.append(Problem(f"{prefix}hours[{index}].unit", f"avdelingen «{hours.unit}» finnes ikke"))
        if hours.doctor is not None:
            doctor = registry_queries.doctor_by_hpr(
                session, municipality_number=number, hpr_number=hours.doctor
            )
            if doctor is None:
                problems.append(Problem(f"{prefix}hours[{index}].doctor", f"lege {hours.doctor} finnes ikke"))
        if hours.municipal_doctor is not None:
            municipal = cover_queries.municipal_doctor_by_code(
                session, municipality_number=number, code=hours.municipal_doctor
            )
            if municipal is None:
                problems.append(
                    Problem(
                        f"{prefix}hours[{index}].municipal_doctor",
                        f"den kommunale legen «{hours.municipal_doctor}» finnes ikke i municipal_doctors",
                    )
                )
        if unit is not None:
            rows.append(
                PlanHours(
                    unit_id=unit.id,
                    weekday=hours.weekday,
                    hours=hours.hours,
                    doctor_id=doctor.id if doctor else None,
                    municipal_doctor_id=municipal.id if municipal else None,
                    doctor_label=hours.doctor_label,
                )
            )
    if problems:
        return problems
    plan = queries.plan_by_code(session, municipality_number=number, code=item.code)
    same = plan is not None and plan_in(session, plan) == item
    if plan is None:
        plan = Plan(municipality_number=number, code=item.code, hours=[])
        session.add(plan)
    plan.name, plan.valid_from, plan.legevakt_hours, plan.source = (
        item.name,
        item.valid_from,
        item.legevakt_hours,
        item.source,
    )
    if not same:
        plan.hours = rows
    changes.count("tilsyn_plan", existed=plan.id is not None, same=same)
    return []


def institution_in(found: Institution) -> InstitutionIn:
    return InstitutionIn.model_validate(
        dict(
            code=found.code,
            name=found.name,
            units=[
                {
                    "code": u.code,
                    "name": u.name,
                    "bed_type": u.bed_type,
                    "beds": u.beds,
                    "norms": [{"since": n.since, "hours": n.hours, "source": n.source} for n in u.norms],
                }
                for u in found.units
            ],
        )
    )


def plan_in(session: Session, plan: Plan) -> PlanIn:
    units = {
        u.id: (i.code, u.code)
        for i in queries.institutions(session, municipality_number=plan.municipality_number)
        for u in i.units
    }
    return PlanIn.model_validate(
        dict(
            code=plan.code,
            name=plan.name,
            valid_from=plan.valid_from,
            legevakt_hours=plan.legevakt_hours,
            source=plan.source,
            hours=[
                {
                    "institution": units[r.unit_id][0],
                    "unit": units[r.unit_id][1],
                    "weekday": r.weekday,
                    "hours": r.hours,
                    "doctor": r.doctor.hpr_number if r.doctor else None,
                    "municipal_doctor": r.municipal_doctor.code if r.municipal_doctor else None,
                    "doctor_label": r.doctor_label,
                }
                for r in plan.hours
            ],
        )
    )


def plain(value):
    """Hours and money as plain numbers, days as ÅÅÅÅ-MM-DD (export → import gives back the file)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value.normalize())
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def export(session: Session, *, municipality_number: str) -> dict:
    return {
        "tilsyn_institutions": [
            plain(institution_in(i).model_dump(exclude_defaults=True))
            for i in queries.institutions(session, municipality_number=municipality_number)
        ],
        "tilsyn_plans": [
            plain(plan_in(session, p).model_dump(exclude_defaults=True))
            for p in queries.plans(session, municipality_number=municipality_number)
        ],
        "municipal_doctors": cover_section.export(session, municipality_number=municipality_number),
        "vikar_budgets": plain(budget_section.export(session, municipality_number=municipality_number)),
    }
