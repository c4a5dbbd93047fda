"""Pydantic shapes of the GP panel: its settings (digital services, absence assistant, office notices),
the panel itself and the warnings about the settings."""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from legetjeneste.absence.models import AbsenceAssistant, OfficeNotice
from legetjeneste.absence.panel.rules.panel import SERVICES, PanelFacts, services_text
from legetjeneste.absence.panel.rules.settings import SettingsWarning
from legetjeneste.registry.schemas import DbId, Input

Service = Literal["booking", "e_consultation", "prescription_renewal", "e_contact"]


def _services(value: list[str]) -> list[str]:
    """At least one, each once, in the portal's order."""
    if not value:
        raise ValueError("velg minst én tjeneste")
    return [s for s in SERVICES if s in value]


def _line_breaks(value: object) -> object:
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


NoticeText = Annotated[
    str,
    Field(min_length=1, max_length=1000, description="Meldingen under «Informasjon fra legekontoret»"),
    BeforeValidator(_line_breaks),
]


class DigitalServicesUpdate(Input):
    """Fields left out keep their value (HN-KEEP-ON: keep the services on; HN-MIN-ONE: at least one)."""

    offers_digital_services: Annotated[
        bool | None, Field(description="Legen tilbyr digitale tjenester på Helsenorge i det hele tatt")
    ] = None
    booking: Annotated[bool | None, Field(description="Timebestilling")] = None
    e_consultation: Annotated[bool | None, Field(description="E-konsultasjon")] = None
    prescription_renewal: Annotated[bool | None, Field(description="Reseptfornyelse")] = None
    e_contact: Annotated[bool | None, Field(description="E-kontakt")] = None


class AbsenceAssistantCreate(Input):
    colleague_doctor_id: Annotated[DbId, Field(description="Kollegaen som besvarer tjenestene")]
    services: Annotated[
        list[Service], AfterValidator(_services), Field(description="Tjenestene kollegaen besvarer")
    ]
    start: Annotated[date, Field(description="Første dag")]
    end: Annotated[date, Field(description="Siste dag")]


class _NoticeInput(Input):
    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        """A notice may have line breaks; no other control characters."""
        if isinstance(value, str) and any(ord(c) < 32 and c != "\n" for c in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class OfficeNoticeCreate(_NoticeInput):
    text: NoticeText
    start: Annotated[date | None, Field(description="Første dag meldingen vises; standard i dag")] = None
    end: Annotated[date | None, Field(description="Siste dag meldingen vises; tom for løpende")] = None


class OfficeNoticeUpdate(_NoticeInput):
    text: NoticeText | None = None
    start: date | None = None
    end: Annotated[date | None, Field(description="null gjør meldingen løpende")] = None


class Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PanelWarningRead(Read):
    rule_id: str
    agreement_id: int
    message: str
    start: date | None
    end: date | None
    services: list[str]


class DigitalServicesRead(Read):
    agreement_id: int
    office_id: int
    offers_digital_services: bool
    booking: bool
    e_consultation: bool
    prescription_renewal: bool
    e_contact: bool
    is_default: Annotated[bool, Field(description="Ingen innstillinger er lagret: alt er på")]
    panel_shown: Annotated[bool, Field(description="Fastlegepanelet vises (HN-MIN-ONE)")]
    warnings: list[PanelWarningRead]

    @classmethod
    def of(
        cls, facts: PanelFacts, *, is_default: bool, panel_shown: bool, warnings: list[SettingsWarning]
    ) -> "DigitalServicesRead":
        """The settings with what they do to the panel: hidden (HN-MIN-ONE), services off (HN-KEEP-ON)."""
        settings = facts.settings
        return cls(
            agreement_id=facts.agreement_id,
            office_id=facts.office_id,
            offers_digital_services=settings.offers_digital_services,
            booking=settings.booking,
            e_consultation=settings.e_consultation,
            prescription_renewal=settings.prescription_renewal,
            e_contact=settings.e_contact,
            is_default=is_default,
            panel_shown=panel_shown,
            warnings=[PanelWarningRead.model_validate(w) for w in warnings],
        )


class AbsenceAssistantRead(Read):
    id: int
    agreement_id: int
    office_id: int
    colleague_doctor_id: int
    colleague_name: str
    services: list[str]
    services_label: str
    start: date
    end: date

    @classmethod
    def of(cls, entry: AbsenceAssistant, office_id: int) -> "AbsenceAssistantRead":
        return cls(
            id=entry.id,
            agreement_id=entry.agreement_id,
            office_id=office_id,
            colleague_doctor_id=entry.colleague_doctor_id,
            colleague_name=entry.colleague.full_name,
            services=list(entry.services),
            services_label=services_text(entry.services),
            start=entry.start,
            end=entry.end,
        )


class OfficeNoticeRead(Read):
    id: int
    office_id: int
    office_name: str
    text: str
    start: date
    end: date | None

    @classmethod
    def of(cls, notice: OfficeNotice) -> "OfficeNoticeRead":
        return cls(
            id=notice.id,
            office_id=notice.office_id,
            office_name=notice.office.name,
            text=notice.text,
            start=notice.start,
            end=notice.end,
        )


class ServiceLineRead(Read):
    service: str
    name: str
    answered_by: Annotated[str, Field(description="gp, vikar, colleague, office eller nobody")]
    answered_by_name: str | None
    text: str
    rule_id: str


class AwayRead(Read):
    start: date
    end: date
    back_on: Annotated[date, Field(description="Første virkedag etter fraværet")]
    text: str


class GpPanelRead(Read):
    """The panel as the citizen sees it on the date; `shown` false (HN-MIN-ONE) with `staff_note` why."""

    agreement_id: int
    office_id: int
    office_name: str
    on: date
    shown: bool
    staff_note: str | None
    heading: str | None
    gp_name: str | None
    text: str | None
    booking_button: str | None
    away: AwayRead | None
    notice_heading: str | None
    notices: list[str]
    services: list[ServiceLineRead]
    switched_off: list[str]
    links: list[str]
    rule_ids: list[str]
    emergency: str | None = None
