"""The alert page (issue 13): a refused request for an alert links the error summary to the e-mail field,
marks it invalid and keeps what was typed."""

import pytest

from tests.citizens.test_refused_forms import _invalid
from tests.web.conftest import csrf_of
from tests.web.test_error_summary import summary_links


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_refused_alert_links_to_the_email_field_marks_it_and_keeps_what_was_typed(browser_client):
    page = browser_client.get("/varsel/ny?kommune=1824")
    form = {"csrf_token": csrf_of(page.text), "kommune": "1824", "email": "ikke-en-adresse"}
    refused = browser_client.post("/varsel/ny", data=form)
    assert refused.status_code == 422
    [(target, text)] = summary_links(refused.text)
    assert target == "email" and text.startswith("E-postadresse: ")
    assert _invalid(refused.text, "email") and 'value="ikke-en-adresse"' in refused.text
