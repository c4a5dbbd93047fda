"""The duties sections of the municipality file: GPs' duty profiles, tasks, assignments (DUTY-*), and the
tilsyn sections (institutions with units and norms, plan versions, vikar budgets; duties/tilsyn/file_section).

Checked and written after the register (they name its doctors). Profiles are keyed by doctor; tasks by code;
assignments by doctor, kind, start and title (a file adds and updates, never removes). Orders are not in the
file: an order is an enkeltvedtak made in the application."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.duties import queries, service
from legetjeneste.duties.models import DutyAssignment, DutyProfile, DutyTask
from legetjeneste.duties.schemas import AssignmentIn, ProfileIn, TaskIn
from legetjeneste.duties.supervision import queries as supervision_queries
from legetjeneste.duties.supervision import service as supervision_service
from legetjeneste.duties.supervision.schemas import SupervisionIn
from legetjeneste.duties.tilsyn import file_section as tilsyn_section
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes, upsert
from legetjeneste.registry import queries as registry_queries

KEYS = {
    "duty_profiles": Annotated[
        list[ProfileIn],
        Field(
            description="Legenes statlige arbeid, overgangsordning og åpningstid (DUTY-EXEMPT); "
            "nøkkel: doctor"
        ),
    ],
    "duty_tasks": Annotated[
        list[TaskIn], Field(description="Kommunale oppgaver som kunngjøres og kan pålegges; nøkkel: code")
    ],
    "duty_assignments": Annotated[
        list[AssignmentIn],
        Field(
            description="Kommunale oppgaver og bistillinger legene har; nøkkel: doctor, kind, start, title"
        ),
    ],
    "supervision_agreements": Annotated[
        list[SupervisionIn],
        Field(
            description="Avtaler om mottak og veiledning av LIS1 og ALIS (DUTY-LIS1-AGREE); "
            "nøkkel: doctor, trainee_kind, start"
        ),
    ],
    **tilsyn_section.KEYS,
}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    """Nothing before writing: the sections name the file's own doctors, checked as they are applied."""
    return []


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    number = parsed.number
    problems = _profiles(session, parsed, number, changes)
    for index, item in parsed.items["duty_tasks"]:
        found = _doctors_known(session, number, [*item.volunteers, *item.qualified], f"duty_tasks[{index}].")
        problems += found
        if not found:
            existing = queries.task_by_code(session, municipality_number=number, code=item.code)
            same = existing is not None and task_in(existing) == item
            service.store_task(session, number, item)
            changes.count("duty_task", existed=existing is not None, same=same)
    if not problems:
        problems += _assignments(session, parsed, number, changes)
    if not problems:
        problems += _supervision(session, parsed, number, changes)
    if not problems:
        problems += tilsyn_section.apply(session, parsed, changes, actor=actor)
    return problems


def _doctors_known(session: Session, number: str, hprs: list[str], prefix: str) -> list[Problem]:
    return [
        Problem(f"{prefix}volunteers", f"lege {hpr} finnes ikke i filen")
        for hpr in hprs
        if registry_queries.doctor_by_hpr(session, municipality_number=number, hpr_number=hpr) is None
    ]


def _profiles(session: Session, parsed: ParsedFile, number: str, changes: Changes) -> list[Problem]:
    problems = []
    for index, item in parsed.items["duty_profiles"]:
        try:
            doctor = service.doctor_of(session, number, item.doctor, f"duty_profiles[{index}].doctor")
        except ValidationFailed as error:
            problems += error.problems
            continue
        values = item.model_dump(exclude={"doctor"}) | {"municipality_number": number}
        upsert(
            session,
            changes,
            "duty_profile",
            queries.profile(session, doctor.id),
            values,
            lambda doctor_id=doctor.id, **v: DutyProfile(doctor_id=doctor_id, **v),
        )
    return problems


def _assignments(session: Session, parsed: ParsedFile, number: str, changes: Changes) -> list[Problem]:
    problems = []
    existing = {
        (a.doctor_id, a.kind, a.start, a.title): a
        for a in queries.assignments(session, municipality_number=number)
    }
    for index, item in parsed.items["duty_assignments"]:
        try:
            values = service.assignment_values(session, number, item, prefix=f"duty_assignments[{index}].")
        except DomainError as error:
            problems += (
                error.problems if isinstance(error, ValidationFailed) else [Problem("", error.message)]
            )
            continue
        key = (values["doctor_id"], values["kind"], values["start"], values["title"])
        existing[key] = upsert(session, changes, "duty_assignment", existing.get(key), values, DutyAssignment)
    return problems


def _supervision(session: Session, parsed: ParsedFile, number: str, changes: Changes) -> list[Problem]:
    problems = []
    known = {
        (a.doctor.hpr_number, a.trainee_kind, a.start): a
        for a in supervision_queries.agreements(session, municipality_number=number)
    }
    for index, item in parsed.items["supervision_agreements"]:
        old = known.get((item.doctor, item.trainee_kind, item.start))
        same = old is not None and supervision_in(old) == item
        try:
            supervision_service.store(session, number, item, prefix=f"supervision_agreements[{index}].")
        except DomainError as error:
            problems += (
                error.problems
                if isinstance(error, ValidationFailed)
                else [
                    Problem(f"supervision_agreements[{index}].term_end", f"{error.message} ({error.rule_id})")
                ]
            )
            continue
        changes.count("supervision_agreement", existed=old is not None, same=same)
    return problems


def supervision_in(row) -> SupervisionIn:
    return SupervisionIn.model_validate(
        {
            "doctor": row.doctor.hpr_number,
            "trainee_kind": row.trainee_kind,
            "trainee_name": row.trainee_name,
            "hours_per_week": row.hours_per_week,
            "start": row.start,
            "term_end": row.term_end,
            "renewal": row.renewal,
            "notice_on": row.notice_on,
            "supervision_until": row.supervision_until,
        }
    )


def export(session: Session, *, municipality_number: str) -> dict:
    profiles = queries.profiles(session, municipality_number=municipality_number)
    hprs = {
        d.id: d.hpr_number for d in registry_queries.doctors(session, municipality_number=municipality_number)
    }
    tasks = queries.tasks(session, municipality_number=municipality_number)
    codes = {t.id: t.code for t in tasks}
    return {
        "duty_profiles": [
            {"doctor": hprs[p.doctor_id], **profile_document(p)}
            for p in sorted(profiles.values(), key=lambda p: p.doctor_id)
        ],
        "duty_tasks": [plain(task_in(t).model_dump(exclude_defaults=True)) for t in tasks],
        "duty_assignments": [
            assignment_document(a, hprs[a.doctor_id], codes.get(a.task_id or 0))
            for a in sorted(
                queries.assignments(session, municipality_number=municipality_number), key=lambda a: a.id
            )
        ],
        "supervision_agreements": [
            plain(supervision_in(a).model_dump(exclude_defaults=True))
            for a in supervision_queries.agreements(session, municipality_number=municipality_number)
        ],
        **tilsyn_section.export(session, municipality_number=municipality_number),
    }


def task_in(task: DutyTask) -> TaskIn:
    """The task as the municipality file writes it."""
    return TaskIn.model_validate(
        dict(
            code=task.code,
            name=task.name,
            kind=task.kind,
            hours_per_week=task.hours_per_week,
            start=task.start,
            end=task.end,
            place=task.place,
            weekdays=list(task.weekdays),
            issuer=task.issuer,
            issuer_name=task.issuer_name,
            pay_form=task.pay_form,
            announced_on=task.announced_on,
            informed_on=task.informed_on,
            volunteers=list(task.volunteers),
            qualified=list(task.qualified),
        )
    )


def plain(value):
    """A value as the municipality file writes it: hours as plain numbers (7.5, 20), days as ÅÅÅÅ-MM-DD, so
    that export → import gives back what the file said."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value.normalize())
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def profile_document(profile: DutyProfile) -> dict:
    document: dict = {
        "state_work_hours": profile.state_work_hours,
        "transition_1984": profile.transition_1984,
    }
    if profile.opening_hours is not None:
        document["opening_hours"] = profile.opening_hours
    if profile.note:
        document["note"] = profile.note
    return plain(document)


def assignment_document(row: DutyAssignment, hpr: str, task_code: str | None) -> dict:
    """The assignment as the municipality file writes it: a percentage post as its percentage."""
    data = AssignmentIn.model_validate(
        dict(
            doctor=hpr,
            kind=row.kind,
            title=row.title,
            start=row.start,
            end=row.end,
            place=row.place,
            weekdays=list(row.weekdays),
            basis=row.basis,
            issuer=row.issuer,
            issuer_name=row.issuer_name,
            pay_form=row.pay_form,
            task=task_code,
            **(
                {"percentage": row.percentage}
                if row.percentage is not None
                else {"hours_per_week": row.hours_per_week}
            ),
        )
    )
    return plain(data.model_dump(exclude_defaults=True)) | {"doctor": hpr}
