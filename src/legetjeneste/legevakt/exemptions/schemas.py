"""Pydantic shapes of exemptions: the application, the decision (enkeltvedtak), the exemption as the
municipality file writes it, and what the API answers; the stored exemption as that answer.

The builders take stored rows without importing the models, so these shapes stay free of the database
layer (the municipality file's checks import them)."""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.schemas import Code, LongText, period_in_order
from legetjeneste.registry.schemas import HprNumber, Input

Ground = Literal["over_60", "pregnancy", "breastfeeding", "health", "social"]
Extent = Literal["full", "no_nights"]
Status = Literal["pending", "granted", "refused"]


class ExemptionApply(Input):
    """An application for exemption from one scheme."""

    doctor: Annotated[HprNumber, Field(description="Søkerens HPR-nummer")]
    ground: Annotated[Ground, Field(description="over_60, pregnancy, breastfeeding, health eller social")]
    extent: Annotated[Extent, Field(description="full, eller no_nights (ikke natt)")] = "full"
    start: date
    end: date | None = None
    due_date: Annotated[date | None, Field(description="Termin (svangerskap)")] = None
    child_birth_date: Annotated[date | None, Field(description="Barnets fødselsdato (amming)")] = None
    application_text: LongText = ""

    @model_validator(mode="after")
    def _in_order(self) -> "ExemptionApply":
        period_in_order(self.start, self.end)
        return self


class ExemptionDecide(Input):
    """The enkeltvedtak: granted or refused, with reasons; for a discretionary grant, the weighing."""

    decision: Literal["granted", "refused"]
    reasons: Annotated[str, Field(min_length=1, max_length=4000, description="Begrunnelse")]
    weighing: LongText = ""
    granted_start: date | None = None
    granted_end: date | None = None
    decided_on: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "ExemptionDecide":
        period_in_order(self.granted_start, self.granted_end)
        return self


class ExemptionIn(ExemptionApply):
    """An exemption in the municipality file: the application and, when decided, the decision."""

    scheme: Annotated[Code, Field(description="Ordningens kode")]
    applied_on: date
    status: Status = "pending"
    granted_start: date | None = None
    granted_end: date | None = None
    reasons: LongText = ""
    weighing: LongText = ""
    decided_on: date | None = None
    decided_by: Annotated[str | None, Field(max_length=254)] = None


class ExemptionRead(BaseModel):
    id: int
    scheme_id: int
    scheme_name: str
    doctor_hpr: str
    doctor_name: str
    ground: str
    ground_text: str
    extent: str
    start: date
    end: date | None
    due_date: date | None
    child_birth_date: date | None
    application_text: str
    applied_on: date
    status: str
    status_text: str
    is_right: bool
    granted_start: date | None
    granted_end: date | None
    reasons: str
    weighing: str
    rule_id: str | None
    decided_on: date | None
    decided_by: str | None


def exemption_read(exemption) -> ExemptionRead:
    return ExemptionRead(
        id=exemption.id,
        scheme_id=exemption.scheme_id,
        scheme_name=exemption.scheme.name,
        doctor_hpr=exemption.doctor.hpr_number,
        doctor_name=exemption.doctor.full_name,
        ground=exemption.ground,
        ground_text=rules.GROUNDS[exemption.ground],
        extent=exemption.extent,
        start=exemption.start,
        end=exemption.end,
        due_date=exemption.due_date,
        child_birth_date=exemption.child_birth_date,
        application_text=exemption.application_text,
        applied_on=exemption.applied_on,
        status=exemption.status,
        status_text=rules.STATUSES[exemption.status],
        is_right=exemption.ground in rules.RIGHT_GROUNDS,
        granted_start=exemption.granted_start,
        granted_end=exemption.granted_end,
        reasons=exemption.reasons,
        weighing=exemption.weighing,
        rule_id=exemption.rule_id,
        decided_on=exemption.decided_on,
        decided_by=exemption.decided_by,
    )
