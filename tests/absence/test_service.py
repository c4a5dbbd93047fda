"""Registering absences on the demo data: overlaps, vikar, reporting to the municipality, counters."""

from datetime import date

import pytest

from legetjeneste.absence import service
from legetjeneste.absence.counters import service as counter_service
from legetjeneste.absence.schemas import AbsenceCreate, AbsenceUpdate
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.notices import service as notices
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.periods import service as period_service
from legetjeneste.registry.periods.schemas import DoctorPeriodCreate
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo

SU_MEMBER = Actor(email="su@vefsn.example", role="su_member", municipality_number="1824")


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def vacation(
    session,
    hpr="9182404",
    start=date(2026, 7, 6),
    end=date(2026, 7, 26),
    cover="collegial",
    actor=VEFSN_KOMMUNEOVERLEGE,
    ground="ordinary",
    **more,
):
    data = AbsenceCreate(
        doctor_id=doctor_id(session, hpr), ground=ground, start=start, end=end, cover=cover, **more
    )
    return service.register_absence(session, actor=actor, data=data)


def test_a_three_week_vacation_with_collegial_cover_is_registered_on_the_doctors_list(demo):
    saved = vacation(demo)
    assert (saved.absence.agreement_id, saved.absence.days, saved.absence.cover_label) == (
        182404,
        21,
        "kollegial fraværsordning",
    )
    assert saved.warnings == []


def test_an_overlapping_absence_is_refused_naming_the_period_it_collides_with(demo):
    vacation(demo)
    with pytest.raises(ValidationFailed) as caught:
        vacation(demo, start=date(2026, 7, 20), end=date(2026, 8, 2))
    assert str(caught.value.problems[0]) == (
        "start: overlapper legens fravær 6.–26. juli 2026; en lege har ett fravær om gangen (ABS-TYPES)"
    )


def test_an_absence_right_after_another_is_not_an_overlap(demo):
    vacation(demo)
    assert vacation(demo, start=date(2026, 7, 27), end=date(2026, 7, 31)).absence.days == 5


def test_a_vikar_must_be_a_registered_doctor_and_not_the_gp(demo):
    with pytest.raises(ValidationFailed) as caught:
        vacation(demo, cover="own_vikar")
    assert caught.value.problems[0].path == "vikar_doctor_id"
    with pytest.raises(ValidationFailed):
        vacation(demo, cover="own_vikar", vikar_doctor_id=doctor_id(demo, "9182404"))


def test_a_vikar_without_a_vikar_period_on_the_agreement_is_a_warning_and_reported(demo):
    saved = vacation(demo, cover="own_vikar", vikar_doctor_id=doctor_id(demo, "9182416"))
    assert [w["path"] for w in saved.warnings] == ["vikar_doctor_id"]
    assert saved.notices == [
        "Ny vikar: Stian Grubben er vikar for Eirik Sandnesmo (Mosjøen legesenter) "
        "6.–26. juli 2026, egen vikar."
    ]
    [notice] = notices.open_notices(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    assert (notice.rule_id, notice.link) == ("ABS-REPORT", f"/leger/{saved.absence.doctor_id}")


def test_a_vikar_registered_on_the_agreement_for_the_whole_absence_gives_no_warning(demo):
    period_service.add_doctor_period(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        agreement_id=182404,
        data=DoctorPeriodCreate(
            doctor_id=doctor_id(demo, "9182416"), role="vikar", start=date(2026, 7, 1), end=date(2026, 7, 31)
        ),
    )
    saved = vacation(demo, cover="own_vikar", vikar_doctor_id=doctor_id(demo, "9182416"))
    assert saved.warnings == []


def test_abs_report_a_longer_absence_without_vikar_notifies_the_municipality_and_a_short_one_does_not(demo):
    assert vacation(demo, end=date(2026, 7, 19)).notices == []
    long = vacation(demo, start=date(2026, 8, 1), end=date(2026, 8, 15))
    assert long.notices[0].startswith("Lengre fravær uten vikar: Eirik Sandnesmo (Mosjøen legesenter)")


def test_changing_an_absence_reports_only_what_is_new(demo):
    saved = vacation(demo, start=date(2026, 8, 1), end=date(2026, 8, 15))
    longer = service.update_absence(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        absence_id=saved.absence.id,
        data=AbsenceUpdate(end=date(2026, 8, 20)),
    )
    assert longer.notices == []
    vikar = service.update_absence(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        absence_id=saved.absence.id,
        data=AbsenceUpdate(cover="municipal_vikar", vikar_doctor_id=doctor_id(demo, "9182416")),
    )
    assert vikar.notices[0].startswith("Ny vikar: Stian Grubben")


def test_abs_course_phd_research_needs_the_gps_own_vikar(demo):
    with pytest.raises(ValidationFailed) as caught:
        vacation(demo, ground="research", cover="collegial")
    assert (caught.value.problems[0].rule_id, caught.value.problems[0].path) == ("ABS-COURSE", "cover")


def test_a_doctor_without_a_list_at_the_start_needs_the_agreement_named(demo):
    with pytest.raises(ValidationFailed) as caught:
        vacation(demo, hpr="9182416")
    assert caught.value.problems[0].path == "agreement_id"


def test_an_office_administrator_registers_only_for_the_own_office(demo):
    offices = {
        o.name: o.id for o in registry_service.list_offices(demo, actor=SYSTEM, municipality_number="1824")
    }
    mosjoen = Actor(
        email="kontor@mosjoen.example",
        role="office_admin",
        municipality_number="1824",
        office_id=offices["Mosjøen legesenter"],
    )
    assert vacation(demo, actor=mosjoen).absence.office_name == "Mosjøen legesenter"
    with pytest.raises(Forbidden):
        vacation(demo, hpr="9182410", actor=mosjoen)


def test_another_municipality_cannot_see_or_register_absences_of_vefsn(demo):
    saved = vacation(demo)
    with pytest.raises(NotFound):
        service.get_absence(demo, actor=KRAGERO_KOMMUNEOVERLEGE, absence_id=saved.absence.id)
    with pytest.raises(NotFound):
        vacation(demo, actor=KRAGERO_KOMMUNEOVERLEGE)


def test_an_su_member_sees_that_a_doctor_is_away_but_not_that_it_is_sickness(demo):
    vacation(demo, ground="own_sickness", cover="none", start=date(2026, 3, 1), end=date(2026, 3, 20))
    vacation(demo)
    seen = [a for a in service.list_absences(demo, actor=SU_MEMBER) if a.doctor_name == "Eirik Sandnesmo"]
    assert [(a.ground, a.ground_label, a.details) for a in seen] == [
        (None, "annet fravær", None),
        (None, "ferie eller ordinært fravær", None),
    ]
    with pytest.raises(Forbidden):
        counter_service.doctor_counters(demo, actor=SU_MEMBER, doctor_id=seen[0].doctor_id, year=2026)


def test_the_counters_follow_the_worked_sickness_example_of_the_payments_issue(demo):
    saved = vacation(demo, ground="own_sickness", cover="none", start=date(2026, 3, 1), end=date(2026, 3, 20))
    counters = counter_service.doctor_counters(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, doctor_id=saved.absence.doctor_id, year=2026
    )
    lost = [d.day for d in counters.days if d.status == "lost"]
    assert lost == [date(2026, 3, n) for n in range(17, 21)]
    sickness = next(c for c in counters.counters if c.key == "sickness_period")
    assert (sickness.used, sickness.limit, sickness.rule_id) == (20, 16, "ABS-SICK")


def test_details_are_kept_only_for_grounds_concerning_children(demo):
    child = vacation(
        demo,
        ground="child_sickness",
        cover="none",
        start=date(2026, 2, 2),
        end=date(2026, 2, 3),
        details={"children": 3, "sole_carer": True},
    )
    plain = vacation(demo, start=date(2026, 3, 2), end=date(2026, 3, 3), details={"children": 3})
    assert child.absence.details == {"children": 3, "chronically_ill": False, "sole_carer": True}
    assert plain.absence.details == {}


def test_a_cancelled_absence_is_gone_and_its_period_free_again(demo):
    saved = vacation(demo)
    service.cancel_absence(demo, actor=VEFSN_KOMMUNEOVERLEGE, absence_id=saved.absence.id)
    assert saved.absence.id not in [a.id for a in service.list_absences(demo, actor=VEFSN_KOMMUNEOVERLEGE)]
    assert vacation(demo).absence.days == 21


def test_the_municipalitys_counters_list_each_doctor_with_an_absence_that_year(demo):
    vacation(demo)
    vacation(demo, hpr="9182410", start=date(2025, 12, 20), end=date(2026, 1, 3))
    vacation(demo, hpr="9182411", start=date(2025, 6, 1), end=date(2025, 6, 3))
    found = counter_service.municipality_counters(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", year=2026
    )
    names = [c.doctor_name for c in found]
    assert "Eirik Sandnesmo" in names and "Petter Mjåvatn" in names and "Henrik Skjerva" not in names
    assert names == sorted(names)


def test_an_office_administrator_sees_grounds_and_counters_only_for_the_own_office(demo):
    offices = {
        o.name: o.id for o in registry_service.list_offices(demo, actor=SYSTEM, municipality_number="1824")
    }
    mosjoen = Actor(
        email="kontor@mosjoen.example",
        role="office_admin",
        municipality_number="1824",
        office_id=offices["Mosjøen legesenter"],
    )
    seen = {a.doctor_name: a.ground_label for a in service.list_absences(demo, actor=mosjoen)}
    assert seen["Magnus Tverrå"] == "annet fravær"
    assert seen["Siri Halsøy"] == "ferie eller annet ordinært fravær"
    with pytest.raises(Forbidden):
        counter_service.doctor_counters(demo, actor=mosjoen, doctor_id=doctor_id(demo, "9182403"), year=2026)
    assert counter_service.doctor_counters(
        demo, actor=mosjoen, doctor_id=doctor_id(demo, "9182405"), year=2026
    )
    names = [
        c.doctor_name
        for c in counter_service.municipality_counters(
            demo, actor=mosjoen, municipality_number="1824", year=2026
        )
    ]
    assert "Magnus Tverrå" not in names and "Siri Halsøy" in names
