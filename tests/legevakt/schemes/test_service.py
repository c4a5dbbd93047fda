"""Schemes, courses and local parameters on the demo data, on SQLite and PostgreSQL: what is stored, what
the rules refuse (with their ids), and who may do what."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.legevakt.schemes import queries, service
from legetjeneste.legevakt.schemes.schemas import DoctorCourseIn, LocalParameterIn, SchemeIn
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry.models import Municipality
from tests.legevakt.demo import scheme_id
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    document,
)

KOL = VEFSN_KOMMUNEOVERLEGE


def test_the_vefsn_scheme_has_twelve_gps_and_a_lis1_who_needs_a_bakvakt(demo):
    read = service.get_scheme(demo, actor=KOL, scheme_id=scheme_id(demo, "1824", "legevakt"))
    assert read.kind == "legevakt" and len(read.participant_list) == 13
    needing = [p.doctor_name for p in read.participant_list if p.needs_bakvakt]
    assert needing == ["Emma Vikdal"]
    assert "LIS1" in read.participant_list[-1].competence
    weekday = read.shift_templates[0]
    assert (weekday.code, weekday.start.isoformat(), weekday.end.isoformat()) == (
        "hverdag",
        "15:30:00",
        "08:00:00",
    )
    assert weekday.has_bakvakt and [t.every_nth for t in read.targets[:2]] == [12, 6]


def test_a_gp_without_the_violence_course_needs_a_bakvakt_until_it_is_recorded(demo):
    data = SchemeIn.model_validate(
        {
            "code": "ny",
            "name": "Ny legevakt",
            "kind": "legevakt",
            "start": "2027-01-01",
            "participants": [{"doctor": "9182413", "start": "2027-01-01"}],
        }
    )
    saved = service.save_scheme(demo, actor=KOL, municipality_number="1824", data=data)
    assert saved.participant_list[0].needs_bakvakt
    for course in ("emergency_medicine", "violence_abuse"):
        service.record_course(
            demo,
            actor=KOL,
            municipality_number="1824",
            data=DoctorCourseIn(doctor="9182413", course=course, completed_on=date(2026, 5, 1)),
        )
    assert not service.get_scheme(demo, actor=KOL, scheme_id=saved.id).participant_list[0].needs_bakvakt


def test_an_intermunicipal_scheme_takes_doctors_of_its_partner_municipalities(demo):
    data = SchemeIn.model_validate(
        {
            "code": "interkommunal",
            "name": "Interkommunal legevakt",
            "kind": "legevakt",
            "start": "2027-01-01",
            "partners": ["4014"],
            "participants": [
                {"doctor": "9182401", "start": "2027-01-01"},
                {
                    "doctor": "9401410",
                    "municipality": "4014",
                    "start": "2027-01-01",
                    "participation_percentage": 50,
                },
            ],
        }
    )
    saved = service.save_scheme(demo, actor=KOL, municipality_number="1824", data=data)
    assert saved.partners == ["4014"]
    assert [(p.doctor_name, p.municipality_number) for p in saved.participant_list] == [
        ("Ingrid Haugvik", "1824"),
        ("Sindre Kalstad", "4014"),
    ]


def test_a_scheme_with_unknown_doctors_and_a_nodnett_without_office_days_lists_every_problem(demo):
    data = SchemeIn.model_validate(
        {
            "code": "feil",
            "name": "Feil",
            "kind": "nodnett",
            "start": "2027-01-01",
            "participants": [
                {"doctor": "9401410", "start": "2027-01-01", "office": "991001018"},
                {"doctor": "9182401", "start": "2027-01-01"},
            ],
        }
    )
    with pytest.raises(ValidationFailed) as error:
        service.save_scheme(demo, actor=KOL, municipality_number="1824", data=data)
    paths = {(p.path, p.rule_id) for p in error.value.problems}
    assert paths == {
        ("participants[0].doctor", None),
        ("participants[1].office", "NN-OFFICE-DAYS"),
        ("office_days", "NN-OFFICE-DAYS"),
    }
    assert service.list_schemes(demo, actor=KOL, municipality_number="1824")[0].code == "legevakt"
    assert len(service.list_schemes(demo, actor=KOL, municipality_number="1824")) == 1


def test_saving_a_scheme_again_replaces_its_lists_and_keeps_its_id(demo):
    original = scheme_id(demo, "1824", "legevakt")
    data = SchemeIn.model_validate(document()["legevakt_schemes"][0])
    data = data.model_copy(update={"participants": data.participants[:3], "targets": []})
    saved = service.save_scheme(demo, actor=KOL, municipality_number="1824", data=data)
    assert saved.id == original and len(saved.participant_list) == 3 and saved.targets == []


def test_only_those_who_edit_the_register_may_change_a_scheme_and_another_municipality_sees_nothing(demo):
    data = SchemeIn.model_validate(document()["legevakt_schemes"][0])
    with pytest.raises(Forbidden):
        service.save_scheme(demo, actor=VEFSN_DOCTOR, municipality_number="1824", data=data)
    with pytest.raises(NotFound):
        service.get_scheme(demo, actor=KRAGERO_KOMMUNEOVERLEGE, scheme_id=scheme_id(demo, "1824", "legevakt"))


def test_a_local_parameter_is_shown_next_to_the_national_one_and_used_from_its_date(demo):
    found = {p.name: p for p in service.list_parameters(demo, actor=KOL, municipality_number="1824")}
    legevakt = found["legevakt/legevakt_exemption_max_months"]
    assert (legevakt.national_value, legevakt.local_value, legevakt.value) == (12, 6, 6)
    assert "Vefsn" in legevakt.local_source and "§ 33" in legevakt.national_source
    with demo.begin():
        before = queries.parameter_value(
            demo,
            municipality_number="1824",
            name="legevakt/legevakt_exemption_max_months",
            on=date(2026, 1, 1),
        )
    assert before == 6
    with pytest.raises(ValidationFailed):
        service.set_local_parameter(
            demo,
            actor=KOL,
            municipality_number="1824",
            data=LocalParameterIn(
                name="agreements/max_listetak", since=date(2027, 1, 1), value=300, source="x"
            ),
        )


def test_an_imported_file_without_the_partner_municipality_is_refused_whole(session):
    doc = document()
    doc["legevakt_schemes"][0]["partners"] = ["9999"]
    with pytest.raises(ValidationFailed) as error:
        file_service.import_municipality_file(session, actor=SYSTEM, document=doc)
    assert [p.path for p in error.value.problems] == ["legevakt_schemes[0].partners"]
    with session.begin():
        assert session.get(Municipality, "1824") is None


def test_the_same_doctor_twice_from_the_same_day_or_a_bakvakt_day_twice_is_named_not_a_server_error(demo):
    data = SchemeIn.model_validate(
        {
            "code": "dobbel",
            "name": "Dobbel",
            "kind": "legevakt",
            "start": "2027-01-01",
            "participants": [{"doctor": "9182401", "start": "2027-01-01"}] * 2,
            "bakvakt_days": [{"day": "2027-01-05"}, {"day": "2027-01-05"}],
        }
    )
    with pytest.raises(ValidationFailed) as error:
        service.save_scheme(demo, actor=KOL, municipality_number="1824", data=data)
    assert [p.path for p in error.value.problems] == ["participants[1].start", "bakvakt_days[1].day"]
