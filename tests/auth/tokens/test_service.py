"""API tokens and calendar keys: only hashes stored, a scope, an expiry, the last use."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.models import ApiToken
from legetjeneste.auth.rules import Actor
from legetjeneste.auth.tokens import service
from legetjeneste.errors import Forbidden, NotAuthenticated, NotFound
from tests.support import import_demo

START = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


@pytest.fixture
def at(monkeypatch):
    """Set the tokens' clock: at(days=…) is that long after START."""
    moment = [START]
    monkeypatch.setattr(service, "_now", lambda: moment[0])

    def move(**delta: float) -> None:
        moment[0] = START + timedelta(**delta)

    return move


def add(session, **options):
    user, token = auth_service.add_user(
        session, email="api@vefsn.example", role="municipality_admin", municipality_number="1824", **options
    )
    return user, token


def owner_of(user) -> Actor:
    return Actor(email=user.email, role=user.role, municipality_number="1824", user_id=user.id)


def test_a_token_authenticates_and_only_its_hash_is_stored(demo):
    _, token = add(demo, with_token=True)
    assert service.authenticate_token(demo, token=token).email == "api@vefsn.example"
    with demo.begin():
        stored = demo.scalar(select(ApiToken))
    assert stored.token_hash != token and token not in stored.token_hash and stored.scope == "api"


def test_an_unknown_token_and_a_deactivated_users_token_are_refused(demo):
    user, token = add(demo, with_token=True)
    with pytest.raises(NotAuthenticated):
        service.authenticate_token(demo, token="tull")
    with demo.begin():
        demo.get(type(user), user.id).is_active = False
    with pytest.raises(NotAuthenticated):
        service.authenticate_token(demo, token=token)


def test_an_api_token_expires_after_90_days(demo, at):
    _, token = add(demo, with_token=True)
    at(days=89, hours=23)
    service.authenticate_token(demo, token=token)
    at(days=90)
    with pytest.raises(NotAuthenticated) as caught:
        service.authenticate_token(demo, token=token)
    assert caught.value.message == "API-nøkkelen er utløpt. Lag en ny nøkkel."


def test_a_calendar_key_reads_a_feed_for_a_year_and_is_refused_anywhere_else(demo, at):
    user, _ = add(demo)
    key = service.new_calendar_token(demo, actor=owner_of(user))
    assert service.authenticate_token(demo, token=key, calendar_feed=True).user_id == user.id
    with pytest.raises(Forbidden) as caught:
        service.authenticate_token(demo, token=key)
    assert "kalendernøkkel kan bare hente kalendere" in caught.value.message
    at(days=364)
    service.authenticate_token(demo, token=key, calendar_feed=True)
    at(days=365)
    with pytest.raises(NotAuthenticated):
        service.authenticate_token(demo, token=key, calendar_feed=True)


def test_the_last_use_is_recorded_at_most_once_a_minute(demo, at):
    _, token = add(demo, with_token=True)
    service.authenticate_token(demo, token=token)
    at(seconds=59)
    service.authenticate_token(demo, token=token)
    with demo.begin():
        assert demo.scalar(select(ApiToken.last_used_at)).replace(tzinfo=UTC) == START
    at(seconds=60)
    service.authenticate_token(demo, token=token)
    with demo.begin():
        assert demo.scalar(select(ApiToken.last_used_at)).replace(tzinfo=UTC) == START + timedelta(minutes=1)


def test_the_user_sees_each_own_key_with_its_kind_and_expiry_and_withdraws_only_its_own(demo, at):
    user, _ = add(demo, with_token=True)
    owner = owner_of(user)
    service.new_calendar_token(demo, actor=owner)
    keys = service.own_tokens(demo, actor=owner)
    assert [(key.scope, key.expires_at - key.created_at) for key in keys] == [
        ("api", timedelta(days=90)),
        ("calendar", timedelta(days=365)),
    ]
    stranger = Actor(email="x@vefsn.example", role="doctor", municipality_number="1824", user_id=user.id + 1)
    with pytest.raises(NotFound, match="Fant ikke nøkkelen"):
        service.revoke_own_token(demo, actor=stranger, token_id=keys[0].id)
    service.revoke_own_token(demo, actor=owner, token_id=keys[0].id)
    assert [key.scope for key in service.own_tokens(demo, actor=owner)] == ["calendar"]


def test_the_min_side_calendar_panel_names_the_gps_feeds_and_is_for_a_gp_only(session):
    gp = Actor("lege@vefsn.example", "doctor", "1824", doctor_id=2)
    panel = service.my_calendar(session, actor=gp, doctor_id=2)
    assert panel == {"feeds": ["Mine legevakt- og nødnettvakter", "Fravær i kommunen"], "keys": []}
    with pytest.raises(Forbidden):
        service.my_calendar(session, actor=Actor("k@vefsn.example", "kommuneoverlege", "1824"))
