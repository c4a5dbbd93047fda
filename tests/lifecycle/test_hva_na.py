"""The kommuneoverlege's overview keeps its content and gains «hva nå»: each overdue or near deadline with
what to do next, the rule it follows and a link to the form of the step that does it (or to the case)."""

import re

from tests.web.conftest import browser_client, log_in, vefsn_client  # noqa: F401  (fixtures)

TAG = re.compile(r"<[^>]+>")


def panel(html: str) -> str:
    return re.search(r'<section aria-labelledby="frister".*?</section>', html, re.S).group(0)


def text(html: str) -> str:
    return " ".join(TAG.sub(" ", html).split())


def test_the_overview_says_since_when_a_deadline_is_overdue_what_to_do_and_links_to_the_steps_form(
    vefsn_client,  # noqa: F811
):
    html = vefsn_client.get("/kommuner/1824").text
    assert "Fastlegeordningen i Vefsn kommune" in html and "fastlegelister" in html  # today's overview stays
    pressing = panel(html)
    said = re.search(
        r"Forfalt 30\. juni( 2026)? : registrer hjemfall om minst tre korrekte utlysninger er gjort .*? "
        r"\(AGR-HJEMFALL\) — Ledig fastlegeavtale 182415 ved Vefsn legesenter \( avtale 182415 \)\. "
        r"Neste steg: Hjemfall",
        text(pressing),
    )
    assert said is not None, text(pressing)
    assert '<a class="ds-link" href="/avtaler/182415">avtale 182415</a>' in pressing
    link = re.search(r'<a class="ds-link" href="([^"]+)">Neste steg: Hjemfall</a>', pressing).group(1)
    assert link.endswith("?steg=hjemfall#steg-hjemfall")
    case = vefsn_client.get(link).text
    assert "Ledig fastlegeavtale 182415" in case
    assert re.search(r'<details class="ds-details" id="steg-hjemfall" open', case)  # the step's form, open
    assert not re.search(r'id="steg-(?!hjemfall)[a-z_]+" open', case)  # and only that one
    assert "Fristen 30. juni 2026 (forfalt)" in text(pressing)  # the date as a date
    assert "(AGR-HJEMFALL, ASA 4310 § 5.8, Kommunen)" in pressing  # what the clock itself says stays


def test_the_su_member_sees_what_is_pressing_too_but_an_office_administrator_gets_no_deadlines(
    browser_client,  # noqa: F811
):
    log_in(browser_client, "su@vefsn.example", "su-demo")
    assert "Gå til saken" in panel(browser_client.get("/kommuner/1824").text)
    log_in(browser_client, "kontor@mosjoen.example", "mosjoen-demo")
    assert "Frister som haster" not in browser_client.get("/kommuner/1824").text
