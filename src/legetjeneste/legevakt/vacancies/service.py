"""The vacancy list (LV-SHIFTS-VEFSN, LV-ALWAYS): shifts a published roster left vacant, the doctors who
volunteer for them, the doctors who could take one without breaking a hard rule, assigning one (the rules
checked again on today's facts), and the count of vacant shifts per scheme and year."""

from collections import Counter
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, now_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Conflict, Forbidden, NotFound, RuleViolation
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment, VacancyVolunteer
from legetjeneste.legevakt.schemes.models import Participant, Scheme
from legetjeneste.legevakt.vacancies import queries
from legetjeneste.legevakt.vacancies.schemas import CandidateRead, VacancyCount, VacancyRead, VolunteerRead
from legetjeneste.norwegian import day_text
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.rostering import solver

CITATIONS = {
    "LV-ALWAYS": "akuttmedisinforskriften § 6",
    "LV-DUTY": "FLF § 33",
    "LV-EXEMPT-RIGHT": "FLF § 33",
    "LV-EXEMPT-DISCRETION": "FLF § 33",
    "LV-COMPETENCE": "kompetanseforskriften § 3, § 3a",
    "LV-REST": "SFS 2305 § 7.4",
    "LV-SHIFTS-VEFSN": "VEFSN 6.2, Vedlegg 2",
    "NN-OFFICE-DAYS": "KRAGERØ",
    "NN-EXEMPT": "KRAGERØ",
}


def _vacancy(session: Session, actor: Actor, assignment_id: int, *, lock: bool = False) -> RosterAssignment:
    """A shift of the vacancy list: vacant when its roster was published. With `lock`, its row is taken
    and read as it is now (`queries.lock_assignment`)."""
    missing = f"Ledig vakt {assignment_id} finnes ikke på vakanslisten."
    found = (queries.lock_assignment if lock else queries.assignment)(session, assignment_id)
    if found is None or not found.was_vacant or found.roster.status != "published":
        raise NotFound(missing)
    return scope.row(
        session,
        actor,
        RosterAssignment,
        assignment_id,
        missing=missing,
        municipality_of=lambda row: row.roster.municipality_number,
    )


def _vacancy_read(assignment: RosterAssignment) -> VacancyRead:
    roster = assignment.roster
    return VacancyRead(
        assignment_id=assignment.id,
        roster_id=roster.id,
        scheme_id=roster.scheme_id,
        scheme_name=roster.scheme.name,
        shift_id=assignment.shift_key,
        date=assignment.on,
        label=assignment.label,
        starts_at=assignment.starts_at,
        ends_at=assignment.ends_at,
        filled=assignment.doctor_id is not None,
        doctor_name=assignment.doctor.full_name if assignment.doctor else None,
        volunteers=[
            VolunteerRead(
                doctor_id=v.doctor_id,
                hpr_number=v.doctor.hpr_number,
                name=v.doctor.full_name,
                registered_at=v.registered_at,
                registered_by=v.registered_by,
            )
            for v in assignment.volunteers
        ],
    )


def list_vacancies(
    session: Session, *, actor: Actor, scheme_id: int, year: int | None = None
) -> list[VacancyRead]:
    """The shifts published rosters of the scheme left vacant, filled since or not, in date order."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        return [_vacancy_read(a) for a in queries.vacancies(session, scheme_id=scheme_id, year=year)]


def _participant(session: Session, scheme_id: int, doctor_id: int, day: date) -> Participant:
    rows = queries.participations(session, scheme_id=scheme_id, doctor_id=doctor_id)
    found = next((p for p in rows if p.period.contains(day)), None)
    if found is None:
        raise RuleViolation(
            "LV-DUTY", CITATIONS["LV-DUTY"], "Legen er ikke med i ordningen den dagen vakten gjelder."
        )
    return found


def volunteer(
    session: Session, *, actor: Actor, assignment_id: int, doctor_id: int | None = None
) -> VacancyRead:
    """A doctor offers to take a vacant shift: a doctor user for themselves, staff for any participant."""
    auth_service.require(actor, "legevakt.read")
    own = getattr(actor, "doctor_id", None)
    if actor.role == "doctor":
        if own is None:
            raise Forbidden("Brukeren din er ikke knyttet til en lege i registeret.")
        if doctor_id not in (None, own):
            raise Forbidden("En lege kan bare melde seg selv til en ledig vakt.")
        doctor_id = own
    else:
        auth_service.require(actor, "legevakt.write")
    if doctor_id is None:
        raise Conflict("Velg legen som melder seg.")
    with write_transaction(session):
        assignment = _vacancy(session, actor, assignment_id, lock=True)
        if assignment.doctor_id is not None:
            raise Conflict("Vakten er allerede besatt.")
        _participant(session, assignment.roster.scheme_id, doctor_id, assignment.on)
        if any(v.doctor_id == doctor_id for v in assignment.volunteers):
            raise Conflict("Legen har allerede meldt seg til denne vakten.")
        assignment.volunteers.append(
            VacancyVolunteer(doctor_id=doctor_id, registered_at=now_oslo(), registered_by=actor.email)
        )
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="vacancy_volunteer",
            record_ids=[assignment.id],
            municipality_number=assignment.roster.municipality_number,
            detail={"doctor": doctor_id},
        )
        session.refresh(assignment)
        return _vacancy_read(assignment)


def _facts(session: Session, assignment: RosterAssignment):
    """Today's problem for the roster's period (exemptions granted since count) and the roster as it is."""
    roster = assignment.roster
    problem = problem_builder.build(session, roster.scheme, Period(roster.start_date, roster.end_date))
    shifts = queries.roster_assignments(session, roster.id)
    current = {a.shift_key: (a.doctor.hpr_number if a.doctor else None) for a in shifts}
    return problem, current


def candidates(session: Session, *, actor: Actor, assignment_id: int) -> list[CandidateRead]:
    """The doctors who could take the vacant shift without breaking a hard rule, fewest of its kind first
    (those who volunteered are marked)."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        assignment = _vacancy(session, actor, assignment_id)
        problem, current = _facts(session, assignment)
        doctors = {p.doctor.hpr_number: p.doctor for p in assignment.roster.scheme.participants}
        volunteered = {v.doctor_id for v in assignment.volunteers}
        found = solver.candidates(problem, {**current, assignment.shift_key: None}, assignment.shift_key)
        return [
            CandidateRead(
                doctor_id=doctors[c.key].id,
                hpr_number=c.key,
                name=c.name,
                count_of_kind=c.count_of_kind,
                text=c.text,
                volunteered=doctors[c.key].id in volunteered,
            )
            for c in found
            if c.key in doctors
        ]


def assign(session: Session, *, actor: Actor, assignment_id: int, doctor_id: int) -> VacancyRead:
    """Give the vacant shift to a doctor; the hard rules are checked again and the first broken one
    refuses it with its rule id. Assignments of one shift, and of one doctor, take turns (the shift's and
    the doctor's rows are locked, in that order), so a shift gets one doctor and two shifts given at the
    same moment cannot together break LV-REST (docs/adr/0010)."""
    auth_service.require(actor, "roster.publish")
    with write_transaction(session):
        assignment = _vacancy(session, actor, assignment_id, lock=True)
        if assignment.doctor_id is not None:
            raise Conflict("Vakten er allerede besatt.")
        _participant(session, assignment.roster.scheme_id, doctor_id, assignment.on)
        doctor = queries.lock_doctor(session, doctor_id)
        assert doctor is not None
        problem, current = _facts(session, assignment)
        trial = {**current, assignment.shift_key: doctor.hpr_number}
        broken = [
            v
            for v in solver.violations(problem, trial)
            if v.participant == doctor.hpr_number
            or (v.shift_id == assignment.shift_key and v.participant is None)
        ]
        if broken:
            first = broken[0]
            raise RuleViolation(
                first.rule_id,
                CITATIONS.get(first.rule_id, ""),
                f"{doctor.full_name} kan ikke ta vakten: {first.text}",
            )
        assignment.doctor, assignment.filled_at, assignment.filled_by = doctor, now_oslo(), actor.email
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="roster_assignment",
            record_ids=[assignment.id],
            municipality_number=assignment.roster.municipality_number,
            detail={"doctor": doctor_id},
        )
        return _vacancy_read(assignment)


def tell_vacancies(session: Session, *, roster: Roster, replaced: Roster | None) -> None:
    """LV-ALWAYS — when a published roster opens vacant shifts (vacant now, and not already in the version it
    replaces), each participant who could take one without breaking a hard rule is told once, inside the
    publishing transaction. The check is the candidates' own: one problem for the roster, no solve."""
    before = {a.shift_key for a in replaced.assignments if a.doctor_id is None} if replaced else set()
    opened = [a for a in roster.assignments if a.doctor_id is None and a.shift_key not in before]
    if not opened:
        return
    problem = problem_builder.build(session, roster.scheme, Period(roster.start_date, roster.end_date))
    current = {a.shift_key: (a.doctor.hpr_number if a.doctor else None) for a in roster.assignments}
    known = {s.id for s in problem.shifts}
    could: dict[str, list[RosterAssignment]] = {}
    for shift in (a for a in opened if a.shift_key in known):
        for candidate in solver.candidates(problem, current, shift.shift_key):
            could.setdefault(candidate.key, []).append(shift)
    doctors = {p.doctor.hpr_number: p.doctor_id for p in roster.scheme.participants}
    for key, shifts in could.items():
        if key in doctors:
            _tell_vacancy(session, roster, doctors[key], shifts)


def _tell_vacancy(session: Session, roster: Roster, doctor_id: int, shifts: list[RosterAssignment]) -> None:
    listed = "; ".join(f"{a.label} {day_text(a.on, weekday=True)}" for a in shifts[:10])
    more = f" og {len(shifts) - 10} til" if len(shifts) > 10 else ""
    inbox_service.tell(
        session,
        municipality_number=roster.municipality_number,
        kind="vacancy",
        subject=f"Ledige vakter du kan ta i {roster.scheme.name}",
        body=f"Disse vaktene er ledige, og du kan ta dem uten å bryte en regel: {listed}{more}. "
        "Meld deg på vakanslisten.",
        link=f"/ordninger/{roster.scheme_id}/vakanser",
        rule_id="LV-ALWAYS",
        doctor_id=doctor_id,
    )


def vacancy_counts(
    session: Session, *, actor: Actor, municipality_number: str, year: int
) -> list[VacancyCount]:
    """Per scheme of the municipality: the shifts published rosters left vacant in the year, how many were
    filled from the vacancy list, and how many are still vacant."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        rows = queries.vacant_rows(session, municipality_number=municipality_number, year=year)
        schemes = queries.scheme_names(session, municipality_number=municipality_number)
        vacant, filled = Counter(r.id for r in rows), Counter(r.id for r in rows if r.doctor_id is not None)
        return [
            VacancyCount(
                scheme_id=s.id,
                scheme_name=s.name,
                year=year,
                vacant_at_publication=vacant[s.id],
                filled=filled[s.id],
                still_vacant=vacant[s.id] - filled[s.id],
            )
            for s in schemes
        ]


def doctor_options(session: Session, *, actor: Actor, scheme_id: int) -> list[tuple[int, str]]:
    """The scheme's participants as (doctor id, name) for the vacancy forms, by name."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        found = {p.doctor_id: p.doctor.full_name for p in scheme.participants}
        return sorted(found.items(), key=lambda item: item[1])


def year_figures(session: Session, *, municipality_number: str, year: int) -> dict[str, int]:
    """STAT-LV-VACANCY — the year's legevakt shifts and those left vacant, counted from the published rosters
    (for the yearly statistics, `Feature.year_figures`); nothing when no roster was published that year, so
    the figures the municipality registered stand."""
    shifts, vacant = queries.shift_counts(session, municipality_number=municipality_number, year=year)
    return {"legevakt_shifts": shifts, "legevakt_vacant_shifts": vacant} if shifts else {}
