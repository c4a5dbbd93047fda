"""The register's use cases on the demo data: scoping, permissions, offices and the audit log."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, Forbidden, NotFound
from legetjeneste.registry import service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import AgreementUpdate
from legetjeneste.registry.schemas import OfficeCreate, OfficeUpdate
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_CITIZEN,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
)


def test_a_vefsn_user_gets_not_found_for_a_kragero_agreement_office_and_overview(demo):
    with pytest.raises(NotFound):
        agreement_service.get_agreement(demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=401401)
    kragero_office = service.list_offices(demo, actor=KRAGERO_KOMMUNEOVERLEGE)[0]
    with pytest.raises(NotFound):
        service.get_office(demo, actor=VEFSN_KOMMUNEOVERLEGE, office_id=kragero_office.id)
    with pytest.raises(NotFound):
        agreement_service.overview(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="4014")


def test_lists_are_scoped_to_the_users_municipality_and_the_admin_sees_all(demo):
    assert {a.municipality_number for a in agreement_service.list_agreements(demo, actor=VEFSN_DOCTOR)} == {
        "1824"
    }
    assert len(agreement_service.list_agreements(demo, actor=SYSTEM)) == 26
    assert [m.number for m in service.list_municipalities(demo, actor=VEFSN_DOCTOR)] == ["1824"]


def test_a_citizen_cannot_read_the_register(demo):
    with pytest.raises(Forbidden):
        agreement_service.list_agreements(demo, actor=VEFSN_CITIZEN)


def test_an_office_with_an_organisation_number_in_use_is_a_conflict(demo):
    with pytest.raises(Conflict):
        service.create_office(
            demo,
            actor=VEFSN_KOMMUNEOVERLEGE,
            data=OfficeCreate(organisation_number="991401415", name="Kopi", is_group_practice=False),
        )


def test_an_office_is_created_in_the_users_own_municipality_and_can_be_renamed(demo):
    office = service.create_office(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        data=OfficeCreate(organisation_number="912345688", name="Drevja legekontor", is_group_practice=False),
    )
    renamed = service.update_office(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, office_id=office.id, data=OfficeUpdate(name="Drevja helsesenter")
    )
    assert (renamed.municipality_number, renamed.name) == ("1824", "Drevja helsesenter")


def audit_entries(session, **where) -> list[AuditEntry]:
    with session.begin():
        query = select(AuditEntry).order_by(AuditEntry.id)
        for name, value in where.items():
            query = query.where(getattr(AuditEntry, name) == value)
        return list(session.scalars(query))


def test_reading_doctors_is_audited_with_who_and_which_records(demo):
    service.get_doctor(demo, actor=VEFSN_KOMMUNEOVERLEGE, doctor_id=1)
    [entry] = audit_entries(demo, actor="kol@vefsn.example")
    assert (entry.action, entry.entity, entry.record_ids, entry.municipality_number) == (
        "read",
        "doctor",
        ["1"],
        "1824",
    )


def test_every_write_is_audited(demo):
    agreement_service.update_agreement(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=182404, data=AgreementUpdate(listetak=1050)
    )
    [entry] = audit_entries(demo, action="update")
    assert (entry.entity, entry.record_ids, entry.detail) == (
        "agreement",
        ["182404"],
        {"fields": ["listetak"]},
    )


def test_the_audit_log_refuses_updates_and_deletes_in_the_database(demo):
    for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(DatabaseError), demo.begin():
            demo.execute(text(statement))
    assert len(audit_entries(demo)) > 0
