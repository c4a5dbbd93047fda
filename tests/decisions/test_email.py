"""Issue 12's «done when»: the Kragerø kommuneoverlege refuses a discretionary application and the GP
receives the letter in the inbox and by e-mail — here through a real SMTP server in the test process
(aiosmtpd, tests/notices/conftest.py). DEC-NOTIFY; MAIL-CONTENT keeps the reasons out of the e-mail."""

from legetjeneste.notices.email import service as email_service
from tests.decisions.support import REFUSAL, gp_user, inbox, refuse


def test_dec_notify_a_refused_exemption_reaches_the_gp_by_inbox_and_by_email_without_its_reasons(demo, smtp):
    gp = gp_user(demo, "9401408")
    decision_id = refuse(demo)
    [(kind, subject, _body, link, rule_id)] = [n for n in inbox(demo, gp) if n[0] == "decision_letter"]
    assert (kind, link, rule_id) == ("decision_letter", f"/vedtak/{decision_id}", "DEC-NOTIFY")

    report = email_service.deliver_due(demo)

    assert report.sent >= 1
    [message] = [m for recipients, m in smtp.received if recipients == [gp.email]]
    assert message["Subject"] == subject
    text = message.get_content()
    assert "https://legetjeneste.vefsn.example/innboks/" in text
    assert REFUSAL.reasons not in text and REFUSAL.weighing not in text
