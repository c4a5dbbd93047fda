"""A small legevakt scheme on Vefsn's demo doctors, for the roster tests (no tests here).

Six doctors with both courses (LV-COMPETENCE) take weekday shifts 15:30–08:00 and weekend shifts
09:00–09:00; solved for two weeks with a fixed seed and one worker, so every run gives the same roster.
"""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import JobRead, SolveCreate
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.schemas import DoctorCourseIn, SchemeIn
from tests.support import VEFSN_FILE, import_demo

VEFSN = "1824"
DOCTORS = ("9182403", "9182405", "9182406", "9182408", "9182411", "9182412")
FIRST, LAST = date(2027, 3, 1), date(2027, 3, 14)


def scheme_document(doctors=DOCTORS, *, code: str = "test-legevakt") -> dict:
    return {
        "code": code,
        "name": "Testlegevakt",
        "kind": "legevakt",
        "start": "2027-01-01",
        "shift_templates": [
            {
                "code": "hverdag",
                "name": "Hverdagsvakt",
                "start": "15:30",
                "end": "08:00",
                "day_kind": "weekday",
            },
            {"code": "helg", "name": "Helgevakt", "start": "09:00", "end": "09:00", "day_kind": "weekend"},
        ],
        "participants": [{"doctor": hpr, "start": "2027-01-01"} for hpr in doctors],
        "targets": [
            {"day_kind": "weekday", "every_nth": 6},
            {"day_kind": "weekend", "every_nth": 3},
        ],
    }


def make_scheme(session: Session, doctors=DOCTORS, *, import_vefsn: bool = True) -> int:
    """Vefsn's demo register and the test scheme; returns the scheme's id."""
    if import_vefsn:
        import_demo(session, VEFSN_FILE)
    for hpr in doctors:
        for course in ("emergency_medicine", "violence_abuse"):
            legevakt_service.record_course(
                session,
                actor=SYSTEM,
                municipality_number=VEFSN,
                data=DoctorCourseIn(doctor=hpr, course=course, completed_on=date(2020, 1, 1)),
            )
    saved = legevakt_service.save_scheme(
        session,
        actor=SYSTEM,
        municipality_number=VEFSN,
        data=SchemeIn.model_validate(scheme_document(doctors)),
    )
    return saved.id


def solve(session: Session, scheme_id: int, *, actor=SYSTEM, first=FIRST, last=LAST) -> JobRead:
    data = SolveCreate.model_validate({"from": first, "to": last, "time_limit": 10, "seed": 1, "workers": 1})
    return roster_service.start_solve(session, actor=actor, scheme_id=scheme_id, data=data, run="here")
