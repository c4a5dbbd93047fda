"""Alerts when a place opens (item 6): confirmed by a signed link, told once per opening, unsubscribed by
the link in the alert."""

from datetime import date

import pytest

from legetjeneste.citizens.alerts import jobs, rules, service
from legetjeneste.citizens.alerts.schemas import AlertCreate
from legetjeneste.db import session_factory
from legetjeneste.errors import NotFound, ValidationFailed
from legetjeneste.jobs import kinds
from legetjeneste.notices.email.models import OutboxEmail
from legetjeneste.registry.models import Agreement
from legetjeneste.settings import get_settings
from tests.citizens.people import add_citizen
from tests.support import load_demo

DAY = date(2026, 12, 4)


def _mails(session, to: str) -> list[OutboxEmail]:
    with session.begin():
        return [m for m in session.query(OutboxEmail).order_by(OutboxEmail.id) if m.recipient == to]


def _link(mail: OutboxEmail, path: str) -> str:
    return mail.body.split(path)[1].split()[0]


def _set_list(session, *, status: str) -> None:
    with session.begin():
        agreement = session.get(Agreement, 182401)
        agreement.list_status, agreement.listetak = status, 2


def test_a_confirmed_subscriber_is_told_once_per_opening_with_a_link_to_switch(session):
    load_demo(session)
    with session.begin():
        add_citizen(session, "Kari Liste", date(1985, 3, 14), agreement_id=182401)
    data = AlertCreate(email="Ola@Example.no", agreement_id=182401)
    made = service.subscribe(session, actor=None, data=data)
    assert not made.confirmed
    _set_list(session, status="open")
    assert service.check(session, on=DAY).emails == 0  # not confirmed yet: nothing is sent
    [confirmation] = _mails(session, "ola@example.no")
    assert service.confirm(session, token=_link(confirmation, "/varsel/bekreft/")).confirmed

    first = service.check(session, on=DAY)
    assert (first.opened, first.emails) == (1, 1)  # lists are watched where someone is subscribed
    assert service.check(session, on=DAY).emails == 0  # the same opening is told once
    alert = _mails(session, "ola@example.no")[-1]
    assert "/innbygger/bytt?agreement=182401" in alert.body and "1 ledig plass" in alert.body

    _set_list(session, status="closed")
    assert service.check(session, on=DAY).closed == 1
    _set_list(session, status="open")
    again = service.check(session, on=DAY)
    assert (again.opened, again.emails) == (1, 1)  # a new opening is told again

    service.unsubscribe(session, token=_link(alert, "/varsel/avslutt/"))
    _set_list(session, status="closed")
    service.check(session, on=DAY)
    _set_list(session, status="open")
    assert service.check(session, on=DAY).emails == 0
    assert len(_mails(session, "ola@example.no")) == 3


def test_a_forged_or_foreign_token_is_refused(session):
    load_demo(session)
    secret = get_settings().resolved_secret_key()
    confirm_token = rules.token(secret, subscription_id=1, purpose=rules.CONFIRM)
    with pytest.raises(NotFound):
        service.unsubscribe(session, token=confirm_token)  # a confirmation link does not unsubscribe
    with pytest.raises(NotFound):
        service.confirm(
            session, token=rules.token("another secret", subscription_id=1, purpose=rules.CONFIRM)
        )


def test_a_bad_address_and_too_many_unconfirmed_alerts_are_refused(session):
    load_demo(session)
    with pytest.raises(ValidationFailed):
        service.subscribe(
            session, actor=None, data=AlertCreate(email="ikke-en-adresse", municipality_number="1824")
        )
    for _ in range(rules.MAX_UNCONFIRMED_PER_ADDRESS):
        service.subscribe(
            session, actor=None, data=AlertCreate(email="x@example.no", municipality_number="1824")
        )
    with pytest.raises(ValidationFailed) as refused:
        service.subscribe(session, actor=None, data=AlertCreate(email="x@example.no", office_id=1))
    assert "ubekreftede" in refused.value.problems[0].message


def test_an_office_or_municipality_alert_covers_its_lists_only():
    opening = rules.Opening(
        1,
        agreement_id=5,
        office_id=7,
        municipality_number="1824",
        open_places=2,
        doctor_name=None,
        office_name="K",
    )
    assert rules.covers(rules.Target("1824", None, None), opening)
    assert rules.covers(rules.Target("1824", 7, None), opening)
    assert not rules.covers(rules.Target("1824", 8, None), opening)
    assert not rules.covers(rules.Target("1824", None, 6), opening)
    assert not rules.covers(rules.Target("4014", None, None), opening)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_check_runs_daily_as_the_job_citizens_alerts(engine, session):
    load_demo(session)
    assert kinds.KINDS[service.JOB_KIND].daily
    assert jobs.run(session_factory(engine), None, None) == {"opened": 0, "closed": 0, "emails": 0}  # type: ignore[arg-type]
