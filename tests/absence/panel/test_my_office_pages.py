"""Mitt kontor as the office administrator of Mosjøen legesenter sees it: the doctors and agreements, the
absences and the summer's vacation, and each list's panel settings beside the citizen's panel. Saving a
setting answers htmx with the updated part (the place on the page is kept) and goes back to the part's
anchor without JavaScript; a contradiction is refused with its rule id; no link answers 403."""

import re
from datetime import date

import pytest

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office import service as office_service
from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.registry.start import service as start_service
from tests.web.conftest import browser_client, csrf_of, log_in  # noqa: F401  (fixture)

TODAY = date(2026, 12, 4)
THOMAS = 182406
HTMX = {"HX-Request": "true"}
SERVICES = ("offers_digital_services", "booking", "e_consultation", "prescription_renewal", "e_contact")
HREF = re.compile(r'<a [^>]*href="([^"]+)"')


@pytest.fixture
def on_demo_day(monkeypatch):
    """The pages as on 4 December 2026, so the demo's summer 2027 vacation is still coming."""
    for module in (start_service, office_service, panel_service, vacation_service):
        monkeypatch.setattr(module, "today_oslo", lambda: TODAY)


@pytest.fixture
def office_admin(browser_client, on_demo_day):  # noqa: F811
    landed = log_in(browser_client, "kontor@mosjoen.example", "mosjoen-demo")
    assert landed.url.path == "/mitt-kontor"
    return browser_client


def mosjoen_id(client) -> int:
    return next(
        o["id"] for o in client.get("/api/v1/offices").json() if o["organisation_number"] == "991001018"
    )


def services_form(client, **on: bool) -> dict:
    form = {"csrf_token": csrf_of(client.get("/mitt-kontor").text), "tilbake": "mitt-kontor"}
    return form | {name: "on" for name in SERVICES if on.get(name, True)}


def test_the_office_administrator_lands_on_mitt_kontor_with_doctors_absences_panels_and_the_vacation(
    office_admin,
):
    html = office_admin.get("/mitt-kontor").text
    assert "Mitt kontor: Mosjøen legesenter" in html
    assert '<td><a class="ds-link" href="/avtaler/182407">182407</a></td>' in html
    assert (
        re.search(r"<td>(<a [^>]*>)?Anders Øyfjell(</a>)?</td>", html)
        and '<td class="num">1\u202f010</td>' in html
    )
    assert '<a class="ds-button" data-variant="secondary" href="/fravaer/ny">Registrer fravær</a>' in html
    assert "<td>5. juli 2027 – 25. juli 2027</td>" in html
    assert "Ferieoversikt 1. juni 2027 – 31. august 2027" in html and "uke 28 (12.–18. juli)" in html
    assert 'id="avtale-182406"' in html and "Fastlegen din er Thomas Kvalvik" in html
    assert '<h2 class="ds-heading" data-size="md" id="informasjon">Informasjon fra legekontoret</h2>' in html


def test_every_link_on_mitt_kontor_answers_the_office_administrator_without_403(office_admin):
    html = office_admin.get("/mitt-kontor").text
    links = sorted({href.replace("&amp;", "&") for href in HREF.findall(html) if href.startswith("/")})
    assert len(links) > 20
    answers = {href: office_admin.get(href).status_code for href in links}
    assert {href: status for href, status in answers.items() if status != 200} == {}


def test_saving_a_setting_with_htmx_answers_with_the_part_and_its_updated_preview(office_admin):
    response = office_admin.post(
        f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel/avtaler/{THOMAS}/tjenester",
        data=services_form(office_admin, e_consultation=False),
        headers=HTMX,
    )
    part = response.text
    assert response.status_code == 200 and "<html" not in part
    assert part.lstrip().startswith(f'<section class="ds-card" id="avtale-{THOMAS}"')
    assert 'role="status"><p class="ds-paragraph">De digitale tjenestene for avtale 182406 er lagret.' in part
    assert "HN-KEEP-ON</span> Avtale 182406 (Thomas Kvalvik): e-konsultasjon er slått av." in part
    assert 'id="tjeneste-182406-booking"' in part and 'id="tjeneste-182406-e_consultation"' not in part
    assert 'hx-target="#avtale-182406" hx-swap="outerHTML"' in part


def test_saving_a_setting_without_javascript_goes_back_to_the_parts_anchor_on_mitt_kontor(office_admin):
    response = office_admin.post(
        f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel/avtaler/{THOMAS}/tjenester",
        data=services_form(office_admin, e_contact=False),
        follow_redirects=False,
    )
    assert (response.status_code, response.headers["location"]) == (303, f"/mitt-kontor#avtale-{THOMAS}")
    html = office_admin.get("/mitt-kontor").text
    assert "De digitale tjenestene for avtale 182406 er lagret." in html
    assert 'id="tjeneste-182406-e_contact"' not in html


def test_hn_panel_no_digital_services_with_services_on_is_refused_in_the_part_and_nothing_is_saved(
    office_admin,
):
    form = services_form(office_admin, offers_digital_services=False, e_consultation=False)
    response = office_admin.post(
        f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel/avtaler/{THOMAS}/tjenester",
        data=form,
        headers=HTMX,
    )
    part = response.text
    assert 'class="ds-error-summary" role="alert"' in part and "Endringen ble ikke lagret" in part
    link = '<a class="ds-link" href="#services-182406-offers_digital_services">'
    assert (
        f"{link}Fastlegen tilbyr digitale tjenester på Helsenorge: er slått av, men timebestilling, "
        "reseptfornyelse og e-kontakt står fortsatt på. Slå av tjenestene også, eller la fastlegen tilby "
        "digitale tjenester (HN-PANEL)</a>"
    ) in part
    assert 'name="offers_digital_services" aria-invalid="true">' in part
    assert 'id="services-182406-e_consultation" name="e_consultation">' in part
    saved = office_admin.get(f"/api/v1/agreements/{THOMAS}/digital-services").json()
    assert saved["offers_digital_services"] and saved["e_consultation"]


def test_hn_panel_the_refusal_without_javascript_shows_mitt_kontor_again_with_the_error_in_the_part(
    office_admin,
):
    form = services_form(office_admin, offers_digital_services=False)
    response = office_admin.post(
        f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel/avtaler/{THOMAS}/tjenester", data=form
    )
    assert response.status_code == 422
    assert "Mitt kontor: Mosjøen legesenter" in response.text and "(HN-PANEL)</a>" in response.text


def test_hn_no_cover_an_absence_assistant_who_is_away_is_refused_in_the_part(office_admin):
    anders = next(d["id"] for d in office_admin.get("/api/v1/doctors").json() if d["hpr_number"] == "9182407")
    form = {
        "csrf_token": csrf_of(office_admin.get("/mitt-kontor").text),
        "tilbake": "mitt-kontor",
        "colleague_doctor_id": str(anders),
        "services": ["booking", "e_contact"],
        "start": "2027-07-12",
        "end": "2027-07-30",
    }
    response = office_admin.post(
        f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel/avtaler/{THOMAS}/fravaersassistent",
        data=form,
        headers=HTMX,
    )
    assert "Kollega: kollegaen er selv borte 5. juli til og med 25. juli 2027, så ingen" in response.text
    assert "(HN-NO-COVER)</a>" in response.text and '<details class="ds-details" open>' in response.text
    assert office_admin.get(f"/api/v1/agreements/{THOMAS}/absence-assistant").json() == []


def test_an_office_notice_saved_from_mitt_kontor_goes_back_to_its_anchor(office_admin):
    form = {
        "csrf_token": csrf_of(office_admin.get("/mitt-kontor").text),
        "tilbake": "mitt-kontor",
        "text": "Stengt julaften.",
    }
    response = office_admin.post(
        f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel/meldinger", data=form, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, "/mitt-kontor#informasjon")
    assert "Stengt julaften." in office_admin.get("/mitt-kontor").text


def test_a_back_address_other_than_mitt_kontor_is_not_followed(office_admin):
    form = services_form(office_admin) | {"tilbake": "https://example.com"}
    office = mosjoen_id(office_admin)
    response = office_admin.post(
        f"/kontorer/{office}/fastlegepanel/avtaler/{THOMAS}/tjenester", data=form, follow_redirects=False
    )
    assert response.headers["location"] == f"/kontorer/{office}/fastlegepanel#avtale-{THOMAS}"


def test_another_offices_list_is_refused_and_another_municipality_is_not_found(office_admin):
    sjogata = next(
        o["id"] for o in office_admin.get("/api/v1/offices").json() if o["name"] == "Sjøgata legekontor"
    )
    form = services_form(office_admin, booking=False)
    refused = office_admin.post(
        f"/kontorer/{sjogata}/fastlegepanel/avtaler/182410/tjenester", data=form, headers=HTMX
    )
    assert refused.status_code == 403
    assert "Du kan bare endre fastlegepanelet for ditt eget legekontor." in refused.text
    office_admin.post("/logg-ut", data={"csrf_token": form["csrf_token"]})
    log_in(office_admin, "kommuneoverlege@kragero.example", "kragero-demo")
    token = csrf_of(office_admin.get("/").text)
    missing = office_admin.post(
        f"/kontorer/1/fastlegepanel/avtaler/{THOMAS}/tjenester", data={"csrf_token": token, "booking": "on"}
    )
    assert missing.status_code == 404


def test_mitt_kontor_is_not_for_the_kommuneoverlege(browser_client):  # noqa: F811
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    assert browser_client.get("/mitt-kontor").status_code == 403


def test_removing_an_absence_assistant_with_htmx_asks_in_the_part_first_and_removes_once_confirmed(
    office_admin,
):
    anders = next(d["id"] for d in office_admin.get("/api/v1/doctors").json() if d["hpr_number"] == "9182407")
    base = f"/kontorer/{mosjoen_id(office_admin)}/fastlegepanel"
    form = {
        "csrf_token": csrf_of(office_admin.get("/mitt-kontor").text),
        "tilbake": "mitt-kontor",
        "colleague_doctor_id": str(anders),
        "services": ["booking"],
        "start": "2027-01-04",
        "end": "2027-01-15",
    }
    added = office_admin.post(f"{base}/avtaler/{THOMAS}/fravaersassistent", data=form, headers=HTMX)
    entry = office_admin.get(f"/api/v1/agreements/{THOMAS}/absence-assistant").json()[0]
    remove = f"{base}/fravaersassistent/{entry['id']}/slett"
    assert f'hx-post="{remove}" hx-target="#avtale-{THOMAS}" hx-swap="outerHTML"' in added.text

    token = {"csrf_token": form["csrf_token"], "tilbake": "mitt-kontor"}
    asked = office_admin.post(remove, data=token, headers=HTMX)
    assert asked.status_code == 200 and asked.text.lstrip().startswith(
        f'<section class="ds-card" id="avtale-{THOMAS}"'
    )
    assert '<details class="ds-details" open>' in asked.text and "Ja, fjern Anders Øyfjell" in asked.text
    assert len(office_admin.get(f"/api/v1/agreements/{THOMAS}/absence-assistant").json()) == 1  # nothing yet

    removed = office_admin.post(remove, data=token | {"confirmed": "ja"}, headers=HTMX)
    assert f"Fraværsassistenten Anders Øyfjell på avtale {THOMAS} er fjernet." in removed.text
    assert office_admin.get(f"/api/v1/agreements/{THOMAS}/absence-assistant").json() == []
