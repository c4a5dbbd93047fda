import pytest
from sqlalchemy import select

from legetjeneste.auth.models import User
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import NotFound
from legetjeneste.notices.inbox import queries, service
from legetjeneste.registry.models import Doctor
from tests.notices.support import BODY, actor, tell
from tests.support import load_demo


def _doctor_user(session) -> User:
    return session.scalars(select(User).where(User.email == "lege@vefsn.example")).one()


def test_a_notice_to_a_doctor_reaches_every_active_user_linked_to_the_doctor_and_no_one_else(session):
    load_demo(session)
    with session.begin():
        user = _doctor_user(session)
        other = session.scalars(select(User).where(User.email == "kontor@mosjoen.example")).one()
        told = service.tell(
            session,
            municipality_number="1824",
            kind="decision_letter",
            subject="Vedtak om fritak",
            body="Søknaden er avslått.",
            link="/vedtak/1",
            rule_id="DEC-NOTIFY",
            doctor_id=user.doctor_id,
        )
        assert [notice.user_id for notice in told] == [user.id]
        assert queries.unread_count(session, user.id) == 1
        assert queries.unread_count(session, other.id) == 0


def test_a_deactivated_user_is_not_told(session):
    load_demo(session)
    with session.begin():
        user = _doctor_user(session)
        user.is_active = False
        told = service.tell(
            session, municipality_number="1824", kind="swap", subject="Bytte", body="…", user_ids=[user.id]
        )
        assert told == []


def test_a_doctor_without_a_user_account_gets_no_notice(session):
    load_demo(session)
    with session.begin():
        linked = {user.doctor_id for user in session.scalars(select(User))}
        lonely = session.scalars(select(Doctor).where(Doctor.id.not_in([d for d in linked if d]))).first()
        told = service.tell(
            session,
            municipality_number="1824",
            kind="vacancy",
            subject="Ledig vakt",
            body="…",
            doctor_id=lonely.id,
        )
        assert told == []


def test_an_unknown_kind_is_a_programming_error(session):
    load_demo(session)
    with session.begin():
        try:
            service.tell(
                session, municipality_number="1824", kind="gossip", subject="x", body="y", user_ids=[1]
            )
        except ValueError as error:
            assert "gossip" in str(error)
        else:
            raise AssertionError("an unknown kind was accepted")


def test_my_notices_are_newest_first_and_the_unread_count_drops_as_i_open_one(session, no_smtp):
    load_demo(session)
    first, second = tell(session, kind="swap")[0], tell(session, kind="vacancy")[0]
    gp = actor(session)
    assert [notice.id for notice in service.my_notices(session, actor=gp)] == [second, first]
    assert service.unread_count(session, actor=gp) == 2
    opened = service.open_notice(session, actor=gp, notice_id=first)
    assert opened.read_at is not None and opened.body == BODY and opened.link == "/fritak/1"
    assert service.unread_count(session, actor=gp) == 1
    again = service.open_notice(session, actor=gp, notice_id=first)
    assert again.read_at == opened.read_at


def test_another_users_notice_answers_as_if_it_did_not_exist_and_stays_unread(session, no_smtp):
    load_demo(session)
    [notice_id] = tell(session, email="lege2@vefsn.example")
    with pytest.raises(NotFound):
        service.open_notice(session, actor=actor(session), notice_id=notice_id)
    assert service.unread_count(session, actor=actor(session, "lege2@vefsn.example")) == 1


def test_mark_all_read_reads_only_my_own_notices(session, no_smtp):
    load_demo(session)
    mine = tell(session) + tell(session, kind="vacancy")
    tell(session, email="lege2@vefsn.example")
    assert service.mark_all_read(session, actor=actor(session)) == sorted(mine)
    assert service.unread_count(session, actor=actor(session)) == 0
    assert service.unread_count(session, actor=actor(session, "lege2@vefsn.example")) == 1
    assert service.mark_all_read(session, actor=actor(session)) == []


def test_the_system_itself_has_no_inbox_and_counts_nothing(session, no_smtp):
    load_demo(session)
    assert service.unread_count(session, actor=SYSTEM) == 0
    assert service.my_notices(session, actor=SYSTEM) == []
