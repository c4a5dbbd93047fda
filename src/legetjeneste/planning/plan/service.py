"""Use cases of the plan for legetjenesten (RULES.md § 7, PLAN-*): read it with its computed totals beside
the stated ones, print it, and its revision clocks for the deadlines; and what every change shares — the plan
under its row lock, a saved version, the audit entry. The changes are in `plan/measures/` (measures, needs,
priorities, progress) and the SU's statement in `plan/committee/`.

A change is written under the plan's row lock (`queries.plan(lock=True)`; SQLite: the write transaction), so
two changes of one plan at once give one consistent plan, and each change saves a version."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.errors import NotFound
from legetjeneste.features import Clock
from legetjeneste.planning.plan import pdf, queries, rules
from legetjeneste.planning.plan.models import Plan, PlanVersion
from legetjeneste.planning.plan.schemas import measure_read, plain_decimal, version_read


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
        "versions": [version_read(v) for v in reversed(plan.versions)],
        "su_sent": any(v.su_sent_on is not None for v in plan.versions if v.number == plan.version),
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
        return plan_view(plan_in_scope(session, actor, plan_id), on=on or today_oslo())


def current_plan(session: Session, *, actor: Actor, municipality_number: str, on: date | None = None) -> dict:
    """The municipality's plan with the newest period (what `plan show NR` gives)."""
    auth_service.require(actor, "plan.read")
    scope.require_municipality(actor, municipality_number)
    with session.begin():
        found = queries.plans(session, municipality_number=municipality_number)
        if not found:
            raise NotFound(f"Kommune {municipality_number} har ingen plan for legetjenesten registrert.")
        return plan_view(found[0], on=on or today_oslo())


def plan_in_scope(session: Session, actor: Actor, plan_id: int, *, lock: bool = False) -> Plan:
    """The plan if the actor may see it (404 otherwise), locked for a change when `lock`."""
    return scope.row(
        session,
        actor,
        Plan,
        plan_id,
        missing=f"Plan {plan_id} finnes ikke.",
        load=lambda s, key: queries.plan(s, key, lock=lock),
    )


def plan_for_change(session: Session, actor: Actor, plan_id: int) -> Plan:
    """The plan locked for a change, its current version kept first if it was never saved (the plan as
    registered), so every version the change leaves behind can be read back."""
    plan = plan_in_scope(session, actor, plan_id, lock=True)
    if not any(v.number == plan.version for v in plan.versions):
        keep_version(session, plan, actor, "Planen slik den ble registrert")
    return plan


def _snapshot(plan: Plan) -> dict:
    return {
        str(m.id): {
            "need": n.letter,
            "text": m.text,
            "first_year": m.first_year,
            "last_year": m.last_year,
            "yearly_cost": None if m.yearly_cost is None else str(plain_decimal(m.yearly_cost)),
            "one_off_cost": None if m.one_off_cost is None else str(plain_decimal(m.one_off_cost)),
            "funding": m.funding,
            "owner": m.owner,
            "priorities": {p.series: p.rank for p in m.priorities},
            "status": m.status,
            "progress": m.progress,
        }
        for n in plan.needs
        for m in n.measures
    }


def save_version(session: Session, plan: Plan, actor: Actor, note: str) -> PlanVersion:
    """PLAN-DUTY — the plan as it now stands becomes a new version, with what changed and who changed it."""
    plan.version += 1
    return keep_version(session, plan, actor, note)


def keep_version(session: Session, plan: Plan, actor: Actor, note: str) -> PlanVersion:
    """The plan's current version as a saved version row (its number unchanged)."""
    version = PlanVersion(
        plan=plan,
        number=plan.version,
        saved_at=now_oslo(),
        saved_by=actor.email,
        note=note,
        snapshot=_snapshot(plan),
    )
    session.add(version)
    return version


def audit_change(session: Session, actor: Actor, plan: Plan, detail: dict) -> None:
    audit_service.record(
        session,
        actor=actor,
        action="save",
        entity="plan",
        record_ids=[plan.id],
        municipality_number=plan.municipality_number,
        detail=detail,
    )


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
