"""The letters to citizens without a user (channel «post»; citizens/letters/service.py writes them): the
kommuneoverlege lists those waiting, prints the batch (a PDF, one letter a page, for the municipality's letter
service) and marks it sent. The citizens' identities are read only here, and every read is audited."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens.letters.post import pdf, queries
from legetjeneste.citizens.letters.post.schemas import Marked, PostBatch, PostLetter
from legetjeneste.dates import now_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Problem, ValidationFailed


def _batch(
    session: Session, actor: Actor, municipality_number: str, *, up_to: int | None, why: str
) -> PostBatch:
    auth_service.require(actor, "citizens.distribute")
    found = scope.municipality(session, actor, municipality_number)
    rows = queries.waiting(session, municipality_number, up_to=up_to)
    if rows:
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="citizen",
            record_ids=sorted({citizen.id for _, citizen in rows}),
            municipality_number=municipality_number,
            detail={"why": why},
        )
    letters = [
        PostLetter(
            id=letter.id,
            created_at=letter.created_at,
            citizen_name=citizen.name,
            national_id=citizen.national_id,
            subject=letter.subject,
            body=letter.body,
            rule_id=letter.rule_id,
        )
        for letter, citizen in rows
    ]
    return PostBatch(
        municipality_number=municipality_number,
        municipality_name=found.name,
        letters=letters,
        up_to=letters[-1].id if letters else None,
    )


def post_letters(session: Session, *, actor: Actor, municipality_number: str) -> PostBatch:
    """The letters waiting for the post, oldest first."""
    with session.begin():
        return _batch(session, actor, municipality_number, up_to=None, why="brev til utsending")


def batch_pdf(
    session: Session, *, actor: Actor, municipality_number: str, up_to: int | None = None
) -> tuple[str, bytes]:
    """The waiting letters (up to the id named) as one PDF, a letter a page: its file name and content."""
    with session.begin():
        batch = _batch(session, actor, municipality_number, up_to=up_to, why="utskrift av brev til utsending")
    return f"brev-til-utsending-{municipality_number}.pdf", pdf.batch_pdf(batch)


def mark_sent(session: Session, *, actor: Actor, municipality_number: str, up_to: int | None) -> Marked:
    """The waiting letters up to the id named are sent (posted, or handed to the letter service)."""
    auth_service.require(actor, "citizens.distribute")
    if up_to is None:
        raise ValidationFailed([Problem("up_to", "Det er ingen brev å markere som sendt.")])
    at = now_oslo()
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        ids = queries.mark_sent(session, municipality_number, up_to=up_to, at=at)
        if ids:
            audit_service.record(
                session,
                actor=actor,
                action="mark_sent",
                entity="citizen_letter",
                record_ids=ids,
                municipality_number=municipality_number,
                detail={"count": len(ids)},
            )
    return Marked(count=len(ids), at=at)
