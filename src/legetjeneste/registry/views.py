"""Read models assembled from loaded register objects: an agreement at a date, the overview totals."""

from dataclasses import dataclass
from datetime import date

from legetjeneste.dates import format_month
from legetjeneste.registry import rules
from legetjeneste.registry.models import Agreement, DoctorPeriod, ListCount
from legetjeneste.registry.schemas import AgreementRead


@dataclass(frozen=True)
class Limits:
    """The AGR-LISTETAK parameters resolved for one date."""

    max_listetak: int
    min_listetak: int


def periods_on(agreement: Agreement, role: str, on: date) -> list[DoctorPeriod]:
    return [p for p in agreement.doctor_periods if p.role == role and p.period.contains(on)]


def agreement_read(
    agreement: Agreement, count: ListCount | None, *, on: date, limits: Limits
) -> AgreementRead:
    list_length = count.list_length if count else None
    regular = periods_on(agreement, "regular", on)
    warnings = [
        str(problem)
        for problem in rules.listetak_problems(
            agreement.listetak, max_listetak=limits.max_listetak, min_listetak=limits.min_listetak
        )
    ]
    return AgreementRead(
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
        vikar_names=[p.doctor.full_name for p in periods_on(agreement, "vikar", on)],
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


def totals(rows: list[AgreementRead]) -> Totals:
    with_gp = [row for row in rows if row.has_regular_doctor]
    without_gp = [row for row in rows if not row.has_regular_doctor]
    patients_with = sum(row.list_length or 0 for row in with_gp)
    return Totals(
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
