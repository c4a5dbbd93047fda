"""The GP's own applications for exemption on Min side: each with its status and, once decided, the
decision's date and period; and the schemes of the GP's own municipality they can apply to."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Forbidden
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.exemptions.own import queries
from legetjeneste.legevakt.wishes import queries as wish_queries


def my_exemptions(session: Session, *, actor: Actor, doctor_id: int | None) -> dict:
    """The panel «Mine fritak»: the GP's applications (their own health data, shown to them alone, the
    read audited) and where to apply: the schemes of the GP's own municipality they take part in."""
    auth_service.require(actor, "minside.read")
    if actor.doctor_id is None or doctor_id != actor.doctor_id:
        raise Forbidden("Bare legen selv kan se sine søknader om fritak på Min side.")
    with session.begin():
        doctor = scope.doctor(session, actor, actor.doctor_id)
        found = queries.exemptions_of_doctor(session, doctor.id)
        if found:
            audit_service.record(
                session,
                actor=actor,
                action="read",
                entity="exemption",
                record_ids=[e.id for e in found],
                municipality_number=doctor.municipality_number,
                detail={"view": "min_side"},
            )
        today = today_oslo()
        schemes = {
            p.scheme_id: p.scheme.name
            for p in wish_queries.participations(session, doctor_id=doctor.id)
            if (p.end is None or p.end >= today) and p.scheme.municipality_number == actor.municipality_number
        }
        return {"applications": [_application(e, actor) for e in found], "schemes": schemes}


def _application(exemption, actor: Actor) -> dict:
    """One application as the panel shows it; a link to its page only where the GP may open it (an
    application to a partner municipality's scheme lives in that municipality)."""
    granted = exemption.granted_start is not None
    return {
        "id": exemption.id,
        "link": exemption.municipality_number == actor.municipality_number,
        "scheme_name": exemption.scheme.name,
        "ground": rules.GROUNDS.get(exemption.ground, exemption.ground),
        "extent": rules.EXTENTS.get(exemption.extent, exemption.extent),
        "start": exemption.start,
        "end": exemption.end,
        "applied_on": exemption.applied_on,
        "status": exemption.status,
        "status_text": rules.STATUSES.get(exemption.status, exemption.status),
        "decided_on": exemption.decided_on,
        "granted_start": exemption.granted_start if granted else None,
        "granted_end": exemption.granted_end if granted else None,
    }
