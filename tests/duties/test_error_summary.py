"""A refused form of the duties' pages (issue 13): its error summary links each problem to its field, named by
the field's label (and the rule id where a rule refused), the field is marked aria-invalid with its message,
and what was typed stays — one refused form of each page module."""

import re

from tests.web.conftest import browser_client, csrf_of, vefsn_client  # noqa: F401  (fixtures)
from tests.web.test_error_summary import summary_links

TILSYN = "/kommuner/1824/tilsyn"
DUTIES = "/kommuner/1824/kommunale-oppgaver"


def marked(html: str, field_id: str) -> bool:
    """Whether the element with the id is marked invalid and names its message."""
    tag = re.search(rf'<(?:input|select|textarea)\b[^>]*\bid="{re.escape(field_id)}"[^>]*>', html)
    return bool(tag) and 'aria-invalid="true"' in tag.group(0) and "aria-describedby=" in tag.group(0)


def test_the_month_sent_to_payment_is_refused_at_its_field_with_what_was_typed(vefsn_client):  # noqa: F811
    page = vefsn_client.get(DUTIES).text
    refused = vefsn_client.post(
        DUTIES + "/timer-til-utbetaling", data={"csrf_token": csrf_of(page), "month": "mars"}
    )
    assert refused.status_code == 422
    assert ("month", "Måned: velg en måned på formen ÅÅÅÅ-MM") in summary_links(refused.text)
    assert marked(refused.text, "month") and 'value="mars"' in refused.text


def test_an_order_refused_by_the_notice_rule_links_the_day_and_keeps_the_hours(vefsn_client):  # noqa: F811
    page = vefsn_client.get(DUTIES).text
    task = re.search(r'href="(/kommuner/1824/kommunale-oppgaver/oppgaver/\d+)"', page).group(1)
    form = vefsn_client.get(task).text
    doctor = re.search(r'<select class="ds-input" id="doctor"[^>]*>\s*<option value="(\d+)"', form).group(1)
    first_day = re.search(r'id="first-palegg" name="first_day" required value="([^"]+)"', form).group(1)
    data = {"csrf_token": csrf_of(form), "doctor_id": doctor, "hours_per_week": "abc", "first_day": first_day}
    refused = vefsn_client.post(task + "/palegg", data=data | {"notified_on": "ikke en dato"})
    assert refused.status_code == 422
    links = dict(summary_links(refused.text))
    assert set(links) == {"hours", "notified-palegg"} and links["hours"].startswith("Timer per uke:")
    assert marked(refused.text, "hours") and marked(refused.text, "notified-palegg")
    assert 'value="abc"' in refused.text


def test_the_tilsyn_budget_and_cover_forms_link_their_refused_fields(vefsn_client):  # noqa: F811
    page = vefsn_client.get(TILSYN, params={"dato": "2027-06-14"}).text
    csrf = csrf_of(page)
    spent = {"csrf_token": csrf, "dato": "2027-06-14", "year": "2027", "text": "Vikar", "weeks": "to"}
    refused = vefsn_client.post(TILSYN + "/vikarbudsjett/forbruk", data=spent)
    assert refused.status_code == 422
    assert [target for target, _ in summary_links(refused.text)] == ["spent-weeks"]
    assert marked(refused.text, "spent-weeks") and 'value="to"' in refused.text

    unit, day = re.search(r'id="sub-(\d+)-(\d{4}-\d{2}-\d{2})"', page).groups()
    named = {"csrf_token": csrf, "dato": "2027-06-14", "unit_id": unit, "day": day, "name": " "}
    refused = vefsn_client.post(TILSYN + "/stedfortreder", data=named)
    assert refused.status_code == 422
    assert summary_links(refused.text) == [(f"sub-{unit}-{day}", "Navn: mangler (påkrevd felt)")]
    assert marked(refused.text, f"sub-{unit}-{day}")
    others = re.findall(r'<input[^>]*id="sub-[^"]+"[^>]*>', refused.text)
    assert sum('aria-invalid="true"' in tag for tag in others) == 1  # only the row that was sent
