"""The scheme's edit page: its small forms each save the whole scheme through save_scheme, so a refusal names
the field and the rule and writes nothing."""

import re

import pytest

from legetjeneste.legevakt.schemes.models import Participant, ShiftTemplate
from tests.legevakt.rosters.test_pages import kol_with_vacancies  # noqa: F401  (fixture)
from tests.legevakt.schemes.conftest import count, post, scheme_id
from tests.web.conftest import csrf_of, log_in


def test_a_template_and_a_participant_are_added_and_a_participation_ends_with_its_history_kept(
    vefsn_client, open_session
):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    overview = vefsn_client.get("/kommuner/1824/legevakt").text
    assert f'href="/ordninger/{legevakt}/endre">Endre Vefsn legevakt</a>' in overview
    url = f"/ordninger/{legevakt}/endre"
    page = vefsn_client.get(url).text
    added = post(
        vefsn_client,
        f"{url}/vakt",
        page,
        code="kveld",
        name="Kveldsvakt",
        start="16:00",
        end="23:00",
        day_kind="weekday",
        is_alternative="on",
    )
    assert added.status_code == 200 and "Vakten er lagt til." in added.text
    assert "Kveldsvakt (kveld)" in added.text and "16:00–23:00" in added.text
    participants = count(open_session, Participant, legevakt)
    joined = post(
        vefsn_client,
        f"{url}/deltaker",
        added.text,
        doctor="1824:9182401",
        participation_percentage="50",
        start="2028-01-01",
    )
    assert joined.status_code == 200 and "Deltakeren er lagt til." in joined.text
    assert count(open_session, Participant, legevakt) == participants + 1
    ended = post(
        vefsn_client,
        f"{url}/avslutt-deltaker",
        joined.text,
        doctor="9182402",
        start="2026-01-01",
        end="2027-03-31",
    )
    assert ended.status_code == 200 and "Deltakelsen er avsluttet." in ended.text
    assert count(open_session, Participant, legevakt) == participants + 1
    scheme_page = vefsn_client.get(f"/ordninger/{legevakt}").text
    assert "01.01.2026–31.03.2027" in scheme_page and "50 %" in scheme_page
    # The scheme keeps its id, so rosters and exemptions still point at it.
    assert scheme_id(open_session, "1824", "legevakt") == legevakt
    assert "Siri Halsøy" in scheme_page


def test_a_duplicate_template_code_is_refused_on_the_form_with_what_was_typed_and_nothing_written(
    vefsn_client, open_session
):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    url = f"/ordninger/{legevakt}/endre"
    before = count(open_session, ShiftTemplate, legevakt)
    answer = post(
        vefsn_client,
        f"{url}/vakt",
        vefsn_client.get(url).text,
        code="hverdag",
        name="Enda en hverdagsvakt",
        start="15:30",
        end="08:00",
        day_kind="weekday",
    )
    assert answer.status_code == 422 and "Vakten ble ikke lagret" in answer.text
    assert "Kode: koden «hverdag» er brukt før" in answer.text
    assert 'value="Enda en hverdagsvakt"' in answer.text
    assert count(open_session, ShiftTemplate, legevakt) == before


def test_a_nodnett_participant_without_an_office_is_refused_with_nn_office_days(kragero_client, open_session):
    nodnett = scheme_id(open_session, "4014", "nodnett")
    url = f"/ordninger/{nodnett}/endre"
    before = count(open_session, Participant, nodnett)
    page = kragero_client.get(url).text
    doctor = re.search(r'<option value="(4014:\d{7})"', page).group(1)
    answer = post(kragero_client, f"{url}/deltaker", page, doctor=doctor, start="2027-05-01")
    assert answer.status_code == 422
    assert "Legekontor: en deltaker i nødnett må høre til et legekontor (NN-OFFICE-DAYS)" in answer.text
    assert 'value="2027-05-01"' in answer.text
    assert count(open_session, Participant, nodnett) == before


def test_a_weekday_already_given_to_another_office_is_refused_with_nn_office_days(
    kragero_client, open_session
):
    nodnett = scheme_id(open_session, "4014", "nodnett")
    url = f"/ordninger/{nodnett}/endre"
    page = kragero_client.get(url).text
    taken = kragero_client.post(
        f"{url}/kontordager",
        data={"csrf_token": csrf_of(page), "office": "991401415", "weekdays": ["monday", "wednesday"]},
    )
    assert taken.status_code == 422
    assert "Ukedager: wednesday er allerede gitt til 991402411 (NN-OFFICE-DAYS)" in taken.text
    shown = kragero_client.get(f"/ordninger/{nodnett}").text
    assert re.search(r"KLS legesenter:\s+mandag, tirsdag</li>", shown)
    assert re.search(r"GKL legekontor:\s+onsdag, torsdag, fredag</li>", shown)


def test_the_scheme_is_renamed_and_a_template_removed_and_a_bad_end_date_keeps_what_was_typed(
    vefsn_client, open_session
):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    url = f"/ordninger/{legevakt}/endre"
    page = vefsn_client.get(url).text
    assert 'value="Vefsn legevakt"' in page
    renamed = post(
        vefsn_client, f"{url}/ordning", page, name="Vefsn interkommunale legevakt", start="2026-01-01"
    )
    assert renamed.status_code == 200 and "Ordningen er oppdatert." in renamed.text
    assert "<h1" in renamed.text and "Endre Vefsn interkommunale legevakt" in renamed.text
    backwards = post(
        vefsn_client, f"{url}/ordning", page, name="Baklengs", start="2027-01-01", end="2026-01-01"
    )
    assert backwards.status_code == 422 and "sluttdatoen er før startdatoen" in backwards.text
    assert 'value="Baklengs"' in backwards.text
    before = count(open_session, ShiftTemplate, legevakt)
    asked = post(vefsn_client, f"{url}/fjern-vakt", page, code="helg-natt")
    assert asked.status_code == 200 and "Fjerne vakten?" in asked.text  # asked, not obeyed
    assert "Vil du fjerne vakten Helg nattevakt fra ordningen?" in asked.text
    assert f'<a class="ds-link" href="{url}#vakter">Avbryt</a>' in asked.text
    assert count(open_session, ShiftTemplate, legevakt) == before
    removed = post(vefsn_client, f"{url}/fjern-vakt", page, code="helg-natt", confirmed="ja")
    assert removed.status_code == 200 and "Vakten er fjernet." in removed.text
    assert "Helg nattevakt" not in removed.text
    assert count(open_session, ShiftTemplate, legevakt) == before - 1


def test_an_office_gets_a_free_weekday_of_a_nodnett_scheme(kragero_client, open_session):
    nodnett = scheme_id(open_session, "4014", "nodnett")
    url = f"/ordninger/{nodnett}/endre"
    page = kragero_client.get(url).text
    answer = kragero_client.post(
        f"{url}/kontordager",
        data={"csrf_token": csrf_of(page), "office": "991402411", "weekdays": ["wednesday", "thursday"]},
    )
    assert answer.status_code == 200 and "Kontorets dager er lagret (NN-OFFICE-DAYS)." in answer.text
    freed = kragero_client.post(
        f"{url}/kontordager",
        data={
            "csrf_token": csrf_of(page),
            "office": "991401415",
            "weekdays": ["monday", "tuesday", "friday"],
        },
    )
    assert freed.status_code == 200
    assert re.search(
        r"KLS legesenter:\s+mandag, tirsdag, fredag</li>", kragero_client.get(f"/ordninger/{nodnett}").text
    )


def test_an_intermunicipal_partner_is_added_and_its_doctor_joins_the_scheme(vefsn_client, open_session):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    url = f"/ordninger/{legevakt}/endre"
    page = vefsn_client.get(url).text
    unknown = post(
        vefsn_client, f"{url}/ordning", page, name="Vefsn legevakt", start="2026-01-01", partners="9999"
    )
    assert (
        unknown.status_code == 422
        and "Samarbeidskommuner: kommune 9999 finnes ikke i registeret" in unknown.text
    )
    joined = post(
        vefsn_client, f"{url}/ordning", page, name="Vefsn legevakt", start="2026-01-01", partners="4014"
    )
    assert joined.status_code == 200 and 'value="4014"' in joined.text
    assert '<option value="4014:9401401"' in joined.text
    added = post(vefsn_client, f"{url}/deltaker", joined.text, doctor="4014:9401401", start="2027-01-01")
    assert added.status_code == 200 and "– kommune 4014" in added.text
    dropped = post(vefsn_client, f"{url}/ordning", added.text, name="Vefsn legevakt", start="2026-01-01")
    assert dropped.status_code == 422
    assert "Kommune: 4014 er ikke med i ordningen (partners)" in dropped.text


def test_targets_with_a_summer_period_and_bakvakt_days_are_added_and_removed_once_confirmed(
    vefsn_client, open_session
):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    url = f"/ordninger/{legevakt}/endre"
    page = vefsn_client.get(url).text
    summer = post(
        vefsn_client,
        f"{url}/mal",
        page,
        name="Sommer",
        day_kind="weekend",
        every_nth="4",
        start="2027-06-15",
        end="2027-08-15",
    )
    assert summer.status_code == 200 and "Sommer: hver 4. helg (15. juni 2027–15. august 2027)" in summer.text
    half = post(
        vefsn_client, f"{url}/mal", summer.text, day_kind="weekday", every_nth="7", start="2027-06-15"
    )
    assert half.status_code == 422 and "et mål for en periode trenger både start og slutt" in half.text
    bakvakt = post(vefsn_client, f"{url}/bakvakt", page, day="2027-12-24", doctor="9182401")
    assert bakvakt.status_code == 200 and "24. desember 2027 (9182401)" in bakvakt.text
    asked = post(vefsn_client, f"{url}/fjern-bakvakt", bakvakt.text, day="2027-12-24")
    assert "Vil du fjerne bakvakten 24. desember 2027?" in asked.text and "Ja, fjern bakvakten" in asked.text
    assert "24. desember 2027 (9182401)" in vefsn_client.get(url).text  # not removed yet
    removed = post(vefsn_client, f"{url}/fjern-bakvakt", bakvakt.text, day="2027-12-24", confirmed="ja")
    assert removed.status_code == 200 and "24. desember 2027 (9182401)" not in removed.text
    target = re.search(r'name="index" value="(\d+)"', removed.text).group(1)
    asked = post(vefsn_client, f"{url}/fjern-mal", removed.text, index=target)
    assert "Fjerne målet?" in asked.text and "Løseren prøver ikke lenger å holde dette målet" in asked.text
    assert "Sommer: hver 4. helg" in vefsn_client.get(url).text  # not removed yet
    gone = post(vefsn_client, f"{url}/fjern-mal", removed.text, index=target, confirmed="ja")
    assert "Målet er fjernet." in gone.text


@pytest.mark.parametrize(
    ("email", "password"), [("su@vefsn.example", "su-demo"), ("lege@vefsn.example", "lege-demo")]
)
def test_a_user_without_legevakt_write_gets_no_forms_and_403(browser_client, open_session, email, password):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    log_in(browser_client, email, password)
    overview = browser_client.get("/kommuner/1824/legevakt")
    assert overview.status_code == 200
    assert "ny-ordning" not in overview.text and "/endre" not in overview.text
    assert "Endre ordningen" not in browser_client.get(f"/ordninger/{legevakt}").text
    assert browser_client.get(f"/ordninger/{legevakt}/endre").status_code == 403
    assert browser_client.get("/kommuner/1824/legevakt/ny-ordning").status_code == 403
    before = count(open_session, ShiftTemplate, legevakt)
    answer = post(browser_client, f"/ordninger/{legevakt}/endre/fjern-vakt", overview.text, code="hverdag")
    assert answer.status_code == 403
    assert count(open_session, ShiftTemplate, legevakt) == before


def test_another_municipalitys_scheme_is_not_found(vefsn_client, open_session):
    kragero = scheme_id(open_session, "4014", "nodnett")
    assert vefsn_client.get(f"/ordninger/{kragero}/endre").status_code == 404
    page = vefsn_client.get("/kommuner/1824/legevakt/ny-ordning").text
    answer = post(vefsn_client, f"/ordninger/{kragero}/endre/fjern-vakt", page, code="nodnett")
    assert answer.status_code == 404
    assert vefsn_client.get("/kommuner/4014/legevakt/ny-ordning").status_code == 404


def test_a_template_with_shifts_in_a_published_roster_is_not_removed_and_the_page_says_why(
    kol_with_vacancies,  # noqa: F811  (the fixture imported above)
    open_session,
):
    client, scheme = kol_with_vacancies
    url = f"/ordninger/{scheme}/endre"
    page = client.get(url).text
    before = count(open_session, ShiftTemplate, scheme)
    answer = post(client, f"{url}/fjern-vakt", page, code="helg", confirmed="ja")
    assert answer.status_code == 422
    assert "Vakter: vakten «helg» står i en publisert vaktliste til 14.03.2027" in answer.text
    assert "(LV-ALWAYS)" in answer.text
    assert count(open_session, ShiftTemplate, scheme) == before
    added = post(
        client, f"{url}/vakt", page, code="kveld", name="Kveld", start="16:00", end="22:00", day_kind="all"
    )
    assert added.status_code == 200 and "Vakten er lagt til." in added.text


def test_an_unknown_form_of_the_edit_page_is_not_found_and_writes_nothing(vefsn_client, open_session):
    legevakt = scheme_id(open_session, "1824", "legevakt")
    page = vefsn_client.get(f"/ordninger/{legevakt}/endre").text
    before = count(open_session, ShiftTemplate, legevakt)
    answer = post(vefsn_client, f"/ordninger/{legevakt}/endre/slett-alt", page)
    assert answer.status_code == 404
    assert count(open_session, ShiftTemplate, legevakt) == before


def test_ending_a_participation_tells_which_published_shifts_after_the_end_must_be_planned_again(
    kol_with_vacancies,  # noqa: F811  (the fixture imported above)
    open_session,
):
    client, scheme = kol_with_vacancies
    url = f"/ordninger/{scheme}/endre"
    page = client.get(url).text
    ended = post(
        client, f"{url}/avslutt-deltaker", page, doctor="9182403", start="2027-01-01", end="2027-03-07"
    )
    assert ended.status_code == 200 and "Deltakelsen er avsluttet." in ended.text
    found = re.search(
        r"Legen har (\d+) vakter i publiserte vaktlister etter sluttdatoen \(([^)]*)\)", ended.text
    )
    assert found and int(found.group(1)) >= 1
    assert all(
        day > "07.03.2027" and day.endswith(".03.2027") for day in found.group(2).rstrip(" …").split(", ")
    )
    assert "01.01.2027–07.03.2027" in client.get(f"/ordninger/{scheme}").text
