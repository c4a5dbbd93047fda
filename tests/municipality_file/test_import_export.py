"""The municipality file: all or nothing, idempotent, every problem listed, lossless round trip."""

from datetime import date

import pytest
from sqlalchemy import func, select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, ValidationFailed
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import load_document
from legetjeneste.municipality_file.format import MunicipalityFile, dump_document
from legetjeneste.registry.models import Agreement, DoctorPeriod, ListCount, Office
from tests.support import KRAGERO_FILE, VEFSN_FILE, VEFSN_KOMMUNEOVERLEGE, document, import_demo


def normalised(doc: dict) -> dict:
    """What a document means, with defaults filled in, in a stable order."""
    parsed = MunicipalityFile.model_validate(doc).model_dump(mode="json")
    parsed["agreements"].sort(key=lambda a: a["id"])
    parsed["list_counts"].sort(key=lambda c: (c["agreement"], c["month"]))
    return parsed


def count(session, model) -> int:
    with session.begin():
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("path", [VEFSN_FILE, KRAGERO_FILE], ids=["vefsn", "kragero"])
def test_import_then_export_gives_back_the_same_municipality(session, path):
    original = document(path)
    file_service.import_municipality_file(session, actor=SYSTEM, document=original)
    exported = file_service.export_municipality_file(
        session, actor=SYSTEM, municipality_number=original["municipality"]["number"]
    )
    assert normalised(exported) == normalised(original)


def test_an_exported_file_imports_again_without_changing_anything(session):
    import_demo(session, VEFSN_FILE)
    exported = file_service.export_municipality_file(session, actor=SYSTEM, municipality_number="1824")
    text = dump_document(exported)
    report = file_service.import_municipality_file(session, actor=SYSTEM, document=load_document(text))
    assert report["created"] == {} and report["updated"] == {} and report["removed"] == {}
    assert report["unchanged"]["agreement"] == 15


def test_an_exported_json_file_reads_back_the_same_as_the_yaml_one(session):
    import_demo(session, KRAGERO_FILE)
    exported = file_service.export_municipality_file(session, actor=SYSTEM, municipality_number="4014")
    as_json = load_document(dump_document(exported, as_json=True), filename="kragero.json")
    assert normalised(as_json) == normalised(load_document(dump_document(exported)))


def test_importing_the_same_file_twice_changes_nothing_the_second_time(session):
    first = file_service.import_municipality_file(session, actor=SYSTEM, document=document())
    second = file_service.import_municipality_file(session, actor=SYSTEM, document=document())
    assert first["created"]["agreement"] == 15 and first["created"]["list_count"] == 165
    assert second["created"] == {} and second["updated"] == {}
    assert second["unchanged"] == {
        "absence": 6,
        "absence_assistant": 1,
        "digital_services": 2,
        "office_notice": 1,
        "municipality": 1,
        "office": 3,
        "doctor": 17,
        "agreement": 15,
        "doctor_period": 16,
        "list_count": 165,
        "legevakt_scheme": 1,
        "doctor_course": 25,
        "local_parameter": 1,
        "exemption": 3,
        "plan": 1,
        "statistics_year": 3,
        "quality_indicator": 5,
        "office_quality_indicator": 5,
        "fee_code_count": 18,
        "population_figure": 7,
        "duty_profile": 2,
        "duty_task": 1,
        "duty_assignment": 17,
        "supervision_agreement": 2,
        "tilsyn_institution": 5,
        "municipal_doctor": 2,
        "tilsyn_plan": 2,
        "vikar_budget": 2,
        "committee": 2,
        "annual_meeting": 13,
    }
    assert count(session, Agreement) == 15


def broken_vefsn() -> dict:
    doc = document()
    doc["agreements"][3]["listetak"] = 3000
    doc["offices"].append({**doc["offices"][1], "organisation_number": "991001019"})
    doc["doctors"][0]["birth_date"] = "1988-02-30"
    doc["agreements"][5]["doctor_periods"][0]["doctor"] = "9999999"
    doc["agreements"][6]["list_status"] = "halvåpen"
    doc["list_counts"][0]["list_length"] = -5
    doc["list_counts"][1]["agreement"] = 777
    doc["agreements"][7]["mystery"] = True
    return doc


def test_a_broken_file_reports_every_problem_with_its_path_and_rule(session):
    with pytest.raises(ValidationFailed) as caught:
        file_service.import_municipality_file(session, actor=SYSTEM, document=broken_vefsn())
    lines = [str(problem) for problem in caught.value.problems]
    assert "agreements[3].listetak: 3000 er over maksimum 2500 (AGR-LISTETAK)" in lines
    assert any(
        line.startswith("offices[3].organisation_number: «991001019» er ikke et gyldig") for line in lines
    )
    assert any(line.startswith("doctors[0].birth_date:") for line in lines)
    assert "agreements[5].doctor_periods[0].doctor: lege med HPR-nummer 9999999 finnes ikke" in lines
    assert any(
        line.startswith("agreements[6].list_status: «halvåpen» må være en av: open, closed") for line in lines
    )
    assert "list_counts[0].list_length: «-5» må være minst 0" in lines
    assert "list_counts[1].agreement: fastlegeavtale 777 finnes ikke i filen eller kommunen" in lines
    assert "agreements[7].mystery: er et ukjent felt" in lines
    assert len([p for p in caught.value.problems if p.severity == "error"]) == 8


def test_a_broken_file_writes_nothing_at_all(session):
    with pytest.raises(ValidationFailed):
        file_service.import_municipality_file(session, actor=SYSTEM, document=broken_vefsn())
    assert count(session, Office) == 0 and count(session, Agreement) == 0 and count(session, ListCount) == 0
    assert count(session, AuditEntry) == 0


def test_a_broken_file_leaves_what_was_imported_before_untouched(session):
    import_demo(session, VEFSN_FILE)
    doc = document()
    doc["agreements"][0]["listetak"] = 650
    doc["agreements"][3]["listetak"] = 3000
    with pytest.raises(ValidationFailed):
        file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    with session.begin():
        assert session.get(Agreement, 182401).listetak == 700


def test_a_listetak_of_exactly_2500_imports_and_one_below_500_imports_with_a_warning(session):
    doc = document()
    doc["agreements"][3]["listetak"] = 2500
    doc["agreements"][4]["listetak"] = 450
    report = file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert [(w["path"], w["rule_id"]) for w in report["warnings"]] == [
        ("agreements[4].listetak", "AGR-LISTETAK")
    ]


def test_an_agreement_id_that_belongs_to_another_municipality_is_refused(session):
    import_demo(session, KRAGERO_FILE)
    doc = document()
    doc["agreements"][0]["id"] = 401401
    for item in doc["list_counts"]:
        if item["agreement"] == 182401:
            item["agreement"] = 401401
    with pytest.raises(ValidationFailed) as caught:
        file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert "agreements[0].id: fastlegeavtale 401401 er registrert i en annen kommune" in map(
        str, caught.value.problems
    )


def test_overlapping_regular_doctor_periods_in_one_agreement_are_refused(session):
    doc = document()
    doc["agreements"][0]["doctor_periods"].append(
        {"doctor": "9182416", "role": "regular", "start": date(2025, 1, 1)}
    )
    with pytest.raises(ValidationFailed) as caught:
        file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    [problem] = caught.value.problems
    assert problem.path == "agreements[0].doctor_periods[1].start"
    assert "én fastlege om gangen" in problem.message


def test_the_file_lists_an_agreements_whole_set_of_doctor_periods_so_a_corrected_period_replaces_the_old(
    session,
):
    import_demo(session, VEFSN_FILE)
    doc = document()
    doc["agreements"][13]["doctor_periods"][1]["start"] = date(2026, 7, 15)
    report = file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert report["created"] == {"doctor_period": 1} and report["removed"] == {"doctor_period": 1}
    with session.begin():
        starts = sorted(
            p.start for p in session.scalars(select(DoctorPeriod).where(DoctorPeriod.agreement_id == 182414))
        )
    assert starts == [date(2015, 1, 1), date(2026, 7, 15)]


def test_agreements_missing_from_a_later_file_are_kept(session):
    import_demo(session, VEFSN_FILE)
    doc = document()
    doc["agreements"] = doc["agreements"][:2]
    doc["list_counts"] = [c for c in doc["list_counts"] if c["agreement"] in (182401, 182402)]
    file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert count(session, Agreement) == 15


def test_a_municipality_user_may_not_import_another_municipalitys_file(session):
    with pytest.raises(Forbidden):
        file_service.import_municipality_file(
            session, actor=VEFSN_KOMMUNEOVERLEGE, document=document(KRAGERO_FILE)
        )


def test_a_file_that_is_not_an_object_or_lacks_the_municipality_says_so(session):
    with pytest.raises(ValidationFailed) as caught:
        file_service.import_municipality_file(session, actor=SYSTEM, document=["not", "a", "file"])
    assert "objekt" in caught.value.problems[0].message
    with pytest.raises(ValidationFailed) as caught:
        file_service.import_municipality_file(session, actor=SYSTEM, document={"offices": []})
    assert str(caught.value.problems[0]) == "municipality: må være et objekt (nøkler og verdier)"


def test_yaml_with_a_syntax_error_names_the_line():
    with pytest.raises(ValidationFailed) as caught:
        load_document("municipality:\n  number: '1824'\n  name: [Vefsn\n")
    assert "linje" in caught.value.problems[0].message


def test_unquoted_numbers_in_yaml_are_read_as_identifiers_keeping_leading_zeros():
    parsed = MunicipalityFile.model_validate(
        load_document(
            "municipality: {number: 0301, name: Oslo}\n"
            "offices: [{organisation_number: 991000011, name: X, is_group_practice: false,"
            " postal_code: 0485}]\n"
        )
    )
    assert parsed.municipality.number == "0301"
    assert parsed.offices[0].organisation_number == "991000011" and parsed.offices[0].postal_code == "0485"
