"""Pydantic shapes of the plan: the plan as one document (the API's and the municipality file's `plans`
section) and what the API and CLI answer."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from legetjeneste.planning.plan import rules


def plain_decimal(value: Decimal | None) -> Decimal | None:
    """A stored NUMERIC(14, 2) gives 40.00 back for 40: the same number written the same way both ways."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=14, decimal_places=2, description="Kroner (tekst)"),
    AfterValidator(plain_decimal),
]
Title = Annotated[str, Field(min_length=1, max_length=200)]
Long = Annotated[str, Field(max_length=4000)]


class PlanInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class GoalIn(PlanInput):
    number: Annotated[int, Field(ge=1, le=99, description="Styringsmålets nummer")]
    text: Long


class MandateAreaIn(PlanInput):
    title: Title
    text: Long = ""
    goals: Annotated[list[int], Field(description="Styringsmålene området tjener (numre)")] = []


class MeasureIn(PlanInput):
    text: Long
    first_year: Annotated[int | None, Field(ge=1990, le=2100)] = None
    last_year: Annotated[int | None, Field(ge=1990, le=2100)] = None
    period_text: Annotated[str, Field(max_length=100, description="Perioden slik planen skriver den")] = ""
    yearly_cost: Amount | None = None
    one_off_cost: Amount | None = None
    cost_text: Long = ""
    social_costs_included: bool | None = None
    funding: Annotated[str, Field(description="okonomiplan, eget_budsjett_okonomiplan, eget_budsjett, ingen")]
    priorities: Annotated[
        dict[str, int | None],
        Field(description="Plass i hver prioriteringsserie (PLAN-PRIORITY-SERIES); null: uten nummer"),
    ] = {}
    owner: Annotated[str, Field(max_length=200)] = ""
    status: str = "planned"
    progress: Annotated[int, Field(description="Framdrift i prosent")] = 0
    concerns_gps: Annotated[bool, Field(description="Tiltaket angår fastlegene (PLAN-PREDICTABILITY)")] = (
        False
    )


class NeedIn(PlanInput):
    letter: Annotated[str, Field(min_length=1, max_length=3)]
    title: Title
    text: Long = ""
    chapter: Annotated[str, Field(max_length=20)] = ""
    mandate_area: Annotated[str | None, Field(description="Mandatområdets tittel")] = None
    measures: list[MeasureIn] = []


class LinkedPlanIn(PlanInput):
    name: Title
    revision_due: date | None = None
    owner: Annotated[str, Field(max_length=200)] = ""


class PlanIn(PlanInput):
    code: Annotated[str, Field(min_length=1, max_length=40, description="Planens kode; nøkkelen")]
    title: Title
    adopted_on: date | None = None
    first_year: Annotated[int, Field(ge=1990, le=2100)]
    last_year: Annotated[int, Field(ge=1990, le=2100)]
    stated_yearly_total: Amount | None = None
    stated_one_off_total: Amount | None = None
    stated_total_text: Long = ""
    revision_due: Annotated[date | None, Field(description="Frist for revisjon (PLAN-REVISION)")] = None
    revision_owner: Annotated[str, Field(max_length=200)] = ""
    target_list_length: Annotated[int | None, Field(ge=100, le=3000)] = None
    su_statement: Long = ""
    su_statement_on: date | None = None
    goals: list[GoalIn] = []
    mandate_areas: list[MandateAreaIn] = []
    needs: list[NeedIn] = []
    linked_plans: list[LinkedPlanIn] = []

    @model_validator(mode="after")
    def _years_in_order(self) -> "PlanIn":
        if self.last_year < self.first_year:
            raise ValueError("planperiodens siste år er før det første")
        return self


class ReorderIn(PlanInput):
    series: Annotated[str, Field(description="Prioriteringsserien")]
    rank: Annotated[int, Field(ge=1, le=999, description="Ny plass i serien")]


class ProgressIn(PlanInput):
    status: str
    progress: Annotated[int, Field(ge=0, le=100)]


def measure_read(m, letter: str) -> dict:
    """A stored measure as the API and the page show it (no model import: the rows are duck-typed)."""
    return {
        "id": m.id,
        "need": letter,
        "text": m.text,
        "first_year": m.first_year,
        "last_year": m.last_year,
        "period_text": m.period_text,
        "yearly_cost": plain_decimal(m.yearly_cost),
        "one_off_cost": plain_decimal(m.one_off_cost),
        "cost_text": m.cost_text,
        "social_costs_included": m.social_costs_included,
        "funding": m.funding,
        "funding_text": rules.FUNDING.get(m.funding, m.funding),
        "priorities": {p.series: p.rank for p in m.priorities},
        "owner": m.owner,
        "status": m.status,
        "status_text": rules.STATUS.get(m.status, m.status),
        "progress": m.progress,
        "concerns_gps": m.concerns_gps,
    }


def version_read(v) -> dict:
    """A saved version as the page and the API show it: what changed, and whether it went to the SU and came
    back with a statement (PLAN-DUTY)."""
    return {
        "number": v.number,
        "saved_at": v.saved_at,
        "saved_by": v.saved_by,
        "note": v.note,
        "su_case_id": v.su_case_id,
        "su_committee": v.su_committee,
        "su_sent_on": v.su_sent_on,
        "su_statement_on": v.su_statement_on,
        "su_votes": v.su_votes,
    }


def measure_in(m) -> MeasureIn:
    return MeasureIn(
        text=m.text,
        first_year=m.first_year,
        last_year=m.last_year,
        period_text=m.period_text,
        yearly_cost=m.yearly_cost,
        one_off_cost=m.one_off_cost,
        cost_text=m.cost_text,
        social_costs_included=m.social_costs_included,
        funding=m.funding,
        priorities={p.series: p.rank for p in m.priorities},
        owner=m.owner,
        status=m.status,
        progress=m.progress,
        concerns_gps=m.concerns_gps,
    )


def plan_in(plan) -> PlanIn:
    """A stored plan as the document it was written from (export → import changes nothing)."""
    return PlanIn(
        code=plan.code,
        title=plan.title,
        adopted_on=plan.adopted_on,
        first_year=plan.first_year,
        last_year=plan.last_year,
        stated_yearly_total=plan.stated_yearly_total,
        stated_one_off_total=plan.stated_one_off_total,
        stated_total_text=plan.stated_total_text,
        revision_due=plan.revision_due,
        revision_owner=plan.revision_owner,
        target_list_length=plan.target_list_length,
        su_statement=plan.su_statement,
        su_statement_on=plan.su_statement_on,
        goals=[GoalIn(number=g.number, text=g.text) for g in plan.goals],
        mandate_areas=[
            MandateAreaIn(title=a.title, text=a.text, goals=list(a.goal_numbers)) for a in plan.mandate_areas
        ],
        needs=[
            NeedIn(
                letter=n.letter,
                title=n.title,
                text=n.text,
                chapter=n.chapter,
                mandate_area=n.mandate_area.title if n.mandate_area else None,
                measures=[measure_in(m) for m in n.measures],
            )
            for n in plan.needs
        ],
        linked_plans=[
            LinkedPlanIn(name=p.name, revision_due=p.revision_due, owner=p.owner) for p in plan.linked_plans
        ],
    )
