"""Pydantic shapes of breach cases (AGR-BREACH, ASA 4310 § 15): the notice, each step, and the case read with
what happens next and what approved runs withheld and paid out."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from legetjeneste.dates import format_month
from legetjeneste.norwegian import day_text
from legetjeneste.payments.breach import rules as br
from legetjeneste.payments.breach.models import BreachCase
from legetjeneste.payments.runs.rules.lines import WITHHELD_PAYOUT, WITHHOLDING
from legetjeneste.registry.schemas import Input


def _line_breaks(value: object) -> object:
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def _in_range(value: date) -> date:
    if not date(2000, 1, 1) <= value <= date(2100, 12, 31):
        raise ValueError(f"må være en dato i år 2000–2100, ikke {day_text(value)}")
    return value


CaseDate = Annotated[date, AfterValidator(_in_range)]
Text = Annotated[str, BeforeValidator(_line_breaks), Field(max_length=2000)]
Reason = Annotated[str, BeforeValidator(_line_breaks), Field(max_length=500)]
StepDate = Annotated[CaseDate, Field(alias="date", description="Datoen steget skjedde (ÅÅÅÅ-MM-DD)")]


class _BreachInput(Input):
    """Written texts may have line breaks; no other control characters. An empty text is left to the rules,
    which say why it is needed (AGR-BREACH)."""

    model_config = ConfigDict(populate_by_name=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(c) < 32 and c != "\n" for c in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class BreachCaseCreate(_BreachInput):
    """The written, reasoned notice to rectify, with its deadline; it opens the case."""

    subject: Annotated[
        str, BeforeValidator(_line_breaks), Field(max_length=1000, description="Forholdet legen skal rette")
    ]
    notice_date: Annotated[CaseDate, Field(description="Datoen varselet ble sendt")]
    deadline: Annotated[CaseDate, Field(description="Frist for retting, etter varseldatoen")]
    text: Annotated[Text, Field(description="Varselet med begrunnelse")]


class CommentCreate(_BreachInput):
    kind: Literal["comment"]
    on: StepDate
    text: Annotated[Text, Field(description="Legens uttalelse")]


class MeetingCreate(_BreachInput):
    kind: Literal["meeting"]
    on: StepDate
    demanded_by: Annotated[Literal["doctor", "municipality"], Field(description="Parten som krevde møtet")]
    text: Annotated[Text, Field(description="Hva som ble tatt opp i møtet")]


class WarningCreate(_BreachInput):
    kind: Literal["warning"]
    on: StepDate
    text: Annotated[
        Text,
        Field(description="Advarselen om at basistilskudd holdes tilbake om forholdet ikke rettes"),
    ]
    deadline: Annotated[
        CaseDate | None, Field(description="Ny frist for retting, om advarselen setter en")
    ] = None


class DecisionCreate(_BreachInput):
    """The enkeltvedtak: the percentage of basistilskudd withheld each month, weighed on type, extent and
    severity of the breach."""

    kind: Literal["decision"]
    on: StepDate
    percentage: Annotated[
        Decimal, Field(max_digits=5, decimal_places=2, description="Prosent av basistilskuddet (inntil 20)")
    ]
    breach_type: Annotated[Reason, Field(description="Type mangel")]
    extent: Annotated[Reason, Field(description="Omfanget av mangelen")]
    severity: Annotated[Reason, Field(description="Hvor grov mangelen er")]


class RectificationCreate(_BreachInput):
    kind: Literal["rectification"]
    on: StepDate
    text: Annotated[Text, Field(description="Hvordan forholdet er rettet")]


StepCreate = CommentCreate | MeetingCreate | WarningCreate | DecisionCreate | RectificationCreate
BreachStepCreate = Annotated[StepCreate, Field(discriminator="kind")]
STEP_MODELS: dict[str, type[StepCreate]] = {
    "comment": CommentCreate,
    "meeting": MeetingCreate,
    "warning": WarningCreate,
    "decision": DecisionCreate,
    "rectification": RectificationCreate,
}


class BreachStepRead(BaseModel):
    id: int
    kind: str
    kind_label: str
    on: Annotated[date, Field(serialization_alias="date")]
    deadline: date | None
    text: str
    recorded_at: datetime
    recorded_by: str


class NextStepRead(BaseModel):
    kind: str
    kind_label: str
    earliest: date
    latest: date | None


class WithheldMonth(BaseModel):
    month: str
    amount: Decimal


class BreachCaseSummary(BaseModel):
    id: int
    municipality: str
    agreement_id: int
    doctor_name: str | None
    office_name: str
    subject: str
    status: str
    status_label: str
    notice_date: date
    deadline: date
    percentage: Decimal | None
    withheld_total: Decimal
    paid_out: bool


class BreachCaseRead(BreachCaseSummary):
    rule_id: str = "AGR-BREACH"
    citation: str = "ASA 4310 § 15"
    warning_date: date | None
    decision_date: date | None
    reasons: str | None
    rectified_date: date | None
    max_percentage: Decimal
    steps: list[BreachStepRead]
    next_steps: list[NextStepRead]
    what_next: str
    withheld: list[WithheldMonth]
    paid_out_amount: Decimal | None
    paid_out_month: str | None


class AgreementOption(BaseModel):
    id: int
    doctor_name: str
    office_name: str


def _summary_fields(case: BreachCase, lines: list[tuple], doctor_name: str | None) -> dict:
    """`lines` are (month, kind, amount) of the case's withholding and pay-out lines in approved runs."""
    withheld = [WithheldMonth(month=format_month(m), amount=-a) for m, k, a in lines if k == WITHHOLDING]
    return {
        "id": case.id,
        "municipality": case.municipality_number,
        "agreement_id": case.agreement_id,
        "doctor_name": doctor_name,
        "office_name": case.agreement.office.name,
        "subject": case.subject,
        "status": case.status,
        "status_label": br.STATUS_LABELS[case.status],
        "notice_date": case.notice_date,
        "deadline": case.deadline,
        "percentage": case.percentage,
        "withheld_total": sum((w.amount for w in withheld), Decimal("0.00")),
        "paid_out": any(k == WITHHELD_PAYOUT for _, k, _ in lines),
        "withheld": withheld,
    }


def case_summary(case: BreachCase, lines: list[tuple], doctor_name: str | None) -> BreachCaseSummary:
    return BreachCaseSummary.model_validate(_summary_fields(case, lines, doctor_name))


def case_read(
    case: BreachCase,
    lines: list[tuple],
    *,
    doctor_name: str | None,
    state: br.CaseState,
    max_percentage: Decimal,
) -> BreachCaseRead:
    """The case with every step, what happens next, and what approved runs withheld and paid out."""
    payout = next(((m, a) for m, k, a in lines if k == WITHHELD_PAYOUT), None)
    fields = _summary_fields(case, lines, doctor_name)
    next_text = br.what_next(
        state,
        percentage=case.percentage,
        max_percentage=max_percentage,
        withheld=fields["withheld_total"],
        paid_out=fields["paid_out"],
    )
    return BreachCaseRead(
        **fields,
        warning_date=case.warning_date,
        decision_date=case.decision_date,
        reasons=case.reasons,
        rectified_date=case.rectified_date,
        max_percentage=max_percentage,
        steps=[
            BreachStepRead(
                id=s.id,
                kind=s.kind,
                kind_label=br.STEP_LABELS[s.kind],
                on=s.on,
                deadline=s.deadline,
                text=s.text,
                recorded_at=s.recorded_at,
                recorded_by=s.recorded_by,
            )
            for s in case.steps
        ],
        next_steps=[
            NextStepRead(kind=n.kind, kind_label=br.STEP_LABELS[n.kind], earliest=n.earliest, latest=n.latest)
            for n in br.next_steps(state)
        ],
        what_next=next_text,
        paid_out_amount=payout[1] if payout else None,
        paid_out_month=format_month(payout[0]) if payout else None,
    )
