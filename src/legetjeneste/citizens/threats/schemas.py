"""Pydantic shapes of threat cases: what the GP, the office and the kommuneoverlege enter, the case as its
parties see it (with the patient's identity), as lists show it (without), and anonymised for the committees
(THREAT-GUIDELINES, THREAT-PRIVACY)."""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from legetjeneste.citizens.threats import labels, rules

Text = Annotated[str, Field(max_length=4000)]
Note = Annotated[str, Field(max_length=1000)]
MeasureCode = Literal["named_gp", "two_present", "office_security", "guard", "police", "suspension", "move"]


class _In(BaseModel):
    """Input: no unknown fields, stripped; line breaks are allowed in texts, other control characters not."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(c) < 32 and c not in "\n\r\t" for c in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class ThreatRequestIn(_In):
    """THREAT-ASSIST: the patient by fødselsnummer, and what happened (no more than the case needs)."""

    national_id: Annotated[str, Field(pattern=r"^\d{11}$", description="Pasientens fødselsnummer (11 sifre)")]
    description: Text = ""


class MeasureIn(_In):
    """THREAT-MEASURES: one of the seven alternatives and how it stands."""

    code: MeasureCode
    status: Literal["discussed", "applied", "rejected"]
    on: Annotated[date, Field(description="Dato (ÅÅÅÅ-MM-DD)")]
    note: Note = ""


class DecisionIn(_In):
    """THREAT-DECISION: the outcome and the weighing; for a move the list the patient gets after the
    deadline, and the deadline (by default `threats/choice_days` after the decision)."""

    outcome: Literal["move", "no_move", "stay"]
    weighing: Text
    deadline: date | None = None
    target_agreement_id: Annotated[int | None, Field(ge=1, le=2_147_483_647)] = None


class ChoiceIn(_In):
    """THREAT-DEADLINE: the list the patient chose."""

    agreement_id: Annotated[int, Field(ge=1, le=2_147_483_647)]


class ContactIn(_In):
    """THREAT-NEW-GP: when the new GP was contacted, the measures agreed, what the patient was told."""

    contacted_on: date
    measures: Text
    patient_told: Text = ""


class AlternativeIn(_In):
    """THREAT-ALTERNATIVE: the other care."""

    kind: Literal["institution", "vaktordning"]
    note: Note = ""


class MeasureRead(BaseModel):
    code: str
    label: str
    status: str | None
    status_text: str
    on: date | None
    note: str


class ThreatCaseSummary(BaseModel):
    """A case without the patient's identity: lists, Min side, the CLI's list."""

    id: int
    reference: str
    municipality_number: str
    status: str
    status_text: str
    requested_on: date
    demanded_on: date | None
    decided_on: date | None
    outcome: str | None
    outcome_text: str
    deadline: date | None
    moved_on: date | None
    closed_on: date | None
    doctor_id: int
    doctor_name: str
    office_name: str


class Patient(BaseModel):
    citizen_id: int
    name: str
    national_id: str
    birth_date: date


class ThreatCaseRead(ThreatCaseSummary):
    """The case as its parties see it; building it reads the patient's identity, which is audited."""

    patient: Patient
    agreement_id: int
    description: str
    requested_by: str
    measures: list[MeasureRead]
    decision_id: int | None
    target_agreement_id: int | None
    target_doctor_name: str | None
    moved_how: str | None
    moved_how_text: str
    new_agreement_id: int | None
    new_doctor_name: str | None
    contacted_on: date | None
    agreed_measures: str
    patient_told: str
    alternative: str | None
    alternative_text: str
    alternative_note: str
    assignment_due: bool


class AnonymisedMeasure(BaseModel):
    label: str
    status_text: str
    on: date


class AnonymisedCase(BaseModel):
    """THREAT-GUIDELINES, THREAT-PRIVACY: a case as the ALU and the SU see it — no name, fødselsnummer, birth
    date, GP or office; only the alternatives, the dates and the outcome."""

    reference: str
    requested_on: date
    demanded_on: date | None
    decided_on: date | None
    outcome_text: str
    deadline: date | None
    moved_on: date | None
    moved_how_text: str
    alternative_text: str
    closed_on: date | None
    status_text: str
    measures: list[AnonymisedMeasure]


def measure_reads(case) -> list[MeasureRead]:
    """All seven alternatives in Vedlegg II's order, each as it stands in the case (or not yet recorded)."""
    found = {m.code: m for m in case.measures}
    reads = []
    for code, label in labels.MEASURE_LABELS.items():
        measure = found.get(code)
        reads.append(
            MeasureRead(
                code=code,
                label=label,
                status=measure.status if measure else None,
                status_text=labels.MEASURE_STATUSES[measure.status] if measure else "Ikke vurdert",
                on=measure.on if measure else None,
                note=measure.note if measure else "",
            )
        )
    return reads


def anonymised(case, state: rules.CaseState) -> AnonymisedCase:
    return AnonymisedCase(
        reference=rules.case_reference(case.id),
        requested_on=case.requested_on,
        demanded_on=case.demanded_on,
        decided_on=case.decided_on,
        outcome_text=labels.OUTCOMES.get(case.outcome or "", "Ikke avgjort"),
        deadline=case.deadline,
        moved_on=case.moved_on,
        moved_how_text=labels.MOVED_HOW.get(case.moved_how or "", ""),
        alternative_text=labels.ALTERNATIVES.get(case.alternative or "", ""),
        closed_on=case.closed_on,
        status_text=labels.STATUSES[rules.status(state)],
        measures=[
            AnonymisedMeasure(label=m.label, status_text=m.status_text, on=m.on)
            for m in measure_reads(case)
            if m.on is not None
        ],
    )


def summary(case, state: rules.CaseState, names: dict[str, str | None]) -> ThreatCaseSummary:
    """A case without the patient (`names` from queries.names)."""
    return ThreatCaseSummary(
        id=case.id,
        reference=rules.case_reference(case.id),
        municipality_number=case.municipality_number,
        status=rules.status(state),
        status_text=labels.STATUSES[rules.status(state)],
        requested_on=case.requested_on,
        demanded_on=case.demanded_on,
        decided_on=case.decided_on,
        outcome=case.outcome,
        outcome_text=labels.OUTCOMES.get(case.outcome or "", "Ikke avgjort"),
        deadline=case.deadline,
        moved_on=case.moved_on,
        closed_on=case.closed_on,
        doctor_id=case.doctor_id,
        doctor_name=names["doctor_name"] or "",
        office_name=names["office_name"] or "",
    )


def case_read(case, state: rules.CaseState, patient, names: dict, *, on: date) -> ThreatCaseRead:
    """The case with the patient's identity (the service audits the read before it builds this)."""
    return ThreatCaseRead(
        **summary(case, state, names).model_dump(),
        patient=Patient(
            citizen_id=patient.id,
            name=patient.name,
            national_id=patient.national_id,
            birth_date=patient.birth_date,
        ),
        agreement_id=case.agreement_id,
        description=case.description,
        requested_by=case.requested_by,
        measures=measure_reads(case),
        decision_id=case.decision_id,
        target_agreement_id=case.target_agreement_id,
        target_doctor_name=names["target_doctor_name"],
        moved_how=case.moved_how,
        moved_how_text=labels.MOVED_HOW.get(case.moved_how or "", ""),
        new_agreement_id=case.new_agreement_id,
        new_doctor_name=names["new_doctor_name"],
        contacted_on=case.contacted_on,
        agreed_measures=case.agreed_measures,
        patient_told=case.patient_told,
        alternative=case.alternative,
        alternative_text=labels.ALTERNATIVES.get(case.alternative or "", ""),
        alternative_note=case.alternative_note,
        assignment_due=rules.is_assignment_due(state, on=on),
    )


class PatientLetter(BaseModel):
    """DEC-NOTIFY for the patient, a party too: the decision, the deadline and the right to appeal, on paper
    (the patient has no inbox here); printed by the kommuneoverlege."""

    reference: str
    case_number: str
    deciding_body: str
    appeal_body: str
    appeal_weeks: int
    decided_on: date
    outcome: str
    outcome_text: str
    patient: Patient
    deadline: date | None
    target_doctor_name: str | None
    new_doctor_name: str | None
    patient_told: str
