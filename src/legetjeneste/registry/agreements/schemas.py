"""Pydantic shapes of agreements and their monthly list counts: Create/Update/Read, the
read of an agreement at a date built from its loaded rows, and the overview's totals over those reads.

The reads take the loaded rows (`Agreement`, `ListCount`) as they come: this module imports no models, so the
municipality file's pure checks may use its input shapes."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from legetjeneste.dates import format_month
from legetjeneste.registry import rules
from legetjeneste.registry.schemas import DbId, Input, Month, MunicipalityNumber, Name, Read, Text, Weekday

ListStatus = Literal["open", "closed"]


OperatingModel = Literal["self_employed", "salaried"]


EndReason = Literal[
    "notice", "age_limit", "practice_transfer", "hjemfall", "death", "authorisation_lost", "other"
]


_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


def _hours(value: str) -> str:
    """'08:00-11:30, 12:00-15:30': one or more intervals within a day."""
    for interval in value.split(","):
        match = _HOURS.match(interval.strip())
        if not match:
            raise ValueError(f"«{value}» er ikke på formen TT:MM-TT:MM (flere tidsrom skilles med komma)")
        start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
        if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59 or (start_h, start_m) >= (end_h, end_m):
            raise ValueError(f"«{interval.strip()}» er ikke et gyldig tidsrom")
    return ", ".join(interval.strip() for interval in value.split(","))


Hours = Annotated[str, AfterValidator(_hours)]


WeekHours = dict[Weekday, Hours]


Count = Annotated[int, Field(ge=0, le=1_000_000)]


class Utekontor(Input):
    name: Name
    address: Text = ""
    weekdays: list[Weekday] = []


class AgreementBase(Input):
    listetak: Annotated[
        int,
        Field(
            ge=-1_000_000,
            le=1_000_000,
            description=(
                "Listens maksimale antall pasienter (FLR MaxPatients); høyst 2500 og normalt minst 500 "
                "etter den daterte "
                "parameteren agreements/max_listetak og min_listetak (AGR-LISTETAK)"
            ),
        ),
    ]
    list_status: Annotated[ListStatus, Field(description="Åpen (FLR FAAA) eller lukket (FALU) liste")]
    operating_model: Annotated[
        OperatingModel, Field(description="Næringsdrift (ASA 4310) eller fastlønn (SFS 2305)")
    ]
    fellesliste: bool = False
    agreement_date: Annotated[date | None, Field(description="Dato avtalen ble inngått")] = None
    start: Annotated[date, Field(description="Første dag avtalen gjelder")]
    end: Annotated[date | None, Field(description="Siste dag avtalen gjelder; tom for løpende")] = None
    end_reason: EndReason | None = None
    opening_hours: Annotated[WeekHours, Field(description="Åpningstid per ukedag, f.eks. 08:00-15:30")] = {}
    phone_hours: Annotated[
        WeekHours, Field(description="Telefontid per ukedag; flere tidsrom skilles med komma")
    ] = {}
    utekontor: list[Utekontor] = []


class ListCountBase(Input):
    month: Annotated[Month, Field(description="Måneden, ÅÅÅÅ-MM")]
    list_length: Annotated[Count, Field(description="Pasienter på listen den 1. i måneden (Helfo)")]
    waiting_list_count: Annotated[Count, Field(description="Innbyggere på ventelisten")] = 0
    pbt_annual_amount: Annotated[
        Decimal | None,
        Field(
            ge=0,
            max_digits=12,
            decimal_places=2,
            description=("Pasientjustert basistilskudd (PBT) for et år fra Helfo, i kroner"),
        ),
    ] = None


class AgreementCreate(AgreementBase):
    id: DbId | None = None
    office_id: DbId
    municipality_number: MunicipalityNumber | None = None


class AgreementUpdate(Input):
    office_id: DbId | None = None
    listetak: Annotated[int, Field(ge=-1_000_000, le=1_000_000)] | None = None
    list_status: ListStatus | None = None
    operating_model: OperatingModel | None = None
    fellesliste: bool | None = None
    agreement_date: date | None = None
    start: date | None = None
    end: date | None = None
    end_reason: EndReason | None = None
    opening_hours: WeekHours | None = None
    phone_hours: WeekHours | None = None
    utekontor: list[Utekontor] | None = None


class ListCountRead(Read):
    agreement_id: int
    month: str
    list_length: int
    waiting_list_count: int
    pbt_annual_amount: Decimal | None

    @classmethod
    def of(cls, count: Any) -> "ListCountRead":
        return cls(
            agreement_id=count.agreement_id,
            month=format_month(count.month),
            list_length=count.list_length,
            waiting_list_count=count.waiting_list_count,
            pbt_annual_amount=count.pbt_annual_amount,
        )


class AgreementRead(Read):
    id: int
    municipality_number: str
    office_id: int
    office_name: str
    listetak: int
    list_status: str
    operating_model: str
    fellesliste: bool
    agreement_date: date | None
    start: date
    end: date | None
    end_reason: str | None
    opening_hours: dict[str, str]
    phone_hours: dict[str, str]
    utekontor: list[dict]
    list_length: int | None
    list_length_month: str | None
    open_places: int
    has_regular_doctor: bool
    regular_doctor_name: str | None
    regular_doctor_id: int | None = None
    vikar_names: list[str]
    vikar_ids: list[int] = []
    warnings: list[str]

    @classmethod
    def at(cls, agreement: Any, count: Any, *, on: date, limits: rules.Limits) -> "AgreementRead":
        """The agreement on a day: its regular doctor and vikars then, its newest count and open places."""
        list_length = count.list_length if count else None
        regular = agreement.periods_on("regular", on)
        warnings = [
            str(problem)
            for problem in rules.listetak_problems(
                agreement.listetak, max_listetak=limits.max_listetak, min_listetak=limits.min_listetak
            )
        ]
        return cls(
            id=agreement.id,
            municipality_number=agreement.municipality_number,
            office_id=agreement.office_id,
            office_name=agreement.office.name,
            listetak=agreement.listetak,
            list_status=agreement.list_status,
            operating_model=agreement.operating_model,
            fellesliste=agreement.fellesliste,
            agreement_date=agreement.agreement_date,
            start=agreement.start,
            end=agreement.end,
            end_reason=agreement.end_reason,
            opening_hours=agreement.opening_hours,
            phone_hours=agreement.phone_hours,
            utekontor=agreement.utekontor,
            list_length=list_length,
            list_length_month=format_month(count.month) if count else None,
            open_places=rules.open_places(
                listetak=agreement.listetak, list_length=list_length, list_status=agreement.list_status
            ),
            has_regular_doctor=rules.has_regular_doctor(
                ((p.role, p.period) for p in agreement.doctor_periods), on=on
            ),
            regular_doctor_name=regular[0].doctor.full_name if regular else None,
            regular_doctor_id=regular[0].doctor_id if regular else None,
            vikar_names=[p.doctor.full_name for p in agreement.periods_on("vikar", on)],
            vikar_ids=[p.doctor_id for p in agreement.periods_on("vikar", on)],
            warnings=warnings,
        )


@dataclass(frozen=True)
class Totals:
    """The municipality's figures, defined as SSB table 12005 defines them."""

    agreements: int
    with_regular_doctor: int
    without_regular_doctor: int
    patients_with_regular_doctor: int
    patients_without_regular_doctor: int
    listetak_with_regular_doctor: int
    open_lists: int
    open_places: int
    average_list_length: int | None

    @classmethod
    def of(cls, rows: Sequence[AgreementRead]) -> "Totals":
        with_gp = [row for row in rows if row.has_regular_doctor]
        without_gp = [row for row in rows if not row.has_regular_doctor]
        patients_with = sum(row.list_length or 0 for row in with_gp)
        return cls(
            agreements=len(rows),
            with_regular_doctor=len(with_gp),
            without_regular_doctor=len(without_gp),
            patients_with_regular_doctor=patients_with,
            patients_without_regular_doctor=sum(row.list_length or 0 for row in without_gp),
            listetak_with_regular_doctor=sum(row.listetak for row in with_gp),
            open_lists=sum(1 for row in rows if row.open_places > 0),
            open_places=sum(row.open_places for row in rows),
            average_list_length=round(patients_with / len(with_gp)) if with_gp else None,
        )
