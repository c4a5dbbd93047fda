"""Use cases of tilsyn (TILSYN-*): planned hours per unit and weekday against the norm, per unit and in total,
with the hours legevakt covers; the plan's versions side by side. Cover while doctors are away is in
cover/service.py, the vikar budget in budget/service.py."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import WEEKDAYS, today_oslo
from legetjeneste.duties.tilsyn import queries, rules
from legetjeneste.duties.tilsyn.cover import rules as cover_rules
from legetjeneste.duties.tilsyn.models import Plan, PlanHours, Unit
from legetjeneste.duties.tilsyn.schemas import PlanRef, TilsynRead, UnitLine, VersionRow, VersionsRead
from legetjeneste.errors import NotFound

RULE_IDS = ["TILSYN-NORM", "TILSYN-BED-TYPES", "TILSYN-LV-SHARE"]


def plan_ref(plan: Plan) -> PlanRef:
    return PlanRef(id=plan.id, code=plan.code, name=plan.name, valid_from=plan.valid_from)


def plan_on(plans: list[Plan], day: date, code: str | None) -> Plan | None:
    if code is not None:
        found = next((p for p in plans if p.code == code), None)
        if found is None:
            raise NotFound(f"Tilsynsplanen «{code}» finnes ikke.")
        return found
    in_force = [p for p in plans if p.valid_from <= day]
    return in_force[-1] if in_force else (plans[0] if plans else None)


def _municipal_name(row: PlanHours) -> str:
    found = row.municipal_doctor
    return cover_rules.display_name(found.name, found.role) if found else row.doctor_label


def _norm(unit: Unit, day: date) -> tuple[Decimal, str] | None:
    return rules.norm_on([(n.since, n.hours, n.source) for n in unit.norms], day)


def _unit_line(unit: Unit, rows: list, day: date) -> UnitLine:
    weekdays: dict[str, Decimal] = defaultdict(Decimal)
    doctors: list[str] = []
    for row in rows:
        weekdays[row.weekday] += row.hours
        name = row.doctor.full_name if row.doctor else _municipal_name(row)
        if name and name not in doctors:
            doctors.append(name)
    planned = sum(weekdays.values(), Decimal(0))
    norm = _norm(unit, day)
    found = rules.compare(planned, norm[0] if norm else None)
    return UnitLine(
        unit_id=unit.id,
        institution=unit.institution.name,
        unit=unit.name,
        bed_type=unit.bed_type,
        bed_type_label=rules.BED_TYPES[unit.bed_type],
        beds=unit.beds,
        weekdays={d: weekdays[d] for d in WEEKDAYS if d in weekdays},
        planned=planned,
        norm=found.norm,
        norm_source=norm[1] if norm else None,
        difference=found.difference,
        share=found.share,
        doctors=doctors,
        daily_follow_up=rules.needs_daily_follow_up(unit.bed_type),
    )


def _lines(session: Session, number: str, plan: Plan | None, day: date) -> list[UnitLine]:
    by_unit: dict[int, list] = defaultdict(list)
    for row in plan.hours if plan else []:
        by_unit[row.unit_id].append(row)
    units = [u for i in queries.institutions(session, municipality_number=number) for u in i.units]
    shown = [u for u in units if u.id in by_unit or _norm(u, day) is not None]
    return [_unit_line(u, by_unit[u.id], day) for u in shown]


def tilsyn(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    on: date | None = None,
    plan: str | None = None,
) -> TilsynRead:
    """TILSYN-NORM, TILSYN-LV-SHARE — per unit and in total: planned, norm, difference and share of the norm,
    the weekday view, and the hours legevakt covers; the plan in force on the day (or the one named)."""
    auth_service.require(actor, "duties.read")
    day = on or today_oslo()
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        plans = queries.plans(session, municipality_number=municipality_number)
        chosen = plan_on(plans, day, plan)
        lines = _lines(session, municipality_number, chosen, day)
        total = rules.totals([(line.planned, line.norm) for line in lines])
        weekday_totals: dict[str, Decimal] = defaultdict(Decimal)
        for line in lines:
            for weekday, hours in line.weekdays.items():
                weekday_totals[weekday] += hours
        legevakt = chosen.legevakt_hours if chosen else None
        return TilsynRead(
            municipality=municipality_number,
            municipality_name=municipality.name,
            on=day,
            plan=plan_ref(chosen) if chosen else None,
            units=lines,
            planned=total.planned,
            planned_with_norm=total.planned_with_norm,
            norm=total.norm,
            difference=total.difference,
            share=total.share,
            weekday_totals={d: weekday_totals[d] for d in WEEKDAYS if d in weekday_totals},
            legevakt_hours=legevakt,
            legevakt_share=rules.legevakt_share(legevakt) if legevakt is not None else None,
            versions=[plan_ref(p) for p in plans],
            rule_ids=RULE_IDS,
        )


def versions(
    session: Session, *, actor: Actor, municipality_number: str, on: date | None = None
) -> VersionsRead:
    """TILSYN-NORM — the plan's versions side by side (before and after a restructuring): per unit the planned
    hours in each, with today's norm."""
    auth_service.require(actor, "duties.read")
    day = on or today_oslo()
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        plans = queries.plans(session, municipality_number=municipality_number)
        units = [
            u for i in queries.institutions(session, municipality_number=municipality_number) for u in i.units
        ]
        per_plan = []
        for plan in plans:
            hours: dict[int, Decimal] = defaultdict(Decimal)
            for row in plan.hours:
                hours[row.unit_id] += row.hours
            per_plan.append(hours)
        rows = [
            VersionRow(
                institution=u.institution.name,
                unit=u.name,
                planned=[h[u.id] for h in per_plan],
                norm=(_norm(u, day) or (None,))[0],
            )
            for u in units
        ]
        return VersionsRead(
            plans=[plan_ref(p) for p in plans],
            rows=rows,
            totals=[sum(h.values(), Decimal(0)) for h in per_plan],
        )
