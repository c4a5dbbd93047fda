"""Stored schemes and exemptions as the API's Read schemas and as the municipality file's sections."""

from legetjeneste.legevakt import rules
from legetjeneste.legevakt.models import Exemption, Participant, Scheme
from legetjeneste.legevakt.schemas import (
    BakvaktDayIn,
    ExemptionRead,
    OfficeDaysIn,
    ParticipantRead,
    SchemeIn,
    SchemeRead,
    SchemeSummary,
    ShiftTemplateIn,
    TargetIn,
)


def exemption_read(exemption: Exemption) -> ExemptionRead:
    return ExemptionRead(
        id=exemption.id,
        scheme_id=exemption.scheme_id,
        scheme_name=exemption.scheme.name,
        doctor_hpr=exemption.doctor.hpr_number,
        doctor_name=exemption.doctor.full_name,
        ground=exemption.ground,
        ground_text=rules.GROUNDS[exemption.ground],
        extent=exemption.extent,
        start=exemption.start,
        end=exemption.end,
        due_date=exemption.due_date,
        child_birth_date=exemption.child_birth_date,
        application_text=exemption.application_text,
        applied_on=exemption.applied_on,
        status=exemption.status,
        status_text=rules.STATUSES[exemption.status],
        is_right=exemption.ground in rules.RIGHT_GROUNDS,
        granted_start=exemption.granted_start,
        granted_end=exemption.granted_end,
        reasons=exemption.reasons,
        weighing=exemption.weighing,
        rule_id=exemption.rule_id,
        decided_on=exemption.decided_on,
        decided_by=exemption.decided_by,
    )


def participant_read(participant: Participant, *, courses: set[str], is_vikar: bool) -> ParticipantRead:
    doctor = participant.doctor
    return ParticipantRead(
        doctor_hpr=doctor.hpr_number,
        doctor_name=doctor.full_name,
        municipality_number=doctor.municipality_number,
        participation_percentage=participant.participation_percentage,
        office=participant.office.organisation_number if participant.office else None,
        office_name=participant.office.name if participant.office else None,
        start=participant.start,
        end=participant.end,
        needs_bakvakt=rules.needs_bakvakt(specialist_status=doctor.specialist_status, courses=courses),
        competence=rules.competence_text(specialist_status=doctor.specialist_status, courses=courses),
        is_vikar=is_vikar,
    )


def scheme_summary(scheme: Scheme, *, pending: int) -> SchemeSummary:
    return SchemeSummary(
        id=scheme.id,
        code=scheme.code,
        name=scheme.name,
        kind=scheme.kind,
        kind_text=rules.KINDS[scheme.kind],
        municipality_number=scheme.municipality_number,
        participants=len(scheme.participants),
        pending_exemptions=pending,
    )


def scheme_in(scheme: Scheme) -> SchemeIn:
    """The scheme as the municipality file and the API write it."""
    host = scheme.municipality_number
    office_days: dict[str, list[str]] = {}
    for row in scheme.office_days:
        office_days.setdefault(row.office.organisation_number, []).append(row.weekday)
    return SchemeIn.model_construct(
        code=scheme.code,
        name=scheme.name,
        kind=scheme.kind,
        description=scheme.description,
        start=scheme.start,
        end=scheme.end,
        partners=[p.municipality_number for p in scheme.partners],
        shift_templates=[
            ShiftTemplateIn.model_construct(
                code=t.code,
                name=t.name,
                start=t.start_time,
                end=t.end_time,
                day_kind=t.day_kind,
                is_night=t.is_night,
                is_alternative=t.is_alternative,
                has_bakvakt=t.has_bakvakt,
            )
            for t in scheme.shift_templates
        ],
        participants=[_participant_in(p, host) for p in scheme.participants],
        targets=[
            TargetIn.model_construct(
                name=t.name, day_kind=t.day_kind, every_nth=t.every_nth, start=t.start, end=t.end
            )
            for t in scheme.targets
        ],
        office_days=[OfficeDaysIn.model_construct(office=o, weekdays=w) for o, w in office_days.items()],
        bakvakt_days=[
            BakvaktDayIn.model_construct(day=b.day, doctor=b.doctor.hpr_number if b.doctor else None)
            for b in scheme.bakvakt_days
        ],
    )


def _participant_in(participant: Participant, host: str) -> dict:
    municipality = participant.doctor.municipality_number
    return {
        "doctor": participant.doctor.hpr_number,
        "municipality": None if municipality == host else municipality,
        "participation_percentage": participant.participation_percentage,
        "office": participant.office.organisation_number if participant.office else None,
        "start": participant.start,
        "end": participant.end,
    }


def scheme_read(
    scheme: Scheme,
    *,
    participants: list[ParticipantRead],
    exemptions: list[Exemption],
) -> SchemeRead:
    written = scheme_in(scheme)
    pending = sum(1 for e in exemptions if e.status == rules.PENDING)
    return SchemeRead(
        **scheme_summary(scheme, pending=pending).model_dump(),
        description=scheme.description,
        start=scheme.start,
        end=scheme.end,
        partners=written.partners,
        shift_templates=written.shift_templates,
        participant_list=participants,
        targets=written.targets,
        office_days=written.office_days,
        bakvakt_days=written.bakvakt_days,
        exemptions=[exemption_read(e) for e in exemptions],
    )


def scheme_document(scheme: Scheme) -> dict:
    """The scheme as a section item of the municipality file (no empty or default fields)."""
    written = scheme_in(scheme)
    data = {
        "code": written.code,
        "name": written.name,
        "kind": written.kind,
        "description": written.description or None,
        "start": written.start.isoformat(),
        "end": written.end.isoformat() if written.end else None,
        "partners": written.partners or None,
        "shift_templates": [
            _compact(
                {
                    "code": t.code,
                    "name": t.name,
                    "start": t.start.strftime("%H:%M"),
                    "end": t.end.strftime("%H:%M"),
                    "day_kind": t.day_kind,
                    "is_night": t.is_night or None,
                    "is_alternative": t.is_alternative or None,
                    "has_bakvakt": t.has_bakvakt or None,
                }
            )
            for t in written.shift_templates
        ]
        or None,
        "participants": [_compact(_dates(dict(p))) for p in written.participants] or None,
        "targets": [_compact(_dates(dict(t.__dict__))) for t in written.targets] or None,
        "office_days": [{"office": o.office, "weekdays": o.weekdays} for o in written.office_days] or None,
        "bakvakt_days": [
            _compact({"day": b.day.isoformat(), "doctor": b.doctor}) for b in written.bakvakt_days
        ]
        or None,
    }
    return _compact(data)


def _dates(data: dict) -> dict:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in data.items()}


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None and v != ""}
