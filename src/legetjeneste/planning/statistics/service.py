"""Use cases of the yearly statistics (RULES.md § 7, STAT-*): the year's report with legevakt use against
the benchmark and the target, consultations, fee codes, vacancies, costs, workload, ALIS cost and the
quality indicators beside the year before, and its PDF. Recording a quality indicator is in
`statistics/quality/`, importing fee-code counts in `statistics/fee_codes/`.

Vacant shifts come from the features that count them (`Feature.year_figures`: legevakt's rosters) when
one does, else from what the municipality registered for the year; the report says which."""

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.features import features, resolve
from legetjeneste.planning.statistics import pdf, queries, rules
from legetjeneste.planning.statistics.schemas import plain_decimal
from legetjeneste.registry import queries as registry_queries


def _read(actor: Actor, municipality_number: str) -> None:
    auth_service.require(actor, "statistics.read")
    scope.require_municipality(actor, municipality_number)


def counted_by_features(session: Session, *, municipality_number: str, year: int) -> dict[str, int]:
    """STAT-LV-VACANCY — what other features count for the year (Feature.year_figures), summed by name."""
    found: dict[str, int] = {}
    for feature in features():
        for target in feature.year_figures:
            for name, value in resolve(target)(
                session, municipality_number=municipality_number, year=year
            ).items():
                found[name] = found.get(name, 0) + value
    return found


def _inhabitants(row, registered: dict[int, int]) -> int | None:
    return row.inhabitants if row.inhabitants is not None else registered.get(row.year)


def _year_figures(session: Session, row, registered: dict[int, int]) -> dict:
    inhabitants = _inhabitants(row, registered)
    counted = counted_by_features(session, municipality_number=row.municipality_number, year=row.year)
    from_rosters = "legevakt_vacant_shifts" in counted
    vacant = counted["legevakt_vacant_shifts"] if from_rosters else row.vacant_shifts
    shifts = counted.get("legevakt_shifts") if from_rosters else row.legevakt_shifts
    cost = rules.legevakt_cost(
        row.legevakt_cost, inhabitants=inhabitants, contacts=row.legevakt_contacts, budget=row.service_budget
    )
    return {
        "year": row.year,
        "registered": True,
        "inhabitants": inhabitants,
        "legevakt_contacts": row.legevakt_contacts,
        "legevakt_rate": rules.legevakt_rate(row.legevakt_contacts, inhabitants, row.year),
        "legevakt_target": plain_decimal(row.legevakt_target),
        "gp_consultations": row.gp_consultations,
        "consultations_per_inhabitant": rules.per_inhabitant(row.gp_consultations, inhabitants),
        "legevakt_shifts": shifts,
        "vacant_shifts": vacant,
        "vacancy_share": rules.vacancy_share(vacant, shifts),
        "vacancy_source": "vaktlistene" if from_rosters else "registrert av kommunen",
        "legevakt_cost": plain_decimal(row.legevakt_cost),
        "service_budget": plain_decimal(row.service_budget),
        "legevakt_cost_per_inhabitant": cost.per_inhabitant,
        "legevakt_cost_per_contact": cost.per_contact,
        "legevakt_cost_share": cost.share_of_budget,
        "source": row.source,
    }


YEAR_KEYS = (
    "inhabitants", "legevakt_contacts", "legevakt_rate", "legevakt_target", "gp_consultations",
    "consultations_per_inhabitant", "legevakt_shifts", "vacant_shifts", "vacancy_share", "legevakt_cost",
    "service_budget", "legevakt_cost_per_inhabitant", "legevakt_cost_per_contact", "legevakt_cost_share",
)  # fmt: skip


def _nothing(year: int) -> dict:
    """A year the municipality registered nothing for: every figure missing («–»), never 0."""
    return {"year": year, "registered": False, "vacancy_source": "", "source": "", **dict.fromkeys(YEAR_KEYS)}


def _quality(session: Session, number: str, year: int) -> list[dict]:
    stored = {
        q.indicator: q
        for q in queries.quality_indicators(session, municipality_number=number)
        if q.year == year
    }
    found = []
    for code, label in rules.INDICATORS.items():
        q = stored.get(code)
        status = rules.quality_status(q.status if q else None)
        found.append(
            {
                "indicator": code,
                "label": label,
                "status": status,
                "status_text": rules.QI_STATUS[status],
                "evidence": q.evidence if q else "",
                "reported_on": q.reported_on if q else None,
            }
        )
    return found


def _fee_codes(session: Session, number: str, years: tuple[int, int]) -> list[dict]:
    by_office: dict[tuple[str, int], dict[str, int]] = {}
    for c in queries.fee_code_counts(session, municipality_number=number):
        if c.year in years:
            by_office.setdefault((c.office.name, c.year), {})[c.code] = c.count
    return [
        {"office": office, "year": y, "groups": rules.fee_code_groups(counts)}
        for (office, y), counts in sorted(by_office.items())
    ]


def _office_quality(session: Session, number: str, years: tuple[int, int]) -> list[dict]:
    return [
        {
            "office": q.office.name,
            "year": q.year,
            "indicator": q.indicator,
            "label": rules.OFFICE_INDICATORS.get(q.indicator, (q.indicator, ""))[0],
            "unit": rules.OFFICE_INDICATORS.get(q.indicator, ("", ""))[1],
            "value": plain_decimal(q.value),
            "note": q.note,
        }
        for q in queries.office_quality_indicators(session, municipality_number=number)
        if q.year in years
    ]


def _workload(session: Session, number: str, on: date) -> dict:
    reference = parameters.value("planning/gp_reference_workload", on=on)
    target = Decimal(str(parameters.value("planning/gp_target_weekly_hours", on=on)))
    mean = Decimal(str(reference["mean"]))
    share = rules.extra_gps_share(mean, target)
    gps = sum(1 for a in registry_queries.agreements(session, municipality_number=number) if a.end is None)
    return {
        "rule_id": rules.WORKLOAD.id,
        "reference": reference,
        "target_hours": target,
        "extra_share": share,
        "agreements": gps,
        "extra_gps": (gps * share / 100).quantize(Decimal("0.1")),
    }


def _alis(on: date) -> dict:
    lines = parameters.value("planning/alis_cost", on=on)
    return {
        "rule_id": rules.ALIS_COST.id,
        "lines": lines,
        "total": rules.alis_cost(lines),
        "note": "Kildens egen tabell antyder om lag 194 700 kr; summen av postene er vist.",
    }


def year_report(session: Session, *, actor: Actor, municipality_number: str, year: int) -> dict:
    """STAT-* — the year's statistics beside the year before, every figure with its rule id; years up to
    `year` for the charts."""
    _read(actor, municipality_number)
    with session.begin():
        number = municipality_number
        found = registry_queries.municipalities(session, number=number)
        municipality = found[0] if found else None
        registered = {p.year: p.inhabitants for p in municipality.populations} if municipality else {}
        rows = [r for r in queries.years(session, municipality_number=number) if r.year <= year]
        history = [_year_figures(session, r, registered) for r in rows]
        on = date(year, 12, 31)
        both = (year - 1, year)
        return {
            "municipality_number": number,
            "municipality_name": municipality.name if municipality else number,
            "year": year,
            "benchmark": Decimal(str(parameters.value("planning/legevakt_benchmark", on=on))),
            "rule_ids": {
                "legevakt": rules.LV.id,
                "vacancy": rules.VACANCY.id,
                "cost": rules.LV_COST.id,
                "quality": rules.QI.id,
                "office_quality": rules.OFFICE_QI.id,
            },
            "history": history,
            "current": next((h for h in history if h["year"] == year), _nothing(year)),
            "previous": next((h for h in history if h["year"] == year - 1), _nothing(year - 1)),
            "quality": _quality(session, number, year),
            "quality_previous": _quality(session, number, year - 1),
            "office_quality": _office_quality(session, number, both),
            "fee_codes": _fee_codes(session, number, both),
            "workload": _workload(session, number, on),
            "alis": _alis(on),
        }


def report_pdf(session: Session, *, actor: Actor, municipality_number: str, year: int) -> tuple[str, bytes]:
    """STAT-* — the yearly report as an A4 PDF for the SU and the kommunestyre."""
    report = year_report(session, actor=actor, municipality_number=municipality_number, year=year)
    return f"arsrapport-{municipality_number}-{year}.pdf", pdf.report_pdf(report)


def latest_year(session: Session, *, actor: Actor, municipality_number: str) -> int | None:
    """The newest year the municipality has statistics for."""
    _read(actor, municipality_number)
    with session.begin():
        found = queries.years(session, municipality_number=municipality_number)
        return found[-1].year if found else None
