"""Issue 13 on a threat case's forms: a refused request, measure, decision, deadline, choice, contact or other
care names the field by its label and the rule's id, links the error summary to the field, marks it invalid
and keeps what was typed (never the fødselsnummer); closing the case asks first and changes nothing until
confirmed."""

import re

from tests.citizens.threats.support import patient
from tests.web.conftest import csrf_of, log_in
from tests.web.test_error_summary import summary_links


def _post(client, path: str, form: dict, via: str):
    return client.post(path, data={"csrf_token": csrf_of(client.get(via).text), **form})


def _invalid(html: str, element_id: str) -> bool:
    tag = re.search(rf'<[a-z]+ [^>]*id="{element_id}"[^>]*>', html)
    return tag is not None and 'aria-invalid="true"' in tag.group(0) and "aria-describedby=" in tag.group(0)


def _case(client, national_id: str) -> str:
    """The GP's new case, with the decision demanded; its path."""
    created = _post(client, "/truende-pasienter/ny", {"national_id": national_id}, "/truende-pasienter/ny")
    path = re.search(r"/truende-pasienter/\d+", str(created.url)).group(0)
    _post(client, path + "/krav", {}, path)
    return path


def test_a_refused_request_for_help_links_to_the_fodselsnummer_and_shows_it_nowhere(
    browser_client, open_session
):
    patient(open_session())
    client = browser_client
    log_in(client, "lege@vefsn.example", "lege-demo")
    typed = {"national_id": "01010112345", "description": "Truet i skranken"}
    refused = _post(client, "/truende-pasienter/ny", typed, "/truende-pasienter/ny")
    assert refused.status_code == 422
    [(target, text)] = summary_links(refused.text)
    assert target == "national_id" and text.startswith("Fødselsnummer: pasienten står ikke på din liste")
    assert "(THREAT-ASSIST, " in text and _invalid(refused.text, "national_id")
    assert "01010112345" not in refused.text and "Truet i skranken</textarea>" in refused.text

    malformed = _post(client, "/truende-pasienter/ny", {"national_id": "123"}, "/truende-pasienter/ny")
    assert [target for target, _ in summary_links(malformed.text)] == ["national_id"]


def test_each_refused_step_of_a_case_links_to_its_field_and_keeps_what_was_typed(
    browser_client, open_session
):
    _, national_id = patient(open_session())
    _, other = patient(open_session(), name="Testpasient Annen", individual=512)
    client = browser_client
    log_in(client, "lege@vefsn.example", "lege-demo")
    stays, moves = _case(client, national_id), _case(client, other)

    measure = {"code": "guard", "status": "discussed", "note": "Vekter i helgene"}
    refused = _post(client, stays + "/tiltak", measure, stays)
    assert summary_links(refused.text) == [("measure-on", "Dato: mangler (påkrevd felt)")]
    assert _invalid(refused.text, "measure-on") and 'value="Vekter i helgene"' in refused.text

    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    decision = {"outcome": "move", "weighing": "Trygt hos en annen", "deadline": "2020-01-01"}
    refused = _post(
        client, moves + "/vedtak", decision | {"target_agreement_id": "182403", "confirmed": "ja"}, moves
    )
    [(target, text)] = summary_links(refused.text)
    assert target == "deadline" and text.startswith(
        "Frist for å velge ny fastlege: må være etter vedtaksdagen"
    )
    assert "(THREAT-DEADLINE, " in text and _invalid(refused.text, "deadline")
    assert "Trygt hos en annen</textarea>" in refused.text and 'value="2020-01-01"' in refused.text
    refused = _post(client, moves + "/vedtak", {"outcome": "move"}, moves)
    assert ("weighing", "Vurdering: mangler (påkrevd felt)") in summary_links(refused.text)
    assert _invalid(refused.text, "weighing")

    decided = decision | {"target_agreement_id": "182403", "deadline": "", "confirmed": "ja"}
    assert "Vedtaket er fattet" in _post(client, moves + "/vedtak", decided, moves).text
    refused = _post(client, moves + "/valg", {"agreement_id": "x"}, moves)
    assert [target for target, _ in summary_links(refused.text)] == ["choice"]
    assert _invalid(refused.text, "choice")
    moved = _post(client, moves + "/valg", {"agreement_id": "182403", "confirmed": "ja"}, moves)
    assert "Pasienten har fått ny fastlege." in moved.text
    contact = {"measures": "Møter med to ansatte til stede", "patient_told": "Om tiltakene"}
    refused = _post(client, moves + "/ny-fastlege", contact, moves)
    assert summary_links(refused.text) == [("contacted_on", "Kontaktet: mangler (påkrevd felt)")]
    assert (
        _invalid(refused.text, "contacted_on") and "Møter med to ansatte til stede</textarea>" in refused.text
    )

    no_move = {"outcome": "no_move", "weighing": "Ikke forsvarlig å flytte", "confirmed": "ja"}
    assert "Vedtaket er fattet" in _post(client, stays + "/vedtak", no_move, stays).text
    refused = _post(client, stays + "/tilbud", {"kind": "annet", "note": "Legevakten"}, stays)
    [(target, text)] = summary_links(refused.text)
    assert target == "alternative" and text.startswith("Tilbud: ")
    assert _invalid(refused.text, "alternative") and 'value="Legevakten"' in refused.text


def test_closing_a_case_asks_first_says_what_follows_and_closes_only_once_confirmed(
    browser_client, open_session
):
    """THREAT-ALTERNATIVE — a case that may close is asked about first (on the case page and on a page of
    its own); one that may not is refused at once, with the rule, and nothing is asked."""
    _, national_id = patient(open_session())
    client = browser_client
    log_in(client, "lege@vefsn.example", "lege-demo")
    case = _case(client, national_id)
    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    refused = _post(client, case + "/avslutt", {}, case)
    assert refused.status_code == 422 and "THREAT-DECISION" in refused.text
    assert "Saken ble ikke avsluttet" in refused.text and "Avslutte saken?" not in refused.text

    stay = {"outcome": "stay", "weighing": "Pasienten kan bli på listen med tiltak", "confirmed": "ja"}
    page = _post(client, case + "/vedtak", stay, case)
    assert "Vedtaket er fattet" in page.text and "Ja, avslutt saken" in page.text  # asked on the page first
    reference = re.search(r"Sak (T-\d+)", page.text).group(1)

    asked = _post(client, case + "/avslutt", {}, case)
    assert asked.status_code == 200 and "Avslutte saken?" in asked.text
    assert f"Vil du avslutte sak {reference}?" in asked.text and "Det kan ikke angres" in asked.text
    assert f'<a class="ds-link" href="{case}#avslutt">Avbryt</a>' in asked.text
    assert "Saken ble avsluttet" not in client.get(case).text  # nothing changed

    closed = _post(client, case + "/avslutt", {"confirmed": "ja"}, case)
    assert "Saken er avsluttet." in closed.text and "Saken ble avsluttet" in closed.text
