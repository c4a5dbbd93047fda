"""Inserts and selects for notices; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.dates import now_oslo
from legetjeneste.notices.models import Notice


def add_notice(
    session: Session, *, municipality_number: str, rule_id: str, citation: str, message: str, link: str = ""
) -> Notice:
    notice = Notice(
        municipality_number=municipality_number,
        created_at=now_oslo(),
        rule_id=rule_id,
        citation=citation,
        message=message,
        link=link,
    )
    session.add(notice)
    return notice


def open_notices(session: Session, municipality_number: str) -> list[Notice]:
    query = (
        select(Notice)
        .where(Notice.municipality_number == municipality_number, Notice.acknowledged_at.is_(None))
        .order_by(Notice.id.desc())
    )
    return list(session.scalars(query))
