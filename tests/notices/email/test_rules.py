"""MAIL-DEFAULTS, MAIL-RETRY and MAIL-CONTENT as pure functions."""

from datetime import UTC, datetime, timedelta

from legetjeneste.notices.email import rules
from legetjeneste.notices.inbox.rules import KINDS, moment_text, safe_link

AT = datetime(2026, 12, 4, 13, 0, tzinfo=UTC)


def test_mail_defaults_decision_letters_swaps_deadlines_and_meeting_invitations_reach_a_user_by_email():
    expected = {"decision_letter", "swap", "deadline", "committee_meeting"}
    assert {kind for kind in KINDS if rules.is_by_email(kind, {})} == expected


def test_mail_defaults_a_users_own_choice_wins_over_the_default_both_ways():
    assert not rules.is_by_email("decision_letter", {"decision_letter": False})
    assert rules.is_by_email("vacancy", {"vacancy": True})
    assert rules.is_by_email("swap", {"vacancy": True})


def test_mail_retry_waits_1_5_30_minutes_and_2_hours_after_the_first_four_failures():
    waits = [rules.next_attempt_at(attempts=n, failed_at=AT) - AT for n in range(1, 5)]
    assert waits == [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]


def test_mail_retry_the_fifth_failed_attempt_is_the_last():
    assert rules.MAX_ATTEMPTS == 5
    assert rules.next_attempt_at(attempts=5, failed_at=AT) is None
    assert rules.next_attempt_at(attempts=4, failed_at=AT) is not None


def test_mail_content_the_email_names_the_kind_and_links_to_the_notice_and_says_the_content_stays_inside():
    url = rules.notice_url("https://legetjeneste.vefsn.example/", 42)
    body = rules.email_body(kind_name=KINDS["decision_letter"], url=url)
    assert url == "https://legetjeneste.vefsn.example/innboks/42"
    assert "ny melding i innboksen" in body and "Vedtaksbrev til meg" in body and url in body
    assert "står innholdet bare i innboksen" in body


def test_a_long_smtp_reply_is_kept_on_one_line_and_clipped_for_the_log():
    clipped = rules.clipped("550 nei\n" + "x" * 2000)
    assert len(clipped) == 1000 and "\n" not in clipped and clipped.endswith("…")


def test_a_notices_link_is_followed_only_when_it_is_a_path_on_this_server():
    assert safe_link("/fritak/12") == "/fritak/12"
    assert [
        safe_link(link) for link in ("https://evil.example/", "//evil.example", "javascript:alert(1)")
    ] == [
        "",
        "",
        "",
    ]


def test_an_instant_is_told_as_the_clock_in_oslo():
    assert moment_text(datetime(2026, 7, 1, 22, 30, tzinfo=UTC)) == "2. juli 2026 kl. 00.30"
    assert moment_text(None) == "–"
