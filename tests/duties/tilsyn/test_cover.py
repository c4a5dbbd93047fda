"""TILSYN-COVER on Vefsn's demo (SQLite and PostgreSQL): a GP tilsynslege in the absence register, the
sykehjemslege and the kommuneoverlege (municipal doctors outside the register) leave planned hours
uncovered per unit and day; a unit needing daily follow-up warns without a named substitute, and so does
each working day the kommuneoverlege has no stand-in; municipal doctors and their absences are added the
lawful way."""

from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from legetjeneste.duties.tilsyn.cover import service
from legetjeneste.duties.tilsyn.cover.models import MunicipalAbsence
from legetjeneste.duties.tilsyn.cover.schemas import MunicipalAbsenceIn, MunicipalDoctorAdd
from legetjeneste.errors import NotFound, ValidationFailed
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo

KOL = VEFSN_KOMMUNEOVERLEGE
JUNE = date(2027, 6, 14)  # Monday: the sykehjemslege away two weeks, the kommuneoverlege 21–23 June


@pytest.fixture
def demo(open_session):
    import_demo(open_session())
    return open_session


def june(demo, days: int = 14):
    return service.cover(demo(), actor=KOL, municipality_number="1824", first=JUNE, days=days)


def test_a_gp_tilsynslege_on_vacation_leaves_planned_hours_uncovered_with_the_vikar_budget_tilsyn_cover(demo):
    found = service.cover(demo(), actor=KOL, municipality_number="1824", first=date(2027, 7, 5), days=21)
    assert [(line.day, line.unit, line.hours, line.warns) for line in found.lines] == [
        (date(2027, 7, 7), "Miljøtunet langtidsplass", D("7.5"), False),
        (date(2027, 7, 14), "Miljøtunet langtidsplass", D("7.5"), False),
        (date(2027, 7, 21), "Miljøtunet langtidsplass", D("7.5"), False),
    ]
    assert found.uncovered_hours == D("22.5") and found.budget.year == 2027
    service.name_substitute(
        demo(), actor=KOL, unit_id=found.lines[0].unit_id, day=date(2027, 7, 7), name="Vikar Vefsn"
    )
    again = service.cover(demo(), actor=KOL, municipality_number="1824", first=date(2027, 7, 5), days=21)
    assert (again.lines[0].substitute, again.uncovered_hours) == ("Vikar Vefsn", D(15))


def test_the_sykehjemsleges_vacation_leaves_each_unit_uncovered_per_day_warning_where_needed_daily(demo):
    found = june(demo)
    sykehjemslege = [line for line in found.lines if line.doctor_name == "Ingvild Storhaug (sykehjemslege)"]
    assert len(sykehjemslege) == len(found.lines) == 10 * 3 + 8
    monday = {line.unit: (line.hours, line.warns) for line in found.lines if line.day == JUNE}
    assert monday == {
        "LMS ØHD/rehab": (D(4), True),
        "LMS korttid": (D(2), True),
        "Solina palliasjon/korttid": (D(1), True),
        "Fagansvar legetjenester i institusjon": (D("0.5"), False),
    }
    assert {line.day for line in found.lines} == {
        date(2027, 6, d) for d in (14, 15, 16, 17, 18, 21, 22, 23, 24, 25)
    }
    assert found.uncovered_hours == D(74)


def test_the_kommuneoverleges_course_days_need_a_named_stand_in_each_working_day_tilsyn_cover(demo):
    found = june(demo)
    assert [(s.day, s.doctor_name, s.role_label, s.warns) for s in found.standins] == [
        (date(2027, 6, d), "Per Aksel Rønning", "Kommuneoverlege", True) for d in (21, 22, 23)
    ]
    assert found.warnings == 30 + 3
    kommuneoverlege = found.standins[0].municipal_doctor_id
    service.name_standin(
        demo(), actor=KOL, municipal_doctor_id=kommuneoverlege, day=date(2027, 6, 21), name="Smittevernlegen"
    )
    ohd = next(line for line in found.lines if line.unit == "LMS ØHD/rehab")
    service.name_substitute(demo(), actor=KOL, unit_id=ohd.unit_id, day=JUNE, name="Vikar Vefsn")
    again = june(demo)
    assert again.standins[0].substitute == "Smittevernlegen" and not again.standins[0].warns
    assert (again.warnings, again.uncovered_hours) == (31, D(70))


def test_a_municipal_doctor_is_added_with_a_code_of_its_own_and_an_overlapping_absence_is_refused(demo):
    added = service.add_municipal_doctor(
        demo(),
        actor=KOL,
        municipality_number="1824",
        data=MunicipalDoctorAdd(name="Lise Fjellheim", role="kommuneoverlege"),
    )
    assert (added.code, added.role_label, added.needs_standin) == (
        "kommuneoverlege-2",
        "Kommuneoverlege",
        True,
    )
    service.add_absence(
        demo(),
        actor=KOL,
        municipal_doctor_id=added.id,
        data=MunicipalAbsenceIn(start=date(2027, 8, 2), end=date(2027, 8, 6)),
    )
    with pytest.raises(ValidationFailed) as refused:
        service.add_absence(
            demo(),
            actor=KOL,
            municipal_doctor_id=added.id,
            data=MunicipalAbsenceIn(start=date(2027, 8, 5), end=date(2027, 8, 9), text="Kurs"),
        )
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("start", "overlapper fraværet 2. august 2027–6. august 2027")
    ]
    assert demo().scalar(select(func.count()).select_from(MunicipalAbsence)) == 2 + 1
    found = service.cover(demo(), actor=KOL, municipality_number="1824", first=date(2027, 8, 2), days=7)
    assert [(s.day.day, s.doctor_name) for s in found.standins] == [
        (d, "Lise Fjellheim") for d in range(2, 7)
    ]


def test_another_municipality_can_neither_see_nor_cover_vefsns_municipal_doctors(demo):
    doctor_id = june(demo).standins[0].municipal_doctor_id
    with pytest.raises(NotFound):
        service.name_standin(
            demo(), actor=KRAGERO_KOMMUNEOVERLEGE, municipal_doctor_id=doctor_id, day=JUNE, name="X"
        )
    with pytest.raises(NotFound):
        service.add_absence(
            demo(),
            actor=KRAGERO_KOMMUNEOVERLEGE,
            municipal_doctor_id=doctor_id,
            data=MunicipalAbsenceIn(start=JUNE, end=JUNE),
        )


def test_an_absence_ending_before_it_starts_is_refused_by_its_shape():
    with pytest.raises(ValueError, match="sluttdatoen er før startdatoen"):
        MunicipalAbsenceIn(start=date(2027, 6, 2), end=date(2027, 6, 1))
