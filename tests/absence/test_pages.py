"""The absence form as a user meets it (issue 13): a refusal names the field by its label with the dates as
dates, marks the field and keeps what was typed; deleting asks first and says what follows."""

import re

from tests.web.conftest import browser_client, csrf_of, vefsn_client  # noqa: F401  (fixtures)


def _option(html: str, name: str) -> str:
    return re.search(rf'<option value="(\d+)"[^>]*>{name} \(', html).group(1)


def test_a_refused_absence_names_the_field_and_the_other_absence_by_its_dates_and_keeps_the_typed_values(
    vefsn_client,  # noqa: F811
):
    form = vefsn_client.get("/fravaer/ny").text
    typed = {
        "csrf_token": csrf_of(form),
        "doctor_id": _option(form, "Magnus Tverrå"),
        "ground": "course",
        "start": "2026-03-16",
        "end": "2026-03-10",
        "cover": "none",
        "children": "2",
    }
    backwards = vefsn_client.post("/fravaer/ny", data=typed)
    assert backwards.status_code == 422
    assert '<li><a class="ds-link" href="#end">Siste fraværsdag: sluttdatoen er før startdatoen</a></li>' in (
        backwards.text
    )  # the error summary links the problem to its field
    assert re.search(
        r'id="end" name="end" required value="2026-03-10" aria-invalid="true" '
        r'aria-describedby="end-feil"',
        backwards.text,
    )
    assert (
        '<p class="ds-validation-message" data-field="validation" data-color="danger" id="end-feil">'
        "Sluttdatoen er før startdatoen.</p>" in backwards.text
    )
    assert 'value="2026-03-16"' in backwards.text and 'value="course" selected' in backwards.text
    assert 'name="children" min="1" max="20" value="2"' in backwards.text

    overlapping = vefsn_client.post("/fravaer/ny", data=typed | {"end": "2026-03-27"})
    assert overlapping.status_code == 422
    assert "Første fraværsdag: overlapper legens fravær 2.–20. mars 2026" in overlapping.text
    assert re.search(
        r'id="start" name="start" required value="2026-03-16" aria-invalid="true"', overlapping.text
    )
    shown = re.sub(r"<[^>]+>", " ", overlapping.text)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", shown)  # no field's key is shown, only labels


def test_deleting_an_absence_asks_first_says_what_follows_and_deletes_only_when_confirmed(
    vefsn_client,  # noqa: F811
):
    listed = vefsn_client.get("/kommuner/1824/fravaer").text
    url = re.search(r'<a class="ds-link" href="(/fravaer/\d+)">Magnus Tverrå</a>', listed)
    page = vefsn_client.get(url.group(1)).text
    asked = vefsn_client.post(f"{url.group(1)}/slett", data={"csrf_token": csrf_of(page)})
    assert asked.status_code == 200  # a request without the answer is asked, not obeyed
    assert "Vil du slette fraværet" in asked.text and "Sletting kan ikke angres" in asked.text
    assert "forsvinner fra fraværstellerne, fra fastlegepanelet og fra utbetalinger" in asked.text
    assert vefsn_client.get(url.group(1)).status_code == 200  # still there

    done = vefsn_client.post(
        f"{url.group(1)}/slett", data={"csrf_token": csrf_of(page), "confirmed": "ja"}, follow_redirects=False
    )
    assert done.status_code == 303
    assert vefsn_client.get(url.group(1)).status_code == 404
