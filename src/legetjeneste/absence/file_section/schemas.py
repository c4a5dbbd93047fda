"""Absence's part of the municipality file: its items as read."""

from datetime import date
from typing import Annotated

from pydantic import Field

from legetjeneste.absence.schemas import AbsenceBase, DigitalService
from legetjeneste.registry.schemas import DbId, HprNumber, Input, OrganisationNumber


class AbsenceIn(AbsenceBase):
    doctor: Annotated[HprNumber, Field(description="Den fraværende legens HPR-nummer; med start nøkkelen")]
    agreement: Annotated[DbId, Field(description="Avtalen legen er borte fra")]
    vikar: Annotated[
        HprNumber | None, Field(description="Vikarens HPR-nummer ved egen vikar eller kommunens")
    ] = None


class DigitalServicesIn(Input):
    """Which of the GP's services the citizen portal offers; a missing agreement has all of them on."""

    agreement: Annotated[DbId, Field(description="Avtalens id; nøkkelen")]
    offers_digital_services: Annotated[
        bool, Field(description="Legen tilbyr digitale tjenester på Helsenorge")
    ] = True
    booking: bool = True
    e_consultation: bool = True
    prescription_renewal: bool = True
    e_contact: bool = True


class AbsenceAssistantIn(Input):
    agreement: DbId
    colleague: Annotated[HprNumber, Field(description="Kollegaen som svarer tjenestene")]
    services: Annotated[list[DigitalService], Field(min_length=1)]
    start: date
    end: date


class OfficeNoticeIn(Input):
    office: Annotated[OrganisationNumber, Field(description="Legekontorets organisasjonsnummer")]
    text: Annotated[str, Field(min_length=1, max_length=1000, description="Informasjon fra legekontoret")]
    start: date
    end: date | None = None
