"""A GP registers, changes and ends their own absences and sees their own counters (absence.own); another
doctor's absences stay the office's and the municipality's to change (ABS-TYPES, ABS-REPORT, ABS-DEDUCT)."""

from datetime import date

import pytest

from legetjeneste.absence import service
from legetjeneste.absence.counters import service as counter_service
from legetjeneste.absence.form import service as form_service
from legetjeneste.absence.schemas import AbsenceCreate, AbsenceUpdate
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.notices import service as notices
from legetjeneste.registry import service as registry_service
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo

JONAS, SIRI, KRAGERO_GP = "9182402", "9182405", "4014"


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def gp(session, hpr: str = JONAS) -> Actor:
    return Actor("lege@vefsn.example", "doctor", "1824", user_id=None, doctor_id=doctor_id(session, hpr))


def sickness(session, actor: Actor, hpr: str = JONAS, *, start=date(2026, 2, 2), end=None, cover="collegial"):
    data = AbsenceCreate(
        doctor_id=doctor_id(session, hpr), ground="own_sickness", start=start, end=end or start, cover=cover
    )
    return service.register_absence(session, actor=actor, data=data)


def test_a_gp_registers_their_own_sick_day_and_sees_its_ground(demo):
    saved = sickness(demo, gp(demo))
    assert (saved.absence.doctor_name, saved.absence.ground, saved.absence.days) == (
        "Jonas Brekkan",
        "own_sickness",
        1,
    )


def test_a_gp_may_not_register_an_absence_for_another_doctor(demo):
    with pytest.raises(Forbidden) as refused:
        sickness(demo, gp(demo), SIRI)
    assert refused.value.message == "Du kan bare registrere og endre ditt eget fravær."


def test_a_gp_changes_and_ends_their_own_absence(demo):
    actor = gp(demo)
    saved = sickness(demo, actor)
    changed = service.update_absence(
        demo, actor=actor, absence_id=saved.absence.id, data=AbsenceUpdate(end=date(2026, 2, 4))
    )
    assert changed.absence.days == 3
    service.cancel_absence(demo, actor=actor, absence_id=saved.absence.id)
    with pytest.raises(NotFound):
        service.get_absence(demo, actor=actor, absence_id=saved.absence.id)


def test_a_gp_may_neither_change_nor_end_another_doctors_absence(demo):
    other = sickness(demo, VEFSN_KOMMUNEOVERLEGE, SIRI)
    actor = gp(demo)
    with pytest.raises(Forbidden):
        service.update_absence(
            demo, actor=actor, absence_id=other.absence.id, data=AbsenceUpdate(cover="none")
        )
    with pytest.raises(Forbidden):
        service.cancel_absence(demo, actor=actor, absence_id=other.absence.id)
    assert (
        service.get_absence(demo, actor=VEFSN_KOMMUNEOVERLEGE, absence_id=other.absence.id).cover
        == "collegial"
    )


def test_abs_report_a_gps_own_long_absence_without_vikar_is_reported_to_the_municipality(demo):
    saved = sickness(demo, gp(demo), start=date(2026, 3, 2), end=date(2026, 3, 27), cover="none")
    assert saved.notices and saved.notices[0].startswith("Lengre fravær uten vikar: Jonas Brekkan")
    [notice] = notices.open_notices(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    assert (notice.rule_id, notice.link) == ("ABS-REPORT", f"/leger/{saved.absence.doctor_id}")


def test_the_municipality_sees_the_absence_the_gp_registered(demo):
    saved = sickness(demo, gp(demo))
    found = service.list_absences(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    [seen] = [a for a in found if a.id == saved.absence.id]
    assert (seen.doctor_name, seen.ground_label) == ("Jonas Brekkan", "egen sykdom")


def test_abs_deduct_a_gp_sees_their_own_counters_and_not_another_doctors(demo):
    actor = gp(demo)
    sickness(demo, actor, start=date(2026, 2, 2), end=date(2026, 2, 3))
    counters = counter_service.doctor_counters(demo, actor=actor, doctor_id=actor.doctor_id, year=2026)
    longest = next(c for c in counters.counters if c.key == "sickness_period")
    assert (longest.used, longest.rule_id) == (2, "ABS-SICK")
    with pytest.raises(Forbidden):
        counter_service.doctor_counters(demo, actor=actor, doctor_id=doctor_id(demo, SIRI), year=2026)


def test_abs_deduct_the_min_side_panel_shows_the_years_absences_and_a_sick_day_moves_the_counters(demo):
    actor = gp(demo)
    before = counter_service.my_absences(demo, actor=actor, doctor_id=actor.doctor_id, year=2026)
    sickness(demo, actor)
    after = counter_service.my_absences(demo, actor=actor, doctor_id=actor.doctor_id, year=2026)
    used = {c.key: c.used for c in after.counters.counters}
    assert (len(before.absences), len(after.absences)) == (0, 1)
    assert used["sickness_period"] == 1 + {c.key: c.used for c in before.counters.counters}["sickness_period"]
    assert after.absences[0].ground_label == "egen sykdom"


def test_the_min_side_panel_is_only_for_the_gp_themselves(demo):
    with pytest.raises(Forbidden):
        counter_service.my_absences(demo, actor=gp(demo), doctor_id=doctor_id(demo, SIRI))
    with pytest.raises(Forbidden):
        counter_service.my_absences(demo, actor=VEFSN_KOMMUNEOVERLEGE, doctor_id=doctor_id(demo, JONAS))


def test_the_form_a_gp_opens_offers_only_themselves_and_shows_another_doctors_absence_without_a_form(demo):
    actor = gp(demo)
    options = form_service.form_options(demo, actor=actor, municipality_number="1824")
    assert options["own"] and [d["name"] for d in options["doctors"]] == ["Jonas Brekkan"]
    other = sickness(demo, VEFSN_KOMMUNEOVERLEGE, SIRI).absence
    shown = form_service.form_options(demo, actor=actor, municipality_number="1824", absence=other)
    assert (shown["editable"], shown["vikars"]) == (False, [])


def test_a_gp_of_another_municipality_does_not_find_the_doctor(demo):
    kragero = Actor("lege@kragero.example", "doctor", "4014", doctor_id=doctor_id(demo, JONAS))
    with pytest.raises(NotFound):
        sickness(demo, kragero)


def test_an_su_member_is_refused_registering_and_sees_an_absence_without_a_form(demo):
    member = Actor("su@vefsn.example", "su_member", "1824")
    with pytest.raises(Forbidden) as refused:
        sickness(demo, member)
    assert refused.value.message == "Du har ikke tilgang til å registrere fravær."
    other = sickness(demo, VEFSN_KOMMUNEOVERLEGE, SIRI).absence
    shown = form_service.form_options(demo, actor=member, municipality_number="1824", absence=other)
    assert shown["editable"] is False
