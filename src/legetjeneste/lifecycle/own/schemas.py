"""A GP's own requests about their agreement (AGR-NOTICE, AGR-LISTREDUCE, AGR-DELELISTE) as the forms on Min
side send them, and what Min side shows of the GP's cases and deadlines. The fields a rule needs are checked
by that rule, which names itself when it refuses; the shapes only say what a field may hold."""

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from legetjeneste.lifecycle.deadlines.schemas import Deadline
from legetjeneste.lifecycle.own import rules
from legetjeneste.lifecycle.schemas import CaseDate, CaseRead, Short, Text, _LifecycleInput


class OwnNotice(_LifecycleInput):
    """The GP gives notice on their own agreement (AGR-NOTICE)."""

    agreement_id: Annotated[int, Field(ge=1, le=999_999_999, description="Fastlegeavtalen")]
    text: Annotated[Text, Field(description="Merknad til kommunen")] = ""


class OwnListReduction(OwnNotice):
    """The GP asks for a smaller list (AGR-LISTREDUCE, ASA 4310 § 10.7)."""

    ground: Annotated[Short, Field(description="Grunn: health, care, age, demanding_list, …")] = ""
    effective_from: Annotated[CaseDate | None, Field(description="Skal gjelde fra")] = None
    listetak: Annotated[int | None, Field(ge=0, le=100_000, description="Ønsket listetak")] = None


class OwnDeleliste(OwnNotice):
    """The GP asks to share the list with a successor while phasing out (AGR-DELELISTE, § 10.8)."""

    successor: Annotated[Short, Field(description="Etterfølgeren")] = ""
    listetak: Annotated[int | None, Field(ge=0, le=100_000, description="Listetak for delelisten")] = None
    start_date: Annotated[CaseDate | None, Field(description="Nedtrappingen begynner")] = None
    until: Annotated[CaseDate | None, Field(description="Nedtrappingen slutter")] = None
    disability_percent: Annotated[int | None, Field(ge=0, le=100, description="Varig uførhet (prosent)")] = (
        None
    )
    same_office: Annotated[bool, Field(description="Etterfølgeren er i samme legesenter")] = True


REQUEST_SHAPES: dict[str, type[OwnNotice]] = {
    "notice": OwnNotice,
    "list_reduction": OwnListReduction,
    "deleliste": OwnDeleliste,
}


class OwnPreview(BaseModel):
    """What sending the request would do, checked by the rules but not saved: the confirmation step."""

    kind: str
    kind_label: str
    agreement_id: int
    title: str
    on: date
    consequences: list[str]
    notice_period_end: date | None = None


class OwnCase(BaseModel):
    """One of the GP's cases on Min side: its status, who started it and its next step."""

    id: int
    title: str
    kind_label: str
    status: str
    status_label: str
    agreement_id: int | None
    opened_on: date
    started_by_me: bool
    next_step: str
    next_due: date | None

    @classmethod
    def of(cls, case: CaseRead, *, email: str) -> "OwnCase":
        open_clocks = [c for c in case.clocks if c.closed_on is None]
        return cls(
            id=case.id,
            title=case.title,
            kind_label=case.kind_label,
            status=case.status,
            status_label=case.status_label,
            agreement_id=case.agreement_id,
            opened_on=case.opened_on,
            started_by_me=case.opened_by == email,
            next_step=rules.next_step(
                status=case.status,
                closed_on=case.closed_on,
                clocks=[(c.due_date, c.responsible_label, c.text) for c in open_clocks],
                pending=[(p.responsible_label, p.text) for p in case.pending if p.done_on is None],
            ),
            next_due=case.next_due,
        )


class OwnCases(BaseModel):
    """The «Mine saker» panel: the GP's cases, and the agreements the GP may send a request about today."""

    on: date
    cases: list[OwnCase]
    agreements: list[tuple[int, str]]
    grounds: dict[str, str]


class OwnDeadlines(BaseModel):
    """The «Mine frister» panel: the open clocks of the GP's cases, earliest first."""

    on: date
    due_soon_days: int
    reminder_days: int
    deadlines: list[Deadline]
