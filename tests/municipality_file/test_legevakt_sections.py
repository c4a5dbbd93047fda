"""The legevakt sections of the municipality file: every problem named by its path and rule, nothing
written when one is wrong, decided exemptions checked by the decision rules, export → import unchanged."""

import pytest
from sqlalchemy import func, select

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import ValidationFailed
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import load_document
from legetjeneste.municipality_file.format import dump_document
from tests.support import KRAGERO_FILE, document, import_demo


def problems_of(session, doc) -> dict[str, str | None]:
    with pytest.raises(ValidationFailed) as error:
        file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    return {p.path: p.rule_id for p in error.value.problems}


def count(session, model) -> int:
    with session.begin():
        return session.scalar(select(func.count()).select_from(model))


def test_bad_references_in_a_scheme_are_named_by_their_path(session):
    doc = document(KRAGERO_FILE)
    scheme = doc["legevakt_schemes"][0]
    scheme["participants"][0]["doctor"] = "9409999"
    del scheme["participants"][1]["office"]
    scheme["office_days"][1]["weekdays"].append("monday")
    scheme["shift_templates"].append(dict(scheme["shift_templates"][0]))
    assert problems_of(session, doc) == {
        "legevakt_schemes[0].shift_templates[1].code": None,
        "legevakt_schemes[0].participants[0].doctor": None,
        "legevakt_schemes[0].participants[1].office": "NN-OFFICE-DAYS",
        "legevakt_schemes[0].office_days[1].weekdays": "NN-OFFICE-DAYS",
    }
    assert count(session, Scheme) == 0


def test_a_malformed_scheme_and_exemption_are_reported_with_the_field(session):
    doc = document(KRAGERO_FILE)
    doc["legevakt_schemes"][0]["shift_templates"][0]["start"] = "8:00"
    doc["exemptions"][1]["ground"] = "tired"
    with pytest.raises(ValidationFailed) as error:
        file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert [str(p) for p in error.value.problems] == [
        "legevakt_schemes[0].shift_templates[0].start: «8:00» er ikke et klokkeslett på formen TT:MM",
        "exemptions[1].ground: «tired» må være en av: over_60, pregnancy, breastfeeding, health, social",
    ]


def test_a_granted_exemption_in_the_file_longer_than_the_limit_refuses_the_whole_file(session):
    doc = document(KRAGERO_FILE)
    doc["exemptions"][1] |= {
        "status": "granted",
        "end": "2027-06-30",
        "granted_start": "2026-12-01",
        "granted_end": "2027-06-30",
        "reasons": "Helse.",
        "weighing": "Vurdert.",
        "decided_on": "2026-11-20",
        "decided_by": "kommuneoverlege@kragero.example",
    }
    assert problems_of(session, doc) == {"exemptions[1]": "NN-EXEMPT"}
    assert count(session, Exemption) == 0 and count(session, Scheme) == 0


def test_a_refused_right_in_the_file_is_refused_by_lv_exempt_right_and_a_decision_needs_reasons(session):
    doc = document(KRAGERO_FILE)
    doc["exemptions"][0] |= {"status": "refused", "reasons": "Nei.", "decided_on": "2026-11-20"}
    doc["exemptions"][2] |= {"status": "granted", "weighing": "Vurdert."}
    assert problems_of(session, doc) == {
        "exemptions[0]": "LV-EXEMPT-RIGHT",
        "exemptions[2].reasons": None,
        "exemptions[2].decided_on": None,
    }


def test_an_exemption_of_a_doctor_outside_the_scheme_or_an_unknown_scheme_is_named(session):
    doc = document(KRAGERO_FILE)
    doc["exemptions"][0]["doctor"] = "9401499"
    doc["exemptions"][1]["scheme"] = "legevakt"
    assert problems_of(session, doc) == {"exemptions[0].doctor": None, "exemptions[1].scheme": None}


def test_an_unknown_local_parameter_is_named(session):
    doc = document()
    doc["local_parameters"][0]["name"] = "agreements/max_listetak"
    assert problems_of(session, doc) == {"local_parameters[0].name": None}


def test_the_exported_legevakt_sections_import_again_unchanged(session):
    import_demo(session)
    for number in ("1824", "4014"):
        exported = file_service.export_municipality_file(session, actor=SYSTEM, municipality_number=number)
        assert exported["legevakt_schemes"] and exported["exemptions"]
        report = file_service.import_municipality_file(
            session, actor=SYSTEM, document=load_document(dump_document(exported))
        )
        assert report["created"] == {} and report["updated"] == {}
        assert report["unchanged"]["legevakt_scheme"] == 1


def test_a_changed_scheme_in_a_second_import_is_updated_in_place(session):
    import_demo(session, KRAGERO_FILE)
    doc = document(KRAGERO_FILE)
    doc["legevakt_schemes"][0]["office_days"][1]["weekdays"] = ["wednesday", "thursday"]
    report = file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert report["updated"] == {"legevakt_scheme": 1}
    assert count(session, Scheme) == 1
