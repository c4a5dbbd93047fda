"""Pydantic shapes of decisions: what a deciding feature passes, the appeal and its handling as input, and
the decision with its appeals as the API answers."""

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, field_validator

from legetjeneste.decisions import rules
from legetjeneste.registry.schemas import Input


def _line_breaks(value: object) -> object:
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_line_breaks), Field(max_length=4000)]


class _DecisionInput(Input):
    """Written texts may have line breaks; no other control characters. An empty text is left to the rules,
    which say why it is needed (DEC-APPEAL)."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(c) < 32 and c != "\n" for c in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class AppealCreate(_DecisionInput):
    """The party's appeal: what is appealed and why."""

    text: Annotated[Text, Field(description="Klagen: hva du klager på og hvorfor")] = ""


class AppealHandle(_DecisionInput):
    """The deciding body's handling of an appeal: reverse («reversed») or send on («sent_on»), with why."""

    outcome: Annotated[
        Literal["reversed", "sent_on"] | None, Field(description="reversed (omgjort) eller sent_on")
    ] = None
    reasons: Annotated[Text, Field(description="Begrunnelse for behandlingen")] = ""
    weighing: Text = ""


class ReasonRead(BaseModel):
    rule_id: str
    citation: str
    text: str


class AppealRead(BaseModel):
    id: int
    decision_id: int
    received_on: date
    submitted_by: str
    text: str
    status: str
    status_text: str
    handled_on: date | None
    handled_by: str | None
    handling_text: str
    new_decision_id: int | None


class DecisionRead(BaseModel):
    """An enkeltvedtak with its letter's content. Where `health_data` is true and the reader may not see
    it, `reasons`, `facts` and `weighing` are left out (`redacted`)."""

    id: int
    municipality_number: str
    municipality_name: str
    case_number: str
    kind: str
    kind_text: str
    case_entity: str
    case_id: int
    case_link: str
    doctor_id: int | None
    party_name: str
    outcome: str
    outcome_text: str
    summary: str
    reasons: list[ReasonRead]
    facts: list[str]
    weighing: str
    redacted: bool
    deciding_body: str
    appeal_body: str
    decided_on: date
    decided_at: datetime
    decided_by: str
    reached_on: date
    appeal_deadline: date
    appeal_weeks: int
    replaces_id: int | None
    replaced_by_id: int | None
    appeals: list[AppealRead]


def appeal_read(appeal) -> AppealRead:
    return AppealRead(
        id=appeal.id,
        decision_id=appeal.decision_id,
        received_on=appeal.received_on,
        submitted_by=appeal.submitted_by,
        text=appeal.text,
        status=appeal.status,
        status_text=rules.APPEAL_STATUSES[appeal.status],
        handled_on=appeal.handled_on,
        handled_by=appeal.handled_by,
        handling_text=appeal.handling_text,
        new_decision_id=appeal.new_decision_id,
    )


def decision_read(decision, *, municipality_name: str, kind_text: str, full: bool, **more) -> DecisionRead:
    """The decision as the reader may see it; `more`: appeal_weeks and replaced_by_id."""
    hidden = decision.health_data and not full
    return DecisionRead(
        **{name: getattr(decision, name) for name in _PLAIN},
        municipality_name=municipality_name,
        kind_text=kind_text,
        outcome_text=rules.OUTCOMES[decision.outcome],
        reasons=[] if hidden else [ReasonRead(**r) for r in decision.reasons],
        facts=[] if hidden else list(decision.facts),
        weighing="" if hidden else decision.weighing,
        redacted=hidden,
        appeals=[appeal_read(a) for a in decision.appeals],
        **more,
    )


_PLAIN = (
    "id",
    "municipality_number",
    "case_number",
    "kind",
    "case_entity",
    "case_id",
    "case_link",
    "doctor_id",
    "party_name",
    "outcome",
    "summary",
    "deciding_body",
    "appeal_body",
    "decided_on",
    "decided_at",
    "decided_by",
    "reached_on",
    "appeal_deadline",
    "replaces_id",
)
