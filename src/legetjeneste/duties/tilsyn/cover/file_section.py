"""The municipal doctors of the municipality file (`municipal_doctors`, keyed by code): doctors who are not
GPs in the register (the sykehjemslege, the kommuneoverlege) with their absences (keyed by start; a file
adds and updates, never removes), so their planned tilsyn hours can be covered (TILSYN-COVER). Called from
duties/tilsyn/file_section.py before the plans, which name them."""

from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.duties.tilsyn.cover import queries, rules
from legetjeneste.duties.tilsyn.cover.models import MunicipalAbsence, MunicipalDoctor
from legetjeneste.duties.tilsyn.cover.schemas import MunicipalDoctorIn
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes

KEYS = {
    "municipal_doctors": Annotated[
        list[MunicipalDoctorIn],
        Field(
            description="Kommunale leger som ikke er fastleger (sykehjemslege, kommuneoverlege, "
            "smittevernlege) med fravær, så tilsynstimene deres kan dekkes (TILSYN-COVER); nøkkel: code"
        ),
    ],
}


def apply(session: Session, parsed: ParsedFile, changes: Changes) -> list[Problem]:
    number, problems = parsed.number, []
    for index, item in parsed.items["municipal_doctors"]:
        row = queries.municipal_doctor_by_code(session, municipality_number=number, code=item.code)
        same = row is not None and doctor_in(row) == item
        if row is None:
            row = MunicipalDoctor(municipality_number=number, code=item.code, absences=[])
            session.add(row)
        existed = row.id is not None
        row.name, row.role = item.name, item.role
        for at, absence in enumerate(item.absences):
            found = rules.overlap_problems(
                [(a.start, a.end) for a in row.absences],
                start=absence.start,
                end=absence.end,
                prefix=f"municipal_doctors[{index}].absences[{at}].",
            )
            problems += found
            if found:
                continue
            kept = next((a for a in row.absences if a.start == absence.start), None)
            if kept is None:
                kept = MunicipalAbsence(start=absence.start)
                row.absences.append(kept)
            kept.end, kept.text = absence.end, absence.text
        changes.count("municipal_doctor", existed=existed, same=same)
    session.flush()
    return problems


def doctor_in(row: MunicipalDoctor) -> MunicipalDoctorIn:
    return MunicipalDoctorIn.model_validate(
        {
            "code": row.code,
            "name": row.name,
            "role": row.role,
            "absences": [{"start": a.start, "end": a.end, "text": a.text} for a in row.absences],
        }
    )


def export(session: Session, *, municipality_number: str) -> list[dict]:
    return [
        doctor_in(d).model_dump(mode="json", exclude_defaults=True)
        for d in queries.municipal_doctors(session, municipality_number=municipality_number)
    ]
