"""Logging out after a citizen login through ID-porten: the pages of such a session let the logout form go on
to the provider's end-session address, and no other (web/security.py); the browser journey
(test_switch_journey.py) follows it through the test provider."""

from legetjeneste.web.deps import LOGOUT_TO
from legetjeneste.web.security import CSP, _csp

END_SESSION = "https://login.idporten.no/logout?id_token_hint=eyJ.a.b&post_logout_redirect_uri=x"


def _form_action(policy: str) -> str:
    return next(part.strip() for part in policy.split(";") if part.strip().startswith("form-action"))


def test_a_session_from_idporten_may_send_the_logout_form_on_to_its_end_session_origin_only():
    policy = _csp({"session": {"session": "key", LOGOUT_TO: END_SESSION}})
    assert _form_action(policy) == "form-action 'self' https://login.idporten.no"
    assert policy.replace(" https://login.idporten.no", "") == CSP


def test_other_sessions_and_odd_addresses_keep_form_action_to_the_site_itself():
    for session in (
        None,
        {},
        {"session": "key"},
        {LOGOUT_TO: "javascript:alert(1)"},
        {LOGOUT_TO: "https://evil.example; script-src *"},
        {LOGOUT_TO: "https://user:pw@login.idporten.no/logout"},
        {LOGOUT_TO: 42},
    ):
        assert _csp({"session": session}) == CSP, session
