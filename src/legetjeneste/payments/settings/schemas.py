"""Pydantic shapes of a municipality's payment settings."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class PaymentSettingsRead(BaseModel):
    municipality: str
    four_eyes: Annotated[
        bool,
        Field(
            description="Fire øyne (PAY-FOUR-EYES): den som godkjenner en kjøring, kan ikke være den "
            "som beregnet den"
        ),
    ]
    changed_at: datetime | None = None
    changed_by: str | None = None


class PaymentSettingsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    four_eyes: bool
