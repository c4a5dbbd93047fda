"""What the e-mail use cases answer: a user's choices, the outbox with its delivery log, a delivery run."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class PreferenceRead(BaseModel):
    kind: str
    name: str
    by_email: bool


class AttemptRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    attempted_at: datetime
    outcome: str
    reply: str


class OutboxEmailRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    recipient: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    log: list[AttemptRead] = []


class OutboxRead(BaseModel):
    """The outbox as the administrator sees it: whether SMTP is set up, how many mails have each status,
    and the newest mails with every attempt."""

    configured: bool
    counts: dict[str, int]
    emails: list[OutboxEmailRead]


class DeliveryReport(BaseModel):
    """One delivery run: how many were sent, will be tried again, failed for good; how many still wait."""

    configured: bool
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    waiting: int = 0
