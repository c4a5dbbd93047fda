"""API tokens and calendar keys: what each reaches and when it expires; pure, no database."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from legetjeneste.auth import rules
from legetjeneste.auth.rules import Actor

API = "api"
CALENDAR = "calendar"
SCOPES = (API, CALENDAR)
#: last_used_at is written at most this often.
TOUCH_EVERY = timedelta(minutes=1)
INVALID = "Ugyldig eller tilbakekalt API-nøkkel."
EXPIRED = "API-nøkkelen er utløpt. Lag en ny nøkkel."
CALENDAR_ONLY = (
    "En kalendernøkkel kan bare hente kalendere (adresser som slutter på .ics). "
    "Logg inn, eller bruk en API-nøkkel, for å gjøre noe annet."
)


def utc(moment: datetime) -> datetime:
    """SQLite gives back the stored UTC time without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def new_token() -> str:
    """A bearer token: 256 random bits, shown once."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def expires_at(*, scope: str, now: datetime, api_days: int, calendar_days: int) -> datetime:
    return now + timedelta(days=calendar_days if scope == CALENDAR else api_days)


def is_expired(expires_at: datetime, now: datetime) -> bool:
    return now >= utc(expires_at)


def reaches(scope: str, *, calendar_feed: bool) -> bool:
    """An API token reaches the whole API; a calendar key only the reading of a calendar feed."""
    return scope == API or (scope == CALENDAR and calendar_feed)


def needs_touch(last_used_at: datetime | None, now: datetime) -> bool:
    return last_used_at is None or now - utc(last_used_at) >= TOUCH_EVERY


def calendar_feeds(actor: Actor) -> list[tuple[str, str]]:
    """The iCalendar feeds the user can subscribe to: title and path (without the token)."""
    feeds = []
    if actor.doctor_id is not None:
        feeds.append(("Mine legevakt- og nødnettvakter", f"/api/v1/doctors/{actor.doctor_id}/roster.ics"))
    number = actor.municipality_number
    if number and rules.can(actor, "absence.read"):
        if actor.office_id is not None:
            feeds.append(("Fravær ved legekontoret", f"/api/v1/offices/{actor.office_id}/absences.ics"))
        feeds.append(("Fravær i kommunen", f"/api/v1/municipalities/{number}/absences.ics"))
    if number and rules.can(actor, "deadlines.read"):
        feeds.append(
            ("Frister i sakene om fastlegeavtalene", f"/api/v1/municipalities/{number}/deadlines.ics")
        )
    return feeds


def webcal(url: str) -> str:
    """The feed's address for a one-click subscription: calendar apps open webcal:// themselves."""
    return "webcal://" + url.split("://", 1)[1]
