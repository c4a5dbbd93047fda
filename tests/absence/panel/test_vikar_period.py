"""HN-KEEP-ON and HN-NO-COVER as the issue asks: a vikar period on the agreement is itself the vikar solution,
with or without a registered absence; «Bestill time» never beside «Ingen ledige timer»; the legevakt number
while nobody covers."""

from dataclasses import replace
from datetime import date

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.rules.panel import GpAbsence, VikarPeriod, gp_panel
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.registry.models import DoctorPeriod
from tests.absence.panel.test_rules import GP, INSIDE, VACATION, answers, texts
from tests.absence.panel.test_service import GP_AGREEMENT, doctor_id, register_vacation
from tests.support import import_demo

SUMMER_VIKAR = VikarPeriod("Stian Grubben", date(2026, 7, 1), date(2026, 7, 31))


def test_during_a_vikar_period_booking_is_with_the_vikar_without_a_registered_absence():
    panel = gp_panel(replace(GP, vikar_periods=(SUMMER_VIKAR,)), on=INSIDE)
    assert set(answers(panel).values()) == {("vikar", "Stian Grubben")}
    assert texts(panel)["booking"] == "Bestill time hos vikaren Stian Grubben til og med 31. juli 2026."
    assert panel.booking_button == "Bestill time" and panel.away is None and panel.emergency is None
    assert "HN-KEEP-ON" in panel.rule_ids


def test_during_a_vikar_period_booking_is_with_the_vikar_also_when_the_absence_has_no_cover():
    facts = replace(GP, absences=(VACATION,), vikar_periods=(SUMMER_VIKAR,))
    panel = gp_panel(facts, on=INSIDE)
    assert answers(panel)["booking"] == ("vikar", "Stian Grubben")
    assert "Ingen ledige timer" not in " ".join(texts(panel).values())
    assert panel.away.text == "Fastlegen din er borte til og med 26. juli 2026."
    after = gp_panel(facts, on=date(2026, 8, 3))
    assert answers(after)["booking"] == ("gp", "Eirik Sandnesmo")


def test_an_absence_without_cover_shows_no_bestill_time_and_gives_the_legevakt_number():
    panel = gp_panel(replace(GP, absences=(VACATION,)), on=INSIDE)
    assert texts(panel)["booking"].startswith("Ingen ledige timer fra 6. juli til og med 26. juli 2026.")
    assert panel.booking_button is None
    assert panel.emergency == "Trenger du legehjelp før fastlegen er tilbake? Ring legevakten på 116 117."
    covered = gp_panel(
        replace(GP, absences=(GpAbsence(VACATION.start, VACATION.end, "own_vikar", "Stian Grubben"),)),
        on=INSIDE,
    )
    assert covered.booking_button == "Bestill time" and covered.emergency is None


def test_a_vikar_period_on_the_agreement_in_the_register_takes_the_bookings_with_and_without_an_absence(
    session,
):
    """Through the service: Stian Grubben's vikar period on Eirik Sandnesmo's agreement in July."""
    import_demo(session)
    stian = doctor_id(session, "9182416")
    with session.begin():
        session.add(
            DoctorPeriod(
                agreement_id=GP_AGREEMENT,
                doctor_id=stian,
                role="vikar",
                start=date(2026, 7, 1),
                end=date(2026, 7, 31),
            )
        )
    session.expire_all()  # as a new request would read the agreement
    before = panel_service.gp_panel(session, actor=SYSTEM, agreement_id=GP_AGREEMENT, on=INSIDE)
    booking = next(line for line in before.services if line.service == "booking")
    assert (booking.answered_by, booking.answered_by_name) == ("vikar", "Stian Grubben")
    register_vacation(session, SYSTEM, cover="none")
    during = panel_service.gp_panel(session, actor=SYSTEM, agreement_id=GP_AGREEMENT, on=INSIDE)
    booking = next(line for line in during.services if line.service == "booking")
    assert (booking.answered_by, booking.answered_by_name, during.booking_button) == (
        "vikar",
        "Stian Grubben",
        "Bestill time",
    )
    assert during.emergency is None
