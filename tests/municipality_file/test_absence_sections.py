"""The absence sections of the municipality file: checked as the API checks them, all or nothing."""

from datetime import date

import pytest

from legetjeneste.absence import service as absence_service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import ValidationFailed
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry import service as registry_service
from tests.support import KRAGERO_FILE, document, import_demo


@pytest.fixture
def importing(session):
    def run(doc) -> list[str]:
        with pytest.raises(ValidationFailed) as caught:
            file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
        return [str(p) for p in caught.value.problems]

    return run


def test_the_demo_files_bring_their_absences_and_panel_settings(session):
    import_demo(session)
    absences = absence_service.list_absences(session, actor=SYSTEM, municipality_number="4014")
    assert [(a.doctor_name, a.cover, a.vikar_name) for a in absences] == [
        ("Ane Berø", "own_vikar", "Mari Helle")
    ]


def test_two_absences_of_one_doctor_that_overlap_in_the_file_are_refused(importing):
    doc = document()
    doc["absences"].append({**doc["absences"][2], "start": date(2026, 7, 10), "end": date(2026, 7, 30)})
    added = len(doc["absences"]) - 1
    expected = "overlapper legens fravær 29. juni–19. juli 2026; en lege har ett fravær om gangen (ABS-TYPES)"
    assert f"absences[{added}].start: {expected}" in importing(doc)


def test_an_absence_refers_to_a_known_doctor_and_list_and_follows_abs_course(importing):
    doc = document()
    doc["absences"][0]["doctor"] = "9999999"
    doc["absences"][1]["agreement"] = 182404
    doc["absences"][4].update(ground="research")
    found = importing(doc)
    assert "absences[0].doctor: lege med HPR-nummer 9999999 finnes ikke" in found
    assert "absences[1].agreement: legen er ikke fastlege på avtale 182404" in found
    assert any(line.startswith("absences[4].cover:") and line.endswith("(ABS-COURSE)") for line in found)


def test_the_same_doctor_and_start_twice_is_a_duplicate(importing):
    doc = document()
    doc["absences"].append(dict(doc["absences"][0]))
    added = len(doc["absences"]) - 1
    duplicate = f"absences[{added}].start: står også i absences[0]"
    assert any(line.startswith(duplicate) for line in importing(doc))


def test_panel_settings_refer_to_known_agreements_offices_and_doctors(importing):
    doc = document()
    doc["digital_services"].append({"agreement": 999})
    doc["absence_assistant"][0]["colleague"] = "9999998"
    doc["office_notices"][0]["office"] = "991401415"
    found = importing(doc)
    assert "digital_services[2].agreement: fastlegeavtale 999 finnes ikke i filen eller kommunen" in found
    assert "absence_assistant[0].colleague: lege med HPR-nummer 9999998 finnes ikke" in found
    assert "office_notices[0].office: legekontor 991401415 finnes ikke i filen eller kommunen" in found


def test_a_file_absence_overlapping_a_stored_one_with_another_start_is_refused(session, importing):
    import_demo(session, KRAGERO_FILE)
    doctor = next(
        d for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == "9401401"
    )
    absence_service.register_absence(
        session,
        actor=SYSTEM,
        data=AbsenceCreate(
            doctor_id=doctor.id,
            ground="ordinary",
            start=date(2026, 7, 1),
            end=date(2026, 7, 21),
            cover="collegial",
        ),
    )
    doc = document(KRAGERO_FILE)
    doc["absences"].append(
        {
            "doctor": "9401401",
            "agreement": 401401,
            "ground": "ordinary",
            "start": date(2026, 7, 15),
            "end": date(2026, 7, 31),
            "cover": "collegial",
        }
    )
    assert (
        "absences[1].start: overlapper legens fravær 1.–21. juli 2026; en lege har ett fravær om gangen"
        " (ABS-TYPES)" in (importing(doc))
    )


def test_an_absence_stored_by_hand_survives_a_later_import_and_is_exported(session):
    import_demo(session, KRAGERO_FILE)
    doctor = next(
        d for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == "9401401"
    )
    absence_service.register_absence(
        session,
        actor=SYSTEM,
        data=AbsenceCreate(
            doctor_id=doctor.id,
            ground="ordinary",
            start=date(2026, 7, 1),
            end=date(2026, 7, 21),
            cover="collegial",
        ),
    )
    file_service.import_municipality_file(session, actor=SYSTEM, document=document(KRAGERO_FILE))
    exported = file_service.export_municipality_file(session, actor=SYSTEM, municipality_number="4014")
    assert [a["doctor"] for a in exported["absences"]] == ["9401412", "9401401"]
