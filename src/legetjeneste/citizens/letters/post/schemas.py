"""The letters waiting for the post, as the kommuneoverlege sees them and the letter service prints them."""

from datetime import datetime

from pydantic import BaseModel


class PostLetter(BaseModel):
    id: int
    created_at: datetime
    citizen_name: str
    national_id: str  # the letter service addresses the letter from the national register by it
    subject: str
    body: str
    rule_id: str


class PostBatch(BaseModel):
    """The letters waiting now; `up_to` (the newest id) keeps a later letter out of what is marked sent."""

    municipality_number: str
    municipality_name: str
    letters: list[PostLetter]
    up_to: int | None


class Marked(BaseModel):
    count: int
    at: datetime
