"""Another doctor crawls every GET route of the API, with every id the demo has, and finds no exemption
ground, application text, reasons, weighing, due date or child's birth date anywhere, and no absence
ground but «ferie»: health data is for the doctor concerned and those who handle the case."""

import itertools
import json
from datetime import date

import pytest
from sqlalchemy import text

from legetjeneste.absence import labels as absence_labels
from legetjeneste.auth import service as auth_service
from legetjeneste.legevakt.exemptions import rules as exemption_rules
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from legetjeneste.norwegian import day_text
from tests.legevakt.demo import doctor_actor, scheme_id
from tests.support import KRAGERO_FILE, VEFSN_FILE, VEFSN_KOMMUNEOVERLEGE, document, import_demo

# Two applications of our own beside the demo's, with dates that are not also the applied period's ends.
TWINS = ExemptionApply(
    doctor="9182407",
    ground="pregnancy",
    start=date(2027, 3, 8),
    end=date(2027, 6, 6),
    due_date=date(2027, 6, 7),
    application_text="Tvillinger, termin 7. juni 2027; legen har sagt at jeg bør hvile.",
)
NURSING = ExemptionApply(
    doctor="9182408",
    ground="breastfeeding",
    extent="no_nights",
    start=date(2027, 1, 4),
    end=date(2027, 6, 30),
    child_birth_date=date(2026, 11, 17),
    application_text="Jeg ammer en sønn født 17. november 2026.",
)
GRANTED = ExemptionDecide(decision="granted", reasons="Svangerskap med termin 7. juni 2027 er dokumentert.")
#: The ids a path parameter takes: the rows of these tables.
TABLES = {
    "office_id": ["office"],
    "doctor_id": ["doctor"],
    "agreement_id": ["agreement"],
    "period_id": ["doctor_period"],
    "absence_id": ["absence"],
    "case_id": ["breach_case", "lifecycle_case", "committee_case", "threat_case"],
    "step_id": ["lifecycle_step"],
    "scheme_id": ["legevakt_scheme"],
    "exemption_id": ["exemption"],
    "job_id": ["job", "roster_job"],
    "roster_id": ["legevakt_roster"],
    "assignment_id": ["roster_assignment"],
    "decision_id": ["decision"],
    "swap_id": ["legevakt_swap"],
    "wish_id": ["legevakt_wish"],
    "plan_id": ["plan"],
    "committee_id": ["committee"],
    "meeting_id": ["committee_meeting"],
    "task_id": ["duty_task"],
    "citizen_id": ["citizen"],
}
FIXED = {
    "number": ["1824", "4014"],
    "month": ["2026-11", "2027-01"],
    "year": ["2027"],
    "why": ["Kontroll av tilgang"],
    "kommune": ["1824"],
}
MAX_CALLS_PER_ROUTE = 80
#: Law text, no person: the national parameters' descriptions name the grounds («Over 60 år», «egen sykdom»).
NO_PERSON = {"/api/v1/parameters"}
EXEMPTION_HEALTH_FIELDS = {"ground", "ground_text", "due_date", "child_birth_date", "application_text"}


def _dates(value: date) -> set[str]:
    return {value.isoformat(), f"{value:%d.%m.%Y}", day_text(value)}


def sensitive_strings(exemptions: list[dict]) -> set[str]:
    """Each exemption's texts, the words of its ground, and its due date and child's birth date in every
    form we write a date — except a date that is also an end of the period, which everyone may see."""
    found = set()
    for item in exemptions:
        found |= {item.get(key, "").strip() for key in ("application_text", "reasons", "weighing")}
        found.add(exemption_rules.GROUNDS[item["ground"]])
        bounds = {item.get(key) for key in ("start", "end", "granted_start", "granted_end")}
        for key in ("due_date", "child_birth_date"):
            if item.get(key) and item[key] not in bounds:
                found |= _dates(item[key])
    found |= {label for code, label in absence_labels.GROUND.items() if code != "ordinary"}
    return {value for value in found if value}


@pytest.fixture
def crawled(client, open_session, engine):
    """The demo with two more applications (one granted), and another doctor's bearer header."""
    session = open_session()
    import_demo(session)
    scheme = scheme_id(session, "1824", "legevakt")
    exemptions = [dict(e) for path in (VEFSN_FILE, KRAGERO_FILE) for e in document(path)["exemptions"]]
    twins, _ = (
        exemption_service.apply_for_exemption(
            session, actor=doctor_actor(session, data.doctor), scheme_id=scheme, data=data
        )
        for data in (TWINS, NURSING)
    )
    exemption_service.decide_exemption(
        session, actor=VEFSN_KOMMUNEOVERLEGE, exemption_id=twins.id, data=GRANTED
    )
    exemptions += [TWINS.model_dump() | GRANTED.model_dump(exclude_none=True), NURSING.model_dump()]
    _, token = auth_service.add_user(
        session, email="anders@test.example", role="doctor", municipality_number="1824", with_token=True,
        doctor="9182402",
    )  # fmt: skip
    with engine.connect() as connection:
        ids = {
            name: sorted(
                {
                    row
                    for table in tables
                    for row in connection.execute(text(f"SELECT id FROM {table}")).scalars()
                }
            )
            for name, tables in TABLES.items()
        }
        own = connection.execute(text("SELECT id FROM doctor WHERE hpr_number = '9182402'")).scalar_one()
    return {"Authorization": f"Bearer {token}"}, ids, sensitive_strings(exemptions), own


def get_routes(client) -> list[tuple[str, list[str]]]:
    """Every GET route of the API with the parameters it must be given, from its OpenAPI document."""
    document_ = client.get("/api/v1/openapi.json").json()
    found = []
    for path, operations in document_["paths"].items():
        if (
            "get" in operations
            and path.startswith("/api/v1/")
            and path not in {"/api/v1/openapi.json", *NO_PERSON}
        ):
            parameters = operations["get"].get("parameters", [])
            found.append((path, [p["name"] for p in parameters if p["in"] == "path" or p.get("required")]))
    return found


def calls(path: str, names: list[str], ids: dict[str, list[int]]) -> list[str]:
    choices = [FIXED.get(name) or [str(i) for i in ids[name]] for name in names]
    urls = []
    for values in itertools.islice(itertools.product(*choices), MAX_CALLS_PER_ROUTE):
        url, query = path, []
        for name, value in zip(names, values, strict=True):
            if "{" + name + "}" in url:
                url = url.replace("{" + name + "}", value)
            else:
                query.append(f"{name}={value}")
        urls.append(url + ("?" + "&".join(query) if query else ""))
    return urls


def exemptions_in(value) -> list[dict]:
    """Every object in a JSON answer that is an exemption (it names a doctor and a scheme)."""
    if isinstance(value, list):
        return [found for item in value for found in exemptions_in(item)]
    if isinstance(value, dict):
        own = [value] if {"doctor_hpr", "scheme_id", "start"} <= value.keys() else []
        return own + [found for item in value.values() for found in exemptions_in(item)]
    return []


def test_another_doctor_finds_no_health_data_on_any_get_route_of_the_api(client, crawled):
    headers, ids, sensitive, own = crawled
    answered: dict[str, int] = {}
    leaks = []
    for path, names in get_routes(client):
        for url in calls(path, names, ids):
            answer = client.get(url, headers=headers)
            assert answer.status_code < 500, url
            if answer.status_code != 200:
                continue
            answered[path] = answered.get(path, 0) + 1
            body = answer.content.decode("utf-8", errors="replace").lower()
            if url.startswith(f"/api/v1/doctors/{own}/"):
                continue  # the doctor's own counters: health data is for the doctor concerned
            leaks += [(url, value) for value in sensitive if value.lower() in body]
            if answer.headers["content-type"].startswith("application/json"):
                for exemption in exemptions_in(json.loads(answer.content)):
                    assert exemption.get("view") == "redacted", url
                    assert not EXEMPTION_HEALTH_FIELDS & exemption.keys(), url
    assert not leaks, "\n".join(f"{u}: {v}" for u, v in sorted(set(leaks)))
    for path in (
        "/api/v1/municipalities/{number}/exemptions",
        "/api/v1/exemptions/{exemption_id}",
        "/api/v1/schemes/{scheme_id}",
        "/api/v1/municipalities/{number}/exemption-impact",
        "/api/v1/absences",
        "/api/v1/municipalities/{number}/vacation-overview",
    ):
        assert answered.get(path), f"{path} never answered 200: the crawl proves nothing there"
    assert len(sensitive) > 20 and {"2027-06-07", "17. november 2026"} <= sensitive
