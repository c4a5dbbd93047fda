"""The plan before the SU (PLAN-DUTY, ASA 4310 § 6.2; SU-CASES): the kommuneoverlege sends a version of the
plan to the samarbeidsutvalg as a committee case, and the SU's statement comes back to that version and to
the plan — through committees' public services and the `CaseOrigin` «plan_version» this feature declares
(planning/feature.py), so committees never imports planning."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import rules as committee_rules
from legetjeneste.committees import service as committee_service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.schemas import CaseCreate
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import NotFound, RuleViolation
from legetjeneste.norwegian import day_text, number
from legetjeneste.planning.plan import rules
from legetjeneste.planning.plan import service as plan_service
from legetjeneste.planning.plan.models import Plan, PlanVersion

ORIGIN_KIND = "plan_version"


def committees_to_send(session: Session, *, actor: Actor, municipality_number: str) -> list[tuple[int, str]]:
    """The municipality's SUs the plan can go to, for a user who may both change the plan and raise a
    committee case (nobody else sees the form)."""
    if not (auth_rules.can(actor, "plan.write") and auth_rules.can(actor, "committee.case")):
        return []
    found = committee_service.list_committees(session, actor=actor, municipality_number=municipality_number)
    return [(c.id, c.name) for c in found if committee_rules.is_su(c.kind)]


def _version_now(plan: Plan) -> PlanVersion:
    """The plan's current version as a saved row (`plan_for_change` keeps the plan as registered)."""
    return next(v for v in plan.versions if v.number == plan.version)


@when_free
def send_to_committee(session: Session, *, actor: Actor, plan_id: int, committee_id: int) -> dict:
    """PLAN-DUTY — the plan's current version goes to the SU as a committee case (SU-CASES), in one
    transaction with the version it names; the plan page then shows it as sent."""
    auth_service.require(actor, "plan.write")
    auth_service.require(actor, "committee.case")
    with write_transaction(session):
        plan = plan_service.plan_for_change(session, actor, plan_id)
        session.flush()
        version = _version_now(plan)
        data = CaseCreate(committee=committee_id, origin_kind=ORIGIN_KIND, origin_id=version.id)
        case = case_service.new_case(session, actor, data)
        problem = rules.su_sending_problem(
            version=version.number,
            to_su=committee_rules.is_su(case.committee.kind),
            sent_to=version.su_committee,
            sent_on=version.su_sent_on,
        )
        if problem:
            raise RuleViolation(rules.PLAN_DUTY.id, rules.PLAN_DUTY.citation, f"{problem}.")
        version.su_case_id, version.su_committee = case.id, case.committee.name
        version.su_sent_on = case.raised_on
        for entity, record, detail in (
            ("committee_case", case.id, {"origin": f"{ORIGIN_KIND} {version.id}"}),
            ("plan", plan.id, {"sent_to": case.committee.name, "version": version.number, "case": case.id}),
        ):
            audit_service.record(
                session,
                actor=actor,
                action="create" if entity == "committee_case" else "save",
                entity=entity,
                record_ids=[record],
                municipality_number=plan.municipality_number,
                detail=detail,
            )
        session.flush()
        return plan_service.plan_view(plan, on=today_oslo())


def _version(session: Session, actor: Actor, origin_id: int) -> PlanVersion:
    version = session.get(PlanVersion, origin_id)
    if version is None:
        raise NotFound(f"Versjon {origin_id} av planen finnes ikke.")
    plan_service.plan_in_scope(session, actor, version.plan_id)
    return version


def committee_origin(session: Session, *, actor: Actor, origin_id: int) -> dict:
    """`CaseOrigin.describe` (committees): the version of the plan a case brings to the SU, with what the
    committee needs to know, if the actor may see the plan (in the raising transaction)."""
    auth_service.require(actor, "plan.read")
    version = _version(session, actor, origin_id)
    plan = version.plan
    view = plan_service.plan_view(plan, on=today_oslo())
    totals = view["totals"]
    facts = [
        f"{plan.title}, planperiode {plan.first_year}–{plan.last_year}, versjon {version.number} "
        f"(lagret {day_text(version.saved_at.date())} av {version.saved_by}: {version.note})",
        f"{len(view['needs'])} behov og {len(view['measures'])} tiltak",
        f"Årlig kostnad utenom eget budsjett: utregnet {_kr(totals['computed_yearly'])}, "
        f"oppgitt i planen {_kr(totals['stated_yearly'])} (PLAN-COST-TOTAL)",
        "Kommunen legger planen for legetjenesten fram for samarbeidsutvalget (PLAN-DUTY, ASA 4310 § 6.2)",
    ]
    return {
        "municipality_number": plan.municipality_number,
        "title": f"{plan.title}, versjon {version.number}",
        "link": f"/kommuner/{plan.municipality_number}/plan/{plan.id}#samarbeidsutvalget",
        "background": ". ".join(facts) + ".",
    }


def _kr(amount) -> str:
    return "–" if amount is None else f"{number(amount)} kr"


def committee_statement(session: Session, *, actor: Actor, origin_id: int, statement: dict) -> None:
    """`CaseOrigin.answered` (committees): the SU's statement on a version, with its date and vote, is kept
    with that version and becomes the plan's SU statement (in the statement's transaction)."""
    version = _version(session, actor, origin_id)
    given_on: date = statement["given_on"]
    version.su_statement, version.su_statement_on = statement["text"], given_on
    version.su_votes = statement["votes"][:20]
    plan = version.plan
    if plan.su_statement_on is None or plan.su_statement_on <= given_on:
        plan.su_statement, plan.su_statement_on = statement["text"][:4000], given_on
    plan_service.audit_change(
        session,
        actor,
        plan,
        {"su_statement": given_on.isoformat(), "version": version.number, "votes": version.su_votes},
    )
