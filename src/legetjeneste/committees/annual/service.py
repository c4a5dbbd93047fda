"""Each GP's yearly meeting with the municipality (AGR-ANNUAL-MEETING, ASA 4310 § 10.5): record a meeting
held, and the clock of each GP not met so far in the year."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, rules
from legetjeneste.committees.models import AnnualMeeting
from legetjeneste.committees.schemas import AnnualMeetingIn
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.features import Clock
from legetjeneste.registry import queries as registry_queries

# A GP's yearly meeting (AGR-ANNUAL-MEETING) runs from 1 January but shows in the deadlines only in the year's
# last quarter, when it is still to be held: a clock per GP all year would bury the other deadlines.
ANNUAL_SHOWN_FROM_MONTH = 10


def annual_meeting_clocks(session: Session, municipality_number: str, on: date) -> list[Clock]:
    """AGR-ANNUAL-MEETING, ASA 4310 § 10.5 — each GP meets the municipality at least once a calendar year:
    in the year's last quarter, a clock for each GP not met so far this year."""
    if on.month < ANNUAL_SHOWN_FROM_MONTH:
        return []
    held = queries.annual_meetings(session, municipality_number=municipality_number, year=on.year)
    met = {a.doctor_id for a in held if a.held_on <= on}
    rule = rules.ANNUAL_MEETING
    found: dict[int, Clock] = {}
    for period in queries.gp_periods(session, municipality_number=municipality_number, on=on):
        doctor = period.doctor
        if doctor.id in met or doctor.id in found:
            continue
        found[doctor.id] = Clock(
            key=f"annual-meeting-{doctor.id}-{on.year}",
            code="annual_meeting",
            start=date(on.year, 1, 1),
            due=date(on.year, 12, 31),
            rule_id=rule.id,
            citation=rule.citation,
            text=f"Årlig møte mellom {doctor.full_name} og kommunen i {on.year}",
            title=f"Årlig møte: {doctor.full_name}",
            link=f"/kommuner/{municipality_number}/utvalg",
            responsible_label="Kommunen",
            link_permission="committee.read",
            action="avtal det årlige møtet med legen",
            doctor_name=doctor.full_name,
            agreement=period.agreement_id,
        )
    return list(found.values())


def record_annual_meeting(
    session: Session, *, actor: Actor, municipality_number: str, data: AnnualMeetingIn
) -> dict:
    """AGR-ANNUAL-MEETING, ASA 4310 § 10.5 — a GP's yearly meeting with the municipality is held: the year's
    clock for the GP closes."""
    auth_service.require(actor, "committee.case")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        doctor = registry_queries.doctor_by_hpr(
            session, municipality_number=municipality_number, hpr_number=data.doctor
        )
        if doctor is None:
            raise ValidationFailed([Problem("doctor", f"ingen lege med HPR-nummer {data.doctor} i kommunen")])
        row = AnnualMeeting(
            municipality_number=municipality_number, doctor_id=doctor.id, held_on=data.held_on, note=data.note
        )
        session.add(row)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="committee_annual_meeting",
            record_ids=[row.id],
            municipality_number=municipality_number,
            detail={"doctor": data.doctor},
        )
        return {"id": row.id, "doctor": doctor.full_name, "held_on": data.held_on.isoformat()}
