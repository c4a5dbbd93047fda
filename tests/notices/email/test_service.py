"""E-mail of notices on both databases: the outbox follows each user's choices (MAIL-DEFAULTS), a delivery
job is queued with it only when SMTP is set up, and the outbox is the system administrator's."""

import pytest
from sqlalchemy import func, select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, ValidationFailed
from legetjeneste.jobs.models import Job
from legetjeneste.notices.email import service
from legetjeneste.notices.email.models import OutboxEmail
from legetjeneste.notices.inbox import service as inbox_service
from tests.notices.support import BODY, actor, tell, user
from tests.support import load_demo


def outbox_rows(session) -> list[OutboxEmail]:
    with session.begin():
        return list(session.scalars(select(OutboxEmail).order_by(OutboxEmail.id)))


def delivery_jobs(session) -> int:
    with session.begin():
        return session.scalar(select(func.count()).where(Job.kind == "email.send")) or 0


def test_mail_defaults_a_decision_letter_goes_to_the_outbox_and_a_vacancy_does_not(session, no_smtp):
    load_demo(session)
    letter = tell(session, kind="decision_letter")
    tell(session, kind="vacancy")
    rows = outbox_rows(session)
    assert [(row.inbox_notice_id, row.recipient, row.status) for row in rows] == [
        (letter[0], "lege@vefsn.example", "pending")
    ]
    assert rows[0].subject == "Vedtak i saken om fritak fra legevakt"
    assert BODY not in rows[0].body and "/innboks/" in rows[0].body


def test_mail_defaults_a_user_who_turned_decision_letters_off_and_vacancies_on_gets_mail_of_vacancies_only(
    session, no_smtp
):
    load_demo(session)
    gp = actor(session)
    chosen = service.choose(session, actor=gp, by_email=["vacancy"])
    assert {choice.kind for choice in chosen if choice.by_email} == {"vacancy"}
    tell(session, kind="decision_letter")
    vacancy = tell(session, kind="vacancy")
    assert [row.inbox_notice_id for row in outbox_rows(session)] == vacancy


def test_choosing_again_replaces_the_choice_and_is_audited(session, no_smtp):
    load_demo(session)
    gp = actor(session)
    service.choose(session, actor=gp, by_email=["vacancy"])
    service.choose(session, actor=gp, by_email=["swap", "deadline"])
    assert {choice.kind for choice in service.preferences(session, actor=gp) if choice.by_email} == {
        "swap",
        "deadline",
    }
    with session.begin():
        query = select(AuditEntry).where(AuditEntry.entity == "email_preference").order_by(AuditEntry.id)
        entries = session.scalars(query).all()
        assert [entry.detail["by_email"] for entry in entries] == [["vacancy"], ["deadline", "swap"]]


def test_no_email_at_all_gives_no_outbox_row_while_the_inbox_still_gets_the_notice(session, no_smtp):
    load_demo(session)
    gp = actor(session)
    service.choose(session, actor=gp, by_email=[])
    told = tell(session, kind="decision_letter")
    assert outbox_rows(session) == []
    assert [notice.id for notice in inbox_service.my_notices(session, actor=gp)] == told


def test_an_unknown_kind_is_refused_naming_the_field_and_nothing_is_saved(session, no_smtp):
    load_demo(session)
    gp = actor(session)
    with pytest.raises(ValidationFailed) as refused:
        service.choose(session, actor=gp, by_email=["vacancy", "gossip"])
    assert [(p.path, p.rule_id) for p in refused.value.problems] == [("by_email", "MAIL-DEFAULTS")]
    assert "gossip" in refused.value.problems[0].message
    assert not any(
        choice.by_email for choice in service.preferences(session, actor=gp) if choice.kind == "vacancy"
    )


def test_without_smtp_the_mail_stays_in_the_outbox_and_no_delivery_job_is_queued(session, no_smtp):
    load_demo(session)
    tell(session)
    report = service.deliver_due(session)
    assert (report.configured, report.waiting, report.sent) == (False, 1, 0)
    assert delivery_jobs(session) == 0


def test_with_smtp_one_delivery_job_is_queued_with_the_notices_however_many_are_told_at_once(session, smtp):
    load_demo(session)
    with session.begin():
        for email in ("lege@vefsn.example", "lege2@vefsn.example"):
            inbox_service.tell(
                session,
                municipality_number="1824",
                kind="swap",
                subject="Forslag om vaktbytte",
                body="…",
                user_ids=[user(session, email).id],
            )
    assert len(outbox_rows(session)) == 2
    assert delivery_jobs(session) == 1
    tell(session, kind="swap")
    assert delivery_jobs(session) == 2


def test_a_notice_told_in_a_transaction_that_is_rolled_back_leaves_no_mail_and_no_job(session, smtp):
    load_demo(session)
    with pytest.raises(RuntimeError), session.begin():
        inbox_service.tell(
            session,
            municipality_number="1824",
            kind="swap",
            subject="Bytte",
            body="…",
            user_ids=[user(session).id],
        )
        raise RuntimeError("the caller's decision failed")
    assert outbox_rows(session) == [] and delivery_jobs(session) == 0


def test_the_outbox_is_the_system_administrators_and_a_gp_is_refused(session, no_smtp):
    load_demo(session)
    tell(session)
    found = service.outbox(session, actor=SYSTEM)
    assert (found.configured, found.counts) == (False, {"pending": 1})
    assert found.emails[0].recipient == "lege@vefsn.example"
    with pytest.raises(Forbidden):
        service.outbox(session, actor=actor(session))
