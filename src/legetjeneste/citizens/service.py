"""Use cases of the citizen register (DESIGN.md, "Privacy and security"): adding a citizen with a validated
fødselsnummer, reading one (every read of an identity audited with who, when and why), and the list
lengths per agreement and month from the memberships beside Helfo's monthly count."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import queries, rules
from legetjeneste.citizens.models import Citizen, CitizenParent, Membership
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.schemas import CitizenCreate, CitizenRead, LengthReport, PlaceRead
from legetjeneste.dates import first_of_month, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, NotFound
from legetjeneste.settings import get_settings


def _read(session: Session, found: Citizen) -> CitizenRead:
    return CitizenRead(
        id=found.id,
        national_id=found.national_id,
        name=found.name,
        birth_date=found.birth_date,
        sex=found.sex,
        home_municipality_number=found.home_municipality_number,
        resident_since=found.resident_since,
        places=[place_read(p) for p in places.memberships(session, citizen_id=found.id)],
    )


def place_read(place: Membership) -> PlaceRead:
    return PlaceRead(
        agreement_id=place.agreement_id,
        start=place.start,
        end=place.end,
        begin_reason=place.begin_reason,
        begin_text=rules.reason_text(place.begin_reason),
        end_reason=place.end_reason,
        end_text=rules.reason_text(place.end_reason),
        rule_id=rules.reason_rule(place.begin_reason),
        counted=rules.counts_as_switch(place.begin_reason),
    )


def audit_identity(session: Session, *, actor: Actor, citizen: Citizen, why: str) -> None:
    """DESIGN.md, "Privacy and security" — every read of an identity: who, when (the entry's time), why."""
    audit_service.record(
        session,
        actor=actor,
        action="read_identity",
        entity="citizen",
        record_ids=[citizen.id],
        municipality_number=citizen.home_municipality_number,
        detail={"why": why},
    )


@when_free
def add_citizen(session: Session, *, actor: Actor, data: CitizenCreate) -> CitizenRead:
    """A citizen with a validated fødselsnummer (synthetic numbers only while test identities are on)."""
    auth_service.require(actor, "citizens.register")
    checked = rules.national_id(
        data.national_id, allow_synthetic=get_settings().test_identities, today=today_oslo()
    )
    with write_transaction(session):
        scope.municipality(session, actor, data.home_municipality_number)
        if queries.citizen_by_national_id(session, checked.number) is not None:
            raise Conflict("Fødselsnummer: en innbygger med dette nummeret finnes allerede.")
        found = Citizen(
            national_id=checked.number,
            name=data.name,
            birth_date=checked.birth_date,
            sex=checked.sex,
            home_municipality_number=data.home_municipality_number,
            resident_since=data.resident_since,
            email=data.email,
        )
        session.add(found)
        session.flush()
        for parent in data.parents:
            if queries.citizen(session, parent) is None:
                raise NotFound(f"Forelder {parent} finnes ikke i registeret.")
            session.add(CitizenParent(child_id=found.id, parent_id=parent))
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="citizen",
            record_ids=[found.id],
            municipality_number=found.home_municipality_number,
        )
        return _read(session, found)


def _in_scope(session: Session, actor: Actor, *, citizen_id: int | None, national_id: str | None) -> Citizen:
    auth_service.require(actor, "citizens.register")
    found = (
        queries.citizen(session, citizen_id)
        if citizen_id is not None
        else queries.citizen_by_national_id(session, national_id or "")
    )
    if found is None:
        raise NotFound("Innbyggeren finnes ikke i registeret.")
    scope.require_municipality(actor, found.home_municipality_number)
    return found


def get_citizen(
    session: Session, *, actor: Actor, why: str, citizen_id: int | None = None, national_id: str | None = None
) -> CitizenRead:
    """A citizen with their list history, for staff with the register; the read and its reason audited."""
    with session.begin():
        found = _in_scope(session, actor, citizen_id=citizen_id, national_id=national_id)
        audit_identity(session, actor=actor, citizen=found, why=why)
        return _read(session, found)


def citizen_id_of(session: Session, *, actor: Actor, national_id: str, why: str) -> int:
    """The register's id of the citizen with this fødselsnummer (the command line's way in), audited."""
    with session.begin():
        found = _in_scope(session, actor, citizen_id=None, national_id=national_id)
        audit_identity(session, actor=actor, citizen=found, why=why)
        return found.id


def list_lengths(session: Session, *, actor: Actor, municipality_number: str, month: date) -> LengthReport:
    """AGR-OPEN — every list's length on the 1st of the month from the memberships, and where it differs
    from Helfo's monthly count (registry ListCount)."""
    auth_service.require(actor, "register.read")
    first = first_of_month(month)
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        rows = queries.length_rows(session, municipality_number=municipality_number, month=first)
    helfo = [r.helfo for r in rows if r.helfo is not None]
    return LengthReport(
        municipality_number=municipality_number,
        month=first,
        rows=[r.model_dump() for r in rows],
        differing=[r.agreement_id for r in rows if r.difference not in (None, 0)],
        total=sum(r.list_length for r in rows),
        helfo_total=sum(helfo) if helfo else None,
    )
