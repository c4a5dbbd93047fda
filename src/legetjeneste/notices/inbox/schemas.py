"""A notice in a user's inbox as the pages and the API read it."""

from datetime import datetime

from pydantic import BaseModel, Field

from legetjeneste.notices.inbox.models import InboxNotice
from legetjeneste.notices.inbox.rules import KINDS, safe_link


class InboxNoticeRead(BaseModel):
    id: int
    kind: str
    kind_name: str = Field(description="What kind of notice it is, in Norwegian")
    subject: str
    body: str
    link: str = Field(description="A path on this server to the matter («Gå til saken»), or empty")
    rule_id: str
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def of(cls, notice: InboxNotice) -> "InboxNoticeRead":
        return cls(
            id=notice.id,
            kind=notice.kind,
            kind_name=KINDS.get(notice.kind, notice.kind),
            subject=notice.subject,
            body=notice.body,
            link=safe_link(notice.link),
            rule_id=notice.rule_id,
            created_at=notice.created_at,
            read_at=notice.read_at,
        )
