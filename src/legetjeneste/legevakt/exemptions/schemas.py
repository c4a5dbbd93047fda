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

    decision: Annotated[
        Literal["granted", "refused"] | None, Field(description="granted eller refused; må velges")
    ] = None
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


class ExemptionRedacted(BaseModel):
    """An exemption as everyone who may read the schemes sees it: that it exists, for whom, its extent, its
    period and its status. It has no field for health data (the ground, the texts, a due date or a child's
    birth date, the rule that reveals whether it is a right): `auth.rules.sees_health_data` decides who
    gets an `ExemptionRead` instead."""

    view: Literal["redacted"] = "redacted"
    id: int
    municipality_number: str
    scheme_id: int
    scheme_name: str
    doctor_hpr: str
    doctor_name: str
    extent: str
    extent_text: str
    start: date
    end: date | None
    applied_on: date
    status: str
    status_text: str
    granted_start: date | None
    granted_end: date | None
    decided_on: date | None


class ExemptionRead(BaseModel):
    """An exemption with its health data: for the doctor concerned and those who decide exemptions."""

    view: Literal["full"] = "full"
    id: int
    municipality_number: str
    scheme_id: int
    scheme_name: str
    doctor_hpr: str
    doctor_name: str
    ground: str
    ground_text: str
    extent: str
    extent_text: str
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


#: What the API answers for one exemption: `view` says which of the two shapes it is.
ExemptionView = Annotated[ExemptionRead | ExemptionRedacted, Field(discriminator="view")]


def _common(exemption) -> dict:
    return {
        "id": exemption.id,
        "municipality_number": exemption.municipality_number,
        "scheme_id": exemption.scheme_id,
        "scheme_name": exemption.scheme.name,
        "doctor_hpr": exemption.doctor.hpr_number,
        "doctor_name": exemption.doctor.full_name,
        "extent": exemption.extent,
        "extent_text": rules.EXTENTS[exemption.extent],
        "start": exemption.start,
        "end": exemption.end,
        "applied_on": exemption.applied_on,
        "status": exemption.status,
        "status_text": rules.STATUSES[exemption.status],
        "granted_start": exemption.granted_start,
        "granted_end": exemption.granted_end,
        "decided_on": exemption.decided_on,
    }


def exemption_read(exemption) -> ExemptionRead:
    return ExemptionRead(
        **_common(exemption),
        ground=exemption.ground,
        ground_text=rules.GROUNDS[exemption.ground],
        due_date=exemption.due_date,
        child_birth_date=exemption.child_birth_date,
        application_text=exemption.application_text,
        is_right=exemption.ground in rules.RIGHT_GROUNDS,
        reasons=exemption.reasons,
        weighing=exemption.weighing,
        rule_id=exemption.rule_id,
        decided_by=exemption.decided_by,
    )


def exemption_redacted(exemption) -> ExemptionRedacted:
    return ExemptionRedacted(**_common(exemption))


def exemption_view(exemption, *, full: bool) -> ExemptionRead | ExemptionRedacted:
    """The exemption with its health data when `full`, else without."""
    return exemption_read(exemption) if full else exemption_redacted(exemption)
