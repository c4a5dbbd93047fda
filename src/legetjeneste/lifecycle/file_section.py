"""The `lifecycle_cases` section of the municipality file: the agreements' life-cycle cases with their steps.

A case is keyed by agreement, kind and date; a step by kind and date within its case. Import applies each new
step through the same rules as the pages (a refusal becomes a problem naming the item's path and the rule);
steps already stored are left as they are, so importing the same file twice changes nothing."""

from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import DomainError, Problem, RuleViolation, ValidationFailed
from legetjeneste.lifecycle import queries as lifecycle_queries
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle import steps as step_service
from legetjeneste.lifecycle.models import LifecycleCase
from legetjeneste.lifecycle.schemas import CaseCreate, CaseKind, StepCreate
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry.schemas import DbId, HprNumber, Input

SECTION = "lifecycle_cases"
STEP_FIELDS = frozenset(StepCreate.model_fields) - {"kind", "on", "text"}


class LifecycleStepIn(StepCreate):
    recorded_by: Annotated[
        str | None,
        Field(max_length=254, description="Hvem som registrerte steget (standard: den som importerer)"),
    ] = None


class LifecycleCaseIn(Input):
    model_config = ConfigDict(populate_by_name=True, extra="forbid", str_strip_whitespace=True)

    agreement: Annotated[DbId | None, Field(description="Avtalens id; med kind og date nøkkelen")] = None
    kind: Annotated[CaseKind, Field(description="Sakstype")]
    on: Annotated[date, Field(alias="date", description="Datoen saken ble opprettet")]
    title: Annotated[str, Field(max_length=200, description="Sakens tittel")] = ""
    doctor: Annotated[HprNumber | None, Field(description="Legen saken gjelder (HPR-nummer)")] = None
    notice_period_end: Annotated[date | None, Field(description="Når oppsigelsesfristen løp ut")] = None
    steps: Annotated[list[LifecycleStepIn], Field(description="Stegene i saken, i rekkefølge")] = []


KEYS = {SECTION: list[LifecycleCaseIn]}


def _problem(path: str, error: DomainError) -> Problem:
    if isinstance(error, ValidationFailed):
        return Problem(path, "; ".join(p.message for p in error.problems))
    return Problem(path, error.message, rule_id=error.rule_id)


def _case(
    session: Session, actor: Actor, number: str, item: LifecycleCaseIn, existing: dict
) -> LifecycleCase:
    key = (item.agreement, item.kind, item.on)
    if key in existing:
        return existing[key]
    data = CaseCreate(
        kind=item.kind,
        on=item.on,
        title=item.title,
        doctor_hpr=item.doctor,
        notice_period_end=item.notice_period_end,
    )
    case = lifecycle_service.new_case(
        session, actor=actor, municipality_number=number, agreement_id=item.agreement, data=data
    )
    existing[key] = case
    return case


def apply_lifecycle_cases(
    session: Session, items: list[tuple[int, LifecycleCaseIn]], number: str, actor: Actor
) -> list[Problem]:
    """Add the cases and steps not yet stored, in file order; every refusal is a problem with its path."""
    existing = {
        (c.agreement_id, c.kind, c.opened_on): c
        for c in lifecycle_queries.cases(session, municipality_number=number)
    }
    problems: list[Problem] = []
    for index, item in items:
        try:
            case = _case(session, actor, number, item, existing)
        except DomainError as error:
            problems.append(_problem(f"{SECTION}[{index}]", error))
            continue
        stored = {(s.kind, s.on) for s in case.steps}
        for position, step in enumerate(item.steps):
            if (step.kind, step.on) in stored:
                continue
            try:
                data = StepCreate.model_validate(step.model_dump(exclude={"recorded_by"}))
                step_service.apply_step(case, data, recorded_by=step.recorded_by or actor.email)
            except (RuleViolation, ValidationFailed) as error:
                problems.append(_problem(f"{SECTION}[{index}].steps[{position}]", error))
                break
        session.flush()
    return problems


def _step_out(step) -> dict:
    facts = {k: v for k, v in (step.facts or {}).items() if k in STEP_FIELDS}
    return {
        "kind": step.kind,
        "date": step.on.isoformat(),
        "text": step.text,
        **facts,
        "recorded_by": step.recorded_by,
    }


def lifecycle_section(session: Session, number: str) -> dict[str, list[dict]]:
    cases = sorted(lifecycle_queries.cases(session, municipality_number=number), key=lambda c: c.id)
    out = []
    for case in cases:
        item = {
            "agreement": case.agreement_id,
            "kind": case.kind,
            "date": case.opened_on.isoformat(),
            "title": case.title,
            "doctor": case.doctor.hpr_number if case.doctor else None,
        }
        if "notice_period_end" in (case.facts or {}) and not any(s.kind == "notice" for s in case.steps):
            item["notice_period_end"] = case.facts["notice_period_end"]
        out.append(
            {**{k: v for k, v in item.items() if v is not None}, "steps": [_step_out(s) for s in case.steps]}
        )
    return {SECTION: out}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    """Nothing before writing: a case's steps are checked as they are applied, after the register."""
    return []


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    return apply_lifecycle_cases(session, parsed.items[SECTION], parsed.number, actor)


def export(session: Session, *, municipality_number: str) -> dict:
    return lifecycle_section(session, municipality_number)
