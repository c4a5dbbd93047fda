"""A real SMTP server in the test process (aiosmtpd) and the settings that send to it; the pages' client."""

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from legetjeneste.settings import get_settings
from tests.web.conftest import browser_client, vefsn_client  # noqa: F401  (fixtures for the page tests)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Mailbox:
    """What the server received: each message as parsed, with the envelope's recipients."""

    refuse: bool = False
    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 Mottakeren finnes ikke"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 2.0.0 Ok: queued as TEST1"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    mailbox, port = Mailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()


def use_smtp(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    """Send e-mail to 127.0.0.1:`port` without TLS (the settings are read afresh)."""
    monkeypatch.setenv("LEGETJENESTE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LEGETJENESTE_SMTP_PORT", str(port))
    monkeypatch.setenv("LEGETJENESTE_SMTP_STARTTLS", "false")
    monkeypatch.setenv("LEGETJENESTE_SMTP_FROM", "ikke-svar@vefsn.example")
    monkeypatch.setenv("LEGETJENESTE_SMTP_TIMEOUT_SECONDS", "5")
    monkeypatch.setenv("LEGETJENESTE_BASE_URL", "https://legetjeneste.vefsn.example")
    get_settings.cache_clear()


@pytest.fixture
def smtp(monkeypatch, smtp_server) -> Iterator[Mailbox]:
    """The settings send to the test server; its mailbox."""
    mailbox, port = smtp_server
    use_smtp(monkeypatch, port)
    yield mailbox
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def no_smtp(monkeypatch) -> Iterator[None]:
    """No SMTP server is set up (whatever the environment says)."""
    monkeypatch.setenv("LEGETJENESTE_SMTP_HOST", "")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()
