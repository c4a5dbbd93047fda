"""What an API token and a calendar key reach, and when they expire: pure rules."""

from datetime import UTC, datetime, timedelta

from legetjeneste.auth.tokens import rules

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def test_an_api_token_reaches_everything_and_a_calendar_key_only_a_calendar_feed():
    assert rules.reaches("api", calendar_feed=False) and rules.reaches("api", calendar_feed=True)
    assert rules.reaches("calendar", calendar_feed=True)
    assert not rules.reaches("calendar", calendar_feed=False)
    assert not rules.reaches("something-else", calendar_feed=True)


def test_an_api_token_lives_90_days_and_a_calendar_key_365_by_default():
    assert rules.expires_at(scope="api", now=NOW, api_days=90, calendar_days=365) == NOW + timedelta(days=90)
    assert rules.expires_at(scope="calendar", now=NOW, api_days=90, calendar_days=365) == NOW + timedelta(
        days=365
    )


def test_a_token_is_expired_from_its_expiry_on():
    assert not rules.is_expired(NOW + timedelta(seconds=1), NOW)
    assert rules.is_expired(NOW, NOW)
    assert rules.is_expired((NOW - timedelta(days=1)).replace(tzinfo=None), NOW)


def test_a_feed_is_subscribed_with_one_click_through_its_webcal_address():
    url = "https://legetjeneste.example/api/v1/doctors/2/roster.ics?token=abc"
    assert rules.webcal(url) == "webcal://legetjeneste.example/api/v1/doctors/2/roster.ics?token=abc"
    assert rules.webcal("http://127.0.0.1:8000/x.ics").startswith("webcal://127.0.0.1:8000/")
