"""Use cases of cover while doctors are away (TILSYN-COVER): the planned tilsyn hours that stand uncovered per
unit and day while a tilsynslege (a GP in the absence register), the sykehjemslege or another municipal doctor
is away, with named substitutes; the kommuneoverlege's days without a stand-in; the municipal doctors who are
not GPs and their absences; and the year's vikar budget beside it."""

from collections import defaultdict
from collections.abc import Hashable
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.absence import queries as absence_queries
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.duties.tilsyn import queries as tilsyn_queries
from legetjeneste.duties.tilsyn import rules as tilsyn_rules
from legetjeneste.duties.tilsyn import service as tilsyn_service
from legetjeneste.duties.tilsyn.budget import service as budget_service
from legetjeneste.duties.tilsyn.cover import queries, rules
from legetjeneste.duties.tilsyn.cover.models import MunicipalAbsence, MunicipalDoctor, Substitute
from legetjeneste.duties.tilsyn.cover.schemas import (
    CoverLineRead,
    CoverRead,
    MunicipalAbsenceIn,
    MunicipalAbsenceRead,
    MunicipalDoctorAdd,
    MunicipalDoctorRead,
    StandinLine,
    UncoveredLine,
)
from legetjeneste.duties.tilsyn.models import PlanHours, Unit
from legetjeneste.errors import Problem, ValidationFailed


def municipal_doctor_read(row: MunicipalDoctor) -> MunicipalDoctorRead:
    return MunicipalDoctorRead(
        id=row.id,
        code=row.code,
        name=row.name,
        role=row.role,
        role_label=rules.ROLES[row.role],
        needs_standin=rules.needs_standin(row.role),
        absences=[MunicipalAbsenceRead(id=a.id, start=a.start, end=a.end, text=a.text) for a in row.absences],
    )


def _who(row: PlanHours) -> Hashable | None:
    if row.doctor_id is not None:
        return ("gp", row.doctor_id)
    if row.municipal_doctor_id is not None:
        return ("municipal", row.municipal_doctor_id)
    return None


def _away(session: Session, number: str, doctors: list[MunicipalDoctor], first: date, last: date):
    """Who is away when: GPs from the absence register, municipal doctors from their own absences."""
    away: dict[Hashable, list[tuple[date, date]]] = defaultdict(list)
    for absence in absence_queries.absences(session, municipality_number=number, overlapping=(first, last)):
        away[("gp", absence.doctor_id)].append((absence.start, absence.end))
    for doctor in doctors:
        away[("municipal", doctor.id)] += [(a.start, a.end) for a in doctor.absences]
    return away


def _unit_lines(session: Session, number: str, doctors: list[MunicipalDoctor], away, first: date, last: date):
    plan = tilsyn_service.plan_on(tilsyn_queries.plans(session, municipality_number=number), first, None)
    hours = plan.hours if plan else []
    units = {
        u.id: u for i in tilsyn_queries.institutions(session, municipality_number=number) for u in i.units
    }
    names: dict[Hashable, str] = {("municipal", d.id): rules.display_name(d.name, d.role) for d in doctors}
    names |= {("gp", r.doctor_id): r.doctor.full_name for r in hours if r.doctor}
    subs = {
        (s.unit_id, s.day): s.name
        for s in queries.substitutes(session, unit_ids=list(units), first=first, last=last)
        if s.unit_id is not None
    }
    daily = frozenset(uid for uid, u in units.items() if tilsyn_rules.needs_daily_follow_up(u.bed_type))
    found = rules.uncovered(
        [rules.Planned(r.unit_id, r.weekday, r.hours, _who(r)) for r in hours],
        away=away,
        first=first,
        last=last,
        substitutes=subs,
        daily_units=daily,
    )
    return [
        UncoveredLine(
            unit_id=u.unit,
            day=u.day,
            institution=units[u.unit].institution.name,
            unit=units[u.unit].name,
            hours=u.hours,
            doctor_name=names.get(u.doctor, ""),
            substitute=u.substitute,
            warns=u.warns,
        )
        for u in found
    ]


def _standin_lines(session: Session, doctors: list[MunicipalDoctor], away, first: date, last: date):
    needing: dict[Hashable, MunicipalDoctor] = {
        ("municipal", d.id): d for d in doctors if rules.needs_standin(d.role)
    }
    ids = [d.id for d in needing.values()]
    named: dict[tuple[Hashable, date], str] = {
        (("municipal", s.municipal_doctor_id), s.day): s.name
        for s in queries.standins(session, doctor_ids=ids, first=first, last=last)
    }
    found = rules.standins(list(needing), away=away, first=first, last=last, named=named)
    return [
        StandinLine(
            municipal_doctor_id=needing[s.doctor].id,
            day=s.day,
            doctor_name=needing[s.doctor].name,
            role_label=rules.ROLES[needing[s.doctor].role],
            substitute=s.substitute,
            warns=s.warns,
        )
        for s in found
    ]


def cover(
    session: Session, *, actor: Actor, municipality_number: str, first: date | None = None, days: int = 28
) -> CoverRead:
    """TILSYN-COVER — per unit and day, the planned hours whose tilsynslege, sykehjemslege or other municipal
    doctor is away, with the named substitute; a warning where a unit needing daily follow-up has none, and
    each working day the kommuneoverlege's function has no stand-in; the year's vikar budget against what is
    spent."""
    auth_service.require(actor, "duties.read")
    start = first or today_oslo()
    last = start + timedelta(days=days - 1)
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        doctors = queries.municipal_doctors(session, municipality_number=municipality_number)
        away = _away(session, municipality_number, doctors, start, last)
        lines = _unit_lines(session, municipality_number, doctors, away, start, last)
        standins = _standin_lines(session, doctors, away, start, last)
        return CoverRead(
            first=start,
            last=last,
            lines=lines,
            standins=standins,
            uncovered_hours=sum((u.hours for u in lines if u.substitute is None), Decimal(0)),
            warnings=sum(1 for u in lines if u.warns) + sum(1 for s in standins if s.warns),
            municipal_doctors=[municipal_doctor_read(d) for d in doctors],
            budget=budget_service.year_budget(
                session, municipality_number=municipality_number, year=start.year
            ),
        )


def _audit(session: Session, actor: Actor, entity: str, record_id: int, number: str, action="update") -> None:
    audit_service.record(
        session, actor=actor, action=action, entity=entity, record_ids=[record_id], municipality_number=number
    )


def _save_substitute(session: Session, *, day: date, name: str, doctor_id: int | None, **key) -> Substitute:
    found = queries.substitute(session, day=day, **key)
    if found is None:
        found = Substitute(day=day, name=name, doctor_id=doctor_id, **key)
        session.add(found)
    found.name, found.doctor_id = name, doctor_id
    session.flush()
    return found


def _name(
    session: Session, actor: Actor, *, day: date, name: str, doctor_id: int | None, holder
) -> CoverLineRead:
    """TILSYN-COVER — a named substitute for a day: `holder()` (inside the transaction) finds what is covered
    and gives the substitute's key, the municipality and the line's unit and label."""
    auth_service.require(actor, "duties.write")
    if not name.strip():
        raise ValidationFailed([Problem("name", "skriv navnet på stedfortrederen")])
    with session.begin():
        key, number, unit_id, label = holder()
        found = _save_substitute(session, day=day, name=name.strip(), doctor_id=doctor_id, **key)
        _audit(session, actor, "tilsyn_substitute", found.id, number)
        return CoverLineRead(unit_id=unit_id, unit=label, day=day, substitute=found.name)


def name_substitute(
    session: Session, *, actor: Actor, unit_id: int, day: date, name: str, doctor_id: int | None = None
) -> CoverLineRead:
    """TILSYN-COVER — a named substitute for a unit on a day its tilsynslege is away."""

    def unit():
        found = scope.row(
            session,
            actor,
            Unit,
            unit_id,
            missing=f"Avdeling {unit_id} finnes ikke.",
            municipality_of=lambda row: row.institution.municipality_number,
        )
        return {"unit_id": found.id}, found.institution.municipality_number, found.id, found.name

    return _name(session, actor, day=day, name=name, doctor_id=doctor_id, holder=unit)


def name_standin(
    session: Session,
    *,
    actor: Actor,
    municipal_doctor_id: int,
    day: date,
    name: str,
    doctor_id: int | None = None,
) -> CoverLineRead:
    """TILSYN-COVER, VEFSN 8.1.3 — a named stand-in for the kommuneoverlege's (or smittevernlege's) function
    on a day they are away."""

    def function():
        doctor = _municipal_doctor(session, actor, municipal_doctor_id)
        return {"municipal_doctor_id": doctor.id}, doctor.municipality_number, None, rules.ROLES[doctor.role]

    return _name(session, actor, day=day, name=name, doctor_id=doctor_id, holder=function)


def _municipal_doctor(session: Session, actor: Actor, municipal_doctor_id: int) -> MunicipalDoctor:
    return scope.row(
        session,
        actor,
        MunicipalDoctor,
        municipal_doctor_id,
        missing=f"Lege {municipal_doctor_id} finnes ikke.",
    )


def _free_code(session: Session, number: str, role: str) -> str:
    taken = {d.code for d in queries.municipal_doctors(session, municipality_number=number)}
    return next(code for n in range(1, 1000) if (code := role if n == 1 else f"{role}-{n}") not in taken)


def add_municipal_doctor(
    session: Session, *, actor: Actor, municipality_number: str, data: MunicipalDoctorAdd
) -> MunicipalDoctorRead:
    """TILSYN-COVER — a municipal doctor who is not a GP in the register (the sykehjemslege, the
    kommuneoverlege), so their absences can be covered; the code (for the municipality file) is the role."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        row = MunicipalDoctor(
            municipality_number=municipality_number,
            code=_free_code(session, municipality_number, data.role),
            name=data.name.strip(),
            role=data.role,
            absences=[],
        )
        session.add(row)
        session.flush()
        _audit(session, actor, "tilsyn_municipal_doctor", row.id, municipality_number, "create")
        return municipal_doctor_read(row)


def add_absence(
    session: Session, *, actor: Actor, municipal_doctor_id: int, data: MunicipalAbsenceIn
) -> MunicipalDoctorRead:
    """TILSYN-COVER — a municipal doctor away from a day to a day; their planned tilsyn hours stand uncovered
    (or the kommuneoverlege's function needs a stand-in) until a substitute is named."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        doctor = _municipal_doctor(session, actor, municipal_doctor_id)
        problems = rules.overlap_problems(
            [(a.start, a.end) for a in doctor.absences], start=data.start, end=data.end
        )
        if problems:
            raise ValidationFailed(problems)
        found = next((a for a in doctor.absences if a.start == data.start), None)
        if found is None:
            found = MunicipalAbsence(start=data.start)
            doctor.absences.append(found)
        found.end, found.text = data.end, data.text
        session.flush()
        _audit(session, actor, "tilsyn_municipal_absence", found.id, doctor.municipality_number, "create")
        return municipal_doctor_read(doctor)
