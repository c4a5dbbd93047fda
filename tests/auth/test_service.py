"""Local accounts: argon2 passwords, API tokens (hashes only), the roles, and the login audit."""

import pytest
from sqlalchemy import select

from legetjeneste.auth import service
from legetjeneste.auth.models import ApiToken, User
from legetjeneste.errors import NotAuthenticated, ValidationFailed
from tests.support import import_demo


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def test_a_user_with_a_password_logs_in_and_gets_the_role_and_municipality(demo):
    service.add_user(
        demo,
        email="Kol@Vefsn.example",
        role="kommuneoverlege",
        municipality_number="1824",
        password="hemmelig-passord",
    )
    actor = service.authenticate_password(demo, email="kol@vefsn.example", password="hemmelig-passord")
    assert (actor.email, actor.role, actor.municipality_number) == (
        "kol@vefsn.example",
        "kommuneoverlege",
        "1824",
    )


def test_the_password_is_stored_as_an_argon2_hash(demo):
    user, _ = service.add_user(
        demo, email="a@vefsn.example", role="doctor", municipality_number="1824", password="hemmelig-passord"
    )
    assert user.password_hash.startswith("$argon2") and "hemmelig" not in user.password_hash


def test_a_wrong_password_and_an_unknown_user_get_the_same_norwegian_answer(demo):
    service.add_user(
        demo, email="a@vefsn.example", role="doctor", municipality_number="1824", password="riktig"
    )
    for email, password in (("a@vefsn.example", "feil"), ("ukjent@vefsn.example", "riktig")):
        with pytest.raises(NotAuthenticated) as caught:
            service.authenticate_password(demo, email=email, password=password)
        assert caught.value.message == "Feil e-postadresse eller passord."


def test_a_token_authenticates_and_only_its_hash_is_stored(demo):
    _, token = service.add_user(
        demo,
        email="api@vefsn.example",
        role="municipality_admin",
        municipality_number="1824",
        with_token=True,
    )
    assert service.authenticate_token(demo, token=token).email == "api@vefsn.example"
    with demo.begin():
        stored = demo.scalar(select(ApiToken.token_hash))
    assert stored == service.hash_token(token) and token not in stored


def test_an_unknown_token_and_a_deactivated_user_are_refused(demo):
    _, token = service.add_user(
        demo, email="api@vefsn.example", role="doctor", municipality_number="1824", with_token=True
    )
    with pytest.raises(NotAuthenticated):
        service.authenticate_token(demo, token="tull")
    with demo.begin():
        demo.scalar(select(User).where(User.email == "api@vefsn.example")).is_active = False
    with pytest.raises(NotAuthenticated):
        service.authenticate_token(demo, token=token)


def test_adding_a_user_lists_every_problem_at_once(demo):
    with pytest.raises(ValidationFailed) as caught:
        service.add_user(demo, email="ikke-en-adresse", role="sjef", municipality_number=None)
    assert [p.path for p in caught.value.problems] == ["email", "role"]


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
    service.add_user(
        demo,
        email="gp@vefsn.example",
        role="doctor",
        municipality_number="1824",
        password="lang-passord-1",
        doctor="9182402",
    )
    actor = service.authenticate_password(demo, email="gp@vefsn.example", password="lang-passord-1")
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
