"""What the absence form offers: the doctors the actor registers absences for, the possible vikars, and
whether the actor may change the absence shown."""

from sqlalchemy.orm import Session

from legetjeneste.absence import labels, rules
from legetjeneste.absence import service as absence_service
from legetjeneste.absence.schemas import AbsenceRead
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth.rules import Actor
from legetjeneste.registry import queries as registry_queries


def _serving(session: Session, actor: Actor, municipality_number: str) -> list[dict]:
    """The doctors with a list the actor may register absences for, by office and name: an office
    administrator's own office, a GP themselves, the municipality's editors every one."""
    own_only = not auth_rules.can(actor, "absence.write")
    serving = {
        p.doctor_id: (p.doctor.full_name, a.office.name)
        for a in registry_queries.agreements(session, municipality_number=municipality_number)
        if auth_rules.can_manage_office(actor, a.office_id)
        for p in a.doctor_periods
        if p.role in rules.SERVING_ROLES and (not own_only or p.doctor_id == actor.doctor_id)
    }
    return sorted(
        ({"id": d_id, "name": name, "office": office} for d_id, (name, office) in serving.items()),
        key=lambda d: (d["office"], d["name"]),
    )


def form_options(
    session: Session, *, actor: Actor, municipality_number: str, absence: AbsenceRead | None = None
) -> dict:
    """What the form offers: the doctors with a list the actor registers for, every registered doctor as
    a possible vikar, and whether the actor may change `absence` (others see it without a form). A GP's
    form is their own, without a doctor to choose (`own`)."""
    scope.require_municipality(actor, municipality_number)
    if absence is None:
        absence_service.require_writer(actor)
    own = not auth_rules.can(actor, "absence.write")
    fixed = {"grounds": labels.GROUND, "covers": labels.COVER, "own": own}
    if absence and not absence_service.may_change(
        actor, doctor_id=absence.doctor_id, office_id=absence.office_id
    ):
        return {**fixed, "editable": False, "doctors": [], "vikars": []}
    with session.begin():
        doctors = _serving(session, actor, municipality_number)
        everyone = registry_queries.doctors(session, municipality_number=municipality_number)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=[d.id for d in everyone],
            municipality_number=municipality_number,
            detail={"view": "form"},
        )
        vikars = [{"id": d.id, "name": d.full_name} for d in everyone]
    return {**fixed, "editable": True, "doctors": doctors, "vikars": vikars}
