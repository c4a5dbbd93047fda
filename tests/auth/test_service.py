"""User accounts: argon2 passwords with the length rule, roles, and the administrator's deactivating,
activating and withdrawing of tokens, each audited."""

import pytest
from sqlalchemy import select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth import service
from legetjeneste.auth.models import ApiToken, LoginSession, User
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.auth.sessions import service as session_service
from legetjeneste.auth.tokens import service as token_service
from legetjeneste.errors import Conflict, Forbidden, NotAuthenticated, SessionExpired, ValidationFailed
from tests.support import import_demo

PASSWORD = "hemmelig-passord"


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def add_doctor(session, email="a@vefsn.example", **options):
    user, token = service.add_user(
        session, email=email, role="doctor", municipality_number="1824", password=PASSWORD, **options
    )
    return user, token


def test_a_user_with_a_password_logs_in_and_gets_the_role_and_municipality(demo):
    service.add_user(
        demo, email="Kol@Vefsn.example", role="kommuneoverlege", municipality_number="1824", password=PASSWORD
    )
    actor, _ = session_service.log_in(demo, email="kol@vefsn.example", password=PASSWORD)
    assert (actor.email, actor.role, actor.municipality_number) == (
        "kol@vefsn.example",
        "kommuneoverlege",
        "1824",
    )


def test_the_password_is_stored_as_an_argon2_hash(demo):
    user, _ = add_doctor(demo)
    assert user.password_hash.startswith("$argon2") and "hemmelig" not in user.password_hash


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("elleve-tegn", "Passordet må ha minst 12 tegn (dette har 11)"),
        ("x" * 1001, "Passordet kan ha høyst 1000 tegn"),
        ("A@Vefsn.example", "Passordet kan ikke være e-postadressen"),
    ],
)
def test_a_new_password_has_12_to_1000_characters_and_is_not_the_email(demo, password, message):
    with pytest.raises(ValidationFailed) as caught:
        service.add_user(
            demo, email="a@vefsn.example", role="doctor", municipality_number="1824", password=password
        )
    assert [(p.path, p.message) for p in caught.value.problems] == [("password", message)]


def test_exactly_12_characters_is_long_enough(demo):
    user, _ = service.add_user(
        demo, email="a@vefsn.example", role="doctor", municipality_number="1824", password="tolv-tegn-ok"
    )
    assert user.password_hash is not None


def test_adding_a_user_lists_every_problem_at_once(demo):
    with pytest.raises(ValidationFailed) as caught:
        service.add_user(
            demo, email="ikke-en-adresse", role="sjef", municipality_number=None, password="kort"
        )
    assert [p.path for p in caught.value.problems] == ["email", "role", "password"]


def test_every_role_but_admin_needs_an_existing_municipality(demo):
    with pytest.raises(ValidationFailed) as caught:
        service.add_user(demo, email="x@vefsn.example", role="doctor", municipality_number=None)
    assert caught.value.problems[0].path == "municipality"
    with pytest.raises(ValidationFailed):
        service.add_user(demo, email="x@vefsn.example", role="doctor", municipality_number="9998")
    admin, _ = service.add_user(
        demo, email="root@legetjeneste.example", role="admin", municipality_number="1824"
    )
    assert admin.municipality_number is None


def test_the_same_email_cannot_be_added_twice(demo):
    service.add_user(demo, email="x@vefsn.example", role="doctor", municipality_number="1824")
    with pytest.raises(ValidationFailed):
        service.add_user(demo, email="X@vefsn.example", role="doctor", municipality_number="1824")


def test_a_doctor_user_is_the_doctor_with_its_hpr_number_and_acts_as_that_doctor(demo):
    add_doctor(demo, "gp@vefsn.example", doctor="9182402")
    actor, _ = session_service.log_in(demo, email="gp@vefsn.example", password=PASSWORD)
    doctor_id = demo.scalar(select(User.doctor_id).where(User.email == "gp@vefsn.example"))
    assert actor.doctor_id == doctor_id is not None


def test_only_a_doctor_user_links_to_a_doctor_and_only_one_of_the_municipality(demo):
    with pytest.raises(ValidationFailed) as caught:
        service.add_user(
            demo,
            email="k@vefsn.example",
            role="kommuneoverlege",
            municipality_number="1824",
            doctor="9182402",
        )
    assert [p.path for p in caught.value.problems] == ["doctor"]
    with pytest.raises(ValidationFailed) as caught:
        service.add_user(demo, email="g@vefsn.example", role="doctor", municipality_number="1824", doctor="1")
    assert "finnes ikke i kommunen" in caught.value.problems[0].message
    assert demo.scalar(select(User.id).where(User.email == "g@vefsn.example")) is None


def test_deactivating_a_user_ends_the_sessions_and_withdraws_the_tokens_at_once(demo):
    add_doctor(demo, with_token=True)
    _, key = session_service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    shown = service.deactivate_user(demo, actor=SYSTEM, user="A@vefsn.example")
    assert shown.is_active is False
    with pytest.raises(SessionExpired):
        session_service.resume(demo, key=key)
    with pytest.raises(NotAuthenticated):
        session_service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    with demo.begin():
        assert demo.scalar(select(ApiToken.id)) is None
        assert demo.scalar(select(LoginSession.ended_at)) is not None
        entry = demo.scalar(select(AuditEntry).where(AuditEntry.action == "deactivate"))
    assert entry.detail == {"sessions_ended": 1, "tokens_revoked": 1}


def test_an_activated_user_logs_in_again_but_the_withdrawn_tokens_stay_withdrawn(demo):
    _, token = add_doctor(demo, with_token=True)
    service.deactivate_user(demo, actor=SYSTEM, user="a@vefsn.example")
    service.activate_user(demo, actor=SYSTEM, user="a@vefsn.example")
    actor, _ = session_service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    assert actor.email == "a@vefsn.example"
    with pytest.raises(NotAuthenticated):
        token_service.authenticate_token(demo, token=token)


def test_revoking_the_tokens_withdraws_every_api_token_and_calendar_key_and_is_audited(demo):
    user, token = add_doctor(demo, with_token=True)
    owner = Actor(email=user.email, role="doctor", municipality_number="1824", user_id=user.id)
    key = token_service.new_calendar_token(demo, actor=owner)
    assert service.revoke_tokens(demo, actor=SYSTEM, user="a@vefsn.example") == 2
    for secret in (token, key):
        with pytest.raises(NotAuthenticated):
            token_service.authenticate_token(demo, token=secret, calendar_feed=True)
    with demo.begin():
        entry = demo.scalar(
            select(AuditEntry).where(AuditEntry.entity == "api_token", AuditEntry.action == "delete")
        )
    assert entry.detail == {"tokens_revoked": 2} and entry.record_ids == [str(user.id)]


def test_a_new_password_ends_the_sessions_and_the_old_password_no_longer_works(demo):
    add_doctor(demo)
    _, key = session_service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    service.set_password(demo, actor=SYSTEM, user="a@vefsn.example", password="et-helt-nytt-passord")
    with pytest.raises(SessionExpired):
        session_service.resume(demo, key=key)
    with pytest.raises(NotAuthenticated):
        session_service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    assert session_service.log_in(demo, email="a@vefsn.example", password="et-helt-nytt-passord")[0]


def test_a_new_password_meets_the_length_rule(demo):
    add_doctor(demo)
    with pytest.raises(ValidationFailed) as caught:
        service.set_password(demo, actor=SYSTEM, user="a@vefsn.example", password="kort")
    assert caught.value.problems[0].path == "password"


def test_only_the_system_administrator_manages_users_and_not_its_own_deactivation(demo):
    user, _ = add_doctor(demo)
    kol = Actor(email="kol@vefsn.example", role="kommuneoverlege", municipality_number="1824", user_id=99)
    for use_case in (service.deactivate_user, service.activate_user, service.revoke_tokens):
        with pytest.raises(Forbidden):
            use_case(demo, actor=kol, user=user.id)
    admin, _ = service.add_user(
        demo, email="root@legetjeneste.example", role="admin", municipality_number=None
    )
    me = Actor(email=admin.email, role="admin", municipality_number=None, user_id=admin.id)
    with pytest.raises(Conflict):
        service.deactivate_user(demo, actor=me, user=admin.id)
