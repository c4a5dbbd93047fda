"""A timestamp in the API's JSON carries its zone, written the same way on SQLite and PostgreSQL."""

import re
from datetime import UTC, datetime

from legetjeneste.dates import OSLO
from legetjeneste.notices.models import Notice
from tests.api.conftest import bearer

UTC_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def test_a_stored_instant_is_answered_in_utc_with_its_zone_whatever_the_database(
    client, tokens, open_session
):
    session = open_session()
    with session.begin():
        session.add(
            Notice(
                municipality_number="1824",
                created_at=datetime(2026, 12, 3, 23, 42, 14, 130622, tzinfo=OSLO),
                rule_id="AGR-LISTETAK",
                citation="ASA 2440 § 10.1",
                message="Varsel",
            )
        )
    [notice] = client.get("/api/v1/municipalities/1824/notices", headers=bearer(tokens["vefsn"])).json()
    assert notice["created_at"] == "2026-12-03T22:42:14.130622Z"


def test_a_case_opened_through_the_api_says_when_in_utc_on_both_databases(client, tokens):
    before = datetime.now(UTC).replace(microsecond=0)
    notice = {
        "subject": "Åpningstid",
        "notice_date": "2026-01-05",
        "deadline": "2026-01-26",
        "text": "Varsel",
    }
    opened = client.post(
        "/api/v1/agreements/182404/breach-cases", json=notice, headers=bearer(tokens["vefsn"])
    )
    stamp = opened.json()["steps"][0]["recorded_at"]
    assert UTC_INSTANT.match(stamp), stamp
    assert before <= datetime.fromisoformat(stamp) <= datetime.now(UTC)
