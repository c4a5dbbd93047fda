"""Use cases of schemes: list, read, create or replace one; the municipality's local parameters next to
the national ones; doctors' courses (LV-COMPETENCE)."""

from datetime import date, timedelta

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.legevakt.exemptions import queries as exemption_queries
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.rules import PENDING
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.schemes import queries, rules
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.schemes.schemas import (
    DoctorCourseIn,
    LocalParameterIn,
    ParameterRead,
    SchemeIn,
    SchemeRead,
    SchemeSummary,
    participant_read,
    scheme_read,
    scheme_summary,
)
from legetjeneste.registry import queries as registry_queries


def list_schemes(session: Session, *, actor: Actor, municipality_number: str) -> list[SchemeSummary]:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        pending = exemption_queries.exemptions(
            session, municipality_number=municipality_number, status=PENDING
        )
        return [
            scheme_summary(s, pending=sum(1 for e in pending if e.scheme_id == s.id))
            for s in queries.schemes(session, municipality_number=municipality_number)
        ]


def get_scheme(
    session: Session, *, actor: Actor, scheme_id: int, with_exemptions: bool = False
) -> SchemeRead:
    """A scheme with its participants and, when asked for, its exemptions as the actor may see them: their
    health data only for the doctor concerned and those who decide (audited). Without them the list of
    exemptions is empty and nothing is read (the roster and edit pages)."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        return read_scheme(session, scheme, actor=actor, with_exemptions=with_exemptions)


def read_scheme(
    session: Session, scheme: Scheme, *, actor: Actor, with_exemptions: bool = True
) -> SchemeRead:
    doctor_ids = [p.doctor_id for p in scheme.participants]
    courses = queries.courses_of(session, doctor_ids)
    today = today_oslo()
    vikars = queries.vikar_doctor_ids(session, doctor_ids, first=today, last=today)
    participants = [
        participant_read(p, courses=courses[p.doctor_id], is_vikar=p.doctor_id in vikars)
        for p in scheme.participants
    ]
    exemptions = exemption_queries.exemptions(
        session, municipality_number=scheme.municipality_number, scheme_id=scheme.id
    )
    shown = (
        exemption_service.views(
            session,
            actor=actor,
            exemptions=exemptions,
            municipality_number=scheme.municipality_number,
            view="scheme",
        )
        if with_exemptions
        else []
    )
    pending = sum(1 for e in exemptions if e.status == PENDING)
    return scheme_read(scheme, participants=participants, exemptions=shown, pending=pending)


def check_scheme(
    session: Session, *, municipality_number: str, data: SchemeIn, prefix: str = ""
) -> list[Problem]:
    towns = {municipality_number, *data.partners}
    return rules.scheme_problems(
        data,
        prefix=prefix,
        host=municipality_number,
        doctors=queries.doctor_keys(session, towns),
        offices=set(queries.offices_by_orgnr(session, towns)),
    )


def save_scheme(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    data: SchemeIn,
    new: bool = False,
    keep_published: bool = False,
) -> SchemeRead:
    """Create a scheme, or replace the one with the same code; every problem at once, nothing half-written.
    With `new`, a scheme that already has the code is refused instead of replaced (the «Ny ordning» form);
    with `keep_published`, so is a change that drops a shift template a published roster still has shifts
    of from today on (its re-plan could not place them; the edit page)."""
    auth_service.require(actor, "legevakt.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        if new and queries.scheme_by_code(session, municipality_number=municipality_number, code=data.code):
            taken = f"kommunen har allerede en ordning med koden «{data.code}»"
            raise ValidationFailed([Problem("code", taken)])
        for partner in data.partners:
            if not registry_queries.municipalities(session, number=partner):
                raise ValidationFailed([Problem("partners", f"kommune {partner} finnes ikke i registeret")])
        problems = check_scheme(session, municipality_number=municipality_number, data=data)
        if keep_published:
            problems += _published_templates_kept(session, municipality_number, data)
        if problems:
            raise ValidationFailed(problems)
        scheme = queries.replace_scheme(session, municipality_number=municipality_number, data=data)
        audit_service.record(
            session,
            actor=actor,
            action="save",
            entity="legevakt_scheme",
            record_ids=[scheme.id],
            municipality_number=municipality_number,
            detail={"code": data.code},
        )
        return read_scheme(session, scheme, actor=actor)


def _published_templates_kept(session: Session, municipality_number: str, data: SchemeIn) -> list[Problem]:
    found = queries.scheme_by_code(session, municipality_number=municipality_number, code=data.code)
    if found is None:
        return []
    kept = {t.code for t in data.shift_templates}
    used: dict[str, date] = {}
    for shift in roster_queries.published_assignments(session, since=today_oslo(), scheme_id=found.id):
        if shift.template not in kept:
            used[shift.template] = max(used.get(shift.template, shift.on), shift.on)
    return [
        Problem(
            "shift_templates",
            f"vakten «{code}» står i en publisert vaktliste til {last:%d.%m.%Y}; den kan fjernes når "
            "vaktlisten er over eller planlagt på nytt uten den",
            "LV-ALWAYS",
        )
        for code, last in sorted(used.items())
    ]


def published_shifts_after(
    session: Session, *, actor: Actor, scheme_id: int, doctor: str, after: date
) -> list[date]:
    """The days after `after` on which a doctor holds a shift of a published roster of the scheme: what
    a re-plan must give to others when the doctor's participation ends."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        shifts = roster_queries.published_assignments(
            session, since=after + timedelta(days=1), scheme_id=scheme.id
        )
        return [s.on for s in shifts if s.doctor is not None and s.doctor.hpr_number == doctor]


def scheme_choices(session: Session, *, actor: Actor, scheme_id: int) -> dict[str, list[dict]]:
    """The doctors and offices a scheme's forms may pick from: the host's and its partners'."""
    auth_service.require(actor, "legevakt.write")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        towns = {scheme.municipality_number, *(p.municipality_number for p in scheme.partners)}
        doctors = sorted(
            queries.doctors_by_key(session, towns).values(), key=lambda d: (d.last_name, d.first_name)
        )
        offices = sorted(queries.offices_by_orgnr(session, towns).values(), key=lambda o: o.name)
        return {
            "doctors": [
                {
                    "hpr": d.hpr_number,
                    "municipality": d.municipality_number,
                    "name": f"{d.first_name} {d.last_name}",
                }
                for d in doctors
            ],
            "offices": [{"orgnr": o.organisation_number, "name": o.name} for o in offices],
        }


def new_scheme_choices(session: Session, *, actor: Actor, municipality_number: str) -> list[dict]:
    """The offices a new nødnett scheme may give its first weekdays to (NN-OFFICE-DAYS)."""
    auth_service.require(actor, "legevakt.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        offices = queries.offices_by_orgnr(session, {municipality_number}).values()
        ordered = sorted(offices, key=lambda o: o.name)
        return [{"orgnr": o.organisation_number, "name": o.name} for o in ordered]


def list_parameters(
    session: Session, *, actor: Actor, municipality_number: str, on: date | None = None
) -> list[ParameterRead]:
    """Each parameter a municipality may override: the national value and source next to the local one."""
    auth_service.require(actor, "legevakt.read")
    day = on or today_oslo()
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [_parameter_read(session, municipality_number, name, day) for name in rules.LOCAL_PARAMETERS]


def _parameter_read(session: Session, municipality_number: str, name: str, day: date) -> ParameterRead:
    item = parameters.parameter(name)
    national = next((v for v in reversed(item.values) if v.since <= day), None)
    local = queries.local_value(session, municipality_number=municipality_number, name=name, on=day)
    national_value = national.value if national else None
    return ParameterRead(
        name=name,
        description=item.description,
        unit=item.unit,
        reference=item.reference,
        national_value=national_value,
        national_source=national.source if national else "",
        local_value=int(local.value["value"]) if local else None,
        local_since=local.since if local else None,
        local_source=local.source if local else None,
        value=int(local.value["value"]) if local else national_value,
    )


def set_local_parameter(
    session: Session, *, actor: Actor, municipality_number: str, data: LocalParameterIn
) -> list[ParameterRead]:
    auth_service.require(actor, "legevakt.write")
    problems = rules.check_local_parameter(data)
    if problems:
        raise ValidationFailed(problems)
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        queries.store_local_parameter(session, municipality_number, data)
        audit_service.record(
            session,
            actor=actor,
            action="save",
            entity="local_parameter",
            record_ids=[data.name],
            municipality_number=municipality_number,
            detail={"since": str(data.since)},
        )
        day = today_oslo()
        return [_parameter_read(session, municipality_number, name, day) for name in rules.LOCAL_PARAMETERS]


def record_course(session: Session, *, actor: Actor, municipality_number: str, data: DoctorCourseIn) -> None:
    """A course a doctor has completed (LV-COMPETENCE); recording it again updates the date."""
    auth_service.require(actor, "legevakt.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        doctor = registry_queries.doctor_by_hpr(
            session, municipality_number=municipality_number, hpr_number=data.doctor
        )
        if doctor is None:
            raise ValidationFailed(
                [Problem("doctor", f"lege {data.doctor} finnes ikke i kommune {municipality_number}")]
            )
        queries.store_course(session, doctor.id, data)
        audit_service.record(
            session,
            actor=actor,
            action="save",
            entity="doctor_course",
            record_ids=[doctor.id],
            municipality_number=municipality_number,
            detail={"course": data.course},
        )
