"""The register's use cases on the demo data: the overview, scoping, the rules on create and update."""

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, Forbidden, NotFound, ValidationFailed
from legetjeneste.registry import service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.schemas import (
    AgreementCreate,
    AgreementUpdate,
    DoctorPeriodCreate,
    ListCountBase,
    OfficeCreate,
    OfficeUpdate,
)
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_CITIZEN,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    import_demo,
)

ON = date(2026, 11, 22)


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def test_the_vefsn_overview_matches_ssb_2025_with_15_lists_two_of_them_without_a_gp(demo):
    data = service.overview(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", on=ON)
    totals = data["totals"]
    assert len(data["agreements"]) == 15
    assert (totals.with_regular_doctor, totals.without_regular_doctor) == (13, 2)
    assert (totals.patients_with_regular_doctor, totals.patients_without_regular_doctor) == (11996, 1368)
    assert totals.listetak_with_regular_doctor == 11770
    assert (totals.average_list_length, totals.open_lists) == (923, 0)
    without = [row.id for row in data["agreements"] if not row.has_regular_doctor]
    assert without == [182414, 182415]


def test_the_kragero_overview_matches_ssb_2025_with_two_open_lists(demo):
    totals = service.overview(demo, actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="4014", on=ON)[
        "totals"
    ]
    assert (totals.agreements, totals.without_regular_doctor) == (11, 0)
    assert totals.patients_with_regular_doctor == 10435
    assert (totals.open_lists, totals.open_places, totals.average_list_length) == (2, 45, 949)
    assert totals.listetak_with_regular_doctor == 10480


def test_a_list_had_its_gp_until_the_regular_period_ended_and_is_without_one_the_day_after(demo):
    before = agreement_service.get_agreement(demo, actor=SYSTEM, agreement_id=182414, on=date(2026, 6, 30))
    after = agreement_service.get_agreement(demo, actor=SYSTEM, agreement_id=182414, on=date(2026, 7, 1))
    assert before.has_regular_doctor and before.regular_doctor_name == "Bjørn Hattfjell"
    assert not after.has_regular_doctor and after.vikar_names == ["Stian Grubben"]


def test_the_list_length_is_the_newest_count_of_a_month_that_has_begun(demo):
    march = agreement_service.get_agreement(demo, actor=SYSTEM, agreement_id=182404, on=date(2026, 3, 31))
    november = agreement_service.get_agreement(demo, actor=SYSTEM, agreement_id=182404, on=ON)
    assert march.list_length_month == "2026-03" and november.list_length == 1032


def test_lists_without_a_regular_doctor_at_a_date_are_listed(demo):
    rows = agreement_service.lists_without_regular_doctor(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", on=date(2026, 3, 1)
    )
    assert [row.id for row in rows] == [182415]


def test_a_vefsn_user_gets_not_found_for_a_kragero_agreement_office_and_overview(demo):
    with pytest.raises(NotFound):
        agreement_service.get_agreement(demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=401401)
    kragero_office = service.list_offices(demo, actor=KRAGERO_KOMMUNEOVERLEGE)[0]
    with pytest.raises(NotFound):
        service.get_office(demo, actor=VEFSN_KOMMUNEOVERLEGE, office_id=kragero_office.id)
    with pytest.raises(NotFound):
        service.overview(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="4014")


def test_lists_are_scoped_to_the_users_municipality_and_the_admin_sees_all(demo):
    assert {a.municipality_number for a in agreement_service.list_agreements(demo, actor=VEFSN_DOCTOR)} == {
        "1824"
    }
    assert len(agreement_service.list_agreements(demo, actor=SYSTEM)) == 26
    assert [m.number for m in service.list_municipalities(demo, actor=VEFSN_DOCTOR)] == ["1824"]


def test_a_citizen_cannot_read_the_register(demo):
    with pytest.raises(Forbidden):
        agreement_service.list_agreements(demo, actor=VEFSN_CITIZEN)


def test_a_doctor_can_read_but_not_change_the_register(demo):
    with pytest.raises(Forbidden):
        agreement_service.update_agreement(
            demo, actor=VEFSN_DOCTOR, agreement_id=182404, data=AgreementUpdate(listetak=1200)
        )


def new_agreement(**changes) -> AgreementCreate:
    office_id = changes.pop("office_id", 1)
    return AgreementCreate(
        office_id=office_id,
        listetak=changes.pop("listetak", 1200),
        list_status="open",
        operating_model="self_employed",
        start=date(2027, 1, 1),
        **changes,
    )


def test_an_agreement_with_listetak_2500_is_created_and_2501_is_refused_agr_listetak(demo):
    created = agreement_service.create_agreement(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, data=new_agreement(listetak=2500)
    )
    assert created.municipality_number == "1824" and created.id == 401412
    with pytest.raises(ValidationFailed) as caught:
        agreement_service.create_agreement(
            demo, actor=VEFSN_KOMMUNEOVERLEGE, data=new_agreement(listetak=2501)
        )
    assert str(caught.value.problems[0]) == "listetak: 2501 er over maksimum 2500 (AGR-LISTETAK)"


def test_an_agreement_below_500_is_created_and_carries_the_agr_listetak_warning(demo):
    created = agreement_service.create_agreement(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, data=new_agreement(listetak=400)
    )
    assert created.warnings == [
        "listetak: 400 er under 500; det krever særskilt avtale med kommunen (AGR-LISTETAK)"
    ]


def test_an_agreement_cannot_be_placed_in_another_municipalitys_office(demo):
    kragero_office = service.list_offices(demo, actor=KRAGERO_KOMMUNEOVERLEGE)[0]
    with pytest.raises(ValidationFailed) as caught:
        agreement_service.create_agreement(
            demo, actor=VEFSN_KOMMUNEOVERLEGE, data=new_agreement(office_id=kragero_office.id)
        )
    assert caught.value.problems[0].path == "office_id"


def test_an_agreement_id_already_in_use_is_a_conflict(demo):
    with pytest.raises(Conflict):
        agreement_service.create_agreement(demo, actor=VEFSN_KOMMUNEOVERLEGE, data=new_agreement(id=182401))


def test_raising_a_listetak_above_2500_is_refused_and_nothing_changes(demo):
    with pytest.raises(ValidationFailed):
        agreement_service.update_agreement(
            demo,
            actor=VEFSN_KOMMUNEOVERLEGE,
            agreement_id=182404,
            data=AgreementUpdate(listetak=3000, list_status="open"),
        )
    unchanged = agreement_service.get_agreement(demo, actor=SYSTEM, agreement_id=182404)
    assert (unchanged.listetak, unchanged.list_status) == (1000, "closed")


def test_opening_a_list_with_room_gives_open_places(demo):
    updated = agreement_service.update_agreement(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        agreement_id=182404,
        data=AgreementUpdate(listetak=1100, list_status="open"),
    )
    assert updated.open_places == 68


def test_a_second_regular_doctor_in_an_overlapping_period_is_refused(demo):
    doctor = next(
        d
        for d in service.list_doctors(demo, actor=SYSTEM, municipality_number="1824")
        if d.hpr_number == "9182416"
    )
    with pytest.raises(ValidationFailed) as caught:
        agreement_service.add_doctor_period(
            demo,
            actor=VEFSN_KOMMUNEOVERLEGE,
            agreement_id=182401,
            data=DoctorPeriodCreate(doctor_id=doctor.id, role="regular", start=date(2026, 12, 1)),
        )
    assert "én fastlege om gangen" in caught.value.problems[0].message


def test_a_new_regular_doctor_on_a_list_without_one_gives_the_list_a_gp(demo):
    doctor = next(
        d
        for d in service.list_doctors(demo, actor=SYSTEM, municipality_number="1824")
        if d.hpr_number == "9182416"
    )
    agreement_service.add_doctor_period(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        agreement_id=182415,
        data=DoctorPeriodCreate(
            doctor_id=doctor.id, role="regular", start=date(2026, 12, 1), working_percentage=80
        ),
    )
    assert agreement_service.get_agreement(
        demo, actor=SYSTEM, agreement_id=182415, on=date(2026, 12, 1)
    ).has_regular_doctor


def test_a_monthly_count_is_recorded_and_corrected_by_month(demo):
    for length in (700, 705):
        agreement_service.put_list_count(
            demo,
            actor=VEFSN_KOMMUNEOVERLEGE,
            agreement_id=182415,
            data=ListCountBase(month="2026-12", list_length=length),
        )
    counts = agreement_service.list_list_counts(demo, actor=SYSTEM, agreement_id=182415)
    assert [(c.month, c.list_length) for c in counts[-2:]] == [("2026-11", 616), ("2026-12", 705)]


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
