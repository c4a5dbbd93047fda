"""«Min fastlege»: login by fødselsnummer, the citizen's own page and their children's, never anyone
else's, and the download of their own data."""

from datetime import date

import pytest

from legetjeneste.audit.models import AuditEntry
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.portal import rules, service
from legetjeneste.errors import NotAuthenticated, NotFound
from tests.citizens.people import add_child, add_citizen
from tests.support import load_demo

DAY = date(2026, 12, 4)


def _family(session):
    with session.begin():
        parent = add_citizen(
            session, "Kari Forelder", date(1985, 3, 14), agreement_id=182401, email="kari@example.no"
        )
        child = add_citizen(session, "Ola Barn", date(2015, 6, 1), agreement_id=182401)
        grown = add_citizen(session, "Per Voksen", date(2008, 1, 2), agreement_id=182402)
        stranger = add_citizen(session, "Siri Fremmed", date(1990, 2, 3), agreement_id=182403)
        add_child(session, parent, child)
        add_child(session, parent, grown)
        places.move(
            session, citizen_id=parent.id, agreement_id=182402, start=date(2026, 3, 1), reason="switch"
        )
        return parent.national_id, child.id, grown.id, stranger.id


def test_a_citizen_logs_in_by_the_number_the_provider_vouches_for_and_sees_own_and_childrens_pages(session):
    load_demo(session)
    number, child_id, grown_id, stranger_id = _family(session)
    actor, key = service.log_in(session, claims={"pid": number}, claim="pid")
    assert actor.role == "citizen" and actor.citizen_id is not None and key
    again, _ = service.log_in(session, claims={"pid": number}, claim="pid")
    assert again.user_id == actor.user_id  # the same user row at the next login

    own = service.my_gp(session, actor=actor, on=DAY)
    assert own.is_self and own.current.agreement_id == 182402
    assert own.switches_this_year == 1 and own.switches_left == 1
    assert [c.citizen_id for c in own.children] == [child_id]
    assert own.panel is not None and own.panel.agreement_id == 182402
    child = service.my_gp(session, actor=actor, citizen_id=child_id, on=DAY)
    assert not child.is_self and child.current.agreement_id == 182401
    for other in (grown_id, stranger_id):
        with pytest.raises(NotFound):
            service.my_gp(session, actor=actor, citizen_id=other, on=DAY)
    with session.begin():
        reads = (
            session.query(AuditEntry)
            .filter(AuditEntry.entity == "citizen", AuditEntry.action == "read")
            .count()
        )
    assert reads == 4  # two logins, two pages


def test_someone_not_in_the_register_is_told_so_in_norwegian(session):
    load_demo(session)
    with pytest.raises(NotAuthenticated) as refused:
        service.log_in(session, claims={"pid": "01810012344"}, claim="pid")
    assert refused.value.message in (rules.NOT_IN_REGISTER, rules.NO_NATIONAL_ID)
    from tests.citizens.people import synthetic_national_id

    with pytest.raises(NotAuthenticated, match="innbyggerregisteret"):
        service.log_in(session, claims={"pid": synthetic_national_id(date(1970, 1, 1))}, claim="pid")


def test_the_download_holds_only_the_citizens_own_and_young_childrens_data(session):
    load_demo(session)
    number, child_id, grown_id, stranger_id = _family(session)
    actor, _ = service.log_in(session, claims={"pid": number}, claim="pid")
    data = service.my_data(session, actor=actor)
    assert data.person.national_id == number
    assert [p.citizen_id for p in data.children] == [child_id]
    assert [p.agreement_id for p in data.person.places] == [182401, 182402]
    text = data.model_dump_json()
    assert "Per Voksen" not in text and "Siri Fremmed" not in text
