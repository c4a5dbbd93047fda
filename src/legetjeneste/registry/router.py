"""JSON API for the register under /api/v1. Each endpoint is one service call."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from legetjeneste.registry import service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import (
    AgreementCreate,
    AgreementRead,
    AgreementUpdate,
    ListCountBase,
    ListCountRead,
)
from legetjeneste.registry.periods import service as period_service
from legetjeneste.registry.periods.schemas import DoctorPeriodCreate, DoctorPeriodRead, DoctorPeriodUpdate
from legetjeneste.registry.schemas import (
    DoctorCreate,
    DoctorRead,
    DoctorUpdate,
    MunicipalityCreate,
    MunicipalityRead,
    MunicipalityUpdate,
    OfficeCreate,
    OfficeRead,
    OfficeUpdate,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["register"])
MunicipalityFilter = Annotated[str | None, Query(pattern=r"^\d{4}$", description="Kun for administrator")]
OnDate = Annotated[date | None, Query(alias="date", description="Dato (ÅÅÅÅ-MM-DD), standard i dag")]


@router.get("/municipalities", response_model=list[MunicipalityRead])
def list_municipalities(session: SessionDep, actor: ActorDep):
    return service.list_municipalities(session, actor=actor)


@router.get("/municipalities/{number}", response_model=MunicipalityRead)
def get_municipality(number: Number, session: SessionDep, actor: ActorDep):
    return service.get_municipality(session, actor=actor, number=number)


@router.post("/municipalities", response_model=MunicipalityRead, status_code=201)
def create_municipality(data: MunicipalityCreate, session: SessionDep, actor: ActorDep):
    return service.create_municipality(session, actor=actor, data=data)


@router.patch("/municipalities/{number}", response_model=MunicipalityRead)
def update_municipality(number: Number, data: MunicipalityUpdate, session: SessionDep, actor: ActorDep):
    return service.update_municipality(session, actor=actor, number=number, data=data)


@router.get("/municipalities/{number}/overview")
def overview(number: Number, session: SessionDep, actor: ActorDep, on: OnDate = None):
    return agreement_service.overview(session, actor=actor, municipality_number=number, on=on)


@router.get("/municipalities/{number}/lists-without-regular-doctor", response_model=list[AgreementRead])
def lists_without_regular_doctor(number: Number, session: SessionDep, actor: ActorDep, on: OnDate = None):
    return agreement_service.lists_without_regular_doctor(
        session, actor=actor, municipality_number=number, on=on
    )


@router.get("/offices", response_model=list[OfficeRead])
def list_offices(session: SessionDep, actor: ActorDep, municipality: MunicipalityFilter = None):
    return service.list_offices(session, actor=actor, municipality_number=municipality)


@router.post("/offices", response_model=OfficeRead, status_code=201)
def create_office(data: OfficeCreate, session: SessionDep, actor: ActorDep):
    return service.create_office(session, actor=actor, data=data)


@router.get("/offices/{office_id}", response_model=OfficeRead)
def get_office(office_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_office(session, actor=actor, office_id=office_id)


@router.patch("/offices/{office_id}", response_model=OfficeRead)
def update_office(office_id: Id, data: OfficeUpdate, session: SessionDep, actor: ActorDep):
    return service.update_office(session, actor=actor, office_id=office_id, data=data)


@router.get("/doctors", response_model=list[DoctorRead])
def list_doctors(session: SessionDep, actor: ActorDep, municipality: MunicipalityFilter = None):
    return service.list_doctors(session, actor=actor, municipality_number=municipality)


@router.post("/doctors", response_model=DoctorRead, status_code=201)
def create_doctor(data: DoctorCreate, session: SessionDep, actor: ActorDep):
    return service.create_doctor(session, actor=actor, data=data)


@router.get("/doctors/{doctor_id}", response_model=DoctorRead)
def get_doctor(doctor_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_doctor(session, actor=actor, doctor_id=doctor_id)


@router.patch("/doctors/{doctor_id}", response_model=DoctorRead)
def update_doctor(doctor_id: Id, data: DoctorUpdate, session: SessionDep, actor: ActorDep):
    return service.update_doctor(session, actor=actor, doctor_id=doctor_id, data=data)


@router.get("/agreements", response_model=list[AgreementRead])
def list_agreements(
    session: SessionDep, actor: ActorDep, municipality: MunicipalityFilter = None, on: OnDate = None
):
    return agreement_service.list_agreements(session, actor=actor, municipality_number=municipality, on=on)


@router.post("/agreements", response_model=AgreementRead, status_code=201)
def create_agreement(data: AgreementCreate, session: SessionDep, actor: ActorDep):
    return agreement_service.create_agreement(session, actor=actor, data=data)


@router.get("/agreements/{agreement_id}", response_model=AgreementRead)
def get_agreement(agreement_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    return agreement_service.get_agreement(session, actor=actor, agreement_id=agreement_id, on=on)


@router.patch("/agreements/{agreement_id}", response_model=AgreementRead)
def update_agreement(agreement_id: Id, data: AgreementUpdate, session: SessionDep, actor: ActorDep):
    return agreement_service.update_agreement(session, actor=actor, agreement_id=agreement_id, data=data)


@router.get("/agreements/{agreement_id}/doctor-periods", response_model=list[DoctorPeriodRead])
def list_doctor_periods(agreement_id: Id, session: SessionDep, actor: ActorDep):
    return period_service.list_doctor_periods(session, actor=actor, agreement_id=agreement_id)


@router.post("/agreements/{agreement_id}/doctor-periods", response_model=DoctorPeriodRead, status_code=201)
def add_doctor_period(agreement_id: Id, data: DoctorPeriodCreate, session: SessionDep, actor: ActorDep):
    return period_service.add_doctor_period(session, actor=actor, agreement_id=agreement_id, data=data)


@router.get("/doctor-periods/{period_id}", response_model=DoctorPeriodRead)
def get_doctor_period(period_id: Id, session: SessionDep, actor: ActorDep):
    return period_service.get_doctor_period(session, actor=actor, period_id=period_id)


@router.patch("/doctor-periods/{period_id}", response_model=DoctorPeriodRead)
def update_doctor_period(period_id: Id, data: DoctorPeriodUpdate, session: SessionDep, actor: ActorDep):
    return period_service.update_doctor_period(session, actor=actor, period_id=period_id, data=data)


@router.get("/agreements/{agreement_id}/list-counts", response_model=list[ListCountRead])
def list_list_counts(agreement_id: Id, session: SessionDep, actor: ActorDep):
    return agreement_service.list_list_counts(session, actor=actor, agreement_id=agreement_id)


@router.put("/agreements/{agreement_id}/list-counts", response_model=ListCountRead)
def put_list_count(agreement_id: Id, data: ListCountBase, session: SessionDep, actor: ActorDep):
    return agreement_service.put_list_count(session, actor=actor, agreement_id=agreement_id, data=data)
