"""Every operation of the JSON API answers as its OpenAPI says (schemathesis, bounded and seeded): never a
server error, only documented statuses and content types, bodies and headers that match their schemas.

The run covers every operation, writes included, on a throwaway SQLite database with the demo data (and a
week's roster), as Vefsn's municipality administrator (who may do the most) and as one of its doctors, with
valid and invalid input alike. A path parameter is either what schemathesis drew or, as often, a resource of
the demo, so operations get past the 404.

Each operation is a test of its own through pytest's parametrize and Hypothesis's `given` on schemathesis's
strategy: schemathesis's own `parametrize()` gives every operation the same node id under this pytest, so
pytest-xdist would run one operation only.
"""

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi import checks
from sqlalchemy import text

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.tokens import service as token_service
from legetjeneste.db import make_engine, session_factory
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import SolveCreate
from legetjeneste.main import create_app
from tests.support import load_demo

MAX_EXAMPLES = 4
CHECKS = [
    schemathesis.checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
# A resource of the demo for each path parameter, where the demo has one (Vefsn's first).
KNOWN = {
    "office_id": "SELECT min(id) FROM office WHERE municipality_number = '1824'",
    "doctor_id": "SELECT min(id) FROM doctor WHERE municipality_number = '1824'",
    "agreement_id": "SELECT min(id) FROM agreement WHERE municipality_number = '1824'",
    "period_id": "SELECT min(id) FROM doctor_period",
    "absence_id": "SELECT min(id) FROM absence WHERE municipality_number = '1824'",
    "assistant_id": "SELECT min(id) FROM absence_assistant",
    "scheme_id": "SELECT min(id) FROM legevakt_scheme WHERE municipality_number = '1824'",
    "exemption_id": "SELECT min(id) FROM exemption WHERE municipality_number = '1824'",
    "case_id": "SELECT min(id) FROM lifecycle_case WHERE municipality_number = '1824'",
    "step_id": "SELECT min(id) FROM lifecycle_step",
    "job_id": "SELECT min(id) FROM roster_job",
    "roster_id": "SELECT min(id) FROM legevakt_roster",
    "assignment_id": "SELECT min(id) FROM roster_assignment",
}
# Solves run in the request with ?wait=true: a drawn time limit of minutes would make the run slow, not
# the contract any better.
MAX_SOLVE_SECONDS = 0.5


@pytest.fixture(scope="module")
def contract(sqlite_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("contract") / "contract.db"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with session_factory(engine)() as session:
        load_demo(session)
        _, admin = auth_service.add_user(
            session,
            email="kommune@contract.example",
            role="municipality_admin",
            municipality_number="1824",
            with_token=True,
        )
        _, doctor = auth_service.add_user(
            session,
            email="lege@contract.example",
            role="doctor",
            municipality_number="1824",
            with_token=True,
            doctor="9182402",
        )
        # A week's roster of Vefsn legevakt, so the roster and vacancy operations have one to answer about.
        actor = token_service.authenticate_token(session, token=admin)
        scheme_id = session.execute(text(KNOWN["scheme_id"])).scalar_one()
        session.commit()
        roster_service.start_solve(
            session,
            actor=actor,
            scheme_id=scheme_id,
            data=SolveCreate.model_validate({"from": "2027-03-01", "to": "2027-03-07", "time_limit": 1}),
            run="here",
        )
        known = {name: session.execute(text(sql)).scalar() for name, sql in KNOWN.items()}
    known = {name: value for name, value in known.items() if value is not None}
    known.update(number="1824", month="2026-11")
    app = create_app(engine=engine, secret_key="contract-test")
    with pytest.MonkeyPatch.context() as patch:
        # No job worker beside the requests: a drawn solve queued in the background would run meanwhile,
        # and its commits make a request that reads and then writes its audit entry fail on SQLite with
        # "database is locked" (its transaction began deferred). Solves with ?wait=true still run.
        patch.setattr(jobs_worker, "runs_in_process", lambda: False)
        yield {"app": app, "tokens": {"admin": admin, "doctor": doctor}, "known": known}
        schemathesis.python.asgi.shutdown_lifespans()
    engine.dispose()


def load_operations() -> list[schemathesis.APIOperation]:
    """The app's operations, read when the tests are collected; the calls go to the fixture's app with the
    demo. A definition schemathesis cannot read fails here."""
    app = create_app(engine=make_engine("sqlite://"), secret_key="contract-test")
    loaded = schemathesis.openapi.from_dict(app.openapi())
    loaded.app = app
    return [result.ok() for result in loaded.get_all_operations()]


OPERATIONS = load_operations()


@pytest.mark.parametrize("role", ["admin", "doctor"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=[operation.label for operation in OPERATIONS])
def test_every_operation_answers_as_its_openapi_says(operation, role, contract):
    cases = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE)

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases, data=st.data())
    def answers(case, data):
        call_and_validate(case, data, contract, role=role)

    answers()


def call_and_validate(case, data, contract, *, role: str) -> None:
    known = contract["known"]
    for name in case.path_parameters or {}:
        if name in known and data.draw(st.booleans(), label=f"known {name}"):
            case.path_parameters[name] = known[name]
    if isinstance(case.body, dict) and isinstance(case.body.get("time_limit"), int | float):
        case.body["time_limit"] = min(case.body["time_limit"], MAX_SOLVE_SECONDS)
    token = contract["tokens"][role]
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS, app=contract["app"])
