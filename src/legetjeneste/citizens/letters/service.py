"""Letters to citizens about a move (CIT-WAIT-EFFECT, CIT-UNASSIGNED, CIT-REDUCTION-DRAW, AGR-VACANT): a
citizen with a user is told in the inbox (and by e-mail as they chose); every letter is kept as a
`CitizenLetter`, those to citizens without a user on the channel «post» for the municipality's letter
service. Called inside the caller's transaction, like `audit_service.record`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from legetjeneste.citizens import queries
from legetjeneste.citizens import rules as citizen_rules
from legetjeneste.citizens.models import CitizenLetter
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.runs.schemas import Move
from legetjeneste.dates import now_oslo
from legetjeneste.norwegian import day_text
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


def carry_out(
    session: Session,
    *,
    municipality_number: str,
    families: Sequence[tuple[Sequence[int], int | None]],
    reason: str,
    effective: date,
    cause: str,
) -> list[Move]:
    """Move each family (the first member for `reason`, the others as children following, CIT-CHILDREN) to
    its list from `effective`, and write each member's letter, in the caller's transaction."""
    ids = [member for family, _ in families for member in family]
    before = queries.placed(session, ids, on=effective - timedelta(days=1)) if ids else {}
    names = queries.regular_doctor_names(session, {t for _, t in families if t is not None}, on=effective)
    moves, bodies = [], []
    for family, target in families:
        for index, member in enumerate(family):
            # A child following its parent onto the list does not use a switch of its own (CIT-CHILDREN).
            why = "child" if index > 0 and reason in ("assigned", "waiting_list") else reason
            places.move(
                session, citizen_id=member, agreement_id=target, start=effective, reason=why, cause=cause
            )
            rule_id = citizen_rules.reason_rule(why)
            moves.append(
                Move(
                    citizen_id=member,
                    from_agreement=before.get(member),
                    to_agreement=target,
                    effective=effective,
                    reason=why,
                    rule_id=rule_id,
                )
            )
            bodies.append((member, _letter(names, target, effective, why)))
    send(
        session,
        municipality_number=municipality_number,
        letters=bodies,
        rule_id=citizen_rules.reason_rule(reason),
        cause=cause,
    )
    return moves


def _letter(names: dict[int, str], target: int | None, effective: date, reason: str) -> str:
    why = f"Grunnen er: {citizen_rules.reason_text(reason).lower()} ({citizen_rules.reason_rule(reason)})."
    if target is None:
        return (
            f"Fra {day_text(effective)} står du ikke lenger på en fastlegeliste. {why} Kommunen tildeler deg "
            "en ny fastlege med ledig plass, og du får brev om den."
        )
    doctor = names.get(target, "en lege kommunen setter inn")
    return f"Fra {day_text(effective)} er {doctor} fastlegen din (fastlegeavtale {target}). {why}"
