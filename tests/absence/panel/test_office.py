"""An office's GP panels on one page (Mitt kontor and the settings page): each agreement's settings beside
the citizen's panel today, and the contradictions the use cases refuse (HN-PANEL, HN-NO-COVER) with
nothing written."""

from datetime import date

import pytest

from legetjeneste.absence.models import AbsenceAssistant, DigitalServices
from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office import service as office_service
from legetjeneste.absence.panel.schemas import AbsenceAssistantCreate, DigitalServicesUpdate
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.registry import service as registry_service
from tests.support import KRAGERO_KOMMUNEOVERLEGE, import_demo

TODAY = date(2026, 12, 4)
THOMAS_AGREEMENT, ANDERS_AGREEMENT = 182406, 182407


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def _id(items, **match) -> int:
    return next(i.id for i in items if all(getattr(i, k) == v for k, v in match.items()))


def mosjoen_admin(session) -> Actor:
    offices = registry_service.list_offices(session, actor=SYSTEM)
    office = _id(offices, name="Mosjøen legesenter")
    return Actor("kontor@mosjoen.example", "office_admin", "1824", office_id=office)


def doctor_id(session, hpr: str) -> int:
    return _id(registry_service.list_doctors(session, actor=SYSTEM), hpr_number=hpr)


def test_each_agreement_has_its_settings_beside_the_citizens_panel_today(demo):
    admin = mosjoen_admin(demo)
    data = office_service.office_panel_settings(demo, actor=admin, office_id=admin.office_id, on=TODAY)
    parts = {part["id"]: part for part in data["agreements"]}
    assert list(parts) == [182404, 182405, 182406, 182407, 182408, 182409] and data["can_edit"]
    preview = parts[THOMAS_AGREEMENT]["preview"]
    assert (preview.on, preview.heading, preview.booking_button) == (
        TODAY,
        "Fastlegen din er Thomas Kvalvik",
        "Bestill time",
    )
    assert [line.service for line in preview.services] == [
        "booking",
        "e_consultation",
        "prescription_renewal",
        "e_contact",
    ]


def test_the_demo_vacation_of_summer_2027_without_cover_is_warned_about_in_its_agreements_part(demo):
    admin = mosjoen_admin(demo)
    data = office_service.office_panel_settings(demo, actor=admin, office_id=admin.office_id, on=TODAY)
    [warning] = next(p for p in data["agreements"] if p["id"] == ANDERS_AGREEMENT)["warnings"]
    assert (warning.rule_id, warning.start, warning.end) == (
        "HN-NO-COVER",
        date(2027, 7, 5),
        date(2027, 7, 25),
    )
    assert warning in data["warnings"]


def test_one_agreements_part_is_the_same_as_on_the_whole_page(demo):
    admin = mosjoen_admin(demo)
    whole = office_service.office_panel_settings(demo, actor=admin, office_id=admin.office_id, on=TODAY)
    part = office_service.agreement_part(demo, actor=admin, agreement_id=ANDERS_AGREEMENT, on=TODAY)
    assert part["agreement"] == next(p for p in whole["agreements"] if p["id"] == ANDERS_AGREEMENT)


def test_another_municipality_gets_not_found_for_an_agreements_part(demo):
    with pytest.raises(NotFound):
        office_service.agreement_part(demo, actor=KRAGERO_KOMMUNEOVERLEGE, agreement_id=THOMAS_AGREEMENT)


def test_hn_panel_no_digital_services_with_services_still_on_is_refused_and_nothing_is_saved(demo):
    admin = mosjoen_admin(demo)
    data = DigitalServicesUpdate(offers_digital_services=False, booking=True, e_consultation=False)
    with pytest.raises(ValidationFailed) as refused:
        panel_service.update_digital_services(demo, actor=admin, agreement_id=THOMAS_AGREEMENT, data=data)
    [problem] = refused.value.problems
    assert (problem.path, problem.rule_id) == ("offers_digital_services", "HN-PANEL")
    assert "timebestilling, reseptfornyelse og e-kontakt står fortsatt på" in problem.message
    with demo.begin():
        assert demo.get(DigitalServices, THOMAS_AGREEMENT) is None


def test_hn_panel_no_digital_services_with_every_service_off_is_saved(demo):
    admin = mosjoen_admin(demo)
    off = dict.fromkeys(
        ("offers_digital_services", "booking", "e_consultation", "prescription_renewal", "e_contact"), False
    )
    saved = panel_service.update_digital_services(
        demo, actor=admin, agreement_id=THOMAS_AGREEMENT, data=DigitalServicesUpdate(**off)
    )
    assert (saved.offers_digital_services, saved.panel_shown, saved.warnings) == (False, True, [])


def test_hn_no_cover_a_colleague_away_in_the_period_is_refused_as_absence_assistant(demo):
    admin = mosjoen_admin(demo)
    data = AbsenceAssistantCreate(
        colleague_doctor_id=doctor_id(demo, "9182407"),
        services=["booking"],
        start=date(2027, 7, 1),
        end=date(2027, 7, 10),
    )
    with pytest.raises(ValidationFailed) as refused:
        panel_service.add_assistant(demo, actor=admin, agreement_id=THOMAS_AGREEMENT, data=data)
    assert [(p.path, p.rule_id) for p in refused.value.problems] == [("colleague_doctor_id", "HN-NO-COVER")]
    with demo.begin():
        assert demo.query(AbsenceAssistant).filter_by(agreement_id=THOMAS_AGREEMENT).count() == 0


def test_an_office_administrator_cannot_change_another_offices_panel(demo):
    admin = mosjoen_admin(demo)
    with pytest.raises(Forbidden):
        panel_service.update_digital_services(
            demo, actor=admin, agreement_id=182410, data=DigitalServicesUpdate(booking=False)
        )
