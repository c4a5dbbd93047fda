"""The read shape of a notice on the municipality's start page."""

from dataclasses import dataclass
from datetime import datetime

from legetjeneste.notices.models import Notice


@dataclass(frozen=True)
class NoticeRead:
    id: int
    created_at: datetime
    rule_id: str
    citation: str
    message: str
    link: str

    @classmethod
    def of(cls, notice: Notice) -> "NoticeRead":
        return cls(notice.id, notice.created_at, notice.rule_id, notice.citation, notice.message, notice.link)
