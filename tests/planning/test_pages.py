"""The planning pages beyond the browser journey (tests/browser/test_planning.py): a refused reordering says
why in Norwegian, the plan and the yearly report come as PDFs, and a GP sees what the plan means for them
on Min side without the forms that change it."""

import re

from tests.web.conftest import csrf_of, log_in


def test_a_refused_reordering_the_pdfs_and_the_gps_view_of_the_plan(vefsn_client):
    client = vefsn_client
    plan = client.get("/kommuner/1824/plan", follow_redirects=True)
    action = re.search(r'action="([^"]+/prioritet)"', plan.text).group(1)
    refused = client.post(
        action, data={"csrf_token": csrf_of(plan.text), "series": "okonomiplan", "rank": "0"}
    )
    assert refused.status_code == 422 and "Ny plass" in refused.text
    assert client.get(plan.url.path + "/plan.pdf").content.startswith(b"%PDF")
    assert client.get("/kommuner/1824/statistikk/2025/arsrapport.pdf").content.startswith(b"%PDF")
    log_in(client, "lege@vefsn.example", "lege-demo")
    page = client.get("/min-side")
    assert "Hva planen betyr for deg" in page.text and "Listen din" in page.text
    plan = client.get("/kommuner/1824/plan", follow_redirects=True)
    assert plan.status_code == 200 and "/prioritet" not in plan.text


def test_the_key_figures_page_names_every_similar_municipality_in_its_table_and_chart(vefsn_client):
    html = vefsn_client.get("/kommuner/1824/nokkeltall").text
    assert "Nannestad (3238)" in html and "Malvik (5031)" in html and "Kommune (" not in html
    assert 'role="img" aria-label="Andel pasienter på liste uten lege. Kommunen, de fem' in html
    chart_table = html[html.index("<summary>Vis tallene som tabell") :]
    assert "Nannestad" in chart_table and "Landet" in chart_table and "KLASS 131" in html
