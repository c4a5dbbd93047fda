"""Agreements and their monthly list counts through their use cases on the demo data: the overview against
SSB, a list at a date, the AGR-LISTETAK refusals and warnings on create and update, and permissions."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, Forbidden, ValidationFailed
from legetjeneste.registry import service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import AgreementCreate, AgreementUpdate, ListCountBase
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE

ON = date(2026, 11, 22)


def test_the_vefsn_overview_matches_ssb_2025_with_15_lists_two_of_them_without_a_gp(demo):
    data = agreement_service.overview(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", on=ON)
    totals = data["totals"]
    assert len(data["agreements"]) == 15
    assert (totals.with_regular_doctor, totals.without_regular_doctor) == (13, 2)
    assert (totals.patients_with_regular_doctor, totals.patients_without_regular_doctor) == (11996, 1368)
    assert totals.listetak_with_regular_doctor == 11770
    assert (totals.average_list_length, totals.open_lists) == (923, 0)
    without = [row.id for row in data["agreements"] if not row.has_regular_doctor]
    assert without == [182414, 182415]


def test_the_kragero_overview_matches_ssb_2025_with_two_open_lists(demo):
    totals = agreement_service.overview(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="4014", on=ON
    )["totals"]
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
