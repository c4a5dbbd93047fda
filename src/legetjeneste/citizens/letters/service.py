"""Letters to citizens about a move (CIT-WAIT-EFFECT, CIT-UNASSIGNED, CIT-REDUCTION-DRAW, AGR-VACANT): a
citizen with a user is told in the inbox (and by e-mail as they chose); every letter is kept as a
`CitizenLetter`, those to citizens without a user on the channel «post» for the municipality's letter
service. Called inside the caller's transaction, like `audit_service.record`."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from legetjeneste.citizens import queries
from legetjeneste.citizens.models import CitizenLetter
from legetjeneste.dates import now_oslo
from legetjeneste.notices.inbox import service as inbox_service

KIND = "citizen_letter"
SUBJECT = "Brev om fastlegen din"  # MAIL-CONTENT: the subject names the matter, not what was decided
LINK = "/innbygger"


@dataclass(frozen=True)
class Sent:
    inbox: int
    post: int


def send(
    session: Session,
    *,
    municipality_number: str,
    letters: Sequence[tuple[int, str]],
    rule_id: str,
    cause: str | None,
) -> Sent:
    """One letter per (citizen id, body)."""
    if not letters:
        return Sent(0, 0)
    users = queries.user_ids(session, [citizen_id for citizen_id, _ in letters])
    at = now_oslo()
    for citizen_id, body in letters:
        if citizen_id in users:
            inbox_service.tell(
                session,
                municipality_number=municipality_number,
                kind=KIND,
                subject=SUBJECT,
                body=body,
                link=LINK,
                rule_id=rule_id,
                user_ids=[users[citizen_id]],
            )
    rows = [
        {
            "citizen_id": citizen_id,
            "municipality_number": municipality_number,
            "created_at": at,
            "channel": "inbox" if citizen_id in users else "post",
            "subject": SUBJECT,
            "body": body[:2000],
            "rule_id": rule_id,
            "cause": cause,
        }
        for citizen_id, body in letters
    ]
    session.execute(insert(CitizenLetter), rows)
    told = sum(1 for citizen_id, _ in letters if citizen_id in users)
    return Sent(told, len(letters) - told)
