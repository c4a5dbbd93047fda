"""«Finn fastlege»: a municipality's lists with their open places and waiting lists, for anyone, without
login. Nothing here is personal: list lengths are counts, the GPs' names and offices are public."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens.finder import queries, rules
from legetjeneste.citizens.finder.models import DoctorProfile
from legetjeneste.citizens.finder.rules import Filters, ListFacts
from legetjeneste.citizens.finder.schemas import (
    DoctorProfileRead,
    DoctorProfileUpdate,
    FinderQuery,
    FinderRead,
    GpListRead,
    OfficeOption,
)
from legetjeneste.dates import today_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import NotFound, Problem, ValidationFailed


def municipalities(session: Session) -> list[tuple[str, str]]:
    with session.begin():
        return queries.municipalities(session)


def filters_of(query: FinderQuery) -> Filters:
    return Filters(
        office_id=query.kontor,
        sex=rules.GENDERS.get(query.kjonn) if query.kjonn else None,
        accessible=query.tilgjengelig,
        language=query.sprak or None,
        with_room=query.ledig,
    )


def _read(facts: ListFacts, *, places: int, counts_citizens: bool) -> GpListRead:
    address = ", ".join(
        part for part in (facts.street_address, f"{facts.postal_code} {facts.city}".strip()) if part
    )
    return GpListRead(
        agreement_id=facts.agreement_id,
        office_id=facts.office_id,
        office_name=facts.office_name,
        address=address,
        phone=facts.phone,
        is_accessible=facts.is_accessible,
        doctor_name=facts.doctor_name,
        doctor_gender=rules.SEX_NAMES_NB.get(facts.doctor_sex or ""),
        languages=rules.language_list(facts.languages),
        listetak=facts.listetak,
        list_length=rules.list_length(facts, counts_citizens=counts_citizens),
        open_places=places,
        waiting_list_length=rules.waiting_length(facts, counts_citizens=counts_citizens),
        switch_url=f"/innbygger/bytt?agreement={facts.agreement_id}",
        alert_url=f"/varsel/ny?avtale={facts.agreement_id}",
    )


def find(session: Session, *, query: FinderQuery, on: date | None = None) -> FinderRead:
    """AGR-OPEN — the lists of the municipality that match the filters, the most room first."""
    day = on or today_oslo()
    with session.begin():
        known = queries.municipality_and_citizens(session, query.kommune)
        if known is None:
            raise NotFound(f"Kommune {query.kommune} finnes ikke i registeret.")
        name, counts_citizens = known
        found = queries.lists(session, municipality_number=query.kommune, on=day)
    filters = filters_of(query)
    places = {f.agreement_id: rules.open_places(f, counts_citizens=counts_citizens) for f in found}
    chosen = sorted(
        (f for f in found if rules.matches(f, filters, places=places[f.agreement_id])),
        key=lambda f: rules.order_key(places[f.agreement_id], f),
    )
    offices = sorted({(f.office_id, f.office_name) for f in found}, key=lambda o: o[1])
    languages = sorted({lang for f in found for lang in rules.language_list(f.languages)})
    return FinderRead(
        municipality_number=query.kommune,
        municipality_name=name,
        on=day,
        source="citizen_register" if counts_citizens else "helfo",
        lists=[_read(f, places=places[f.agreement_id], counts_citizens=counts_citizens) for f in chosen],
        offices=[OfficeOption(id=office_id, name=office_name) for office_id, office_name in offices],
        languages=languages,
        total_open_places=sum(places.values()),
    )


def set_profile(
    session: Session, *, actor: Actor, doctor_id: int, data: DoctorProfileUpdate
) -> DoctorProfileRead:
    """The GP's gender and languages as «Finn fastlege» filters on them (the register's editors)."""
    auth_service.require(actor, "register.write")
    languages = [language.strip().lower() for language in data.languages if language.strip()]
    if any(len(language) > 40 or "," in language for language in languages):
        raise ValidationFailed([Problem("languages", "Et språk kan ha høyst 40 tegn og ikke komma")])
    with write_transaction(session):
        doctor = scope.doctor(session, actor, doctor_id)
        found = queries.profile(session, doctor.id)
        if found is None:
            found = DoctorProfile(doctor_id=doctor.id)
            session.add(found)
        found.sex = rules.GENDERS.get(data.gender) if data.gender else None
        found.languages = ", ".join(languages)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="doctor_profile",
            record_ids=[doctor.id],
            municipality_number=doctor.municipality_number,
            detail={"gender": data.gender, "languages": languages},
        )
        return DoctorProfileRead(doctor_id=doctor.id, gender=data.gender, languages=languages)


def set_profiles(
    session: Session, *, actor: Actor, municipality_number: str, profiles: dict[str, DoctorProfileUpdate]
) -> int:
    """Many GPs' profiles at once, by HPR number (the demo's); how many were set. Unknown numbers are left."""
    auth_service.require(actor, "register.write")
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        doctors = queries.doctors_by_hpr(session, municipality_number, list(profiles))
        for hpr, doctor_id in doctors.items():
            data = profiles[hpr]
            found = queries.profile(session, doctor_id) or DoctorProfile(doctor_id=doctor_id)
            found.sex = rules.GENDERS.get(data.gender) if data.gender else None
            found.languages = ", ".join(language.strip().lower() for language in data.languages)
            session.add(found)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="doctor_profile",
            record_ids=sorted(doctors.values()),
            municipality_number=municipality_number,
        )
        return len(doctors)
