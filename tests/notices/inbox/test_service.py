from sqlalchemy import select

from legetjeneste.auth.models import User
from legetjeneste.notices.inbox import queries, service
from legetjeneste.registry.models import Doctor
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
