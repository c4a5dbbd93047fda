"""Alerts when a place opens (item 6): anyone subscribes with an e-mail address and confirms it through a
signed link; the check (the job `citizens.alerts`, daily and after list changes) notes when a list gets
open places (AGR-OPEN) and tells each confirmed subscriber once per opening, with a link to switch and one
to unsubscribe. E-mail goes through the notices outbox."""

from collections import defaultdict
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.citizens.alerts import queries, rules
from legetjeneste.citizens.alerts.models import AlertSubscription
from legetjeneste.citizens.alerts.schemas import AlertCreate, AlertRead, CheckReport
from legetjeneste.citizens.finder import queries as finder_queries
from legetjeneste.citizens.finder import rules as finder_rules
from legetjeneste.dates import today_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import NotFound, Problem, ValidationFailed
from legetjeneste.jobs import service as jobs_service
from legetjeneste.notices.email import service as email_service
from legetjeneste.registry.models import Agreement, Office
from legetjeneste.settings import get_settings

JOB_KIND = "citizens.alerts"
#: Who the audit log names for a subscription made on the public page without login.
PUBLIC = Actor(email="offentlig side", role="citizen", municipality_number=None)


def _now() -> datetime:
    return datetime.now(UTC)


def _base_url() -> str:
    return get_settings().base_url.rstrip("/")


def _secret() -> str:
    return get_settings().resolved_secret_key()


def _target(session: Session, data: AlertCreate) -> tuple[str, int | None, int | None, str]:
    """The municipality, office and agreement the alert is about, and the words for it."""
    if data.agreement_id is not None:
        agreement = session.get(Agreement, data.agreement_id)
        if agreement is None:
            raise NotFound(f"Fastlegeliste {data.agreement_id} finnes ikke.")
        office = session.get(Office, agreement.office_id)
        names = finder_queries.doctor_names(session, [agreement.id], on=today_oslo())
        who = names.get(agreement.id) or "listen uten fast lege"
        return (
            agreement.municipality_number,
            None,
            agreement.id,
            f"hos {who} ved {office.name if office else ''}",
        )
    if data.office_id is not None:
        office = session.get(Office, data.office_id)
        if office is None:
            raise NotFound(f"Legekontor {data.office_id} finnes ikke.")
        return office.municipality_number, office.id, None, f"ved {office.name}"
    if data.municipality_number is not None:
        name = finder_queries.municipality_name(session, data.municipality_number)
        if name is None:
            raise NotFound(f"Kommune {data.municipality_number} finnes ikke i registeret.")
        return data.municipality_number, None, None, f"hos en fastlege i {name}"
    raise ValidationFailed([Problem("agreement_id", "Velg fastlege, legekontor eller kommune")])


def describe(session: Session, *, data: AlertCreate) -> str:
    """What an alert would be about, in words (the subscription page's heading)."""
    with session.begin():
        return _target(session, data)[3]


def subscribe(session: Session, *, actor: Actor | None, data: AlertCreate) -> AlertRead:
    """A new alert, told nothing until the address's owner follows the confirmation link sent to it."""
    email = data.email.strip().lower()
    if not rules.is_email(email):
        raise ValidationFailed([Problem("email", "Skriv en gyldig e-postadresse")])
    with write_transaction(session):
        municipality, office_id, agreement_id, what = _target(session, data)
        if queries.unconfirmed_count(session, email) >= rules.MAX_UNCONFIRMED_PER_ADDRESS:
            raise ValidationFailed(
                [
                    Problem(
                        "email", "Adressen har for mange ubekreftede varsler. Bekreft dem i e-posten først."
                    )
                ]
            )
        citizen_id = actor.citizen_id if actor is not None else None
        found = queries.add_subscription(
            session,
            AlertSubscription(
                email=email,
                citizen_id=citizen_id,
                municipality_number=municipality,
                office_id=office_id,
                agreement_id=agreement_id,
                created_at=_now(),
            ),
        )
        _send_confirmation(session, found, what)
        audit_service.record(
            session,
            actor=actor or PUBLIC,
            action="create",
            entity="alert_subscription",
            record_ids=[found.id],
            municipality_number=municipality,
            detail={"what": what},
        )
        return _read(found, what)


def _send_confirmation(session: Session, found: AlertSubscription, what: str) -> None:
    """The e-mail with the signed link that turns the alert on."""
    link = rules.token(_secret(), subscription_id=found.id, purpose=rules.CONFIRM)
    subject, body = rules.confirm_mail(what=what, confirm_url=f"{_base_url()}/varsel/bekreft/{link}")
    email_service.queue_email_to_address(session, recipient=found.email, subject=subject, body=body)


def _read(found: AlertSubscription, what: str) -> AlertRead:
    return AlertRead(
        id=found.id,
        what=what,
        municipality_number=found.municipality_number,
        office_id=found.office_id,
        agreement_id=found.agreement_id,
        confirmed=found.confirmed_at is not None,
        ended=found.ended_at is not None,
        created_at=found.created_at,
    )


def _by_token(session: Session, token: str, purpose: str) -> AlertSubscription:
    subscription_id = rules.subscription_of(_secret(), token, purpose=purpose)
    found = queries.subscription(session, subscription_id) if subscription_id is not None else None
    if found is None:
        raise NotFound(rules.BAD_LINK)
    return found


def confirm(session: Session, *, token: str) -> AlertRead:
    """The address's owner followed the signed link: the alert is on (once; again is no change)."""
    with write_transaction(session):
        found = _by_token(session, token, rules.CONFIRM)
        if found.ended_at is not None:
            raise NotFound(rules.BAD_LINK)
        if found.confirmed_at is None:
            found.confirmed_at = _now()
            audit_service.record(
                session,
                actor=PUBLIC,
                action="update",
                entity="alert_subscription",
                record_ids=[found.id],
                municipality_number=found.municipality_number,
                detail={"confirmed": True},
            )
        return _read(found, _words(session, found))


def unsubscribe(session: Session, *, token: str) -> AlertRead:
    """The link in every alert: no more alerts for this subscription."""
    with write_transaction(session):
        found = _by_token(session, token, rules.UNSUBSCRIBE)
        if found.ended_at is None:
            found.ended_at = _now()
            audit_service.record(
                session,
                actor=PUBLIC,
                action="delete",
                entity="alert_subscription",
                record_ids=[found.id],
                municipality_number=found.municipality_number,
            )
        return _read(found, _words(session, found))


def _words(session: Session, found: AlertSubscription) -> str:
    data = AlertCreate(
        email=found.email,
        agreement_id=found.agreement_id,
        office_id=found.office_id,
        municipality_number=None if found.agreement_id or found.office_id else found.municipality_number,
    )
    return _target(session, data)[3]


def queue_check(session: Session) -> int:
    """Queue the alert check in the caller's transaction (call it after lists change: a switch, a run)."""
    return jobs_service.enqueue(session, kind=JOB_KIND)


def check(session: Session, *, on: date | None = None) -> CheckReport:
    """AGR-OPEN — note which lists opened and closed since the last check, and tell each confirmed
    subscriber about each opening once (one e-mail per subscriber, listing the openings). Idempotent:
    a second run tells no one again."""
    day, now = on or today_oslo(), _now()
    with write_transaction(session):
        subscriptions = queries.active_subscriptions(session)
        opened, closed, openings = 0, 0, []
        for municipality in sorted({s.municipality_number for s in subscriptions}):
            found, changes = _openings(session, municipality, day, now)
            openings += found
            opened, closed = opened + changes[0], closed + changes[1]
        emails = _tell(session, subscriptions, openings, now)
        return CheckReport(opened=opened, closed=closed, emails=emails)


def _openings(
    session: Session, municipality: str, day: date, now: datetime
) -> tuple[list[rules.Opening], tuple[int, int]]:
    counts = finder_queries.has_citizens(session, municipality)
    lists = finder_queries.lists(session, municipality_number=municipality, on=day)
    current = queries.open_openings(session, [f.agreement_id for f in lists])
    found, opened, closed = [], 0, 0
    for facts in lists:
        places = finder_rules.open_places(facts, counts_citizens=counts)
        opening = current.get(facts.agreement_id)
        if places == 0:
            if opening is not None:
                opening.closed_at, closed = now, closed + 1
            continue
        if opening is None:
            opening = queries.add_opening(
                session, agreement_id=facts.agreement_id, open_places=places, now=now
            )
            opened += 1
        found.append(
            rules.Opening(
                opening_id=opening.id,
                agreement_id=facts.agreement_id,
                office_id=facts.office_id,
                municipality_number=municipality,
                open_places=places,
                doctor_name=facts.doctor_name,
                office_name=facts.office_name,
            )
        )
    return found, (opened, closed)


def _tell(
    session: Session, subscriptions: list[AlertSubscription], openings: list[rules.Opening], now: datetime
) -> int:
    sent = queries.sent_pairs(session, [o.opening_id for o in openings])
    news: dict[int, list[rules.Opening]] = defaultdict(list)
    for s in subscriptions:
        target = rules.Target(s.municipality_number, s.office_id, s.agreement_id)
        for opening in openings:
            if rules.covers(target, opening) and (s.id, opening.opening_id) not in sent:
                news[s.id].append(opening)
    by_id = {s.id: s for s in subscriptions}
    for subscription_id, found in news.items():
        link = rules.token(_secret(), subscription_id=subscription_id, purpose=rules.UNSUBSCRIBE)
        subject, body = rules.alert_mail(
            found, base_url=_base_url(), unsubscribe_url=f"{_base_url()}/varsel/avslutt/{link}"
        )
        email_service.queue_email_to_address(
            session, recipient=by_id[subscription_id].email, subject=subject, body=body
        )
        for opening in found:
            queries.add_sent(session, subscription_id=subscription_id, opening_id=opening.opening_id, now=now)
    if news:
        audit_service.record(
            session,
            actor=SYSTEM,
            action="create",
            entity="alert_sent",
            record_ids=sorted(news),
            municipality_number=None,
            detail={"openings": sorted({o.opening_id for found in news.values() for o in found})},
        )
    return len(news)
