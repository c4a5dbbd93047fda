"""The pages of threat cases: the GP asks for help from Min side and demands a decision, the kommuneoverlege
confirms the decision, and the SU member finds nothing (THREAT-PRIVACY)."""

import re

from tests.citizens.threats.support import patient
from tests.web.conftest import csrf_of, log_in


def _post(client, path: str, form: dict, via: str):
    return client.post(path, data={"csrf_token": csrf_of(client.get(via).text), **form})


def test_a_gp_asks_for_help_and_the_kommuneoverlege_decides_after_a_confirmation(
    browser_client, open_session
):
    _, national_id = patient(open_session())
    client = browser_client
    log_in(client, "lege@vefsn.example", "lege-demo")
    assert "Be kommunen om hjelp med en truende pasient" in client.get("/min-side").text
    refused = _post(client, "/truende-pasienter/ny", {"national_id": "01010112345"}, "/truende-pasienter/ny")
    assert (
        refused.status_code == 422 and "THREAT-ASSIST" in refused.text and "01010112345" not in refused.text
    )
    created = _post(
        client,
        "/truende-pasienter/ny",
        {"national_id": national_id, "description": "Truet"},
        "/truende-pasienter/ny",
    )
    assert created.status_code == 200 and "Testpasient Trussel" in created.text
    case_path = re.search(r"/truende-pasienter/\d+", str(created.url)).group(0)
    demanded = _post(client, case_path + "/krav", {}, case_path)
    assert "Kravet om vedtak er sendt til kommunen." in demanded.text
    assert 'href="/truende-pasienter/' in client.get("/min-side").text

    log_in(client, "su@vefsn.example", "su-demo")
    assert client.get(case_path).status_code == 404
    assert client.get("/kommuner/1824/truende-pasienter").status_code == 403
    case_id = case_path.rsplit("/", 1)[1]
    assert client.get(f"/api/v1/threat-cases/{case_id}").status_code == 404
    [anonymous] = client.get("/api/v1/municipalities/1824/threat-cases/anonymised").json()
    assert anonymous["reference"] == f"T-{case_id}" and "patient" not in anonymous

    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    listed = client.get("/kommuner/1824/truende-pasienter")
    assert (
        listed.status_code == 200 and "Testpasient" not in listed.text and "Truende pasienter" in listed.text
    )
    form = {"outcome": "move", "weighing": "Trygt hos en annen lege", "target_agreement_id": "182403"}
    asked = _post(client, case_path + "/vedtak", form, case_path)
    assert asked.status_code == 200 and "Bekreft:" in asked.text and "Fatt vedtak" not in asked.text
    decided = _post(client, case_path + "/vedtak", form | {"confirmed": "ja"}, case_path)
    assert (
        "Vedtaket er fattet" in decided.text and "Pasienten kan velge ny fastlege til og med" in decided.text
    )
    assert "THREAT-DEADLINE" in decided.text and 'href="/vedtak/' in decided.text
    letter_path = re.search(r'href="(/vedtak/\d+)"', decided.text).group(1)
    letter = client.get(letter_path)
    assert letter.status_code == 200 and "Flytting av truende eller voldelig pasient" in letter.text
    assert "Testpasient" not in letter.text and national_id not in letter.text

    log_in(client, "su@vefsn.example", "su-demo")
    overview = client.get("/kommuner/1824/frister")
    assert "Sak om truende pasient T-" in overview.text and f'href="{case_path}"' not in overview.text

    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    api = client.get(f"/api/v1/threat-cases/{case_id}").json()
    assert (api["patient"]["national_id"], api["status"]) == (national_id, "waiting")
    to_patient = client.get(case_path + "/brev")
    assert to_patient.status_code == 200 and "Til: Testpasient Trussel" in to_patient.text
    assert "Magnus Tverrå" in to_patient.text and "Du har rett til å klage" in to_patient.text
