"""The planning pages beyond the browser journey (tests/browser/test_planning.py): a refused reordering says
why in Norwegian, the plan and the yearly report come as PDFs, and a GP sees what the plan means for them
on Min side without the forms that change it."""

import re
from datetime import date

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


def _plan_path(client) -> tuple[str, str]:
    page = client.get("/kommuner/1824/plan", follow_redirects=True)
    return page.url.path, csrf_of(page.text)


def test_the_kommuneoverlege_adds_changes_and_removes_a_measure_and_adds_a_need_from_the_plan(vefsn_client):
    client = vefsn_client
    path, csrf = _plan_path(client)
    plan = client.get(path).text
    assert f'href="{path}/tiltak/ny"' in plan and f'href="{path}/behov/ny"' in plan
    form = client.get(f"{path}/tiltak/ny")
    assert form.status_code == 200 and '<option value="Å">' in form.text

    typed = {"csrf_token": csrf, "need": "B", "text": "Felles laboratorium", "funding": "okonomiplan"}
    refused = client.post(f"{path}/tiltak", data=typed | {"yearly_cost": "mye"})
    assert refused.status_code == 422 and "Tiltaket ble ikke lagret" in refused.text
    assert "Årlig kostnad: «mye» må være et beløp" in refused.text and "(PLAN-COST-TOTAL)" in refused.text
    assert "Felles laboratorium" in refused.text
    refused = client.post(
        f"{path}/tiltak", data=typed | {"progress": "150", "last_year": "2020", "first_year": "2027"}
    )
    assert "Framdrift: Framdrift skal være mellom 0 og 100 % (PLAN-DUTY)" in refused.text
    assert "Siste år: Periodens slutt er før starten (PLAN-DUTY)" in refused.text

    added = client.post(f"{path}/tiltak", data=typed | {"yearly_cost": "120 000", "owner": "Kommunalsjef"})
    assert "Tiltaket er lagt til under behov B" in added.text and "Felles laboratorium" in added.text
    measure = re.search(
        rf'href="{path}/tiltak/(\d+)">Endre<span class="ds-sr-only"> tiltak 2 under behov B', added.text
    )
    edit = f"{path}/tiltak/{measure.group(1)}"
    assert "Fjern tiltaket" in client.get(edit).text

    changed = client.post(edit, data=typed | {"yearly_cost": "130000", "status": "started", "progress": "25"})
    assert "Tiltaket under behov B er lagret." in changed.text
    assert "Tiltak B endret: årlig kostnad, ansvar, status, framdrift" in changed.text

    asked = client.post(f"{edit}/fjern", data={"csrf_token": csrf})
    assert asked.status_code == 200 and "Vil du fjerne tiltaket under behov" in asked.text
    assert "Felles laboratorium" in client.get(path).text
    removed = client.post(f"{edit}/fjern", data={"csrf_token": csrf, "confirmed": "ja"})
    assert (
        "Tiltaket er fjernet fra planen." in removed.text
        and "Tiltak B fjernet: Felles laboratorium" in removed.text
    )

    twice = client.post(f"{path}/behov", data={"csrf_token": csrf, "letter": "A", "title": "Igjen"})
    assert twice.status_code == 422 and "Bokstav: Behov A finnes allerede i planen (PLAN-DUTY)" in twice.text
    need = client.post(f"{path}/behov", data={"csrf_token": csrf, "letter": "AA", "title": "Beredskap"})
    assert "Behov AA er lagt til." in need.text and 'id="behov-AA"' in need.text

    log_in(client, "lege@vefsn.example", "lege-demo")
    assert client.get(f"{path}/tiltak/ny").status_code == 403
    assert "/tiltak/ny" not in client.get(path).text


def test_the_plan_goes_to_the_su_and_its_statement_shows_on_the_plan_page_with_date_and_vote(vefsn_client):
    client = vefsn_client
    path, csrf = _plan_path(client)
    plan = client.get(path).text
    su = re.search(r'<select class="ds-input" id="su-committee" name="committee"><option value="(\d+)"', plan)
    send = {"csrf_token": csrf, "committee": su.group(1)}
    asked = client.post(f"{path}/samarbeidsutvalget", data=send)  # sending asks first (web/confirm.py)
    assert asked.status_code == 200 and "Vil du sende versjon 1 av" in asked.text
    assert "kan ikke trekkes tilbake" in asked.text and 'id="su-committee"' in client.get(path).text
    sent = client.post(f"{path}/samarbeidsutvalget", data=send | {"confirmed": "ja"})
    assert "Versjon 1 av planen er sendt til Samarbeidsutvalget i Vefsn." in sent.text
    assert "venter på uttalelse" in sent.text and 'id="su-committee"' not in sent.text
    case = re.search(r'href="(/utvalg/saker/\d+)">Samarbeidsutvalget i Vefsn</a>', sent.text).group(1)

    today = client.get(case).text
    given = re.search(r'name="given_on"[^>]*value="([^"]+)"', today)
    statement = {
        "csrf_token": csrf,
        "given_on": given.group(1) if given else date.today().isoformat(),
        "votes_for": "4",
        "votes_against": "0",
        "majority_text": "Utvalget støtter planen.",
        "final": "ja",
        "confirmed": "ja",
    }
    client.post(f"{case}/uttalelse", data=statement)

    shown = client.get(path).text
    section = shown[shown.index('id="samarbeidsutvalget"') : shown.index('id="versjoner"')]
    assert "Samarbeidsutvalgets uttalelse" in section and "Utvalget støtter planen." in section
    assert "(enstemmig)" in section and "uttalelse " in section
