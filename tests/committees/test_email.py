"""Issue 15's «done when»: the invitation to an SU meeting arrives by e-mail — here through a real SMTP server
in the test process (aiosmtpd, tests/notices/conftest.py). The e-mail names the meeting and links to the
inbox (MAIL-CONTENT); the .ics invitation is on the meeting's page."""

from datetime import date, time

import pytest

from legetjeneste.committees.meetings.invitations import service as invitation_service
from legetjeneste.committees.schemas import MeetingCreate
from legetjeneste.notices.email import service as email_service
from tests.committees.support import actor, committee_id

# The edges run on SQLite only; tests/committees/test_service.py covers both databases.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def test_alu_members_the_invitation_to_an_su_meeting_reaches_the_gp_member_by_email(demo, smtp):
    data = MeetingCreate(
        date=date(2026, 12, 10), starts=time(14, 0), place="Mosjøen rådhus", agenda=["Ny fastlegeavtale"]
    )
    invitation_service.convene(
        demo,
        actor=actor(demo, "kommuneoverlege@vefsn.example"),
        committee_id=committee_id(demo, "su"),
        data=data,
    )

    report = email_service.deliver_due(demo)

    assert report.sent >= 4
    [message] = [m for recipients, m in smtp.received if recipients == ["lege@vefsn.example"]]
    assert message["Subject"] == "Innkalling: Samarbeidsutvalget i Vefsn 10. desember 2026"
    assert "https://legetjeneste.vefsn.example/innboks/" in message.get_content()
    assert "Ny fastlegeavtale" not in message.get_content()  # the agenda stays in the inbox (MAIL-CONTENT)
