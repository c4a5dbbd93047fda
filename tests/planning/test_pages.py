"""The planning pages as the Vefsn kommuneoverlege and a GP see them: the plan with its totals and a chart,
reordering from the page, statistics with the legevakt chart and the quality indicators, the yearly report,
capacity with its charts, the panels on the overview and Min side."""

import re

from tests.web.conftest import csrf_of, log_in


def test_the_kommuneoverlege_sees_plan_statistics_capacity_and_prints_both_documents(vefsn_client):
    client = vefsn_client
    plan = client.get("/kommuner/1824/plan", follow_redirects=True)
    assert plan.status_code == 200, plan.text
    assert "5\u202f618\u202f000 kr" in plan.text and "5\u202f384\u202f000 kr" in plan.text and "234\u202f000 kr" in plan.text
    assert "Revisjonen er forfalt" in plan.text and 'role="img"' in plan.text
    action = re.search(r'action="([^"]+/prioritet)"', plan.text).group(1)  # the first reorder form
    moved = client.post(action, data={"csrf_token": csrf_of(plan.text), "series": "okonomiplan", "rank": "4"},
                        follow_redirects=False)
    assert moved.status_code == 303
    assert "Prioriteten er endret" in client.get(moved.headers["location"]).text
    refused = client.post(action, data={"csrf_token": csrf_of(plan.text), "series": "okonomiplan", "rank": "0"})
    assert refused.status_code == 422 and "Ny plass" in refused.text
    assert client.get(plan.url.path + "/plan.pdf").content.startswith(b"%PDF")
    statistics = client.get("/kommuner/1824/statistikk", follow_redirects=True)
    assert statistics.status_code == 200 and "aar=2025" in str(statistics.url)
    assert "Vakttårn-referanse" in statistics.text and "Ikke rapportert" in statistics.text
    assert client.get("/kommuner/1824/statistikk/2025/arsrapport.pdf").content.startswith(b"%PDF")
    capacity = client.get("/kommuner/1824/kapasitet?snitt=800")
    assert capacity.status_code == 200 and "Fastlegenes alder fram i tid" in capacity.text
    assert "Listelengde og listetak per avtale" in client.get("/kommuner/1824").text


def test_a_gp_sees_what_the_plan_means_for_them_on_min_side_and_cannot_reorder(browser_client):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/min-side")
    assert "Hva planen betyr for deg" in page.text and "Listen din" in page.text
    plan = browser_client.get("/kommuner/1824/plan", follow_redirects=True)
    assert plan.status_code == 200 and "/prioritet" not in plan.text
