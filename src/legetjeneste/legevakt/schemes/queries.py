"""Selects and writes of schemes, doctors' courses and local parameters; never commits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.agreement import parameters
from legetjeneste.legevakt.schemes.models import (
    BakvaktDay,
    DoctorCourse,
    LocalParameter,
    NodnettOfficeDay,
    Participant,
    Scheme,
    SchemePartner,
    ShiftTemplate,
    Target,
)
from legetjeneste.legevakt.schemes.schemas import DoctorCourseIn, LocalParameterIn, SchemeIn
from legetjeneste.registry.models import Doctor, DoctorPeriod, Office


def schemes(session: Session, *, municipality_number: str) -> list[Scheme]:
    query = (
        select(Scheme)
        .where(Scheme.municipality_number == municipality_number)
        .options(selectinload(Scheme.participants))
        .order_by(Scheme.kind, Scheme.name)
    )
    return list(session.scalars(query))


def scheme(session: Session, scheme_id: int) -> Scheme | None:
    return session.get(Scheme, scheme_id)


def scheme_by_code(session: Session, *, municipality_number: str, code: str) -> Scheme | None:
    query = select(Scheme).where(Scheme.municipality_number == municipality_number, Scheme.code == code)
    return session.scalars(query).first()


def doctor_keys(session: Session, municipality_numbers: set[str]) -> set[tuple[str, str]]:
    rows = session.execute(
        select(Doctor.municipality_number, Doctor.hpr_number).where(
            Doctor.municipality_number.in_(municipality_numbers)
        )
    )
    return {(m, h) for m, h in rows}


def doctors_by_key(session: Session, municipality_numbers: set[str]) -> dict[tuple[str, str], Doctor]:
    found = session.scalars(select(Doctor).where(Doctor.municipality_number.in_(municipality_numbers)))
    return {(d.municipality_number, d.hpr_number): d for d in found}


def offices_by_orgnr(session: Session, municipality_numbers: set[str]) -> dict[str, Office]:
    found = session.scalars(select(Office).where(Office.municipality_number.in_(municipality_numbers)))
    return {o.organisation_number: o for o in found}


def replace_scheme(session: Session, *, municipality_number: str, data: SchemeIn) -> Scheme:
    """Create the scheme or replace what it holds, keeping its id (rosters refer to it)."""
    towns = {municipality_number, *data.partners}
    doctors = doctors_by_key(session, towns)
    offices = offices_by_orgnr(session, towns)
    found = scheme_by_code(session, municipality_number=municipality_number, code=data.code)
    if found is not None:
        _clear(session, found)
    scheme = found or Scheme(municipality_number=municipality_number, code=data.code)
    scheme.name, scheme.kind, scheme.description = data.name, data.kind, data.description
    scheme.start, scheme.end = data.start, data.end
    scheme.max_wishes_per_month = data.max_wishes_per_month
    session.add(scheme)
    scheme.partners = [SchemePartner(municipality_number=m) for m in dict.fromkeys(data.partners)]
    scheme.shift_templates = [
        ShiftTemplate(
            code=t.code,
            name=t.name,
            start_time=t.start,
            end_time=t.end,
            day_kind=t.day_kind,
            is_night=t.is_night,
            is_alternative=t.is_alternative,
            has_bakvakt=t.has_bakvakt,
            position=index,
        )
        for index, t in enumerate(data.shift_templates)
    ]
    scheme.participants = [
        Participant(
            doctor=doctors[(p.municipality or municipality_number, p.doctor)],
            office=offices[p.office] if p.office else None,
            participation_percentage=p.participation_percentage,
            start=p.start,
            end=p.end,
        )
        for p in data.participants
    ]
    scheme.targets = [
        Target(name=t.name, day_kind=t.day_kind, every_nth=t.every_nth, start=t.start, end=t.end)
        for t in data.targets
    ]
    scheme.office_days = [
        NodnettOfficeDay(office=offices[o.office], weekday=weekday)
        for o in data.office_days
        for weekday in o.weekdays
    ]
    scheme.bakvakt_days = [
        BakvaktDay(day=b.day, doctor=_doctor_in(doctors, towns, b.doctor)) for b in data.bakvakt_days
    ]
    session.flush()
    return scheme


def _clear(session: Session, scheme: Scheme) -> None:
    """Old rows go first: the new ones may carry the same unique keys."""
    for collection in (
        scheme.partners,
        scheme.shift_templates,
        scheme.participants,
        scheme.targets,
        scheme.office_days,
        scheme.bakvakt_days,
    ):
        collection.clear()
    session.flush()


def _doctor_in(doctors: dict[tuple[str, str], Doctor], towns: set[str], hpr: str | None) -> Doctor | None:
    if hpr is None:
        return None
    return next((doctors[(m, hpr)] for m in sorted(towns) if (m, hpr) in doctors), None)


def courses_of(session: Session, doctor_ids: list[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {d: set() for d in doctor_ids}
    rows = session.execute(
        select(DoctorCourse.doctor_id, DoctorCourse.course).where(DoctorCourse.doctor_id.in_(doctor_ids))
    )
    for doctor_id, course in rows:
        found[doctor_id].add(course)
    return found


def courses_of_doctor(session: Session, doctor_id: int) -> list[DoctorCourse]:
    return list(session.scalars(select(DoctorCourse).where(DoctorCourse.doctor_id == doctor_id)))


def courses(session: Session, *, municipality_number: str) -> list[DoctorCourse]:
    query = (
        select(DoctorCourse)
        .join(Doctor, Doctor.id == DoctorCourse.doctor_id)
        .where(Doctor.municipality_number == municipality_number)
        .order_by(DoctorCourse.id)
    )
    return list(session.scalars(query))


def vikar_doctor_ids(session: Session, doctor_ids: list[int], *, first: date, last: date) -> set[int]:
    """Doctors who serve a list as vikar at some time between `first` and `last`."""
    query = select(DoctorPeriod.doctor_id).where(
        DoctorPeriod.doctor_id.in_(doctor_ids),
        DoctorPeriod.role == "vikar",
        DoctorPeriod.start <= last,
        (DoctorPeriod.end.is_(None)) | (DoctorPeriod.end >= first),
    )
    return set(session.scalars(query))


def local_parameters(session: Session, *, municipality_number: str) -> list[LocalParameter]:
    query = (
        select(LocalParameter)
        .where(LocalParameter.municipality_number == municipality_number)
        .order_by(LocalParameter.name, LocalParameter.since)
    )
    return list(session.scalars(query))


def local_value(session: Session, *, municipality_number: str, name: str, on: date) -> LocalParameter | None:
    query = (
        select(LocalParameter)
        .where(
            LocalParameter.municipality_number == municipality_number,
            LocalParameter.name == name,
            LocalParameter.since <= on,
        )
        .order_by(LocalParameter.since.desc())
    )
    return session.scalars(query).first()


def parameter_value(session: Session, *, municipality_number: str, name: str, on: date) -> int:
    """The municipality's own value in force, else the national one (DESIGN: local overrides)."""
    local = local_value(session, municipality_number=municipality_number, name=name, on=on)
    if local is not None:
        return int(local.value["value"])
    return parameters.value(name, on=on)


def store_local_parameter(session: Session, municipality_number: str, data: LocalParameterIn) -> None:
    existing = [
        p
        for p in local_parameters(session, municipality_number=municipality_number)
        if p.name == data.name and p.since == data.since
    ]
    row = existing[0] if existing else LocalParameter(municipality_number=municipality_number, name=data.name)
    row.since, row.value, row.source = data.since, {"value": data.value}, data.source
    session.add(row)
    session.flush()


def store_course(session: Session, doctor_id: int, data: DoctorCourseIn) -> None:
    found = [c for c in courses_of_doctor(session, doctor_id) if c.course == data.course]
    row = found[0] if found else DoctorCourse(doctor_id=doctor_id, course=data.course)
    row.completed_on = data.completed_on
    session.add(row)
    session.flush()
