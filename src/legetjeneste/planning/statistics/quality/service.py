"""Recording a legevakt quality indicator for a year (STAT-QI, VEFSN 6.2 d): its status, the evidence and the
date it was reported; a new record replaces the year's earlier one."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import ValidationFailed
from legetjeneste.planning.statistics import queries, rules
from legetjeneste.planning.statistics.models import QualityIndicator
from legetjeneste.planning.statistics.schemas import QualityIndicatorIn


@when_free
def record_quality_indicator(
    session: Session, *, actor: Actor, municipality_number: str, data: QualityIndicatorIn
) -> dict:
    """STAT-QI — the indicator's status for the year with its evidence and date; replaces an earlier one."""
    auth_service.require(actor, "statistics.write")
    scope.require_municipality(actor, municipality_number)
    problems = rules.quality_problems(
        indicator=data.indicator,
        status=data.status,
        evidence=data.evidence,
        reported_on=data.reported_on,
        year=data.year,
    )
    if problems:
        raise ValidationFailed(problems)
    with write_transaction(session):
        row = queries.quality_indicator(
            session, municipality_number=municipality_number, year=data.year, indicator=data.indicator
        )
        if row is None:
            row = QualityIndicator(
                municipality_number=municipality_number, year=data.year, indicator=data.indicator
            )
            session.add(row)
        row.status, row.evidence, row.reported_on = data.status, data.evidence, data.reported_on
        audit_service.record(
            session,
            actor=actor,
            action="save",
            entity="quality_indicator",
            record_ids=[f"{data.year}:{data.indicator}"],
            municipality_number=municipality_number,
            detail={"status": data.status},
        )
        return {"indicator": data.indicator, "year": data.year, "status": data.status}
