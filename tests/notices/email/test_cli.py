"""`legetjeneste notices send [--json]` and `legetjeneste notices outbox [--json]`."""

import json

import pytest

from legetjeneste.cli import app
from tests.command_line import command_line
from tests.notices.support import tell
from tests.support import load_demo


@pytest.fixture
def cli(engine, monkeypatch):
    with command_line(engine, monkeypatch, app, "notices") as invoke:
        yield invoke


def test_notices_send_without_smtp_says_the_mail_waits_in_the_outbox(cli, open_session, no_smtp):
    load_demo(open_session())
    tell(open_session())
    code, out, _ = cli("send", "--json")
    assert (code, json.loads(out)) == (
        0,
        {"configured": False, "sent": 0, "retrying": 0, "failed": 0, "waiting": 1},
    )
    code, out, _ = cli("send")
    assert (code, out) == (
        0,
        "E-post er ikke satt opp (LEGETJENESTE_SMTP_HOST): 1 e-poster venter i utboksen.\n",
    )


def test_notices_send_delivers_what_is_due_and_the_outbox_shows_the_delivery_log(cli, open_session, smtp):
    load_demo(open_session())
    tell(open_session())
    code, out, _ = cli("send", "--json")
    assert (code, json.loads(out)["sent"]) == (0, 1) and len(smtp.received) == 1
    code, out, _ = cli("outbox", "--json")
    outbox = json.loads(out)
    assert (code, outbox["configured"], outbox["counts"]) == (0, True, {"sent": 1})
    [email] = outbox["emails"]
    assert (email["recipient"], email["status"], email["attempts"]) == ("lege@vefsn.example", "sent", 1)
    assert [(a["outcome"], a["reply"]) for a in email["log"]] == [("sent", "250 2.0.0 Ok: queued as TEST1")]
    code, out, _ = cli("outbox")
    assert code == 0 and "lege@vefsn.example\tSendt, 1 forsøk\tVedtak i saken om fritak fra legevakt" in out
