"""A refused form of the planning pages (issue 13): its error summary links each problem to its field by the
field's label and the rule id, the field is marked aria-invalid with its message, and what was typed stays —
one refused form of each page module (a measure, the plan sent to the SU, a quality indicator)."""

import re

from tests.duties.test_error_summary import marked
from tests.web.conftest import csrf_of
from tests.web.test_error_summary import summary_links


def _plan(client) -> tuple[str, str]:
    page = client.get("/kommuner/1824/plan", follow_redirects=True)
    return page.url.path, page.text


def test_a_refused_measure_links_its_cost_with_the_rule_and_keeps_the_text(vefsn_client):
    path, page = _plan(vefsn_client)
    typed = {
        "csrf_token": csrf_of(page),
        "need": "B",
        "text": "Felles laboratorium",
        "funding": "okonomiplan",
    }
    refused = vefsn_client.post(f"{path}/tiltak", data=typed | {"yearly_cost": "mye"})
    assert refused.status_code == 422
    links = dict(summary_links(refused.text))
    assert links["yearly_cost"].startswith("Årlig kostnad: «mye» må være et beløp")
    assert links["yearly_cost"].endswith("(PLAN-COST-TOTAL)") and marked(refused.text, "yearly_cost")
    assert ">Felles laboratorium</textarea>" in refused.text and 'value="mye"' in refused.text


def test_the_plan_sent_to_no_committee_links_the_choice_of_committee(vefsn_client):
    path, page = _plan(vefsn_client)
    refused = vefsn_client.post(
        f"{path}/samarbeidsutvalget", data={"csrf_token": csrf_of(page), "committee": "x"}
    )
    assert refused.status_code == 422
    assert summary_links(refused.text) == [("su-committee", "Utvalg: Velg samarbeidsutvalget (PLAN-DUTY)")]
    assert marked(refused.text, "su-committee")


def test_a_refused_reordering_links_the_rank_of_its_row_only(vefsn_client):
    path, page = _plan(vefsn_client)
    action = re.search(r'action="([^"]+/tiltak/(\d+)/prioritet)"', page)
    series = re.search(rf'{re.escape(action.group(0))}.*?name="series" value="([^"]+)"', page, re.S).group(1)
    refused = vefsn_client.post(
        action.group(1), data={"csrf_token": csrf_of(page), "series": series, "rank": "0"}
    )
    assert refused.status_code == 422
    target = f"rank-{series}-{action.group(2)}"
    assert [t for t, _ in summary_links(refused.text)] == [target] and marked(refused.text, target)
    assert (
        sum('aria-invalid="true"' in tag for tag in re.findall(r'<input[^>]*name="rank"[^>]*>', refused.text))
        == 1
    )


def test_a_refused_quality_indicator_links_its_date_and_keeps_the_evidence(vefsn_client):
    page = vefsn_client.get("/kommuner/1824/statistikk?aar=2025").text
    form = {"csrf_token": csrf_of(page), "year": "2025", "indicator": "x", "status": "met"}
    refused = vefsn_client.post(
        "/kommuner/1824/statistikk/kvalitet", data=form | {"evidence": "Rapport", "reported_on": "i går"}
    )
    assert refused.status_code == 422
    targets = [target for target, _ in summary_links(refused.text)]
    assert "qi-date" in targets and marked(refused.text, "qi-date") and 'value="Rapport"' in refused.text
