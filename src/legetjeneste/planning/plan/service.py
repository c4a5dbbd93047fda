"""Use cases of the plan for legetjenesten (RULES.md § 7, PLAN-*): read it with its computed totals beside
the stated ones, reorder a measure in a priority series, record a measure's progress, print it, its revision
clocks for the deadlines, and what it means for each GP (the panel on Min side).

A change is written under the plan's row lock (`queries.plan(lock=True)`; SQLite: the write transaction), so
two reorderings of one series at once give one consistent series, and each change saves a version."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import NotFound, RuleViolation, ValidationFailed
from legetjeneste.features import Clock
from legetjeneste.planning.plan import pdf, queries, rules
from legetjeneste.planning.plan.models import Plan, PlanMeasure, PlanVersion
from legetjeneste.planning.plan.schemas import ProgressIn, ReorderIn, measure_read, plain_decimal


def plan_view(plan: Plan, *, on: date) -> dict:
    """The whole plan as the page, the API and `plan show --json` give it (PLAN-COST-TOTAL, PLAN-REVISION,
    PLAN-LINKED, PLAN-PRIORITY-SERIES)."""
    measures = [measure_read(m, n.letter) for n in plan.needs for m in n.measures]
    goals = {g.number: g.text for g in plan.goals}
    return {
        "id": plan.id,
        "municipality_number": plan.municipality_number,
        "code": plan.code,
        "title": plan.title,
        "adopted_on": plan.adopted_on,
        "first_year": plan.first_year,
        "last_year": plan.last_year,
        "version": plan.version,
        "target_list_length": plan.target_list_length,
        "su_statement": plan.su_statement,
        "su_statement_on": plan.su_statement_on,
        "goals": [{"number": n, "text": t} for n, t in goals.items()],
        "mandate_areas": [
            {
                "title": a.title,
                "text": a.text,
                "goals": [{"number": g, "text": goals.get(g, "")} for g in a.goal_numbers],
            }
            for a in plan.mandate_areas
        ],
        "needs": [
            {
                "letter": n.letter,
                "title": n.title,
                "text": n.text,
                "chapter": n.chapter,
                "mandate_area": n.mandate_area.title if n.mandate_area else None,
                "measures": [m["id"] for m in measures if m["need"] == n.letter],
            }
            for n in plan.needs
        ],
        "measures": measures,
        "series": _series(plan, measures),
        "totals": _totals(plan),
        "revision": _revision(plan, on),
        "linked_plans": [
            {
                "name": p.name,
                "revision_due": p.revision_due,
                "owner": p.owner,
                "status": rules.revision_status(p.revision_due, on) if p.revision_due else "none",
                "rule_id": rules.LINKED.id,
            }
            for p in plan.linked_plans
        ],
        "versions": [
            {"number": v.number, "saved_at": v.saved_at, "saved_by": v.saved_by, "note": v.note}
            for v in reversed(plan.versions)
        ],
    }


def _series(plan: Plan, measures: list[dict]) -> list[dict]:
    by_id = {m["id"]: m for m in measures}
    found = []
    for code, label in rules.SERIES.items():
        ranks = queries.series_ranks(plan, code)
        if ranks:
            entries = [
                {"measure_id": k, "rank": r, "need": by_id[k]["need"], "text": by_id[k]["text"]}
                for k, r in rules.series_order(ranks)
            ]
            found.append({"code": code, "label": label, "entries": entries})
    return found


def _totals(plan: Plan) -> dict:
    costs = [
        rules.MeasureCost(plain_decimal(m.yearly_cost), plain_decimal(m.one_off_cost), m.funding)
        for n in plan.needs
        for m in n.measures
    ]
    t = rules.cost_totals(
        costs,
        stated_yearly=plain_decimal(plan.stated_yearly_total),
        stated_one_off=plain_decimal(plan.stated_one_off_total),
    )
    return {
        "rule_id": rules.COST_TOTAL.id,
        "citation": rules.COST_TOTAL.citation,
        "yearly_by_funding": [
            {"funding": k, "label": rules.FUNDING.get(k, k), "amount": v}
            for k, v in t.yearly_by_funding.items()
        ],
        "one_off_by_funding": [
            {"funding": k, "label": rules.FUNDING.get(k, k), "amount": v}
            for k, v in t.one_off_by_funding.items()
        ],
        "computed_yearly": t.computed_yearly,
        "stated_yearly": t.stated_yearly,
        "yearly_difference": t.yearly_difference,
        "computed_one_off": t.computed_one_off,
        "stated_one_off": t.stated_one_off,
        "one_off_difference": t.one_off_difference,
        "stated_text": plan.stated_total_text,
    }


def _revision(plan: Plan, on: date) -> dict:
    return {
        "due": plan.revision_due,
        "owner": plan.revision_owner,
        "status": rules.revision_status(plan.revision_due, on),
        "rule_id": rules.REVISION.id,
        "citation": rules.REVISION.citation,
    }


def _plan(session: Session, actor: Actor, plan_id: int, *, lock: bool = False) -> Plan:
    return scope.row(
        session,
        actor,
        Plan,
        plan_id,
        missing=f"Plan {plan_id} finnes ikke.",
        load=lambda s, key: queries.plan(s, key, lock=lock),
    )


def list_plans(session: Session, *, actor: Actor, municipality_number: str) -> list[dict]:
    """PLAN-DUTY — the municipality's plans, newest first, with their revision status."""
    auth_service.require(actor, "plan.read")
    scope.require_municipality(actor, municipality_number)
    with session.begin():
        today = today_oslo()
        return [
            {
                "id": p.id,
                "title": p.title,
                "first_year": p.first_year,
                "last_year": p.last_year,
                "revision": _revision(p, today),
            }
            for p in queries.plans(session, municipality_number=municipality_number)
        ]


def show_plan(session: Session, *, actor: Actor, plan_id: int, on: date | None = None) -> dict:
    auth_service.require(actor, "plan.read")
    with session.begin():
        return plan_view(_plan(session, actor, plan_id), on=on or today_oslo())


def current_plan(session: Session, *, actor: Actor, municipality_number: str, on: date | None = None) -> dict:
    """The municipality's plan with the newest period (what `plan show NR` gives)."""
    auth_service.require(actor, "plan.read")
    scope.require_municipality(actor, municipality_number)
    with session.begin():
        found = queries.plans(session, municipality_number=municipality_number)
        if not found:
            raise NotFound(f"Kommune {municipality_number} har ingen plan for legetjenesten registrert.")
        return plan_view(found[0], on=on or today_oslo())


def _save_version(session: Session, plan: Plan, actor: Actor, note: str) -> None:
    plan.version += 1
    snapshot = {
        str(m.id): {
            "need": n.letter,
            "priorities": {p.series: p.rank for p in m.priorities},
            "status": m.status,
            "progress": m.progress,
        }
        for n in plan.needs
        for m in n.measures
    }
    session.add(
        PlanVersion(
            plan=plan,
            number=plan.version,
            saved_at=now_oslo(),
            saved_by=actor.email,
            note=note,
            snapshot=snapshot,
        )
    )


def _audit(session: Session, actor: Actor, plan: Plan, detail: dict) -> None:
    audit_service.record(
        session,
        actor=actor,
        action="save",
        entity="plan",
        record_ids=[plan.id],
        municipality_number=plan.municipality_number,
        detail=detail,
    )


def _measure_in_plan(session: Session, actor: Actor, measure_id: int) -> tuple[Plan, PlanMeasure]:
    auth_service.require(actor, "plan.write")
    measure = queries.measure(session, measure_id)
    if measure is None:
        raise NotFound(f"Tiltak {measure_id} finnes ikke.")
    plan = _plan(session, actor, measure.need.plan_id, lock=True)
    return plan, next(m for n in plan.needs for m in n.measures if m.id == measure_id)


@when_free
def reorder_priority(session: Session, *, actor: Actor, measure_id: int, data: ReorderIn) -> dict:
    """PLAN-PRIORITY-SERIES — the measure takes a new place in one series; those it passes move one step,
    other ties and gaps stay; a new version of the plan is saved."""
    with write_transaction(session):
        plan, measure = _measure_in_plan(session, actor, measure_id)
        if data.series not in rules.SERIES:
            raise ValidationFailed(
                [
                    rules.measure_problems(
                        funding=measure.funding,
                        status=measure.status,
                        progress=measure.progress,
                        first_year=None,
                        last_year=None,
                        yearly_cost=None,
                        one_off_cost=None,
                        priorities={data.series: data.rank},
                    )[0]
                ]
            )
        ranks = queries.series_ranks(plan, data.series)
        if measure_id not in ranks:
            raise RuleViolation(
                rules.PRIORITY_SERIES.id,
                rules.PRIORITY_SERIES.citation,
                f"Tiltaket er ikke med i serien «{rules.SERIES[data.series]}».",
            )
        old = ranks[measure_id]
        new = rules.reorder(ranks, measure_id, data.rank)
        for need in plan.needs:
            for m in need.measures:
                for p in m.priorities:
                    if p.series == data.series and p.measure_id in new:
                        p.rank = new[p.measure_id]
        note = (
            f"Tiltak {measure.need.letter} flyttet i {rules.SERIES[data.series]}: "
            f"{old if old is not None else 'uten nummer'} → {data.rank}"
        )
        _save_version(session, plan, actor, note)
        _audit(
            session,
            actor,
            plan,
            {"measure_id": measure_id, "series": data.series, "from": old, "to": data.rank},
        )
        session.flush()
        return plan_view(plan, on=today_oslo())


@when_free
def record_progress(session: Session, *, actor: Actor, measure_id: int, data: ProgressIn) -> dict:
    """PLAN-DUTY — a measure's status and progress; a new version of the plan is saved."""
    with write_transaction(session):
        plan, measure = _measure_in_plan(session, actor, measure_id)
        problems = rules.measure_problems(
            funding=measure.funding,
            status=data.status,
            progress=data.progress,
            first_year=None,
            last_year=None,
            yearly_cost=None,
            one_off_cost=None,
            priorities={},
        )
        if problems:
            raise ValidationFailed(problems)
        measure.status, measure.progress = data.status, data.progress
        _save_version(
            session,
            plan,
            actor,
            f"Tiltak {measure.need.letter}: {rules.STATUS[data.status]}, {data.progress} %",
        )
        _audit(
            session, actor, plan, {"measure_id": measure_id, "status": data.status, "progress": data.progress}
        )
        session.flush()
        return plan_view(plan, on=today_oslo())


def clocks(session: Session, *, municipality_number: str, on: date) -> list[Clock]:
    """PLAN-REVISION, PLAN-LINKED — the plan's revision and each linked plan's as open clocks in the
    deadlines overview (Feature.clocks; called inside the overview's transaction)."""
    found = []
    for plan in queries.plans(session, municipality_number=municipality_number):
        link = f"/kommuner/{municipality_number}/plan/{plan.id}"
        if plan.revision_due:
            found.append(
                _revision_clock(
                    f"plan-{plan.id}-revision", "plan_revision", rules.REVISION, plan.revision_due,
                    name=plan.title, owner=plan.revision_owner, link=link,
                    action="revider planen og legg den fram for samarbeidsutvalget",
                )
            )  # fmt: skip
        for linked in plan.linked_plans:
            if linked.revision_due:
                found.append(
                    _revision_clock(
                        f"plan-{plan.id}-linked-{linked.position}", "plan_linked_revision", rules.LINKED,
                        linked.revision_due, name=linked.name, owner=linked.owner, link=link,
                        action=f"revider {linked.name.lower()}",
                    )
                )  # fmt: skip
    return found


def _revision_clock(key: str, code: str, rule, due: date, *, name: str, owner: str | None, link: str,
                    action: str) -> Clock:  # fmt: skip
    return Clock(
        key=key,
        code=code,
        due=due,
        start=rules.revision_start(due),
        rule_id=rule.id,
        citation=rule.citation,
        text=f"Revisjon av {name}",
        title=name,
        link=link,
        responsible_label=owner or "Kommuneoverlegen",
        link_permission="plan.read",
        action=action,
    )


def plan_pdf(session: Session, *, actor: Actor, plan_id: int) -> tuple[str, bytes]:
    """The plan on A4 pages: goals, the totals beside the stated figure, needs and measures."""
    plan = show_plan(session, actor=actor, plan_id=plan_id)
    return f"plan-{plan['municipality_number']}-{plan['code']}.pdf", pdf.plan_pdf(plan)
