"""Alerts as the pages and the API take and show them."""

from datetime import datetime

from pydantic import BaseModel, Field

from legetjeneste.registry.schemas import Input


class AlertCreate(Input):
    """An alert when a place opens: on one list (`agreement_id`), at an office (`office_id`), or anywhere in
    a municipality (`municipality_number`). Give one of them."""

    email: str = Field(max_length=254, description="E-postadressen som skal få varselet")
    agreement_id: int | None = Field(default=None, ge=1, le=2_147_483_647)
    office_id: int | None = Field(default=None, ge=1, le=2_147_483_647)
    municipality_number: str | None = Field(default=None, pattern=r"^\d{4}$")


class TokenIn(Input):
    token: str = Field(max_length=300)


class AlertRead(BaseModel):
    id: int
    what: str = Field(description="Hva varselet gjelder, i ord")
    municipality_number: str
    office_id: int | None
    agreement_id: int | None
    confirmed: bool
    ended: bool
    created_at: datetime


class CheckReport(BaseModel):
    """One run of the alert check: lists that opened or closed, and e-mails queued."""

    opened: int
    closed: int
    emails: int
