"""The register's part of the municipality file: its items as read, and rows written back in that shape."""

from typing import Annotated

from pydantic import Field

from legetjeneste.dates import format_month
from legetjeneste.registry.models import Agreement, Doctor, ListCount, Municipality, Office
from legetjeneste.registry.schemas import (
    AgreementBase,
    DbId,
    DoctorPeriodBase,
    HprNumber,
    ListCountBase,
    OrganisationNumber,
)


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


def municipality_out(municipality: Municipality) -> dict:
    return {
        "number": municipality.number,
        "name": municipality.name,
        "inhabitants": {p.year: p.inhabitants for p in municipality.populations},
    }


def office_out(office: Office) -> dict:
    fields = (
        "organisation_number",
        "name",
        "is_group_practice",
        "street_address",
        "postal_code",
        "city",
        "phone",
        "is_accessible",
    )
    return {name: getattr(office, name) for name in fields}


def doctor_out(doctor: Doctor) -> dict:
    fields = ("hpr_number", "first_name", "last_name", "birth_date", "specialist_status", "payment_account")
    data = {name: getattr(doctor, name) for name in fields}
    return _without_none({**data, "birth_date": doctor.birth_date.isoformat()})


def agreement_out(agreement: Agreement) -> dict:
    data = {
        "id": agreement.id,
        "office": agreement.office.organisation_number,
        "listetak": agreement.listetak,
        "list_status": agreement.list_status,
        "operating_model": agreement.operating_model,
        "fellesliste": agreement.fellesliste,
        "agreement_date": agreement.agreement_date.isoformat() if agreement.agreement_date else None,
        "start": agreement.start.isoformat(),
        "end": agreement.end.isoformat() if agreement.end else None,
        "end_reason": agreement.end_reason,
        "opening_hours": agreement.opening_hours,
        "phone_hours": agreement.phone_hours,
        "utekontor": agreement.utekontor,
        "doctor_periods": [
            _without_none(
                {
                    "doctor": p.doctor.hpr_number,
                    "role": p.role,
                    "vikar_for": p.vikar_for.hpr_number if p.vikar_for else None,
                    "working_percentage": p.working_percentage,
                    "working_days": p.working_days,
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat() if p.end else None,
                }
            )
            for p in agreement.doctor_periods
        ],
    }
    return _without_none(data)


def list_count_out(count: ListCount) -> dict:
    return _without_none(
        {
            "agreement": count.agreement_id,
            "month": format_month(count.month),
            "list_length": count.list_length,
            "waiting_list_count": count.waiting_list_count,
            "pbt_annual_amount": str(count.pbt_annual_amount)
            if count.pbt_annual_amount is not None
            else None,
        }
    )


def _without_none(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}
