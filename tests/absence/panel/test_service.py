"""The GP panel's use cases on the demo data: settings, scoping, office administrators, validation, audit,
and the issue's scenario of a summer vacation at Mosjøen legesenter."""

import json
from datetime import date

import pytest
from pydantic import ValidationError

from legetjeneste.absence import service
from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office import service as office_service
from legetjeneste.absence.panel.office_notices import service as panel_notice_service
from legetjeneste.absence.panel.schemas import (
    AbsenceAssistantCreate,
    DigitalServicesUpdate,
    OfficeNoticeCreate,
    OfficeNoticeUpdate,
)
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.audit import service as audit_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.dates import Period
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.registry import service as registry_service
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_CITIZEN,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    import_demo,
)

GP_AGREEMENT = 182404
VACATION = Period(date(2026, 7, 6), date(2026, 7, 26))
SUMMER = Period(date(2026, 6, 1), date(2027, 5, 31))
NOTICE = (
    "Legekontoret har redusert bemanning i juli. Ring legevakten på 116 117 ved behov for øyeblikkelig hjelp."
)


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def office_id(session, name: str) -> int:
    return next(o.id for o in registry_service.list_offices(session, actor=SYSTEM) if o.name == name)


def office_admin(session, name: str = "Mosjøen legesenter") -> Actor:
    return Actor(
        email="kontor@mosjoen.example",
        role="office_admin",
        municipality_number="1824",
        office_id=office_id(session, name),
    )


def register_vacation(session, actor, *, cover="collegial", ground="ordinary", vikar=None):
    data = AbsenceCreate(
        doctor_id=doctor_id(session, "9182404"),
        ground=ground,
        start=VACATION.start,
        end=VACATION.end,
        cover=cover,
        vikar_doctor_id=vikar,
    )
    return service.register_absence(session, actor=actor, data=data)


def assistant(session, services=("booking", "prescription_renewal", "e_contact"), hpr="9182407", **period):
    return AbsenceAssistantCreate(
        colleague_doctor_id=doctor_id(session, hpr),
        services=list(services),
        start=period.get("start", VACATION.start),
        end=period.get("end", VACATION.end),
    )


def test_the_issues_scenario_a_summer_vacation_with_the_absence_assistant_and_an_office_notice(demo):
    admin = office_admin(demo)
    register_vacation(demo, admin)
    panel_service.add_assistant(demo, actor=admin, agreement_id=GP_AGREEMENT, data=assistant(demo))
    switched = panel_service.update_digital_services(
        demo, actor=admin, agreement_id=GP_AGREEMENT, data=DigitalServicesUpdate(e_consultation=False)
    )
    assert (switched.panel_shown, [w.rule_id for w in switched.warnings]) == (True, ["HN-KEEP-ON"])
    office = office_id(demo, "Mosjøen legesenter")
    notice = OfficeNoticeCreate(text=NOTICE, start=date(2026, 6, 15), end=date(2026, 8, 15))
    panel_notice_service.add_notice(demo, actor=admin, office_id=office, data=notice)

    during = panel_service.gp_panel(demo, actor=admin, agreement_id=GP_AGREEMENT, on=date(2026, 7, 15))
    assert during.heading == "Fastlegen din er Eirik Sandnesmo"
    assert during.notice_heading == "Informasjon fra legekontoret" and NOTICE in during.notices
    assert during.booking_button == "Bestill time"
    lines = {line.service: line for line in during.services}
    assert (lines["booking"].answered_by, lines["booking"].answered_by_name) == (
        "colleague",
        "Anders Øyfjell",
    )
    assert "e_consultation" not in lines and during.switched_off == ["e_consultation"]
    assert during.away.text == "Fastlegen din er borte til og med 26. juli 2026."

    after = panel_service.gp_panel(demo, actor=admin, agreement_id=GP_AGREEMENT, on=date(2026, 7, 27))
    assert {(line.answered_by, line.answered_by_name) for line in after.services} == {
        ("gp", "Eirik Sandnesmo")
    }
    assert after.away is None

    warnings = panel_service.settings_warnings(demo, actor=admin, office_id=office, horizon=SUMMER)
    assert [w.rule_id for w in warnings if w.agreement_id == GP_AGREEMENT] == ["HN-KEEP-ON"]


def test_a_collegial_vacation_without_an_absence_assistant_is_warned_about_hn_no_cover(demo):
    register_vacation(demo, VEFSN_KOMMUNEOVERLEGE)
    warnings = panel_service.settings_warnings(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, horizon=SUMMER
    )
    assert [(w.rule_id, w.start, w.end, len(w.services)) for w in warnings] == [
        ("HN-NO-COVER", VACATION.start, VACATION.end, 4)
    ]
    assert "Eirik Sandnesmo er borte fra 6. juli til og med 26. juli 2026" in warnings[0].message


def test_a_vikar_covers_the_panel_and_the_sickness_ground_never_shows(demo):
    vikar = doctor_id(demo, "9182416")
    register_vacation(demo, VEFSN_KOMMUNEOVERLEGE, ground="own_sickness", cover="own_vikar", vikar=vikar)
    panel = panel_service.gp_panel(demo, actor=VEFSN_DOCTOR, agreement_id=GP_AGREEMENT, on=VACATION.end)
    assert {(line.answered_by, line.answered_by_name) for line in panel.services} == {
        ("vikar", "Stian Grubben")
    }
    document = panel.model_dump_json()
    assert "own_sickness" not in document and "egen sykdom" not in document and '"ground"' not in document
    assert json.loads(document)["away"]["back_on"] == "2026-07-27"


def test_digital_services_without_saved_settings_are_all_on(demo):
    found = panel_service.get_digital_services(demo, actor=VEFSN_DOCTOR, agreement_id=GP_AGREEMENT)
    assert found.is_default and found.panel_shown and found.warnings == []
    assert (found.booking, found.e_consultation, found.prescription_renewal, found.e_contact) == (True,) * 4


def test_switching_every_service_off_is_saved_but_hides_the_panel_hn_min_one(demo):
    off = DigitalServicesUpdate(
        booking=False, e_consultation=False, prescription_renewal=False, e_contact=False
    )
    saved = panel_service.update_digital_services(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=off
    )
    assert (saved.is_default, saved.panel_shown, [w.rule_id for w in saved.warnings]) == (
        False,
        False,
        ["HN-MIN-ONE"],
    )
    panel = panel_service.gp_panel(demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT)
    assert not panel.shown and "(HN-MIN-ONE)" in panel.staff_note


def test_another_municipality_gets_not_found_for_panels_settings_and_notices(demo):
    kragero = KRAGERO_KOMMUNEOVERLEGE
    with pytest.raises(NotFound):
        panel_service.gp_panel(demo, actor=kragero, agreement_id=GP_AGREEMENT)
    with pytest.raises(NotFound):
        panel_service.update_digital_services(
            demo, actor=kragero, agreement_id=GP_AGREEMENT, data=DigitalServicesUpdate(booking=False)
        )
    with pytest.raises(NotFound):
        panel_notice_service.add_notice(
            demo,
            actor=kragero,
            office_id=office_id(demo, "Mosjøen legesenter"),
            data=OfficeNoticeCreate(text="x"),
        )
    entry = panel_service.add_assistant(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=assistant(demo)
    )
    with pytest.raises(NotFound):
        panel_service.remove_assistant(demo, actor=kragero, assistant_id=entry.id)


def test_an_office_administrator_changes_only_the_own_offices_panels(demo):
    other = office_admin(demo, "Vefsn legesenter")
    with pytest.raises(Forbidden):
        panel_service.update_digital_services(
            demo, actor=other, agreement_id=GP_AGREEMENT, data=DigitalServicesUpdate(booking=False)
        )
    with pytest.raises(Forbidden):
        panel_service.add_assistant(demo, actor=other, agreement_id=GP_AGREEMENT, data=assistant(demo))
    mosjoen = office_id(demo, "Mosjøen legesenter")
    with pytest.raises(Forbidden):
        panel_notice_service.add_notice(
            demo, actor=other, office_id=mosjoen, data=OfficeNoticeCreate(text="x")
        )
    assert panel_service.gp_panel(demo, actor=other, agreement_id=GP_AGREEMENT).shown


def test_a_doctor_reads_the_panel_but_does_not_change_it_and_a_citizen_does_neither(demo):
    assert panel_service.gp_panel(demo, actor=VEFSN_DOCTOR, agreement_id=GP_AGREEMENT).shown
    with pytest.raises(Forbidden):
        panel_service.update_digital_services(
            demo, actor=VEFSN_DOCTOR, agreement_id=GP_AGREEMENT, data=DigitalServicesUpdate(booking=False)
        )
    with pytest.raises(Forbidden):
        panel_service.gp_panel(demo, actor=VEFSN_CITIZEN, agreement_id=GP_AGREEMENT)


def test_an_absence_assistant_is_refused_with_every_problem_named_by_field_and_rule(demo):
    bad = AbsenceAssistantCreate(
        colleague_doctor_id=doctor_id(demo, "9401401"),
        services=["booking"],
        start=date(2026, 7, 6),
        end=date(2028, 7, 26),
    )
    with pytest.raises(ValidationFailed) as caught:
        panel_service.add_assistant(demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=bad)
    assert [(p.path, p.rule_id) for p in caught.value.problems] == [
        ("end", None),
        ("colleague_doctor_id", "HN-KEEP-ON"),
    ]
    backwards = assistant(demo, start=date(2026, 7, 26), end=date(2026, 7, 6))
    with pytest.raises(ValidationFailed) as caught:
        panel_service.add_assistant(
            demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=backwards
        )
    assert str(caught.value.problems[0]) == "end: sluttdatoen er før startdatoen"


def test_the_gp_cannot_assist_the_own_list_and_one_colleague_per_service_at_a_time(demo):
    own = assistant(demo, hpr="9182404")
    with pytest.raises(ValidationFailed) as caught:
        panel_service.add_assistant(demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=own)
    assert caught.value.problems[0].path == "colleague_doctor_id"
    panel_service.add_assistant(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=assistant(demo)
    )
    second = assistant(demo, services=("e_contact", "e_consultation"), hpr="9182406", start=date(2026, 7, 20))
    with pytest.raises(ValidationFailed) as caught:
        panel_service.add_assistant(demo, actor=VEFSN_KOMMUNEOVERLEGE, agreement_id=GP_AGREEMENT, data=second)
    [problem] = caught.value.problems
    assert (problem.path, problem.rule_id) == ("services", "HN-KEEP-ON")
    assert problem.message.startswith("e-kontakt har allerede fraværsassistent Anders Øyfjell")


def test_the_schemas_refuse_no_services_and_a_notice_over_1000_characters():
    with pytest.raises(ValidationError, match="velg minst én tjeneste"):
        AbsenceAssistantCreate(
            colleague_doctor_id=1, services=[], start=date(2026, 7, 6), end=date(2026, 7, 7)
        )
    with pytest.raises(ValidationError):
        OfficeNoticeCreate(text="x" * 1001)
    with pytest.raises(ValidationError):
        OfficeNoticeCreate(text="   ")
    assert OfficeNoticeCreate(text="Linje én\r\nLinje to").text == "Linje én\nLinje to"


def test_office_notices_are_added_changed_and_removed_and_every_write_is_audited(demo):
    mosjoen = office_id(demo, "Mosjøen legesenter")
    actor = VEFSN_KOMMUNEOVERLEGE
    added = panel_notice_service.add_notice(
        demo, actor=actor, office_id=mosjoen, data=OfficeNoticeCreate(text="A")
    )
    assert added.end is None and added.office_name == "Mosjøen legesenter"
    with pytest.raises(ValidationFailed):
        panel_notice_service.update_notice(
            demo, actor=actor, notice_id=added.id, data=OfficeNoticeUpdate(end=date(2000, 1, 1))
        )
    changed = panel_notice_service.update_notice(
        demo, actor=actor, notice_id=added.id, data=OfficeNoticeUpdate(text="B", end=date(2099, 1, 1))
    )
    assert (changed.text, changed.end) == ("B", date(2099, 1, 1))
    panel_notice_service.remove_notice(demo, actor=actor, notice_id=added.id)
    assert added.id not in [
        n.id for n in panel_notice_service.list_notices(demo, actor=actor, office_id=mosjoen)
    ]
    entry = panel_service.add_assistant(demo, actor=actor, agreement_id=GP_AGREEMENT, data=assistant(demo))
    panel_service.remove_assistant(demo, actor=actor, assistant_id=entry.id)
    panel_service.update_digital_services(
        demo, actor=actor, agreement_id=GP_AGREEMENT, data=DigitalServicesUpdate(e_contact=False)
    )
    written = [
        (e["action"], e["entity"])
        for e in reversed(audit_service.list_entries(demo, actor=SYSTEM))
        if e["entity"] in ("office_notice", "absence_assistant", "digital_services")
    ]
    assert written == [
        ("create", "office_notice"),
        ("update", "office_notice"),
        ("delete", "office_notice"),
        ("create", "absence_assistant"),
        ("delete", "absence_assistant"),
        ("update", "digital_services"),
    ]


def test_the_office_settings_page_data_lists_the_offices_agreements_and_who_may_edit(demo):
    mosjoen = office_id(demo, "Mosjøen legesenter")
    data = office_service.office_panel_settings(demo, actor=office_admin(demo), office_id=mosjoen)
    assert [a["id"] for a in data["agreements"]] == [182404, 182405, 182406, 182407, 182408, 182409]
    assert data["can_edit"] and {c["name"] for c in data["colleagues"]} >= {"Eirik Sandnesmo", "Siri Halsøy"}
    doctor_view = office_service.office_panel_settings(demo, actor=VEFSN_DOCTOR, office_id=mosjoen)
    assert not doctor_view["can_edit"]
