"""The deadlines overview and its iCalendar feed through the service: every open clock with its status."""

from datetime import date

import pytest

from legetjeneste.features import Clock, Feature
from legetjeneste.lifecycle.deadlines import service as deadline_service
from tests.lifecycle.test_service import ACTOR, vacancy, vefsn  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _only_the_life_cycles_clocks(monkeypatch):
    """Other features' clocks in the demo (the plan's revision, PLAN-REVISION) are left out: these tests count
    the life cycle's own; the last one declares its own feature."""
    monkeypatch.setattr(deadline_service, "features", lambda: ())


def test_the_deadlines_list_every_open_clock_with_status_on_the_day(vefsn):  # noqa: F811
    vacancy(vefsn())
    overview = deadline_service.deadlines(
        vefsn(), actor=ACTOR, municipality_number="1824", on=date(2026, 6, 20)
    )
    assert [(d.rule_id, d.due_date, d.status, d.agreement) for d in overview.deadlines] == [
        ("AGR-HJEMFALL", date(2026, 6, 30), "due_soon", 182415)
    ]
    later = deadline_service.deadlines(vefsn(), actor=ACTOR, municipality_number="1824", on=date(2026, 7, 1))
    assert (later.overdue, later.deadlines[0].status) == (1, "overdue")
    early = deadline_service.deadlines(vefsn(), actor=ACTOR, municipality_number="1824", on=date(2026, 6, 15))
    assert early.deadlines[0].status == "running"


def test_the_deadline_feed_has_an_event_per_open_clock(vefsn):  # noqa: F811
    vacancy(vefsn())
    feed = deadline_service.deadlines_calendar(vefsn(), actor=ACTOR, municipality_number="1824").decode()
    assert "BEGIN:VEVENT" in feed and "DTSTART;VALUE=DATE:20260630" in feed and "AGR-HJEMFALL" in feed


def test_the_start_page_panel_gives_each_overdue_deadline_what_to_do_next_and_leaves_running_ones_out(
    vefsn,  # noqa: F811
):
    case = vacancy(vefsn())
    overdue = deadline_service.pressing(vefsn(), actor=ACTOR, municipality_number="1824", on=date(2026, 7, 1))
    [hjemfall] = overdue.deadlines
    assert (hjemfall.case, hjemfall.headline, hjemfall.action_rule_id) == (
        case.id,
        "Forfalt 30. juni",
        "AGR-HJEMFALL",
    )
    assert hjemfall.action.startswith("registrer hjemfall om minst tre korrekte utlysninger er gjort")
    early = deadline_service.pressing(vefsn(), actor=ACTOR, municipality_number="1824", on=date(2026, 6, 15))
    assert early.deadlines == []


def committee_clock(session, *, municipality_number, on):
    """A clock as another feature declares it (`Feature.clocks`)."""
    return [
        Clock(
            key="committee-1-half-year",
            code="committee_meeting",
            due=date(2026, 12, 31),
            start=date(2026, 7, 1),
            rule_id="SU-MEETINGS",
            citation="ASA 4310 § 4.2",
            text="Møte i samarbeidsutvalget dette halvåret",
            title="Samarbeidsutvalget",
            link="/kommuner/1824/utvalg/1",
            responsible_label="Kommuneoverlegen",
            link_permission="deadlines.read",
            action="kall inn til møte i samarbeidsutvalget",
        )
    ]


def test_a_clock_another_feature_declares_joins_the_overview_the_start_page_and_the_feed(vefsn, monkeypatch):  # noqa: F811
    feature = Feature(name="committees_probe", order=999, clocks=(f"{__name__}:committee_clock",))
    monkeypatch.setattr(deadline_service, "features", lambda: (feature,))
    overview = deadline_service.deadlines(
        vefsn(), actor=ACTOR, municipality_number="1824", on=date(2026, 12, 20)
    )
    [clock] = overview.deadlines
    assert (clock.rule_id, clock.status, clock.link, clock.case) == (
        "SU-MEETINGS",
        "due_soon",
        "/kommuner/1824/utvalg/1",
        0,
    )
    [pressing] = deadline_service.pressing(
        vefsn(), actor=ACTOR, municipality_number="1824", on=date(2027, 1, 2)
    ).deadlines
    assert (pressing.headline, pressing.action) == (
        "Forfalt 31. desember 2026",
        "kall inn til møte i samarbeidsutvalget",
    )
    feed = deadline_service.deadlines_calendar(vefsn(), actor=ACTOR, municipality_number="1824").decode()
    assert "UID:deadline-committee-1-half-year@legetjeneste" in feed
