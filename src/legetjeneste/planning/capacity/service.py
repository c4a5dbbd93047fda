"""Use cases of capacity and forecast (RULES.md § 7): population by age band (STAT-POPULATION), the
register's capacity (PLAN-CAPACITY), the list need of a scenario (PLAN-LIST-NEED), the GPs' age horizon
(PLAN-AGE-HORIZON), and what the plan means for one GP (PLAN-PREDICTABILITY, the panel on Min side)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.planning.capacity import queries, rules
from legetjeneste.planning.plan import queries as plan_queries
from legetjeneste.registry import queries as registry_queries

HORIZONS = (5, 10)


def population_view(session: Session, number: str) -> list[dict]:
    """STAT-POPULATION — per year the count of each age band, actual or projected, with its source."""
    years: dict[int, dict] = {}
    for f in queries.population(session, municipality_number=number):
        year = years.setdefault(
            f.year, {"year": f.year, "projected": f.projected, "source": f.source, "bands": {}}
        )
        year["bands"][f.age_band] = f.count
    return list(years.values())


def _lists(session: Session, number: str, today: date) -> list[dict]:
    """The register's agreements in force today with listetak, list length and whether a GP holds them."""
    agreements = [
        a
        for a in registry_queries.agreements(session, municipality_number=number)
        if a.start <= today and (a.end is None or a.end >= today)
    ]
    counts = registry_queries.latest_list_counts(session, [a.id for a in agreements], on=today)
    found = []
    for a in agreements:
        regular = [p for p in a.doctor_periods if p.role == "regular" and p.period.contains(today)]
        length = counts[a.id].list_length if a.id in counts else None
        found.append(
            {
                "agreement": a.id,
                "office": a.office.name,
                "listetak": a.listetak,
                "list_length": length,
                "doctor_id": regular[0].doctor_id if regular else None,
                "doctor": regular[0].doctor.full_name if regular else None,
                "birth_date": regular[0].doctor.birth_date if regular else None,
                "open_places": max(0, a.listetak - (length or 0))
                if a.list_status == "open" and length is not None
                else 0,
            }
        )
    return found


def _population_total(
    years: list[dict], *, projected: bool, year: int | None = None
) -> tuple[int, int] | None:
    """(year, total) of the newest actual year, or of the projected year nearest `year`."""
    found = [
        (y["year"], y["bands"]["total"])
        for y in years
        if y["projected"] == projected and "total" in y["bands"]
    ]
    if not found:
        return None
    if year is None:
        return max(found)
    return min(found, key=lambda item: abs(item[0] - year))


def _horizons(lists: list[dict], today: date) -> list[dict]:
    births = [row["birth_date"] for row in lists if row["birth_date"] is not None]
    found = []
    for years in HORIZONS:
        on = date(today.year + years, today.month, min(today.day, 28))
        h = rules.age_horizon(
            births,
            today=today,
            years=years,
            age_limit=int(parameters.value("agreements/age_limit", on=on)),
            discretion_age=int(parameters.value("legevakt/discretion_weight_age", on=on)),
            right_age=int(parameters.value("legevakt/exemption_age", on=on)),
        )
        found.append(h.__dict__ | {"pool_today": sum(1 for b in births if rules.age_on(b, today) < 60)})
    return found


def capacity_view(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    target_average: int | None = None,
    horizon_year: int | None = None,
    today: date | None = None,
) -> dict:
    """PLAN-CAPACITY, PLAN-LIST-NEED, PLAN-AGE-HORIZON, STAT-POPULATION — the municipality's capacity today,
    the list need of the scenario (target average list, the new agreements' listetak) and the age horizon."""
    auth_service.require(actor, "statistics.read")
    scope.require_municipality(actor, municipality_number)
    today = today or today_oslo()
    with session.begin():
        number = municipality_number
        lists = _lists(session, number, today)
        years = population_view(session, number)
        found = registry_queries.municipalities(session, number=number)
        municipality = found[0] if found else None
        registered = (
            max(((p.year, p.inhabitants) for p in municipality.populations), default=None)
            if municipality
            else None
        )
        actual = _population_total(years, projected=False) or registered
        horizon_year = horizon_year or today.year + 5
        projected = _population_total(years, projected=True, year=horizon_year)
        listed = sum(row["list_length"] or 0 for row in lists)
        with_gp = [row for row in lists if row["doctor_id"] is not None]
        average = round(sum(r["list_length"] or 0 for r in with_gp) / len(with_gp)) if with_gp else 0
        target = target_average or average or 1
        new_listetak = int(parameters.value("planning/alis_listetak", on=today))
        cap = rules.capacity(
            listetak_sum=sum(r["listetak"] for r in lists),
            listed=listed,
            listed_without_gp=sum(r["list_length"] or 0 for r in lists if r["doctor_id"] is None),
            open_places=sum(r["open_places"] for r in lists),
            population=actual[1] if actual else None,
        )
        future = projected[1] if projected else (actual[1] if actual else listed)
        need = rules.list_need(
            future_population=future,
            listetak_sum=cap.listetak_sum,
            listed=listed,
            agreements=len(lists),
            target_average=target,
            new_listetak=new_listetak,
        )
        return {
            "municipality_number": number,
            "municipality_name": municipality.name if municipality else number,
            "today": today,
            "rule_ids": {
                "capacity": rules.CAPACITY.id,
                "list_need": rules.LIST_NEED.id,
                "age_horizon": rules.AGE_HORIZON.id,
                "population": rules.POPULATION.id,
            },
            "population": years,
            "population_year": actual[0] if actual else None,
            "capacity": cap.__dict__,
            "lists": [{k: v for k, v in row.items() if k != "birth_date"} for row in lists],
            "average_list_length": average,
            "scenario": {
                "target_average": target,
                "new_listetak": new_listetak,
                "horizon_year": horizon_year,
                "future_population": future,
                "projected": projected is not None,
            },
            "list_need": need.__dict__,
            "age_horizon": _horizons(lists, today),
        }


@when_free
def import_population(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    counts: list[rules.PopulationCount],
    projected: bool,
    source: str,
) -> int:
    """STAT-POPULATION — the municipality's figures of an SSB file stored (other municipalities' rows in the
    file are left out); each year and band replaced."""
    auth_service.require(actor, "statistics.write")
    scope.require_municipality(actor, municipality_number)
    mine = [c for c in counts if c.municipality_number == municipality_number]
    if not mine:
        raise ValidationFailed(
            [Problem("fil", f"Filen har ingen tall for kommune {municipality_number}", rules.POPULATION.id)]
        )
    with write_transaction(session):
        for c in mine:
            queries.store(
                session,
                municipality_number=municipality_number,
                year=c.year,
                age_band=c.age_band,
                count=c.count,
                projected=projected,
                source=source,
            )
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="population_figure",
            record_ids=sorted({str(c.year) for c in mine}),
            municipality_number=municipality_number,
            detail={"figures": len(mine), "projected": projected, "source": source},
        )
    return len(mine)


def gp_panel(session: Session, *, actor: Actor, doctor_id: int | None) -> dict | None:
    """PLAN-PREDICTABILITY — what the plan means for this GP: their list against the municipality's average
    and the plan's target, the patient mix ahead (80+ now and projected), the GP's own age milestones and
    the plan's measures that concern GPs, with their status."""
    if doctor_id is None:
        return None
    today = today_oslo()
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        number = doctor.municipality_number
        lists = _lists(session, number, today)
        mine = [row for row in lists if row["doctor_id"] == doctor_id]
        with_gp = [r for r in lists if r["doctor_id"] is not None]
        average = round(sum(r["list_length"] or 0 for r in with_gp) / len(with_gp)) if with_gp else None
        plans = plan_queries.plans(session, municipality_number=number)
        plan = plans[0] if plans else None
        years = population_view(session, number)
        milestones = [
            (
                label,
                date(doctor.birth_date.year + age, doctor.birth_date.month, min(doctor.birth_date.day, 28)),
            )
            for label, age in (
                ("55 år: søknad om fritak fra legevakt gis særlig vekt", 55),
                ("60 år: rett til fritak fra legevakt", 60),
            )
        ]
        return {
            "rule_id": "PLAN-PREDICTABILITY",
            "lists": mine,
            "average_list_length": average,
            "target_list_length": plan.target_list_length if plan else None,
            "alis_listetak": int(parameters.value("planning/alis_listetak", on=today)),
            "elderly": [
                (y["year"], y["projected"], y["bands"].get("80+"), y["bands"].get("total"))
                for y in years
                if "80+" in y["bands"]
            ],
            "milestones": [(label, day) for label, day in milestones if day >= today],
            "plan": {"id": plan.id, "title": plan.title} if plan else None,
            "measures": [
                {
                    "need": n.letter,
                    "text": m.text,
                    "status": m.status,
                    "progress": m.progress,
                    "period": m.period_text or "–".join(str(y) for y in (m.first_year, m.last_year) if y),
                }
                for n in (plan.needs if plan else [])
                for m in n.measures
                if m.concerns_gps
            ],
        }
