"""Delivery through a real SMTP server in the test process (aiosmtpd), on both databases: what arrives,
retries with a logged error and finally failed (MAIL-RETRY), a mail sent once however often delivery runs,
and delivery as the `email.send` job."""

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from legetjeneste.jobs.models import Job
from legetjeneste.jobs.worker import Worker
from legetjeneste.notices.email import service
from legetjeneste.notices.email.models import EmailAttempt, OutboxEmail
from tests.notices.conftest import free_port, use_smtp
from tests.notices.support import BODY, tell
from tests.support import load_demo

T0 = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


def the_email(session) -> OutboxEmail:
    with session.begin():
        return session.scalars(select(OutboxEmail)).one()


def the_log(session) -> list[tuple[str, str]]:
    with session.begin():
        return [(a.outcome, a.reply) for a in session.scalars(select(EmailAttempt).order_by(EmailAttempt.id))]


def test_mail_content_the_recipient_gets_the_subject_and_the_link_and_never_the_notices_text(session, smtp):
    load_demo(session)
    [notice_id] = tell(session)
    report = service.deliver_due(session)
    assert (report.sent, report.retrying, report.failed, report.waiting) == (1, 0, 0, 0)
    [(recipients, message)] = smtp.received
    assert recipients == ["lege@vefsn.example"] and message["To"] == "lege@vefsn.example"
    assert message["Subject"] == "Vedtak i saken om fritak fra legevakt"
    assert message["From"] == "ikke-svar@vefsn.example" and message["Auto-Submitted"] == "auto-generated"
    text = message.get_content()
    assert f"https://legetjeneste.vefsn.example/innboks/{notice_id}" in text
    assert BODY not in text and "svangerskap" not in text
    email = the_email(session)
    assert (email.status, email.attempts, email.sent_at is not None) == ("sent", 1, True)
    assert the_log(session) == [("sent", "250 2.0.0 Ok: queued as TEST1")]


def test_mail_retry_a_refusing_server_gives_retries_with_the_reply_logged_and_then_failed(session, smtp):
    load_demo(session)
    smtp.refuse = True
    tell(session)
    now = T0
    for attempt, wait in enumerate([1, 5, 30, 120], start=1):
        report = service.deliver_due(session, now=now)
        email = the_email(session)
        assert (report.retrying, email.status, email.attempts) == (1, "pending", attempt)
        assert email.next_attempt_at == now + timedelta(minutes=wait)
        assert (
            service.deliver_due(session, now=now + timedelta(minutes=wait) - timedelta(seconds=1)).sent == 0
        )
        now += timedelta(minutes=wait)
    report = service.deliver_due(session, now=now)
    email = the_email(session)
    assert (report.failed, email.status, email.attempts, email.next_attempt_at) == (1, "failed", 5, None)
    assert email.last_error == "550 5.1.1 Mottakeren finnes ikke"
    assert the_log(session) == [("failed", "550 5.1.1 Mottakeren finnes ikke")] * 5
    assert smtp.received == []


def test_mail_retry_an_unreachable_server_is_logged_and_the_mail_arrives_when_it_answers(
    session, smtp_server, monkeypatch
):
    load_demo(session)
    mailbox, port = smtp_server
    use_smtp(monkeypatch, free_port())  # nothing listens there
    tell(session)
    assert service.deliver_due(session, now=T0).retrying == 1
    [(outcome, reply)] = the_log(session)
    assert outcome == "failed" and "ConnectionRefusedError" in reply
    use_smtp(monkeypatch, port)
    assert service.deliver_due(session, now=T0 + timedelta(minutes=1)).sent == 1
    assert len(mailbox.received) == 1 and the_email(session).attempts == 2


def test_delivery_run_twice_sends_a_mail_once(session, smtp):
    load_demo(session)
    tell(session)
    assert service.deliver_due(session).sent == 1
    assert service.deliver_due(session).sent == 0
    assert len(smtp.received) == 1


def test_two_deliveries_at_the_same_moment_send_each_mail_once(engine, open_session, smtp):
    load_demo(open_session())
    for email in ("lege@vefsn.example", "lege2@vefsn.example") * 3:
        tell(open_session(), kind="swap", email=email)
    start = threading.Barrier(2)
    reports = []

    def deliver() -> None:
        session = open_session()
        start.wait()
        reports.append(service.deliver_due(session))

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(report.sent for report in reports) == 6
    assert len(smtp.received) == 6


def test_the_email_send_job_delivers_what_the_notice_queued(engine, session, smtp):
    load_demo(session)
    tell(session)
    assert Worker(engine).drain() == {"done": 1}
    assert len(smtp.received) == 1
    with session.begin():
        job = session.scalars(select(Job).where(Job.kind == "email.send")).one()
        assert (job.status, job.result["sent"]) == ("done", 1)


def test_a_failed_attempt_queues_a_delivery_job_that_no_worker_starts_before_the_retry_is_due(
    engine, session, smtp
):
    load_demo(session)
    smtp.refuse = True
    tell(session)
    assert Worker(engine).drain() == {"done": 1}
    retry_at = the_email(session).next_attempt_at
    with session.begin():
        later = session.scalars(select(Job).where(Job.kind == "email.send", Job.status == "queued")).one()
        assert later.not_before == retry_at
    assert Worker(engine).drain() == {}
