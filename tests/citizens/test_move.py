"""The one way a citizen moves between lists (`citizens.places.queries.move`): no overlaps, reasons kept."""

from datetime import date

from legetjeneste.citizens.models import Citizen
from legetjeneste.citizens.places import queries as places
from legetjeneste.demo import load_demo


def _kari(session) -> Citizen:
    """A Vefsn citizen with no place yet, in the caller's transaction."""
    citizen = Citizen(
        national_id="01810012345",
        name="Kari Testnes",
        birth_date=date(2000, 1, 1),
        sex="female",
        home_municipality_number="1824",
        resident_since=date(2000, 1, 1),
    )
    session.add(citizen)
    session.flush()
    return citizen


def test_a_move_ends_the_old_place_the_day_before_and_replaces_a_later_booked_one(session):
    load_demo(session)
    with session.begin():
        citizen = _kari(session)
        places.move(
            session, citizen_id=citizen.id, agreement_id=182401, start=date(2026, 1, 1), reason="assigned"
        )
        places.move(
            session, citizen_id=citizen.id, agreement_id=182402, start=date(2027, 1, 1), reason="switch"
        )
        places.move(
            session, citizen_id=citizen.id, agreement_id=182403, start=date(2026, 12, 1), reason="threat"
        )
        history = [
            (m.agreement_id, m.start, m.end, m.begin_reason, m.end_reason)
            for m in places.memberships(session, citizen_id=citizen.id)
        ]
    assert history == [
        (182401, date(2026, 1, 1), date(2026, 11, 30), "assigned", "threat"),
        (182403, date(2026, 12, 1), None, "threat", None),
    ]


def test_places_already_loaded_in_the_session_show_what_a_move_wrote(session):
    load_demo(session)
    with session.begin():
        citizen = _kari(session)
        places.move(
            session, citizen_id=citizen.id, agreement_id=182401, start=date(2026, 1, 1), reason="assigned"
        )
        places.move(
            session, citizen_id=citizen.id, agreement_id=182402, start=date(2027, 1, 1), reason="switch"
        )
        held, booked = places.memberships(session, citizen_id=citizen.id)  # loaded as objects
        places.move(
            session, citizen_id=citizen.id, agreement_id=182403, start=date(2026, 12, 1), reason="threat"
        )
        assert (held.end, held.end_reason) == (date(2026, 11, 30), "threat")
        assert booked not in session  # the booked switch was cancelled: its object left the session
        now = places.memberships(session, citizen_id=citizen.id)
        assert [(m.agreement_id, m.end) for m in now] == [(182401, date(2026, 11, 30)), (182403, None)]
