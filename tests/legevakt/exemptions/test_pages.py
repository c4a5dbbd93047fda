"""The legevakt pages: the overview with local parameters next to national ones, a scheme with its
participants and the application form, an application with its impact and the decision form."""

import re

from tests.web.conftest import csrf_of, log_in


def link(html: str, text: str) -> str:
    return re.search(rf'href="([^"]+)">{re.escape(text)}', html).group(1)


def test_the_overview_lists_the_scheme_and_the_local_parameter_next_to_the_national_value(vefsn_client):
    html = vefsn_client.get("/kommuner/1824/legevakt").text
    assert ">Legevakt</a>" in html and "Vefsn legevakt</a>" in html
    assert "Siri Halsøy: siste tre måneder av svangerskap" in html
    assert (
        "12 måneder" in html and "6 måneder" in html and "Vefsn kommune (fiktivt vedtak i demodata)" in html
    )


def test_the_scheme_page_shows_competence_and_an_application_lands_on_its_decision_page(vefsn_client):
    overview = vefsn_client.get("/kommuner/1824/legevakt").text
    scheme_url = link(overview, "Vefsn legevakt")
    html = vefsn_client.get(scheme_url).text
    assert "Hverdagsvakt" in html and "15:30–08:00 (neste dag)" in html and "Med bakvakt." in html
    assert "Trenger bakvakt: LIS1 uten fullført LIS1-tjeneste (LV-COMPETENCE)" in html
    assert vefsn_client.get(link(html, "Vaktlister")).status_code == 200
    assert vefsn_client.get(link(html, "Vakanser")).status_code == 200
    answer = vefsn_client.post(
        f"{scheme_url}/fritak",
        data={
            "csrf_token": csrf_of(html),
            "doctor": "9182402",
            "ground": "health",
            "extent": "no_nights",
            "start": "2027-01-01",
            "end": "2027-06-30",
            "application_text": "Søvnproblemer.",
        },
    )
    assert answer.status_code == 200 and "venter på vedtak" in answer.text
    assert "Virkning for de andre hvis søknaden innvilges" in answer.text
    assert "for høyst\n  6 måneder om gangen" in answer.text


def test_a_missing_due_date_is_shown_on_the_form_with_the_field_and_the_rule(vefsn_client):
    scheme_url = link(vefsn_client.get("/kommuner/1824/legevakt").text, "Vefsn legevakt")
    html = vefsn_client.get(scheme_url).text
    answer = vefsn_client.post(
        f"{scheme_url}/fritak",
        data={"csrf_token": csrf_of(html), "doctor": "9182402", "ground": "pregnancy", "start": "2027-01-01"},
    )
    assert answer.status_code == 422
    assert "Termin: termin må oppgis ved fritak for svangerskap" in answer.text


def test_refusing_a_right_on_the_decision_page_shows_lv_exempt_right_and_granting_it_works(browser_client):
    log_in(browser_client, "kommuneoverlege@kragero.example", "kragero-demo")
    overview = browser_client.get("/kommuner/4014/legevakt").text
    url = link(overview, "Knut Levangsheia: over 60 år")
    html = browser_client.get(url).text
    assert "GKL legekontor (onsdag, torsdag, fredag)" in html and "kan ikke avslås" in html
    refused = browser_client.post(
        f"{url}/vedtak", data={"csrf_token": csrf_of(html), "decision": "refused", "reasons": "Beredskap."}
    )
    assert refused.status_code == 422 and "(LV-EXEMPT-RIGHT, FLF § 33)" in refused.text
    granted = browser_client.post(
        f"{url}/vedtak", data={"csrf_token": csrf_of(html), "decision": "granted", "reasons": "Over 60 år."}
    )
    assert granted.status_code == 200 and "er innvilget (LV-EXEMPT-RIGHT)" in granted.text
    assert "fra 1. desember 2026, uten sluttdato" in granted.text


def test_the_impact_overview_shows_seven_to_three_at_gkl_with_the_vikar(browser_client):
    log_in(browser_client, "kommuneoverlege@kragero.example", "kragero-demo")
    html = browser_client.get("/kommuner/4014/legevakt/virkning").text
    gkl = html[html.index("GKL legekontor (onsdag") :]
    december = re.search(r"<td>desember 2026</td>.*?</tr>", gkl, re.S).group(0)
    assert '<td class="num">13</td>' in december and '<td class="num">7 (1 vikar)</td>' in december
    assert "<strong>3</strong> (1 vikar)" in december and "<strong>4,3</strong>" in december
    assert "Mari Helle (vikar)" in december


def test_another_municipalitys_scheme_page_is_not_found(vefsn_client):
    assert vefsn_client.get("/kommuner/4014/legevakt").status_code == 404


def test_the_kommuneoverlege_sets_a_local_value_and_sees_it_next_to_the_national_one(vefsn_client):
    html = vefsn_client.get("/kommuner/1824/legevakt").text
    form = {"csrf_token": csrf_of(html), "name": "legevakt/discretion_weight_age", "since": "2026-02-01"}
    bad = vefsn_client.post("/kommuner/1824/legevakt/parametere", data=form | {"value": "", "source": "x"})
    assert bad.status_code == 422 and "Verdi:" in bad.text
    saved = vefsn_client.post(
        "/kommuner/1824/legevakt/parametere", data=form | {"value": "50", "source": "SU-vedtak"}
    )
    assert saved.status_code == 200 and "Kommunens verdi 50 gjelder fra 01.02.2026." in saved.text
    assert "fra 1. februar 2026: SU-vedtak" in saved.text
