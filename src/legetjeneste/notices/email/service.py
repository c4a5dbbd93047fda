"""E-mail of notices: an e-mail in the outbox for each notice its user wants by e-mail (in the caller's
transaction), each user's choices, delivery through SMTP with retries and a delivery log, and the outbox
as the system administrator sees it (docs/adr/0012).

Delivery runs as the job `email.send` (notices/email/jobs.py) or `legetjeneste notices send`. Each mail is
claimed by one sender before it is sent (queries.claim), so running delivery twice sends nothing twice.
A failed attempt is tried again later (MAIL-RETRY): the run queues a job that starts no earlier than the
next attempt is due."""

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.models import User
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Forbidden, Problem, ValidationFailed
from legetjeneste.jobs import service as jobs_service
from legetjeneste.notices.email import queries, rules, smtp
from legetjeneste.notices.email.models import OutboxEmail
from legetjeneste.notices.email.rules import FAILED, PENDING, SENT
from legetjeneste.notices.email.schemas import (
    AttemptRead,
    DeliveryReport,
    OutboxEmailRead,
    OutboxRead,
    PreferenceRead,
)
from legetjeneste.notices.inbox.models import InboxNotice
from legetjeneste.notices.inbox.rules import KINDS
from legetjeneste.settings import Settings, get_settings

JOB_KIND = "email.send"
#: Mails claimed and sent per look at the outbox.
BATCH = 50
_QUEUED_IN = "legetjeneste.email_job_queued_in"


def now_utc() -> datetime:
    return datetime.now(UTC)


def queue_emails(
    session: Session, *, notices: Sequence[InboxNotice], users: Sequence[User]
) -> list[OutboxEmail]:
    """MAIL-DEFAULTS, MAIL-CONTENT — an e-mail in the outbox for each notice whose user wants its kind by
    e-mail: the notice's subject, what kind of message it is and the link to it, never its body. In the
    caller's transaction; with SMTP set up, delivery is queued as a job committed with it."""
    if not notices:
        return []
    session.flush()  # the notices' ids, for the links
    settings, now = get_settings(), now_utc()
    choices = queries.choices_of(session, user_ids=[user.id for user in users])
    addresses = {user.id: user.email for user in users}
    queued = [
        queries.add_email(
            session,
            user_id=notice.user_id,
            notice_id=notice.id,
            recipient=addresses[notice.user_id],
            subject=notice.subject,
            body=rules.email_body(
                kind_name=KINDS[notice.kind], url=rules.notice_url(settings.base_url, notice.id)
            ),
            now=now,
        )
        for notice in notices
        if rules.is_by_email(notice.kind, choices[notice.user_id])
    ]
    if queued and smtp.is_configured(settings):
        _queue_delivery_once(session)
    return queued


def queue_email_to_address(session: Session, *, recipient: str, subject: str, body: str) -> OutboxEmail:
    """An e-mail to an address that belongs to no user (someone who asked to be told something public, such
    as a citizen's alert that a list has room), in the caller's transaction, delivered like every other
    mail. The caller writes only what may go by e-mail: never health data or a decision's contents."""
    queued = queries.add_email(
        session, user_id=None, notice_id=None, recipient=recipient, subject=subject, body=body, now=now_utc()
    )
    if smtp.is_configured(get_settings()):
        _queue_delivery_once(session)
    return queued


def _queue_delivery_once(session: Session) -> None:
    """One delivery job per transaction, however many notices it tells."""
    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_QUEUED_IN) is transaction:
        return
    jobs_service.enqueue(session, kind=JOB_KIND)
    session.info[_QUEUED_IN] = transaction


def _own(actor: Actor) -> int:
    auth_service.require(actor, "inbox.read")
    if actor.user_id is None:
        raise Forbidden("Bare en bruker som har logget inn, har innboks og varsler på e-post.")
    return actor.user_id


def preferences(session: Session, *, actor: Actor) -> list[PreferenceRead]:
    """MAIL-DEFAULTS — for each kind of notice, whether it reaches the user by e-mail."""
    user_id = _own(actor)
    with session.begin():
        choices = queries.choices_of(session, user_ids=[user_id])[user_id]
    return [
        PreferenceRead(kind=kind, name=name, by_email=rules.is_by_email(kind, choices))
        for kind, name in KINDS.items()
    ]


def choose(session: Session, *, actor: Actor, by_email: Collection[str]) -> list[PreferenceRead]:
    """The user's own choice: the kinds in `by_email` reach them by e-mail, the others only in the inbox."""
    user_id = _own(actor)
    unknown = sorted(set(by_email) - set(KINDS))
    if unknown:
        raise ValidationFailed(
            [Problem("by_email", f"Ukjent type melding: «{kind}»", "MAIL-DEFAULTS") for kind in unknown]
        )
    with session.begin():
        now = now_utc()
        for kind in KINDS:
            queries.set_choice(session, user_id=user_id, kind=kind, by_email=kind in by_email, now=now)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="email_preference",
            record_ids=[user_id],
            municipality_number=actor.municipality_number,
            detail={"by_email": sorted(by_email)},
        )
    return preferences(session, actor=actor)


def outbox(session: Session, *, actor: Actor, limit: int = 200) -> OutboxRead:
    """The newest mails with every attempt, how many have each status, and whether SMTP is set up."""
    auth_service.require(actor, "users.manage")
    with session.begin():
        emails = queries.newest(session, limit=limit)
        log = queries.attempts_of(session, email_ids=[email.id for email in emails])
        read = [
            OutboxEmailRead.model_validate(email).model_copy(
                update={"log": [AttemptRead.model_validate(attempt) for attempt in log[email.id]]}
            )
            for email in emails
        ]
        return OutboxRead(
            configured=smtp.is_configured(get_settings()), counts=queries.counts(session), emails=read
        )


def send_due(session: Session, *, actor: Actor) -> DeliveryReport:
    """`legetjeneste notices send`: deliver what is due now, here."""
    auth_service.require(actor, "users.manage")
    return deliver_due(session)


def deliver_due(session: Session, *, now: datetime | None = None) -> DeliveryReport:
    """MAIL-RETRY — send every mail whose attempt is due, each claimed first so no mail goes twice; a
    failure is tried again later or, after the last attempt, failed. `now` fixes the clock (tests)."""
    settings = get_settings()
    clock: Callable[[], datetime] = (lambda: now) if now is not None else now_utc
    if not smtp.is_configured(settings):
        with session.begin():
            return DeliveryReport(configured=False, waiting=queries.counts(session).get(PENDING, 0))
    outcomes: Counter = Counter()
    with session.begin():
        for email_id in queries.lost(session, before=clock() - rules.SENDING_LOST_AFTER):
            outcomes[_record(session, email_id, at=clock(), reply=rules.LOST_TEXT, sent=False)] += 1
    while ids := _due(session, clock()):
        for email_id in ids:
            outcomes[_deliver(session, settings, email_id, clock)] += 1
    with session.begin():
        _queue_next_try(session, clock())
        waiting = queries.counts(session).get(PENDING, 0)
    return DeliveryReport(
        configured=True,
        sent=outcomes[SENT],
        retrying=outcomes[PENDING],
        failed=outcomes[FAILED],
        waiting=waiting,
    )


def _due(session: Session, now: datetime) -> list[int]:
    with session.begin():
        return queries.due(session, now=now, limit=BATCH)


def _deliver(
    session: Session, settings: Settings, email_id: int, clock: Callable[[], datetime]
) -> str | None:
    """One mail: claimed, sent outside any transaction, its outcome logged; None when another sender
    had claimed it."""
    with session.begin():
        email = queries.claim(session, email_id=email_id, now=clock())
        if email is None:
            return None
        mail = smtp.message(
            settings,
            recipient=email.recipient,
            subject=email.subject,
            body=email.body,
            created_at=email.created_at,
        )
    try:
        reply, sent = smtp.send(settings, mail), True
    except smtp.DeliveryFailed as error:
        reply, sent = str(error), False
    with session.begin():
        return _record(session, email_id, at=clock(), reply=reply, sent=sent)


def _record(session: Session, email_id: int, *, at: datetime, reply: str, sent: bool) -> str | None:
    """MAIL-RETRY — the attempt in the delivery log and the mail's new status."""
    email = queries.sending(session, email_id=email_id)
    if email is None:
        return None
    email.attempts += 1
    queries.add_attempt(
        session, email_id=email_id, at=at, outcome=SENT if sent else FAILED, reply=rules.clipped(reply)
    )
    if sent:
        email.status, email.sent_at, email.next_attempt_at = SENT, at, None
        return SENT
    email.last_error = rules.clipped(reply)
    email.next_attempt_at = rules.next_attempt_at(attempts=email.attempts, failed_at=at)
    email.status = PENDING if email.next_attempt_at is not None else FAILED
    return email.status


def _queue_next_try(session: Session, now: datetime) -> None:
    """A delivery job that starts when the next pending mail is due, unless one is queued by then."""
    due_at = queries.earliest_pending(session)
    if due_at is None or jobs_service.is_queued_by(session, kind=JOB_KIND, at=max(due_at, now)):
        return
    jobs_service.enqueue(session, kind=JOB_KIND, not_before=due_at if due_at > now else None)
