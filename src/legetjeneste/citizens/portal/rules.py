"""The citizen's own side as pure functions: whose page a citizen may open, the switches left, and the
fødselsnummer an identity provider vouches for.

The fødselsnummer check here is this package's own (the register's validation belongs to the citizen
register): the login only refuses what cannot be a number before it looks the citizen up."""

from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from legetjeneste.dates import age_on

#: CIT-CHILDREN, PBR § 5 — a parent acts for a child until the child turns 16.
CHILD_AGE_LIMIT = 16
NOT_IN_REGISTER = (
    "Vi fant deg ikke i innbyggerregisteret til kommunen. Du kan bare logge inn her hvis du bor i en kommune "
    "som bruker tjenesten. Kontakt kommunen hvis du mener dette er feil."
)
NO_NATIONAL_ID = "Innloggingen ga oss ikke fødselsnummeret ditt. Prøv igjen, eller kontakt kommunen."

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    rest = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return 0 if rest == 11 else (None if rest == 10 else rest)


def is_national_id(number: str, *, allow_synthetic: bool) -> bool:
    """An 11-digit fødselsnummer (or D-number, day + 40) with both check digits right; with
    `allow_synthetic`, also the tax authority's synthetic test numbers (month + 80)."""
    if len(number) != 11 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    if (
        _check_digit(digits[:9], _WEIGHTS_1) != digits[9]
        or _check_digit(digits[:10], _WEIGHTS_2) != digits[10]
    ):
        return False
    day, month = int(number[0:2]) % 40, int(number[2:4])
    if allow_synthetic and month > 80:
        month -= 80
    return 1 <= day <= 31 and 1 <= month <= 12


def national_id_from(claims: dict, *, claim: str, allow_synthetic: bool) -> str | None:
    """The fødselsnummer in the provider's claims (ID-porten: `pid`), or None when it is not a valid one."""
    value = claims.get(claim)
    number = str(value).strip() if value is not None else ""
    return number if is_national_id(number, allow_synthetic=allow_synthetic) else None


def end_session_url(endpoint: object, *, id_token: object, after: str) -> str | None:
    """Where logout sends the citizen to end the provider's session too (OpenID Connect RP-Initiated Logout,
    as ID-porten's `end_session_endpoint`): the endpoint with `id_token_hint` and `post_logout_redirect_uri`
    (parameters the endpoint already has are kept). None when the provider's discovery document has no
    https (or, for a local test provider, http) endpoint, or the login gave no ID token."""
    if not isinstance(endpoint, str) or not isinstance(id_token, str) or not id_token:
        return None
    parts = urlsplit(endpoint)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in _LOGOUT_PARAMETERS]
    query += [("id_token_hint", id_token), ("post_logout_redirect_uri", after)]
    return urlunsplit(parts._replace(query=urlencode(query)))


_LOGOUT_PARAMETERS = ("id_token_hint", "post_logout_redirect_uri")


UNKNOWN_LOGOUT = "Utloggingen kom ikke fra innloggingstjenesten denne tjenesten bruker, og ble ikke utført."


def provider_session(issuer: object, sid: object) -> str | None:
    """The provider's session as this service keeps it (OpenID Connect Front-Channel Logout: the ID token's
    `iss` and `sid`, sent back as query parameters when the citizen logs out at ID-porten or at another
    service); None when either is missing, so such a session can only end here."""
    if not isinstance(issuer, str) or not isinstance(sid, str) or not issuer.strip() or not sid.strip():
        return None
    return f"{issuer.strip().rstrip('/')} {sid.strip()}"


def is_child_in_care(birth_date: date, *, on: date) -> bool:
    """CIT-CHILDREN, PBR § 5 — a child under 16, for whom a parent acts."""
    return age_on(birth_date, on) < CHILD_AGE_LIMIT


def may_open(*, own_id: int, wanted_id: int, children: dict[int, date], on: date) -> bool:
    """A citizen sees their own page and their children's under 16 (DESIGN.md, "Privacy and security");
    anyone else's answers as if it did not exist."""
    if wanted_id == own_id:
        return True
    born = children.get(wanted_id)
    return born is not None and is_child_in_care(born, on=on)


def switches_left(used: int, *, most: int) -> int:
    """CIT-SWITCH, PBR § 6 — the ordinary switches still open this calendar year."""
    return max(most - used, 0)


#: The reasons a place on a list begins or ends (the register's codes), as the citizen reads them.
REASON_NAMES_NB = {
    "switch": "du byttet fastlege",
    "moved_in": "du flyttet til kommunen",
    "moved_out": "du flyttet fra kommunen",
    "assigned": "du fikk tildelt fastlege",
    "waiting_list": "du fikk plass fra ventelisten",
    "child": "barn følger forelder",
    "reduction": "listen ble redusert",
    "gp_left": "fastlegen sluttet",
    "vacant": "listen uten lege ble fordelt",
    "threat": "vedtak fra kommunen",
    "died": "dødsfall",
    "return": "du kom tilbake til tidligere fastlege",
}


def reason_text(code: str | None) -> str:
    if code is None:
        return ""
    return REASON_NAMES_NB.get(code, code)
