"""The GP's pages for LV-WISH and their own exemptions: Min side's panels, «Mine ønsker» with its forms
and Norwegian refusals, the kommuneoverlege's list of a scheme's wishes, and the links each user sees."""

import re
from datetime import date

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from legetjeneste.legevakt.rosters import service as roster_service
from tests.web.conftest import csrf_of, log_in

from .conftest import JONAS


def _scheme_id(open_session) -> int:
    return roster_service.find_scheme(
        open_session(), actor=SYSTEM, reference="legevakt", municipality_number="1824"
    )


def test_min_side_shows_the_gps_wishes_and_exemptions_panels_with_links_they_may_follow(
    browser_client, open_session
):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/min-side")
    assert page.status_code == 200
    assert "Mine ønsker til vaktlister" in page.text and "Vefsn legevakt: 0 ønsker" in page.text
    assert "Mine fritak" in page.text and "Du har ikke søkt om fritak" in page.text
    for href in set(re.findall(r'href="(/[^"#]*)', page.text)) - {"/static"}:
        if href.startswith("/static"):
            continue
        assert browser_client.get(href).status_code == 200, href


def test_a_gp_enters_a_wish_on_the_page_and_a_bad_one_is_refused_in_norwegian_lv_wish(
    browser_client, open_session
):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    scheme_id = _scheme_id(open_session)
    page = browser_client.get("/mine-onsker")
    assert page.status_code == 200 and "Vefsn legevakt" in page.text
    form = {"csrf_token": csrf_of(page.text), "day": "2027-10-14", "kind": "off", "note": "Foreldremøte"}
    saved = browser_client.post(f"/mine-onsker/{scheme_id}", data=form)
    assert saved.status_code == 200 and "Ønsket er lagret: ønsker fri torsdag 14. oktober 2027" in saved.text
    assert "Oktober 2027: 1 av 4 ønsker brukt, 3 igjen" in saved.text
    refused = browser_client.post(f"/mine-onsker/{scheme_id}", data=form | {"kind": "on"})
    assert refused.status_code == 422
    assert (
        "Dato: du har allerede et ønske for torsdag 14. oktober 2027; endre det i stedet (LV-WISH)"
        in refused.text
    )
    assert "2027-10-14" not in re.sub(r'value="[^"]*"|min="[^"]*"', "", refused.text)


def test_deleting_a_wish_asks_first_and_deletes_it_only_once_confirmed(browser_client, open_session):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    scheme_id = _scheme_id(open_session)
    token = csrf_of(browser_client.get("/mine-onsker").text)
    form = {"csrf_token": token, "day": "2027-10-14", "kind": "off"}
    saved = browser_client.post(f"/mine-onsker/{scheme_id}", data=form).text
    delete = re.search(r'action="(/mine-onsker/slett/\d+)"', saved).group(1)
    assert "Ja, slett ønsket" in saved  # asked in the wish's row first

    asked = browser_client.post(delete, data={"csrf_token": token})
    assert asked.status_code == 200  # a request without the answer is asked, not obeyed
    assert "Vil du slette ønsket ditt om fri torsdag 14. oktober 2027?" in asked.text
    assert "Løseren tar ikke lenger hensyn til ønsket" in asked.text
    assert f'href="/mine-onsker#ordning-{scheme_id}">Avbryt</a>' in asked.text
    assert "1 av 4 ønsker brukt" in browser_client.get("/mine-onsker").text  # still there

    done = browser_client.post(delete, data={"csrf_token": token, "confirmed": "ja"})
    assert "Ønsket er slettet: ønsker fri torsdag 14. oktober 2027" in done.text
    assert "0 av 4 ønsker brukt" in done.text or "Du har ingen ønsker" in done.text


def test_the_kommuneoverlege_sees_a_schemes_wishes_and_a_gp_gets_no_link_to_them(
    browser_client, open_session
):
    scheme_id = _scheme_id(open_session)
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/mine-onsker")
    browser_client.post(
        f"/mine-onsker/{scheme_id}",
        data={"csrf_token": csrf_of(page.text), "day": "2027-11-02", "kind": "on"},
    )
    assert (
        f"/ordninger/{scheme_id}/onsker" not in browser_client.get(f"/ordninger/{scheme_id}/vaktlister").text
    )
    assert browser_client.get(f"/ordninger/{scheme_id}/onsker").status_code == 403
    browser_client.post("/logg-ut", data={"csrf_token": csrf_of(page.text)})
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    assert f"/ordninger/{scheme_id}/onsker" in browser_client.get(f"/ordninger/{scheme_id}/vaktlister").text
    listed = browser_client.get(f"/ordninger/{scheme_id}/onsker")
    assert "Jonas Brekkan" in listed.text and "Tirsdag 2. november 2027" in listed.text
    assert browser_client.get("/mine-onsker").status_code == 403


def test_min_side_lists_the_gps_own_exemption_with_its_status_and_decision_date(browser_client, open_session):
    scheme_id = _scheme_id(open_session)
    applied = exemption_service.apply_for_exemption(
        open_session(),
        actor=SYSTEM,
        scheme_id=scheme_id,
        data=ExemptionApply(doctor=JONAS, ground="health", start=date(2027, 1, 1), end=date(2027, 3, 31)),
    )
    exemption_service.decide_exemption(
        open_session(),
        actor=SYSTEM,
        exemption_id=applied.id,
        data=ExemptionDecide(
            decision="granted",
            reasons="Dokumentert helsegrunn.",
            weighing="Beredskapen holder med de andre legene.",
            decided_on=date(2026, 12, 3),
        ),
    )
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/min-side")
    assert "Helsemessige grunner" in page.text and "Innvilget" in page.text
    assert "Vedtak 3. desember 2026" in page.text and f'href="/fritak/{applied.id}"' in page.text
    log_in(browser_client, "lege2@vefsn.example", "lege2-demo")
    assert "Helsemessige grunner" not in browser_client.get("/min-side").text
