"""What the distribution's pages show before anything moves (CIT-REDUCTION-DRAW, AGR-VACANT): the agreement's
and the list reduction case's parts, and what the question before a draw or a vacant list's distribution
names. Each asks for `citizens.distribute`, as the distribution itself does (service.py), so a user who may
not distribute is refused the question the same way as the write."""

from datetime import date, timedelta

from sqlalchemy.orm import Session

from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import queries
from legetjeneste.citizens.distribution import queries as dist_queries
from legetjeneste.citizens.distribution.schemas import distribution_read
from legetjeneste.citizens.switching.rules import effective_date
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Problem, ValidationFailed


def to_distribute(session: Session, *, actor: Actor, municipality_number: str, agreement_id: int) -> str:
    """The name of the list a draw or a vacant list's distribution would move citizens from («listen til
    Kari Lege»), for the question asked first; refused as the distribution would be (`citizens.distribute`,
    the agreement in the actor's scope), and an agreement of another municipality is the field's problem."""
    auth_service.require(actor, "citizens.distribute")
    effective = effective_date(today_oslo())
    with session.begin():
        agreement = scope.agreement(session, actor, agreement_id)
        if agreement.municipality_number != municipality_number:
            raise ValidationFailed([Problem("agreement", f"avtale {agreement_id} finnes ikke i kommunen")])
        names = queries.regular_doctor_names(session, [agreement_id], on=effective)
        return names.get(agreement_id, "Uten lege")


def agreement_panel(session: Session, *, actor: Actor, agreement_id: int) -> dict:
    """The agreement page's part (AGR-OPEN, CIT-REDUCTION-DRAW, AGR-VACANT): on the coming 1st the list's
    length from the register against its listetak, how many wait, and the draws and distributions made of it
    — counts and seeds, no names."""
    auth_service.require(actor, "citizens.distribute")
    effective = effective_date(today_oslo())
    with session.begin():
        agreement = scope.agreement(session, actor, agreement_id)
        length = queries.list_lengths(session, on=effective, agreement_ids=[agreement_id]).get(
            agreement_id, 0
        )
        return {
            "effective": effective,
            "listetak": agreement.listetak,
            "list_length": length,
            "above": max(length - agreement.listetak, 0),
            "waiting": queries.waiting_counts(session, [agreement_id]).get(agreement_id, 0),
            "municipality_number": agreement.municipality_number,
            "distributions": [
                distribution_read(d)
                for d in dist_queries.of_municipality(session, agreement.municipality_number)
                if d.agreement_id == agreement_id
            ],
        }


def case_panel(
    session: Session, *, actor: Actor, case_id: int, agreement_id: int, listetak: int, effective_from: date
) -> dict:
    """CIT-REDUCTION-DRAW, AGR-LISTREDUCE — a list reduction's case (features.Panel page "list_reduction"):
    the draw made for the case, or how many citizens its new listetak means moving and from which 1st (the
    first on or after the reduction's date, never one already passed), for the form that draws them."""
    auth_service.require(actor, "citizens.distribute")
    effective = max(effective_date(effective_from - timedelta(days=1)), effective_date(today_oslo()))
    with session.begin():
        agreement = scope.agreement(session, actor, agreement_id)
        made = dist_queries.earlier(
            session, agreement_id=agreement_id, kind="reduction", case_id=case_id, effective=effective
        )
        length = queries.list_lengths(session, on=effective, agreement_ids=[agreement_id]).get(
            agreement_id, 0
        )
        return {
            "case_id": case_id,
            "agreement_id": agreement_id,
            "municipality_number": agreement.municipality_number,
            "effective": effective,
            "draw_on": effective - timedelta(days=1),  # the draw's day, whose next 1st is `effective`
            "listetak": listetak,
            "list_length": length,
            "count": max(length - listetak, 0),
            "made": distribution_read(made) if made is not None else None,
        }
