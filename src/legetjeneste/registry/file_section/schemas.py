"""The register's part of the municipality file: its items as read (pure Pydantic, also for Helfo's list)."""

from typing import Annotated

from pydantic import Field

from legetjeneste.registry.agreements.schemas import AgreementBase, ListCountBase
from legetjeneste.registry.periods.schemas import DoctorPeriodBase
from legetjeneste.registry.schemas import DbId, HprNumber, OrganisationNumber


class DoctorPeriodIn(DoctorPeriodBase):
    doctor: Annotated[HprNumber, Field(description="Legens HPR-nummer (fra doctors)")]
    vikar_for: Annotated[HprNumber | None, Field(description="HPR-nummeret til legen vikaren går for")] = None


class AgreementIn(AgreementBase):
    id: Annotated[DbId, Field(description="Avtalens id i fastlegeregisteret (FLR GPContractId); nøkkelen")]
    office: Annotated[
        OrganisationNumber, Field(description="Legekontorets organisasjonsnummer (fra offices)")
    ]
    doctor_periods: Annotated[
        list[DoctorPeriodIn],
        Field(description=("Alle legeperioder på avtalen; ved import erstatter listen avtalens perioder")),
    ] = []


class ListCountIn(ListCountBase):
    agreement: Annotated[DbId, Field(description="Avtalens id")]
