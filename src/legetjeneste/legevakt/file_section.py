"""The legevakt sections of the municipality file: checked and written after the register sections (so the
file's own doctors and offices can be named), exported in the import format.

Schemes are keyed by code and replaced whole; courses by doctor and course; local parameters by name and
date; exemptions by scheme, doctor and start. A decided exemption in the file is checked by the same
rules as a decision in the application (LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION, NN-EXEMPT); any problem
raises and the caller's transaction writes nothing.
"""

from datetime import date
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import DomainError, Problem
from legetjeneste.legevakt.exemptions import queries as exemption_queries
from legetjeneste.legevakt.exemptions import rules as exemption_rules
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.models import Exemption
from legetjeneste.legevakt.exemptions.schemas import ExemptionDecide, ExemptionIn
from legetjeneste.legevakt.schemes import queries
from legetjeneste.legevakt.schemes import rules as scheme_rules
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.document import scheme_document
from legetjeneste.legevakt.schemes.schemas import DoctorCourseIn, LocalParameterIn, SchemeIn
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Doctor

KEYS = {
    "legevakt_schemes": Annotated[
        list[SchemeIn], Field(description="Legevakt- og nødnettordninger; nøkkel: code")
    ],
    "doctor_courses": Annotated[
        list[DoctorCourseIn],
        Field(description="Kurs legene har fullført (LV-COMPETENCE); nøkkel: doctor, course"),
    ],
    "local_parameters": Annotated[
        list[LocalParameterIn],
        Field(description="Kommunens egne verdier av nasjonale parametere; nøkkel: name, since"),
    ],
    "exemptions": Annotated[
        list[ExemptionIn], Field(description="Søknader om og vedtak om fritak; nøkkel: scheme, doctor, start")
    ],
}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    """Nothing before writing: the sections name the file's own doctors, so they are checked as they are
    applied, after the register."""
    return []


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    number, email = parsed.number, actor.email
    problems = _schemes(session, parsed, number, changes)
    problems += _courses(session, parsed, number, changes)
    stored = {(p.name, p.since): p for p in queries.local_parameters(session, municipality_number=number)}
    for index, item in parsed.items["local_parameters"]:
        found = scheme_rules.check_local_parameter(item, prefix=f"local_parameters[{index}].")
        problems += found
        if not found:
            old = stored.get((item.name, item.since))
            same = old is not None and old.value == {"value": item.value} and old.source == item.source
            queries.store_local_parameter(session, number, item)
            changes.count("local_parameter", existed=old is not None, same=same)
    if not problems:
        problems += _exemptions(session, parsed, number, changes, email)
    return problems


def _schemes(session: Session, parsed: ParsedFile, number: str, changes: Changes) -> list[Problem]:
    problems, codes = [], []
    for index, item in parsed.items["legevakt_schemes"]:
        prefix = f"legevakt_schemes[{index}]."
        if item.code in codes:
            problems.append(Problem(f"{prefix}code", f"ordningen «{item.code}» står to ganger i filen"))
            continue
        codes.append(item.code)
        missing = [p for p in item.partners if not registry_queries.municipalities(session, number=p)]
        problems += [Problem(f"{prefix}partners", f"kommune {p} finnes ikke i registeret") for p in missing]
        found = legevakt_service.check_scheme(session, municipality_number=number, data=item, prefix=prefix)
        problems += found
        if found or missing:
            continue
        existing = queries.scheme_by_code(session, municipality_number=number, code=item.code)
        same = existing is not None and _same(SchemeIn, scheme_document(existing), item)
        if not same:
            queries.replace_scheme(session, municipality_number=number, data=item)
        changes.count("legevakt_scheme", existed=existing is not None, same=same)
    return problems


def _courses(session: Session, parsed: ParsedFile, number: str, changes: Changes) -> list[Problem]:
    problems = []
    for index, item in parsed.items["doctor_courses"]:
        doctor = registry_queries.doctor_by_hpr(session, municipality_number=number, hpr_number=item.doctor)
        if doctor is None:
            problems.append(
                Problem(f"doctor_courses[{index}].doctor", f"lege {item.doctor} finnes ikke i filen")
            )
            continue
        old = next(
            (c for c in queries.courses_of_doctor(session, doctor.id) if c.course == item.course), None
        )
        queries.store_course(session, doctor.id, item)
        changes.count(
            "doctor_course",
            existed=old is not None,
            same=old is not None and old.completed_on == item.completed_on,
        )
    return problems


def _exemptions(
    session: Session, parsed: ParsedFile, number: str, changes: Changes, actor: str
) -> list[Problem]:
    problems = []
    existing = {
        (e.scheme_id, e.doctor_id, e.start): e
        for e in exemption_queries.exemptions(session, municipality_number=number)
    }
    keys: set[tuple] = set()
    for index, item in parsed.items["exemptions"]:
        prefix = f"exemptions[{index}]."
        found = exemption_rules.application_problems(item, prefix=prefix) + _decision_problems(item, prefix)
        if (item.scheme, item.doctor, item.start) in keys:
            found.append(
                Problem(f"{prefix}start", "søknaden står to ganger i filen (ordning, lege og start)")
            )
        keys.add((item.scheme, item.doctor, item.start))
        scheme = queries.scheme_by_code(session, municipality_number=number, code=item.scheme)
        if scheme is None:
            found.append(Problem(f"{prefix}scheme", f"ordningen «{item.scheme}» finnes ikke"))
        participant = (
            next((p for p in scheme.participants if p.doctor.hpr_number == item.doctor), None)
            if scheme is not None
            else None
        )
        if scheme is not None and participant is None:
            found.append(
                Problem(f"{prefix}doctor", f"lege {item.doctor} deltar ikke i ordningen «{item.scheme}»")
            )
        problems += found
        if found or scheme is None or participant is None:
            continue
        old = existing.get((scheme.id, participant.doctor_id, item.start))
        if old is not None and _same(ExemptionIn, _exemption_out(old, item.scheme), item):
            changes.count("exemption", same=True)
            continue
        row = old or Exemption(municipality_number=number, scheme=scheme, doctor=participant.doctor)
        session.add(row)
        _write_application(row, item, actor)
        if item.status != "pending":
            decision = ExemptionDecide(
                decision=item.status,
                reasons=item.reasons,
                weighing=item.weighing,
                granted_start=item.granted_start,
                granted_end=item.granted_end,
                decided_on=item.decided_on,
            )
            try:
                exemption_service.decide(session, row, decision, decided_by=item.decided_by or actor)
            except DomainError as error:
                problems.append(Problem(prefix.rstrip("."), error.message, error.rule_id))
                continue
        session.flush()
        changes.count("exemption", existed=old is not None)
    return problems


def _same(model, stored: dict, item) -> bool:
    """Whether the stored row says what the file's item says (as parsed by the same model)."""
    return model.model_validate(stored).model_dump() == item.model_dump()


def _decision_problems(item: ExemptionIn, prefix: str) -> list[Problem]:
    if item.status == "pending":
        return []
    problems = []
    if not item.reasons.strip():
        problems.append(Problem(f"{prefix}reasons", "et vedtak må ha en begrunnelse (enkeltvedtak)"))
    if item.decided_on is None:
        problems.append(Problem(f"{prefix}decided_on", "et vedtak må ha en vedtaksdato"))
    return problems


def _write_application(row: Exemption, item: ExemptionIn, actor: str) -> None:
    for name in (
        "ground",
        "extent",
        "start",
        "end",
        "due_date",
        "child_birth_date",
        "application_text",
        "applied_on",
    ):
        setattr(row, name, getattr(item, name))
    row.applied_by = row.applied_by or actor
    row.status, row.granted_start, row.granted_end = "pending", None, None
    row.reasons, row.weighing, row.rule_id = "", "", None
    row.decided_on, row.decided_by, row.decided_at = None, None, None


def export(session: Session, *, municipality_number: str) -> dict:
    """The four sections in the import format (export → import changes nothing)."""
    number = municipality_number
    schemes = queries.schemes(session, municipality_number=number)
    codes = {s.id: s.code for s in schemes}
    return {
        "legevakt_schemes": [scheme_document(s) for s in schemes],
        "doctor_courses": [
            {
                "doctor": _hpr(session, c.doctor_id),
                "course": c.course,
                "completed_on": c.completed_on.isoformat(),
            }
            for c in queries.courses(session, municipality_number=number)
        ],
        "local_parameters": [
            {"name": p.name, "since": p.since.isoformat(), "value": p.value["value"], "source": p.source}
            for p in queries.local_parameters(session, municipality_number=number)
        ],
        "exemptions": [
            _exemption_out(e, codes[e.scheme_id])
            for e in exemption_queries.exemptions(session, municipality_number=number)
        ],
    }


def _hpr(session: Session, doctor_id: int) -> str:
    doctor = session.get(Doctor, doctor_id)
    assert doctor is not None, "a foreign key names an existing doctor"
    return doctor.hpr_number


def _exemption_out(exemption: Exemption, scheme_code: str) -> dict:
    data = {
        "scheme": scheme_code,
        "doctor": exemption.doctor.hpr_number,
        "ground": exemption.ground,
        "extent": exemption.extent,
        "start": exemption.start,
        "end": exemption.end,
        "due_date": exemption.due_date,
        "child_birth_date": exemption.child_birth_date,
        "application_text": exemption.application_text,
        "applied_on": exemption.applied_on,
        "status": exemption.status,
    }
    if exemption.status != "pending":
        data |= {
            "granted_start": exemption.granted_start,
            "granted_end": exemption.granted_end,
            "reasons": exemption.reasons,
            "weighing": exemption.weighing,
            "decided_on": exemption.decided_on,
            "decided_by": exemption.decided_by,
        }
    return {
        k: v.isoformat() if hasattr(v, "isoformat") else v
        for k, v in data.items()
        if v is not None and v != ""
    }
