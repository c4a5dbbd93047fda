"""The GP panel's pages: the citizen-style preview and the office's settings with their forms."""

import pytest

from legetjeneste.auth import service as auth_service
from tests.web.conftest import browser_client, csrf_of, log_in  # noqa: F401  (fixture)

MOSJOEN_ORGNR = "991001018"


@pytest.fixture
def vefsn(browser_client):  # noqa: F811
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    return browser_client


def mosjoen_id(client) -> int:
    offices = client.get("/api/v1/offices").json()
    return next(o["id"] for o in offices if o["organisation_number"] == MOSJOEN_ORGNR)


def settings_url(client) -> str:
    return f"/kontorer/{mosjoen_id(client)}/fastlegepanel"


def test_the_preview_looks_like_the_guides_panel_with_a_clear_preview_label(vefsn):
    html = vefsn.get("/avtaler/182404/fastlegepanel?dato=2026-07-15").text
    assert "<strong>Forhåndsvisning</strong>" in html
    assert "Fastlegen din er Eirik Sandnesmo" in html
    assert '<a class="ds-button" href="#tjeneste-182404-booking">Bestill time</a>' in html
    assert "Informasjon fra legekontoret" in html and "Legesenteret har redusert bemanning" in html
    assert 'Se informasjon om fastlegen din <span aria-hidden="true">&gt;</span></a>' in html
    assert 'Se alle helsekontaktene dine <span aria-hidden="true">&gt;</span></a>' in html
    assert '<label class="ds-label" for="dato">Vis panelet for dato</label>' in html


def test_the_preview_of_a_gp_without_digital_services_shows_the_guides_text(vefsn):
    html = vefsn.get("/avtaler/182413/fastlegepanel?dato=2026-07-15").text
    assert "Din fastlege tilbyr ikke timebestilling og dialog på Helsenorge" in html
    assert "Bestill time</a>" not in html


def test_the_preview_during_a_covered_vacation_says_who_answers_and_until_when(vefsn):
    html = vefsn.get("/avtaler/182405/fastlegepanel?dato=2026-07-19").text
    assert "Fastlegen din er borte til og med 19. juli 2026." in html
    assert "kollega Thomas Kvalvik (fraværsassistent)" in html
    after = vefsn.get("/avtaler/182405/fastlegepanel?dato=2026-07-20").text
    assert "borte til og med" not in after and "fastlegen Siri Halsøy" in after


def test_the_settings_page_has_labelled_checkbox_groups_and_forms_with_the_csrf_token(vefsn):
    html = vefsn.get(settings_url(vefsn)).text
    assert "Fastlegepanelet ved Mosjøen legesenter" in html
    assert '<legend class="ds-label">Digitale tjenester på Helsenorge for avtale 182404</legend>' in html
    assert '<label class="ds-label" for="services-182404-e_consultation">E-konsultasjon</label>' in html
    assert '<legend class="ds-label">Tjenester kollegaen besvarer</legend>' in html
    assert '<label class="ds-label" for="assistant-182404-colleague_doctor_id">' in html
    assert '<label class="ds-label" for="notice-new-text">Melding (høyst 1000 tegn)</label>' in html
    forms = html.count('<form method="post"')
    assert forms == html.count('name="csrf_token"') and forms > 10


def test_switching_a_service_off_redirects_back_and_shows_the_hn_keep_on_warning(vefsn):
    url = settings_url(vefsn)
    page = vefsn.get(url).text
    form = {"csrf_token": csrf_of(page), "offers_digital_services": "on", "booking": "on", "e_contact": "on"}
    response = vefsn.post(f"{url}/avtaler/182404/tjenester", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"{url}#avtale-182404"
    html = vefsn.get(url).text
    assert "De digitale tjenestene for avtale 182404 er lagret." in html
    assert "Avtale 182404 (Eirik Sandnesmo): e-konsultasjon og reseptfornyelse er slått av." in html


def test_switching_every_service_off_is_shown_as_the_panel_hidden(vefsn):
    url = settings_url(vefsn)
    form = {"csrf_token": csrf_of(vefsn.get(url).text), "offers_digital_services": "on"}
    vefsn.post(f"{url}/avtaler/182404/tjenester", data=form)
    html = vefsn.get(url).text
    assert "Panelet vises ikke (HN-MIN-ONE)" in html
    assert "Fastlegepanelet vises ikke" in vefsn.get("/avtaler/182404/fastlegepanel").text


def test_a_wrong_absence_assistant_rerenders_the_page_with_the_norwegian_errors_and_the_values(vefsn):
    url = settings_url(vefsn)
    form = {"csrf_token": csrf_of(vefsn.get(url).text), "start": "2026-07-26", "end": "2026-07-06"}
    response = vefsn.post(f"{url}/avtaler/182404/fravaersassistent", data=form)
    assert response.status_code == 422
    assert 'class="ds-error-summary" role="alert"' in response.text
    assert 'href="#assistant-182404-colleague_doctor_id">Kollega: mangler (påkrevd felt)' in response.text
    assert "Tjenester: velg minst én tjeneste" in response.text
    assert 'name="colleague_doctor_id" required aria-invalid="true">' in response.text
    assert 'id="assistant-182404-start" name="start" required value="2026-07-26">' in response.text


def test_an_absence_assistant_is_added_and_removed_through_the_page_only_once_the_removal_is_confirmed(vefsn):
    url = settings_url(vefsn)
    colleague = next(d["id"] for d in vefsn.get("/api/v1/doctors").json() if d["hpr_number"] == "9182407")
    form = {
        "csrf_token": csrf_of(vefsn.get(url).text),
        "colleague_doctor_id": str(colleague),
        "services": ["booking", "e_contact"],
        "start": "2026-07-06",
        "end": "2026-07-26",
    }
    added = vefsn.post(f"{url}/avtaler/182404/fravaersassistent", data=form)
    assert (
        "Anders Øyfjell er fraværsassistent for timebestilling og e-kontakt på avtale 182404." in added.text
    )
    entry = vefsn.get("/api/v1/agreements/182404/absence-assistant").json()[0]
    remove = f"{url}/fravaersassistent/{entry['id']}/slett"
    assert (
        f'action="{remove}"' in added.text and 'name="confirmed" value="ja"' in added.text
    )  # asked in the row

    asked = vefsn.post(remove, data={"csrf_token": csrf_of(added.text)})
    assert asked.status_code == 200  # a request without the answer is asked, not obeyed
    assert '<h1 class="ds-heading" data-size="lg">Fjerne fraværsassistenten?</h1>' in asked.text
    assert "Vil du fjerne Anders Øyfjell som fraværsassistent 6. juli 2026 – 26. juli 2026?" in asked.text
    assert "besvarer da ikke lenger timebestilling og e-kontakt for avtale 182404" in asked.text
    assert "Ja, fjern Anders Øyfjell" in asked.text and f'href="{url}#avtale-182404">Avbryt</a>' in asked.text
    assert len(vefsn.get("/api/v1/agreements/182404/absence-assistant").json()) == 1  # still there

    removed = vefsn.post(remove, data={"csrf_token": csrf_of(asked.text), "confirmed": "ja"})
    assert "Fraværsassistenten Anders Øyfjell på avtale 182404 er fjernet." in removed.text
    assert vefsn.get("/api/v1/agreements/182404/absence-assistant").json() == []


def test_an_office_notice_is_added_changed_and_deleted_through_the_page_only_once_confirmed(vefsn):
    url = settings_url(vefsn)
    token = csrf_of(vefsn.get(url).text)
    too_long = vefsn.post(f"{url}/meldinger", data={"csrf_token": token, "text": "x" * 1001})
    assert too_long.status_code == 422 and "Melding: kan ha høyst 1000 tegn" in too_long.text
    added = vefsn.post(f"{url}/meldinger", data={"csrf_token": token, "text": "Stengt 24. desember."})
    assert "Meldingen fra legekontoret er lagt inn." in added.text and "Stengt 24. desember." in added.text
    notice = next(
        n
        for n in vefsn.get(f"/api/v1/offices/{mosjoen_id(vefsn)}/notices").json()
        if n["text"] == "Stengt 24. desember."
    )
    changed = vefsn.post(
        f"{url}/meldinger/{notice['id']}",
        data={"csrf_token": token, "text": "Stengt julaften.", "start": notice["start"]},
    )
    assert "Meldingen fra legekontoret er endret." in changed.text and "Stengt julaften." in changed.text
    delete = f"{url}/meldinger/{notice['id']}/slett"
    assert (
        f'action="{delete}"' in changed.text and "Ja, slett meldingen" in changed.text
    )  # asked by the notice

    asked = vefsn.post(delete, data={"csrf_token": token})
    assert asked.status_code == 200  # a request without the answer is asked, not obeyed
    assert "Slette meldingen?" in asked.text and "Meldingen «Stengt julaften.»" in asked.text
    assert "forsvinner fra fastlegepanelet til alle innbyggerne på kontorets lister" in asked.text
    assert "Sletting kan ikke angres" in asked.text and f'href="{url}#informasjon">Avbryt</a>' in asked.text
    assert "Stengt julaften." in vefsn.get(url).text  # still there

    deleted = vefsn.post(delete, data={"csrf_token": token, "confirmed": "ja"})
    assert "Meldingen fra legekontoret er slettet." in deleted.text and "Stengt julaften." not in deleted.text


def test_a_form_without_the_csrf_token_is_refused(vefsn):
    url = settings_url(vefsn)
    response = vefsn.post(f"{url}/meldinger", data={"text": "Hei"})
    assert response.status_code == 403 and "CSRF" in response.text


def test_an_office_administrator_of_another_office_sees_the_settings_but_cannot_change_them(
    browser_client,  # noqa: F811
    open_session,
):
    auth_service.add_user(
        open_session(),
        email="kontor@sjogata.example",
        role="office_admin",
        municipality_number="1824",
        office="991002014",
        password="sjogata-demo",
    )
    log_in(browser_client, "kontor@sjogata.example", "sjogata-demo")
    url = settings_url(browser_client)
    html = browser_client.get(url).text
    assert "Legg inn meldingen" not in html and "Lagre tjenestene" not in html
    refused = browser_client.post(f"{url}/meldinger", data={"csrf_token": csrf_of(html), "text": "Hei"})
    assert refused.status_code == 403
    assert "Du kan bare endre fastlegepanelet for ditt eget legekontor." in refused.text


def test_a_kragero_user_gets_not_found_for_vefsns_panel_pages(browser_client):  # noqa: F811
    log_in(browser_client, "kommuneoverlege@kragero.example", "kragero-demo")
    assert browser_client.get("/avtaler/182404/fastlegepanel").status_code == 404
