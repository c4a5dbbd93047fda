"""An exemption's ground, texts and pregnancy dates are health data: the API, the pages and the CLI show them
to the doctor concerned and to those who decide exemptions (kommuneoverlege, municipality administrator),
and to no other doctor, SU member or office administrator; every request that shows them writes one audit
entry «read» naming those exemptions, and a request that shows them to nobody writes none."""

import re

import pytest
from sqlalchemy import select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth import service as auth_service
from legetjeneste.errors import Forbidden
from legetjeneste.legevakt import cli as legevakt_cli
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionRead, ExemptionRedacted
from tests.command_line import command_line
from tests.legevakt.demo import doctor_actor, pending, scheme_id
from tests.support import VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE, import_demo

SIRI, JONAS = "9182405", "9182402"  # Siri applies for the last three months of pregnancy; Jonas does not
PREGNANCY = rules.GROUNDS[rules.PREGNANCY]
SIRI_TEXT = "Jeg har termin 20. oktober 2027"
HEALTH_FIELDS = {
    "ground",
    "ground_text",
    "due_date",
    "child_birth_date",
    "application_text",
    "reasons",
    "weighing",
    "is_right",
    "rule_id",
}
SLEEP_TEXT = "søvnforstyrrelse"  # another doctor's (9182406) application text
ROLES = {
    # name: (role, office, doctor, sees Siri's ground, sees every doctor's ground)
    "the doctor concerned": ("doctor", None, SIRI, True, False),
    "another doctor": ("doctor", None, JONAS, False, False),
    "an SU member": ("su_member", None, None, False, False),
    "an office administrator": ("office_admin", "991001018", None, False, False),
    "the kommuneoverlege": ("kommuneoverlege", None, None, True, True),
    "the municipality administrator": ("municipality_admin", None, None, True, True),
}


@pytest.fixture
def readers(open_session) -> dict[str, dict]:
    """The Vefsn demo with one user per role; the bearer header of each."""
    session = open_session()
    import_demo(session)
    headers = {}
    for number, (name, (role, office, doctor, _, _)) in enumerate(ROLES.items()):
        _, token = auth_service.add_user(
            session,
            email=f"reader{number}@test.example",
            role=role,
            municipality_number="1824",
            with_token=True,
            office=office,
            doctor=doctor,
        )
        headers[name] = {"Authorization": f"Bearer {token}"}
    return headers


def reads_of_health_data(session) -> list[AuditEntry]:
    with session.begin():
        query = select(AuditEntry).where(AuditEntry.action == "read", AuditEntry.entity == "exemption")
        return list(session.scalars(query.order_by(AuditEntry.id)))


def without_forms(html: str) -> str:
    """The page without its <select> lists: the application form names every ground to choose from."""
    return re.sub(r"<select.*?</select>", "", html, flags=re.S)


def routes(session) -> dict[str, tuple[str, str, str | None]]:
    """Each route that shows Siri's application: its path, her ground as it shows it, and how it shows her
    due date (None where it never does)."""
    siri = pending(session, "1824")[SIRI]
    scheme = scheme_id(session, "1824", "legevakt")
    due = '"due_date":"2027-10-20"'
    return {
        "GET /api/v1/exemptions/{id}": (f"/api/v1/exemptions/{siri}", PREGNANCY, due),
        "GET /api/v1/municipalities/1824/exemptions": (
            "/api/v1/municipalities/1824/exemptions",
            PREGNANCY,
            due,
        ),
        "GET /api/v1/schemes/{id}": (f"/api/v1/schemes/{scheme}", PREGNANCY, due),
        "GET /api/v1/municipalities/1824/exemption-impact": (
            "/api/v1/municipalities/1824/exemption-impact",
            PREGNANCY,
            None,
        ),
        "page /fritak/{id}": (f"/fritak/{siri}", SIRI_TEXT, "<dt>Termin</dt><dd>20. oktober 2027</dd>"),
        "page /kommuner/1824/legevakt": ("/kommuner/1824/legevakt", PREGNANCY.lower(), None),
        "page /ordninger/{id}": (f"/ordninger/{scheme}", PREGNANCY, None),
        "page /kommuner/1824/legevakt/virkning": (
            "/kommuner/1824/legevakt/virkning",
            PREGNANCY.lower(),
            None,
        ),
    }


@pytest.mark.parametrize("reader", ROLES)
def test_each_route_shows_siris_pregnancy_only_to_her_and_those_who_decide_and_audits_each_showing(
    client, readers, session, reader
):
    *_, sees, sees_all = ROLES[reader]
    siri = pending(session, "1824")[SIRI]
    for route, (path, ground, due_date) in routes(session).items():
        before = len(reads_of_health_data(session))
        answer = client.get(path, headers=readers[reader])
        assert answer.status_code == 200, route
        shown = without_forms(answer.text)
        assert (ground in shown) is sees, route
        assert due_date is None or (due_date in shown) is sees, route
        assert (SLEEP_TEXT in shown) <= sees_all, route
        new = reads_of_health_data(session)[before:]
        if sees:
            [entry] = new
            assert str(siri) in entry.record_ids and entry.detail["health_data"] is True, route
        else:
            assert new == [], route


def test_the_doctor_concerned_sees_her_own_ground_and_not_her_colleagues(client, readers, session):
    listed = client.get("/api/v1/municipalities/1824/exemptions", headers=readers["the doctor concerned"])
    views = {e["doctor_hpr"]: e for e in listed.json()}
    assert views[SIRI]["view"] == "full" and views[SIRI]["due_date"] == "2027-10-20"
    assert all(e["view"] == "redacted" for hpr, e in views.items() if hpr != SIRI)
    [entry] = reads_of_health_data(session)
    assert entry.record_ids == [str(views[SIRI]["id"])]


def test_a_redacted_exemption_has_no_field_for_health_data_at_all(client, readers):
    found = client.get("/api/v1/municipalities/1824/exemptions", headers=readers["another doctor"]).json()
    assert found and all(e["view"] == "redacted" and not HEALTH_FIELDS & e.keys() for e in found)
    assert not HEALTH_FIELDS & ExemptionRedacted.model_fields.keys()
    assert ExemptionRead.model_fields.keys() >= HEALTH_FIELDS
    siri = next(e for e in found if e["doctor_hpr"] == SIRI)
    assert (siri["doctor_name"], siri["start"], siri["end"], siri["status_text"], siri["extent_text"]) == (
        "Siri Halsøy",
        "2027-07-20",
        "2027-10-20",
        "Til behandling",
        "Helt fritak",
    )


def test_the_redacted_application_page_says_why_and_offers_no_decision_help(client, readers, session):
    siri = pending(session, "1824")[SIRI]
    html = client.get(f"/fritak/{siri}", headers=readers["an SU member"]).text
    assert "Søknad om fritak: Siri Halsøy" in html and "20. juli 2027 – 20. oktober 2027" in html
    assert "vises bare for legen" in html and "Regelen" not in html and "Termin" not in html
    assert "Virkning for de andre hvis søknaden innvilges" in html


def test_the_decision_help_is_refused_to_whom_may_not_see_the_ground(demo):
    siri = pending(demo, "1824")[SIRI]
    with pytest.raises(Forbidden):
        exemption_service.decision_help(demo, actor=VEFSN_DOCTOR, exemption_id=siri)
    herself = doctor_actor(demo, SIRI)
    help_ = exemption_service.decision_help(demo, actor=herself, exemption_id=siri)
    assert help_["rule_id"] == "LV-EXEMPT-RIGHT" and str(help_["right_end"]) == "2027-10-20"
    assert [entry.actor for entry in reads_of_health_data(demo)].count(herself.email) == 1


def test_the_service_answers_each_reader_with_the_shape_it_may_see(demo):
    siri = pending(demo, "1824")[SIRI]
    assert isinstance(
        exemption_service.get_exemption(demo, actor=VEFSN_DOCTOR, exemption_id=siri), ExemptionRedacted
    )
    decider = exemption_service.get_exemption(demo, actor=VEFSN_KOMMUNEOVERLEGE, exemption_id=siri)
    assert isinstance(decider, ExemptionRead) and decider.application_text.startswith(SIRI_TEXT)


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    import_demo(open_session())
    with command_line(engine, monkeypatch, legevakt_cli.app) as invoke:
        yield invoke


def test_the_cli_runs_as_the_system_shows_the_grounds_and_audits_the_reading(cli, session):
    code, out, _ = cli("impact", "1824")
    assert code == 0 and f"Siri Halsøy – {PREGNANCY}, 2027-07-20–2027-10-20" in out
    [entry] = reads_of_health_data(session)
    assert entry.actor == "system" and entry.record_ids == [str(pending(session, "1824")[SIRI])]
