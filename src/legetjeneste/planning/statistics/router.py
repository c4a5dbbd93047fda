"""JSON API of the yearly statistics (STAT-*)."""

from typing import Annotated

from fastapi import APIRouter, Body, Path

from legetjeneste.errors import ValidationFailed
from legetjeneste.planning.statistics import rules, service
from legetjeneste.planning.statistics.fee_codes import service as fee_code_service
from legetjeneste.planning.statistics.quality import service as quality_service
from legetjeneste.planning.statistics.schemas import QualityIndicatorIn
from legetjeneste.web.deps import ActorDep, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["statistics"])
Year = Annotated[int, Path(ge=1990, le=2100)]


@router.get("/municipalities/{number}/statistics/{year}")
def year_report(number: Number, year: Year, session: SessionDep, actor: ActorDep):
    """The year's statistics beside the year before, every figure with its rule id."""
    return service.year_report(session, actor=actor, municipality_number=number, year=year)


@router.post("/municipalities/{number}/quality-indicators")
def record_quality_indicator(number: Number, data: QualityIndicatorIn, session: SessionDep, actor: ActorDep):
    """STAT-QI — met, not met or not reported, with evidence and date."""
    return quality_service.record_quality_indicator(
        session, actor=actor, municipality_number=number, data=data
    )


@router.post("/municipalities/{number}/fee-codes")
def import_fee_codes(
    number: Number, session: SessionDep, actor: ActorDep, text: Annotated[str, Body(media_type="text/csv")]
):
    """STAT-LV — fee-code counts as CSV (docs/planning-imports.md)."""
    items, problems = rules.parse_fee_code_csv(text)
    if problems:
        raise ValidationFailed(problems)
    count = fee_code_service.import_fee_codes(session, actor=actor, municipality_number=number, items=items)
    return {"rows": count}
