"""«Min fastlege»'s rules: the fødselsnummer from the login, whose page a citizen may open, the year's
switches (CIT-SWITCH)."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

from legetjeneste.citizens.portal import rules
from tests.citizens.people import synthetic_national_id


def test_a_synthetic_number_with_right_check_digits_is_accepted_and_a_changed_digit_is_not():
    number = synthetic_national_id(date(1985, 3, 14))
    assert number[2:4] == "83"
    assert rules.is_national_id(number, allow_synthetic=True)
    assert not rules.is_national_id(number, allow_synthetic=False)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    assert not rules.is_national_id(wrong, allow_synthetic=True)
    assert not rules.is_national_id("1234567890", allow_synthetic=True)


def test_the_number_comes_from_the_configured_claim():
    number = synthetic_national_id(date(1985, 3, 14))
    assert rules.national_id_from({"pid": number}, claim="pid", allow_synthetic=True) == number
    assert rules.national_id_from({"sub": number}, claim="pid", allow_synthetic=True) is None


def test_a_parent_opens_a_childs_page_until_the_child_turns_16():
    children = {2: date(2010, 12, 5)}
    assert rules.may_open(own_id=1, wanted_id=1, children=children, on=date(2026, 12, 4))
    assert rules.may_open(own_id=1, wanted_id=2, children=children, on=date(2026, 12, 4))
    assert not rules.may_open(own_id=1, wanted_id=2, children=children, on=date(2026, 12, 5))
    assert not rules.may_open(own_id=1, wanted_id=3, children=children, on=date(2026, 12, 4))


def test_the_switches_left_never_go_below_none():
    assert rules.switches_left(2, most=2) == 0 and rules.switches_left(1, most=2) == 1
    assert rules.switches_left(3, most=2) == 0


# ID-porten's discovery document names its end-session endpoint (RP-Initiated Logout).
IDPORTEN = {"issuer": "https://idporten.no", "end_session_endpoint": "https://login.idporten.no/logout"}
AFTER = "https://lege.vefsn.example/logg-inn"


def test_logout_goes_to_the_providers_end_session_endpoint_with_the_id_token_and_the_way_back():
    url = rules.end_session_url(IDPORTEN["end_session_endpoint"], id_token="eyJ.a.b", after=AFTER)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "login.idporten.no", "/logout")
    assert parse_qs(parts.query) == {"id_token_hint": ["eyJ.a.b"], "post_logout_redirect_uri": [AFTER]}


def test_the_endpoints_own_parameters_are_kept_and_ours_are_not_doubled():
    url = rules.end_session_url(
        "https://op.example/logout?client=x&id_token_hint=old", id_token="new", after=AFTER
    )
    assert parse_qs(urlsplit(url).query) == {
        "client": ["x"],
        "id_token_hint": ["new"],
        "post_logout_redirect_uri": [AFTER],
    }


def test_no_end_session_without_an_endpoint_an_id_token_or_a_web_address():
    assert rules.end_session_url(None, id_token="t", after=AFTER) is None
    assert rules.end_session_url(IDPORTEN["end_session_endpoint"], id_token=None, after=AFTER) is None
    assert rules.end_session_url(IDPORTEN["end_session_endpoint"], id_token="", after=AFTER) is None
    assert rules.end_session_url("javascript:alert(1)", id_token="t", after=AFTER) is None
    assert rules.end_session_url("/relative", id_token="t", after=AFTER) is None
