"""Life-cycle cases in the municipality file: imported through the rules, refusals named by path and rule,
idempotent, and exported in the import format."""

import pytest
from sqlalchemy import func, select

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import ValidationFailed
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleStep
from legetjeneste.municipality_file import service as file_service
from tests.support import VEFSN_FILE, document


def count(session, model) -> int:
    with session.begin():
        return session.scalar(select(func.count()).select_from(model))


def test_the_vefsn_demo_brings_a_vacancy_a_notice_and_a_deleliste(open_session):
    file_service.import_municipality_file(open_session(), actor=SYSTEM, document=document(VEFSN_FILE))
    session = open_session()
    with session.begin():
        cases = {c.kind: c for c in session.scalars(select(LifecycleCase))}
        assert set(cases) == {"vacancy", "notice", "deleliste"}
        assert [s.kind for s in cases["vacancy"].steps].count("announcement") == 2
        assert cases["notice"].facts["notice_period_end"] == "2027-02-28"
        assert cases["deleliste"].doctor.full_name == "Eirik Sandnesmo"
        assert {s.recorded_by for s in cases["vacancy"].steps} == {"kommuneoverlege@vefsn.example"}


def test_importing_the_same_cases_twice_adds_nothing(open_session):
    for _ in range(2):
        file_service.import_municipality_file(open_session(), actor=SYSTEM, document=document(VEFSN_FILE))
    assert (count(open_session(), LifecycleCase), count(open_session(), LifecycleStep)) == (3, 7)


def test_a_refused_step_in_the_file_names_its_path_and_rule_and_writes_nothing(open_session):
    doc = document(VEFSN_FILE)
    doc["lifecycle_cases"][0]["steps"][2]["application_deadline"] = "2026-04-29"
    with pytest.raises(ValidationFailed) as refused:
        file_service.import_municipality_file(open_session(), actor=SYSTEM, document=doc)
    problem = refused.value.problems[0]
    assert (problem.path, problem.rule_id) == ("lifecycle_cases[0].steps[2]", "AGR-ANNOUNCE")
    assert count(open_session(), LifecycleCase) == 0


def test_a_case_for_an_unknown_agreement_is_a_problem_with_its_path(open_session):
    doc = document(VEFSN_FILE)
    doc["lifecycle_cases"][1]["agreement"] = 189999
    with pytest.raises(ValidationFailed) as refused:
        file_service.import_municipality_file(open_session(), actor=SYSTEM, document=doc)
    assert refused.value.problems[0].path == "lifecycle_cases[1]"


def test_the_export_gives_the_cases_back_in_the_import_format(open_session):
    file_service.import_municipality_file(open_session(), actor=SYSTEM, document=document(VEFSN_FILE))
    exported = file_service.export_municipality_file(open_session(), actor=SYSTEM, municipality_number="1824")
    vacancy = exported["lifecycle_cases"][0]
    assert (vacancy["agreement"], vacancy["kind"], vacancy["notice_period_end"]) == (
        182415,
        "vacancy",
        "2025-12-31",
    )
    assert vacancy["steps"][0]["application_deadline"] == "2026-02-17"
