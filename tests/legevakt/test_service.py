"""Schemes, exemptions and local parameters on the demo data, on SQLite and PostgreSQL: what is stored, what
the rules refuse (with their ids), who may do what, and the exempt periods the roster builds on."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, Forbidden, NotFound, RuleViolation, ValidationFailed
from legetjeneste.legevakt import queries
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.schemas import (
    DoctorCourseIn,
    ExemptionApply,
    ExemptionDecide,
    LocalParameterIn,
    SchemeIn,
)
from legetjeneste.legevakt.schemes import service
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry.models import Municipality
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    document,
    import_demo,
)

KOL = VEFSN_KOMMUNEOVERLEGE


def scheme_id(session, number: str, code: str) -> int:
    with session.begin():
        return queries.scheme_by_code(session, municipality_number=number, code=code).id


def pending(session, number: str) -> dict[str, int]:
    found = exemption_service.list_exemptions(
        session, actor=SYSTEM, municipality_number=number, status="pending"
    )
    return {e.doctor_hpr: e.id for e in found}


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


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
        before = service.parameter_value(
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


def test_a_kragero_pending_right_over_60_cannot_be_refused_and_is_granted_from_the_application(demo):
    knut = pending(demo, "4014")["9401405"]
    refusal = ExemptionDecide(decision="refused", reasons="Beredskapen ved GKL blir for svak.")
    with pytest.raises(RuleViolation) as error:
        exemption_service.decide_exemption(
            demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=knut, data=refusal
        )
    assert error.value.rule_id == "LV-EXEMPT-RIGHT"
    grant = ExemptionDecide(decision="granted", reasons="Legen er over 60 år (FLF § 33).")
    decided = exemption_service.decide_exemption(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=knut, data=grant
    )
    assert (decided.status, decided.granted_start, decided.granted_end) == (
        "granted",
        date(2026, 12, 1),
        None,
    )
    assert decided.rule_id == "LV-EXEMPT-RIGHT" and decided.decided_by == "kol@kragero.example"
    with pytest.raises(Conflict):
        exemption_service.decide_exemption(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=knut, data=grant)


def test_a_nodnett_exemption_longer_than_six_months_is_refused_by_nn_exempt(demo):
    even = pending(demo, "4014")["9401408"]
    too_long = ExemptionDecide(
        decision="granted",
        reasons="Helsemessige grunner er dokumentert.",
        weighing="Beredskapen ved GKL er vurdert.",
        granted_start=date(2026, 12, 1),
        granted_end=date(2027, 6, 1),
    )
    with pytest.raises(RuleViolation) as error:
        exemption_service.decide_exemption(
            demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=even, data=too_long
        )
    assert error.value.rule_id == "NN-EXEMPT" and "31. mai 2027" in error.value.message
    exact = too_long.model_copy(update={"granted_end": date(2027, 5, 31)})
    decided = exemption_service.decide_exemption(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=even, data=exact
    )
    assert decided.granted_end == date(2027, 5, 31) and decided.weighing == "Beredskapen ved GKL er vurdert."


def test_a_discretionary_grant_without_the_weighing_is_refused_and_nothing_is_written(demo):
    tone = pending(demo, "4014")["9401406"]
    data = ExemptionDecide(decision="granted", reasons="Sosiale grunner.")
    with pytest.raises(RuleViolation, match="Vektleggingen"):
        exemption_service.decide_exemption(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=tone, data=data)
    assert exemption_service.get_exemption(demo, actor=SYSTEM, exemption_id=tone).status == "pending"


def test_a_doctor_may_apply_but_not_decide_and_must_take_part_in_the_scheme(demo):
    vefsn = scheme_id(demo, "1824", "legevakt")
    application = ExemptionApply(
        doctor="9182407", ground="breastfeeding", start=date(2027, 1, 1), child_birth_date=date(2026, 9, 1)
    )
    saved = exemption_service.apply_for_exemption(demo, actor=VEFSN_DOCTOR, scheme_id=vefsn, data=application)
    assert saved.status == "pending" and saved.is_right
    with pytest.raises(Forbidden):
        exemption_service.decide_exemption(
            demo,
            actor=VEFSN_DOCTOR,
            exemption_id=saved.id,
            data=ExemptionDecide(decision="granted", reasons="x"),
        )
    decided = exemption_service.decide_exemption(
        demo, actor=KOL, exemption_id=saved.id, data=ExemptionDecide(decision="granted", reasons="Ammer.")
    )
    assert (decided.granted_start, decided.granted_end) == (date(2027, 1, 1), date(2027, 8, 31))
    outsider = application.model_copy(update={"doctor": "9182413"})
    with pytest.raises(ValidationFailed) as error:
        exemption_service.apply_for_exemption(demo, actor=KOL, scheme_id=vefsn, data=outsider)
    assert error.value.problems[0].path == "doctor"


def test_an_application_without_the_facts_its_ground_needs_names_the_field(demo):
    vefsn = scheme_id(demo, "1824", "legevakt")
    for ground, field in (
        ("pregnancy", "due_date"),
        ("breastfeeding", "child_birth_date"),
        ("health", "end"),
    ):
        data = ExemptionApply(doctor="9182407", ground=ground, start=date(2027, 1, 1))
        with pytest.raises(ValidationFailed) as error:
            exemption_service.apply_for_exemption(demo, actor=KOL, scheme_id=vefsn, data=data)
        assert [p.path for p in error.value.problems] == [field]


def test_the_exempt_periods_of_a_scheme_start_on_the_60th_birthday_inside_the_roster_period(demo):
    kragero = scheme_id(demo, "4014", "nodnett")
    vefsn = scheme_id(demo, "1824", "legevakt")
    geir = ExemptionApply(doctor="9401402", ground="over_60", start=date(2026, 7, 1))
    saved = exemption_service.apply_for_exemption(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, scheme_id=kragero, data=geir
    )
    exemption_service.decide_exemption(
        demo,
        actor=KRAGERO_KOMMUNEOVERLEGE,
        exemption_id=saved.id,
        data=ExemptionDecide(decision="granted", reasons="60 år."),
    )
    with demo.begin():
        found = exemption_service.exempt_periods_of_scheme(
            demo, scheme_id=kragero, first=date(2026, 7, 1), last=date(2026, 12, 31)
        )
        vefsn_found = exemption_service.exempt_periods_of_scheme(
            demo, scheme_id=vefsn, first=date(2027, 1, 1), last=date(2027, 6, 30)
        )
    assert [(p.period.start, p.period.end) for p in found["9401402"]] == [
        (date(2026, 7, 14), date(2026, 12, 31))
    ]
    assert found["9401405"] == []
    assert [p.nights_only for p in vefsn_found["9182406"]] == [True]
    assert vefsn_found["9182404"][0].period.start == date(2027, 1, 1)


def test_the_decision_help_tells_the_rule_and_the_longest_period_before_deciding(demo):
    found = pending(demo, "4014")
    even = exemption_service.decision_help(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=found["9401408"])
    assert (even["rule_id"], even["max_months"]) == ("NN-EXEMPT", 6) and "særlig vekt" in even["age_note"]
    knut = exemption_service.decision_help(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=found["9401405"])
    assert knut["rule_id"] == "LV-EXEMPT-RIGHT" and knut["right_start"] == date(2024, 5, 5)


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
