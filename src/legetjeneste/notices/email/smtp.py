"""The SMTP client: one e-mail to one recipient, with the server's reply to it or why it failed.

Settings LEGETJENESTE_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _FROM, _STARTTLS (settings.py). The mail
goes out with the low-level commands so that the server's own reply to the message is kept in the
delivery log («250 2.0.0 Ok: queued as …»)."""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from legetjeneste.settings import Settings


class DeliveryFailed(Exception):
    """The server refused the mail or could not be reached; `str(error)` says how, for the log."""


def is_configured(settings: Settings) -> bool:
    return bool(settings.smtp_host)


def message(settings: Settings, *, recipient: str, subject: str, body: str, created_at) -> EmailMessage:
    """A plain-text e-mail in UTF-8, marked as sent automatically (RFC 3834) so no one auto-replies."""
    mail = EmailMessage()
    mail["From"] = settings.smtp_from
    mail["To"] = recipient
    mail["Subject"] = subject
    mail["Date"] = format_datetime(created_at)
    mail["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    mail["Auto-Submitted"] = "auto-generated"
    mail.set_content(body)
    return mail


def send(settings: Settings, mail: EmailMessage) -> str:
    """Deliver `mail` to the server: its reply to the message («250 …»), or DeliveryFailed with the
    server's refusal or the connection's error."""
    smtp = smtplib.SMTP(timeout=settings.smtp_timeout_seconds)
    try:
        smtp.connect(settings.smtp_host, settings.smtp_port)
        smtp.ehlo()
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        return _transfer(smtp, mail)
    except smtplib.SMTPResponseException as error:
        raise DeliveryFailed(f"{error.smtp_code} {_text(error.smtp_error)}") from error
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}") from error
    finally:
        _close(smtp)


def _close(smtp: smtplib.SMTP) -> None:
    """Say goodbye if the server still listens; a mail it accepted stays accepted if this fails."""
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _transfer(smtp: smtplib.SMTP, mail: EmailMessage) -> str:
    for command, argument in (("mail", str(mail["From"])), ("rcpt", str(mail["To"]))):
        code, reply = getattr(smtp, command)(argument)
        if code >= 400:
            raise smtplib.SMTPResponseException(code, reply)
    code, reply = smtp.data(mail.as_bytes())
    if code >= 400:
        raise smtplib.SMTPResponseException(code, reply)
    return f"{code} {_text(reply)}"


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
