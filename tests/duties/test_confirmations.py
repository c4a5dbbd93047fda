"""An order is an enkeltvedtak that cannot be taken back on the page (issue 13): the order forms ask first
with what follows (web/confirm.py), write nothing until confirmed, and refuse what the rules refuse before
asking."""

import re
from datetime import date, timedelta

from tests.web.conftest import browser_client, csrf_of, vefsn_client  # noqa: F401  (fixtures)

DUTIES = "/kommuner/1824/kommunale-oppgaver"


def _task(client) -> tuple[str, str]:
    page = client.get(DUTIES).text
    task = re.search(
        r'href="(/kommuner/1824/kommunale-oppgaver/oppgaver/\d+)">Styrket legedekning', page
    ).group(1)
    return task, client.get(task).text


def _order(form: str, *, notice_days: int) -> tuple[dict, str]:
    """Ole Fustvatn ordered 2 hours a week from the suggested first day, notified `notice_days` before."""
    doctor = re.search(r'<option value="(\d+)"[^>]*>Ole Fustvatn', form).group(1)
    first_day = re.search(r'id="first-palegg" name="first_day" required value="([^"]+)"', form).group(1)
    notified = (date.fromisoformat(first_day) - timedelta(days=notice_days)).isoformat()
    data = {"csrf_token": csrf_of(form), "doctor_id": doctor, "hours_per_week": "2", "first_day": first_day}
    return data | {"notified_on": notified}, doctor


def test_an_order_asks_first_naming_the_gp_and_is_given_only_when_confirmed(vefsn_client):  # noqa: F811
    task, form = _task(vefsn_client)
    data, doctor = _order(form, notice_days=28)
    asked = vefsn_client.post(task + "/palegg", data=data)
    assert asked.status_code == 200 and "Vil du pålegge Ole Fustvatn 2 t per uke fra" in asked.text
    assert "enkeltvedtak" in asked.text and "DUTY-VOLUNTARY" in asked.text
    assert f'name="doctor_id" value="{doctor}"' in asked.text and 'name="confirmed" value="ja"' in asked.text
    assert "Ingen pålegg ennå." in vefsn_client.get(task).text  # nothing given yet
    given = vefsn_client.post(task + "/palegg", data=data | {"confirmed": "ja"})
    assert "Pålegget er gitt som vedtak til 1 lege." in given.text and "Ingen pålegg ennå." not in given.text


def test_an_order_the_rules_refuse_is_refused_before_any_question(vefsn_client):  # noqa: F811
    task, form = _task(vefsn_client)
    data, _ = _order(form, notice_days=21)
    refused = vefsn_client.post(task + "/palegg", data=data)
    assert (
        refused.status_code == 422
        and "minst 28 dager" in refused.text
        and "Vil du pålegge" not in refused.text
    )


def test_ordering_the_proposal_asks_first_and_gives_every_share_only_when_confirmed(vefsn_client):  # noqa: F811
    task, _ = _task(vefsn_client)
    form = vefsn_client.get(task, params={"forslag": "1"}).text
    first_day = re.search(r'id="first-forslag" name="first_day" required value="([^"]+)"', form).group(1)
    notified = re.search(r'id="notified-forslag" name="notified_on" required value="([^"]+)"', form).group(1)
    data = {"csrf_token": csrf_of(form), "first_day": first_day, "notified_on": notified}
    asked = vefsn_client.post(task + "/palegg-forslag", data=data)
    assert asked.status_code == 200 and "Vil du pålegge legene timene i forslaget" in asked.text
    assert "Ingen pålegg ennå." in vefsn_client.get(task).text
    given = vefsn_client.post(task + "/palegg-forslag", data=data | {"confirmed": "ja"})
    assert "Pålegget er gitt som vedtak til 2 leger." in given.text
