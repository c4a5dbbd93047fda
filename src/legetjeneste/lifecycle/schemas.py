"""Pydantic shapes of life-cycle cases (RULES.md § 1, AGR-*): opening a case, recording a step, reading them.

One step shape for every kind of step: `kind` says which, and the fields a kind needs are checked by the
rules (they say why a field is needed and name the rule), not by the shape.

The read shapes are built from the loaded rows (`LifecycleCase`, `LifecycleStep`, `LifecycleClock`), taken as
they come: this module imports no models, so the municipality file's pure checks may use its input shapes.
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from legetjeneste.lifecycle.labels import DOCUMENT_STEPS, KIND_LABELS, STATUS_LABELS, STEP_LABELS
from legetjeneste.lifecycle.rules import clocks, codes
from legetjeneste.registry.schemas import Input

# The codes of cases and steps are the keys of their labels, in the same order.
CASE_KINDS = tuple(KIND_LABELS)
STEP_KINDS = tuple(STEP_LABELS)
CaseKind = Literal[CASE_KINDS]  # type: ignore[valid-type]
StepKind = Literal[STEP_KINDS]  # type: ignore[valid-type]


def _line_breaks(value: object) -> object:
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def _in_range(value: date) -> date:
    if not date(1900, 1, 1) <= value <= date(2100, 12, 31):
        raise ValueError(f"«{value.day}.{value.month}.{value.year}» må være en dato mellom år 1900 og 2100")
    return value


CaseDate = Annotated[date, AfterValidator(_in_range)]
Text = Annotated[str, BeforeValidator(_line_breaks), Field(max_length=2000)]
Short = Annotated[str, Field(max_length=200)]


class _LifecycleInput(Input):
    """Written texts may have line breaks; no other control characters."""

    model_config = ConfigDict(populate_by_name=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(c) < 32 and c != "\n" for c in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class CaseCreate(_LifecycleInput):
    """A case about one agreement (or, for a new agreement, about the municipality)."""

    kind: Annotated[CaseKind, Field(description="Sakstype: vacancy, notice, deleliste, …")]
    on: Annotated[CaseDate, Field(alias="date", description="Datoen saken ble opprettet (ÅÅÅÅ-MM-DD)")]
    title: Annotated[Short, Field(description="Kort tittel; tom gir sakstypen og avtalen")] = ""
    doctor_hpr: Annotated[
        str | None,
        Field(max_length=9, description="Legen saken gjelder (HPR-nummer); standard avtalens fastlege"),
    ] = None
    notice_period_end: Annotated[
        CaseDate | None,
        Field(description="Når oppsigelsesfristen løp ut (ledig avtale); hjemfallsfristen løper fra den"),
    ] = None


class StepCreate(_LifecycleInput):
    """One step of a case; which fields matter depends on `kind`."""

    kind: Annotated[StepKind, Field(description="Steget: announcement, award, hjemfall, notice, …")]
    on: Annotated[CaseDate, Field(alias="date", description="Datoen steget skjedde (ÅÅÅÅ-MM-DD)")]
    text: Annotated[Text, Field(description="Fritekst: uttalelse, begrunnelse, notat")] = ""
    application_deadline: Annotated[CaseDate | None, Field(description="Søknadsfrist (utlysning)")] = None
    medium: Annotated[Short, Field(description="Hvor utlysningen er kunngjort (nasjonalt medium)")] = ""
    location: Annotated[Short, Field(description="Praksisens beliggenhet (utlysning)")] = ""
    listetak: Annotated[
        int | None, Field(ge=0, le=100_000, description="Listetak (utlysning, deleliste)")
    ] = None
    operating_model: Annotated[
        Literal["self_employed", "salaried"] | None, Field(description="Driftsform (utlysning)")
    ] = None
    practice_type: Annotated[
        Literal["group", "solo"] | None, Field(description="Gruppe- eller solopraksis (utlysning)")
    ] = None
    practice_form: Annotated[
        bool, Field(description="Fratredende leges praksisskjema med prisantydning finnes (utlysning)")
    ] = False
    awarded_to: Annotated[Short, Field(description="Legen avtalen tildeles (navn)")] = ""
    group_statement: Annotated[Text, Field(description="Gruppepraksisens uttalelse (tildeling)")] = ""
    group_statement_on: Annotated[CaseDate | None, Field(description="Datoen gruppen uttalte seg")] = None
    practice_transfer: Annotated[bool, Field(description="Tildelingen gjelder overdragelse av praksis")] = (
        False
    )
    offer_received: Annotated[CaseDate | None, Field(description="Datoen tilbudet ble mottatt")] = None
    start_date: Annotated[CaseDate | None, Field(description="Avtalt oppstartsdato")] = None
    party: Annotated[Literal["doctor", "municipality"] | None, Field(description="Parten som sier opp")] = (
        None
    )
    objective_reason: Annotated[Text, Field(description="Kommunens saklige grunn for oppsigelse")] = ""
    ground: Annotated[Short, Field(description="Grunn for listereduksjon: health, care, age, …")] = ""
    effective_from: Annotated[CaseDate | None, Field(description="Ønsket virkningsdato")] = None
    until: Annotated[CaseDate | None, Field(description="Forlengelse til og med (aldersgrense)")] = None
    successor: Annotated[Short, Field(description="Etterfølgeren (deleliste)")] = ""
    list_length: Annotated[int | None, Field(ge=0, le=100_000, description="Listelengde ved oppstart")] = None
    same_office: Annotated[bool, Field(description="Etterfølgeren er i samme legesenter (deleliste)")] = True
    written_consent: Annotated[bool, Field(description="Kommunens skriftlige samtykke (deleliste)")] = False
    disability_percent: Annotated[int | None, Field(ge=0, le=100, description="Varig uførhet i prosent")] = (
        None
    )


class ClockRead(BaseModel):
    id: int
    case_id: int
    code: str
    rule_id: str
    citation: str
    start: date
    due_date: date
    text: str
    responsible: str
    responsible_label: str
    closed_on: date | None
    status: str
    status_label: str
    days_left: int

    @classmethod
    def of(cls, clock: Any, on: date, *, due_soon_days: int) -> "ClockRead":
        status = (
            "closed" if clock.closed_on else clocks.status(due=clock.due, on=on, due_soon_days=due_soon_days)
        )
        return cls(
            id=clock.id,
            case_id=clock.case_id,
            code=clock.code,
            rule_id=clock.rule_id,
            citation=clock.citation,
            start=clock.start,
            due_date=clock.due,
            text=clock.text,
            responsible=clock.responsible,
            responsible_label=codes.RESPONSIBLE_LABELS.get(clock.responsible, clock.responsible),
            closed_on=clock.closed_on,
            status=status,
            status_label="lukket" if clock.closed_on else codes.STATUS_LABELS[status],
            days_left=(clock.due - on).days,
        )


class StepRead(BaseModel):
    id: int
    kind: str
    kind_label: str
    on: date = Field(serialization_alias="date")
    text: str
    facts: dict
    recorded_at: datetime
    recorded_by: str

    @classmethod
    def of(cls, step: Any) -> "StepRead":
        return cls(
            id=step.id,
            kind=step.kind,
            kind_label=STEP_LABELS.get(step.kind, step.kind),
            on=step.on,
            text=step.text,
            facts=step.facts or {},
            recorded_at=step.recorded_at,
            recorded_by=step.recorded_by,
        )


class NextStep(BaseModel):
    kind: str
    kind_label: str


class PendingStep(BaseModel):
    """A step that must come first and has no clock (the sources set no time limit)."""

    code: str
    rule_id: str
    citation: str
    text: str
    responsible_label: str
    done_on: date | None

    @classmethod
    def of_case(cls, case: Any) -> list["PendingStep"]:
        """AGR-NEW-INFORM / AGR-NEW-SU before a new agreement; AGR-ANNOUNCE without delay when vacant."""
        if case.kind == "new_agreement":
            steps = clocks.new_agreement_clocks(
                gps_informed_on=case.first_step_on("gps_informed"),
                su_statement_on=case.first_step_on("su_statement"),
            )
        elif case.kind in codes.VACATING_KINDS:
            steps = clocks.vacancy_steps(announced_on=case.first_step_on("announcement"))
        else:
            return []
        return [
            cls(
                code=s.code,
                rule_id=s.rule_id,
                citation=s.citation,
                text=s.text,
                responsible_label=codes.RESPONSIBLE_LABELS.get(s.responsible, s.responsible),
                done_on=s.done_on,
            )
            for s in steps
        ]


class CaseSummary(BaseModel):
    id: int
    municipality: str
    kind: str
    kind_label: str
    title: str
    status: str
    status_label: str
    agreement_id: int | None
    doctor_name: str | None
    office_name: str | None
    doctor_id: int | None = None
    office_id: int | None = None
    opened_on: date
    closed_on: date | None
    open_clocks: int
    next_due: date | None

    @staticmethod
    def fields_of(case: Any) -> dict:
        open_clocks = [c for c in case.clocks if c.closed_on is None]
        agreement = case.agreement
        return {
            "id": case.id,
            "municipality": case.municipality_number,
            "kind": case.kind,
            "kind_label": KIND_LABELS.get(case.kind, case.kind),
            "title": case.title,
            "status": case.status,
            "status_label": STATUS_LABELS.get(case.status, case.status),
            "agreement_id": case.agreement_id,
            "doctor_name": case.doctor.full_name if case.doctor else None,
            "office_name": agreement.office.name if agreement else None,
            "doctor_id": case.doctor_id,
            "office_id": agreement.office_id if agreement else None,
            "opened_on": case.opened_on,
            "closed_on": case.closed_on,
            "open_clocks": len(open_clocks),
            "next_due": min((c.due for c in open_clocks), default=None),
        }

    @classmethod
    def of(cls, case: Any) -> "CaseSummary":
        return cls(**cls.fields_of(case))


class CaseRead(CaseSummary):
    facts: dict
    notice_period_end: date | None
    correct_announcements: int
    steps: list[StepRead]
    clocks: list[ClockRead]
    next_steps: list[NextStep]
    pending: list[PendingStep]
    documents: list[str]
    opened_by: str

    @classmethod
    def at(cls, case: Any, on: date, *, due_soon_days: int) -> "CaseRead":
        """The case on a day: its steps, its clocks (open first, earliest due first), what may come next."""
        steps = [] if case.status == codes.CLOSED else codes.STEPS_FOR_KIND.get(case.kind, [])
        ordered = sorted(case.clocks, key=lambda c: (c.closed_on is not None, c.due))
        return cls(
            **cls.fields_of(case),
            facts=case.facts or {},
            notice_period_end=case.notice_end(),
            correct_announcements=len(case.correct_announcements()),
            steps=[StepRead.of(s) for s in case.steps],
            clocks=[ClockRead.of(c, on, due_soon_days=due_soon_days) for c in ordered],
            next_steps=[NextStep(kind=k, kind_label=STEP_LABELS[k]) for k in [*steps, "note", "closed"]]
            if steps or case.status == codes.OPEN
            else [],
            pending=PendingStep.of_case(case),
            documents=[s.kind for s in case.steps if s.kind in DOCUMENT_STEPS],
            opened_by=case.opened_by,
        )
