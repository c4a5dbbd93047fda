"""Letters to citizens without a user wait for the post: the kommuneoverlege lists them (each read of the
citizens' identities audited), prints the batch as a PDF and marks it sent — only the letters shown, only
after a confirmation, only in the own municipality. SQLite and PostgreSQL."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens.letters import service as letters
from legetjeneste.citizens.letters.post import service
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from tests.citizens.people import add_citizen
from tests.support import load_demo
from tests.web.conftest import csrf_of, log_in

KOL = Actor(email="kommuneoverlege@vefsn.example", role="kommuneoverlege", municipality_number="1824")
KRAGERO = Actor(email="kommuneoverlege@kragero.example", role="kommuneoverlege", municipality_number="4014")
SU = Actor(email="su@vefsn.example", role="su_member", municipality_number="1824")


def _letters(session, *names: str, born: date = date(1960, 1, 1)) -> list[int]:
    """One letter by post to each of new citizens with these names (none has a user); their citizen ids."""
    with session.begin():
        citizens = [
            add_citizen(session, name, born.replace(day=1 + index), agreement_id=182401)
            for index, name in enumerate(names)
        ]
        sent = letters.send(
            session,
            municipality_number="1824",
            letters=[
                (c.id, f"Fra 1. januar 2027 er Ingrid Haugvik fastlegen din. ({c.name})") for c in citizens
            ],
            rule_id="CIT-UNASSIGNED",
            cause="run:1",
        )
        assert (sent.inbox, sent.post) == (0, len(names))
        return [c.id for c in citizens]


def test_the_letters_waiting_for_the_post_are_listed_and_printed_with_every_identity_read_audited(session):
    load_demo(session)
    first, second = _letters(session, "Anne Post", "Odd Post")
    batch = service.post_letters(session, actor=KOL, municipality_number="1824")
    assert [(x.citizen_name, x.rule_id) for x in batch.letters] == [
        ("Anne Post", "CIT-UNASSIGNED"),
        ("Odd Post", "CIT-UNASSIGNED"),
    ]
    assert batch.up_to == batch.letters[-1].id and batch.municipality_name == "Vefsn"
    name, content = service.batch_pdf(session, actor=KOL, municipality_number="1824", up_to=batch.up_to)
    pages = PdfReader(io.BytesIO(content)).pages
    assert name == "brev-til-utsending-1824.pdf" and len(pages) == 2
    text = pages[0].extract_text()
    assert "Anne Post" in text and "Brev om fastlegen din" in text and "CIT-UNASSIGNED" in text
    with session.begin():
        reads = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "citizen", AuditEntry.action == "read")
        ).all()
    whys = [(entry.detail["why"], sorted(int(i) for i in entry.record_ids)) for entry in reads]
    assert ("brev til utsending", [first, second]) in whys
    assert ("utskrift av brev til utsending", [first, second]) in whys


def test_marking_sent_takes_only_the_letters_shown_and_a_later_letter_waits(session):
    load_demo(session)
    _letters(session, "Anne Post")
    shown = service.post_letters(session, actor=KOL, municipality_number="1824")
    _letters(session, "Sent Kommer", born=date(1961, 2, 1))
    done = service.mark_sent(session, actor=KOL, municipality_number="1824", up_to=shown.up_to)
    assert done.count == 1
    after = service.post_letters(session, actor=KOL, municipality_number="1824")
    assert [x.citizen_name for x in after.letters] == ["Sent Kommer"]
    assert service.mark_sent(session, actor=KOL, municipality_number="1824", up_to=shown.up_to).count == 0
    with pytest.raises(ValidationFailed):
        service.mark_sent(session, actor=KOL, municipality_number="1824", up_to=None)


def test_another_municipality_or_a_role_without_the_register_sees_no_letters(session):
    load_demo(session)
    _letters(session, "Anne Post")
    with pytest.raises((NotFound, Forbidden)):
        service.post_letters(session, actor=KRAGERO, municipality_number="1824")
    with pytest.raises(Forbidden):
        service.post_letters(session, actor=SU, municipality_number="1824")
    with pytest.raises((NotFound, Forbidden)):
        service.mark_sent(session, actor=KRAGERO, municipality_number="1824", up_to=10**6)
    assert len(service.post_letters(session, actor=KOL, municipality_number="1824").letters) == 1


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_page_asks_for_a_confirmation_before_marking_sent(browser_client, open_session):
    _letters(open_session(), "Anne Post")
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    page = browser_client.get("/kommuner/1824/innbyggere/brev")
    assert page.status_code == 200 and "Anne Post" in page.text and "Marker som sendt" in page.text
    up_to = service.post_letters(open_session(), actor=KOL, municipality_number="1824").up_to
    unconfirmed = browser_client.post(
        "/kommuner/1824/innbyggere/brev/sendt", data={"csrf_token": csrf_of(page.text), "up_to": str(up_to)}
    )
    assert (
        unconfirmed.status_code == 422 and "Bekreftelse: Bekreft at brevene er skrevet ut" in unconfirmed.text
    )
    confirmed = browser_client.post(
        "/kommuner/1824/innbyggere/brev/sendt",
        data={"csrf_token": csrf_of(page.text), "up_to": str(up_to), "confirmed": "ja"},
    )
    assert confirmed.status_code == 200 and "1 brev er markert som sendt." in confirmed.text
    assert "Ingen brev venter på utsending." in confirmed.text
    pdf = browser_client.get(f"/kommuner/1824/innbyggere/brev.pdf?til={up_to}")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.headers["cache-control"] == "no-store"
