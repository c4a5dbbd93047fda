"""Min side for a GP (minside.read): the own agreements, «Mitt fravær» with the year's counters (ABS-DEDUCT),
«Mine utbetalinger» (PAY-MONTHLY) and the calendar's subscription links — and no link that refuses the GP."""

import re
from datetime import date
from html import unescape

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.payments.runs import service as run_service
from legetjeneste.registry import service as registry_service
from legetjeneste.web.deps import SESSION_KEY  # noqa: F401  (the session cookie the client keeps)
from tests.support import VEFSN_APPROVER, VEFSN_KOMMUNEOVERLEGE
from tests.web.conftest import csrf_of, log_in

JONAS, SIRI = "9182402", "9182405"
MARCH = date(2026, 3, 1)
HREF = re.compile(r'href="([^"]+)"')


def doctor_id(open_session, hpr: str) -> int:
    doctors = registry_service.list_doctors(open_session(), actor=SYSTEM)
    return next(d.id for d in doctors if d.hpr_number == hpr)


@pytest.fixture
def gp_client(browser_client):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    return browser_client


@pytest.fixture
def approved_march(open_session):
    session = open_session()
    run = run_service.compute_run(
        session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", month=MARCH
    )
    run_service.approve_run(
        session, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH, version=run.version
    )


def counter(html: str, label: str) -> int:
    row = re.search(rf"<th scope=\"row\">{re.escape(label)}</th>\s*<td class=\"num\">(\d+)</td>", html)
    assert row, f"no counter «{label}» on the page"
    return int(row.group(1))


def test_a_gp_lands_on_min_side_with_the_own_agreement_absences_payments_and_calendar(gp_client):
    page = gp_client.get("/")
    assert page.status_code == 200 and str(page.url).endswith("/min-side")
    for heading in ("Mine fastlegeavtaler", "Mitt fravær 20", "Fraværstellere 20", "Mine utbetalinger"):
        assert heading in page.text
    assert "Kalenderen min" in page.text and "Lag abonnementslenker" in page.text
    assert page.text.index("Mine utbetalinger") < page.text.index("Kalenderen min")


def test_every_link_on_min_side_answers_the_gp_without_refusing(gp_client, approved_march):
    page = gp_client.get("/min-side")
    links = {unescape(h) for h in HREF.findall(page.text) if h.startswith("/") and not h.startswith("//")}
    assert any(link.endswith(".pdf") for link in links) and "/fravaer/ny" in links
    refused = {link: gp_client.get(link).status_code for link in sorted(links)}
    assert {link: code for link, code in refused.items() if code in (403, 404) or code >= 500} == {}


def test_abs_deduct_a_gp_registers_a_sick_day_on_a_form_without_a_doctor_to_choose_and_the_counters_move(
    gp_client,
):
    before = gp_client.get("/min-side").text
    form = gp_client.get("/fravaer/ny")
    assert form.status_code == 200 and 'id="doctor_id"' not in form.text
    assert "Fraværet gjelder deg: Jonas Brekkan" in form.text
    own = re.search(r'name="doctor_id" value="(\d+)"', form.text).group(1)
    today = date.today()
    saved = gp_client.post(
        "/fravaer/ny",
        data={
            "csrf_token": csrf_of(form.text),
            "doctor_id": own,
            "ground": "own_sickness",
            "start": today.isoformat(),
            "end": today.isoformat(),
            "cover": "collegial",
        },
    )
    assert saved.status_code == 200 and str(saved.url).endswith("/min-side#mitt-fravaer")
    assert "Fraværet er registrert." in saved.text
    label = "Lengste sammenhengende sykeperiode"
    assert counter(saved.text, label) == counter(before, label) + 1
    assert "Egen sykdom" in saved.text


def test_a_gp_may_not_register_an_absence_for_another_doctor_through_the_form(gp_client, open_session):
    form = gp_client.get("/fravaer/ny")
    other = doctor_id(open_session, SIRI)
    answer = gp_client.post(
        "/fravaer/ny",
        data={
            "csrf_token": csrf_of(form.text),
            "doctor_id": str(other),
            "ground": "ordinary",
            "start": "2026-08-03",
            "end": "2026-08-07",
            "cover": "collegial",
        },
    )
    assert answer.status_code == 403 and "ditt eget fravær" in answer.text


def test_a_gp_sees_the_own_counters_page_and_not_another_doctors(gp_client, open_session):
    own, other = doctor_id(open_session, JONAS), doctor_id(open_session, SIRI)
    assert gp_client.get(f"/leger/{own}/fravaer").status_code == 200
    assert gp_client.get(f"/leger/{other}/fravaer").status_code == 403


def test_another_doctors_absence_is_shown_to_the_gp_without_a_form_and_without_its_counters(
    gp_client, open_session
):
    listed = gp_client.get("/kommuner/1824/fravaer").text
    ids = re.findall(r'href="/fravaer/(\d+)"', listed)
    assert ids, "the demo has absences of other doctors"
    shown = gp_client.get(f"/fravaer/{ids[0]}")
    assert shown.status_code == 200 and "Bare legen selv, legekontoret og kommunen kan endre" in shown.text
    assert "Lagre endringer" not in shown.text and 'action="/fravaer/' not in shown.text
    assert "Fraværstellere" not in shown.text


def test_pay_monthly_the_gp_opens_the_approved_march_specification_as_html_and_pdf(gp_client, approved_march):
    page = gp_client.get("/min-side").text
    html_link = re.search(r'href="(/kommuner/1824/utbetalinger/2026-03/spesifikasjon/\d+)"', page).group(1)
    pdf_link = re.search(r'href="(/api/v1/municipalities/1824/payment-runs/2026-03/[^"]+\.pdf)"', page).group(
        1
    )
    spec = gp_client.get(html_link)
    assert spec.status_code == 200 and "Utbetalingsspesifikasjon – basistilskudd mars 2026" in spec.text
    assert "Tilbake til Min side" in spec.text and "Tilbake til kjøringen" not in spec.text
    pdf = gp_client.get(pdf_link)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_pay_monthly_another_doctors_specification_is_refused_to_the_gp(
    gp_client, approved_march, open_session
):
    other = doctor_id(open_session, SIRI)
    assert gp_client.get(f"/kommuner/1824/utbetalinger/2026-03/spesifikasjon/{other}").status_code == 403
    pdf = f"/api/v1/municipalities/1824/payment-runs/2026-03/specifications/{other}.pdf"
    assert gp_client.get(pdf).status_code == 403


def test_the_calendar_panel_makes_a_key_and_offers_a_webcal_subscription_and_a_copy_button(gp_client):
    page = gp_client.get("/min-side").text
    made = gp_client.post("/min-kalender", data={"csrf_token": csrf_of(page)})
    assert made.status_code == 200
    subscribe = re.findall(r'href="(webcal://[^"]+)"', made.text)
    copy = re.findall(r'data-copy="(http://[^"]+)"', made.text)
    assert subscribe and len(subscribe) == len(copy)
    assert unescape(subscribe[0]).removeprefix("webcal://") == unescape(copy[0]).removeprefix("http://")
    assert "onclick" not in made.text
    again = gp_client.get("/min-side").text
    assert "Du har en kalendernøkkel fra" in again and "Lag nye abonnementslenker" in again
