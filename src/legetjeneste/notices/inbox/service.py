"""Telling people: a notice in the inbox of each user it concerns.

`tell` is called by other features inside their own transaction (like `audit_service.record`), so that a
decision and the notice of it are written together or not at all."""

from collections.abc import Sequence

from sqlalchemy.orm import Session

from legetjeneste.notices.inbox import queries, rules
from legetjeneste.notices.inbox.models import InboxNotice


def tell(
    session: Session,
    *,
    municipality_number: str | None,
    kind: str,
    subject: str,
    body: str,
    link: str = "",
    rule_id: str = "",
    doctor_id: int | None = None,
    user_ids: Sequence[int] = (),
) -> list[InboxNotice]:
    """A notice of `kind` to every active user linked to `doctor_id` and to each of `user_ids`; the caller
    owns the transaction. A doctor without a user account gets none (the letter is still on the case)."""
    if not rules.is_kind(kind):
        raise ValueError(f"unknown notice kind: {kind}")
    users = queries.recipients(session, doctor_id=doctor_id, user_ids=user_ids)
    return [
        queries.add(
            session,
            user=user,
            municipality_number=municipality_number,
            kind=kind,
            subject=subject,
            body=body,
            link=link,
            rule_id=rule_id,
        )
        for user in users
    ]
