"""Selects and inserts of threat cases; never commits. The patient's row is read here only for a use case
that audits the read (service.py)."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.auth.models import User
from legetjeneste.citizens.models import Citizen, Membership
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.threats import rules
from legetjeneste.citizens.threats.models import ThreatCase, ThreatMeasure
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor, Office


def citizen_by_national_id(session: Session, national_id: str) -> Citizen | None:
    return session.scalar(select(Citizen).where(Citizen.national_id == national_id))


def listed_patient(session: Session, *, national_id: str, on: date) -> tuple[Citizen, Agreement] | None:
    """The citizen with this fødselsnummer and the list they are on that day, if any."""
    patient = citizen_by_national_id(session, national_id)
    place = membership_on(session, citizen_id=patient.id, on=on) if patient is not None else None
    found = agreement(session, place.agreement_id) if place is not None else None
    return (patient, found) if patient is not None and found is not None else None


def citizen(session: Session, citizen_id: int) -> Citizen | None:
    return session.get(Citizen, citizen_id)


def membership_on(session: Session, *, citizen_id: int, on: date) -> Membership | None:
    return places.membership_on(session, citizen_id=citizen_id, on=on)


def agreement(session: Session, agreement_id: int) -> Agreement | None:
    return registry_queries.agreement(session, agreement_id)


def regular_doctor(found: Agreement, on: date) -> Doctor | None:
    """The list's GP on the day (its regular doctor period)."""
    periods = found.periods_on("regular", on)
    return periods[0].doctor if periods else None


def gp_of_list(
    session: Session, *, agreement_id: int | None, municipality_number: str, on: date
) -> Doctor | None:
    """The GP of a list of the municipality on the day (None: no such list, or no GP)."""
    found = agreement(session, agreement_id) if agreement_id is not None else None
    if found is None or found.municipality_number != municipality_number:
        return None
    return regular_doctor(found, on)


def doctor(session: Session, doctor_id: int | None) -> Doctor | None:
    return session.get(Doctor, doctor_id) if doctor_id is not None else None


def office(session: Session, office_id: int) -> Office | None:
    return session.get(Office, office_id)


def lists_with_gp(session: Session, *, municipality_number: str, on: date) -> list[tuple[int, str]]:
    """The municipality's lists with a GP on the day, as (agreement id, «GP name (office)»)."""
    found = []
    for row in registry_queries.agreements(session, municipality_number=municipality_number):
        gp = regular_doctor(row, on)
        if gp is not None and row.period.contains(on):
            found.append((row.id, f"{gp.full_name} ({row.office.name})"))
    return sorted(found, key=lambda item: item[1])


def _case_query():
    return select(ThreatCase).options(selectinload(ThreatCase.measures))


def case(session: Session, case_id: int) -> ThreatCase | None:
    return session.scalar(_case_query().where(ThreatCase.id == case_id))


def case_for_update(session: Session, case_id: int) -> ThreatCase | None:
    """The case, its row held until the transaction ends: two steps on one case take turns."""
    query = _case_query().where(ThreatCase.id == case_id).with_for_update(of=ThreatCase)
    return session.scalar(query.execution_options(populate_existing=True))


def cases(
    session: Session,
    *,
    municipality_number: str | None,
    doctor_id: int | None = None,
    office_id: int | None = None,
) -> list[ThreatCase]:
    """Cases, newest first: of a municipality (None: all), of one GP (requesting or new), of one office."""
    query = _case_query().order_by(ThreatCase.id.desc())
    if municipality_number is not None:
        query = query.where(ThreatCase.municipality_number == municipality_number)
    if doctor_id is not None:
        query = query.where((ThreatCase.doctor_id == doctor_id) | (ThreatCase.new_doctor_id == doctor_id))
    if office_id is not None:
        query = query.where(ThreatCase.office_id == office_id)
    return list(session.scalars(query))


def open_case_of(session: Session, *, citizen_id: int, agreement_id: int) -> ThreatCase | None:
    query = select(ThreatCase).where(
        ThreatCase.citizen_id == citizen_id,
        ThreatCase.agreement_id == agreement_id,
        ThreatCase.closed_on.is_(None),
    )
    return session.scalars(query).first()


def has_open_case(session: Session, *, citizen_id: int) -> bool:
    """Whether the citizen has an open threat case: the citizens' runs ask before moving such a citizen
    (THREAT-NEW-GP: a move goes through the case, so the new GP is contacted)."""
    return bool(with_open_case(session, [citizen_id]))


def with_open_case(session: Session, citizen_ids: list[int]) -> set[int]:
    """Those of the citizens named who have an open threat case (has_open_case for a batch of the run's)."""
    if not citizen_ids:
        return set()
    query = select(ThreatCase.citizen_id).where(
        ThreatCase.citizen_id.in_(citizen_ids), ThreatCase.closed_on.is_(None)
    )
    return set(session.scalars(query.distinct()))


def measure(session: Session, *, case_id: int, code: str) -> ThreatMeasure | None:
    query = select(ThreatMeasure).where(ThreatMeasure.case_id == case_id, ThreatMeasure.code == code)
    return session.scalar(query)


def waiting_for_assignment(session: Session, *, municipality_number: str | None, on: date) -> list[int]:
    """Ids of the cases whose patient should have a new GP by now (THREAT-DEADLINE: deadline before `on`)."""
    query = select(ThreatCase.id).where(
        ThreatCase.outcome == rules.MOVE,
        ThreatCase.moved_on.is_(None),
        ThreatCase.closed_on.is_(None),
        ThreatCase.deadline < on,
    )
    if municipality_number is not None:
        query = query.where(ThreatCase.municipality_number == municipality_number)
    return list(session.scalars(query.order_by(ThreatCase.id)))


def open_clock_cases(session: Session, *, municipality_number: str) -> list[ThreatCase]:
    """Open cases with a running clock: a demanded decision not made, or a patient still to choose."""
    query = select(ThreatCase).where(
        ThreatCase.municipality_number == municipality_number,
        ThreatCase.closed_on.is_(None),
        ((ThreatCase.demanded_on.is_not(None)) & (ThreatCase.outcome.is_(None)))
        | ((ThreatCase.outcome == rules.MOVE) & (ThreatCase.moved_on.is_(None))),
    )
    return list(session.scalars(query.order_by(ThreatCase.id)))


def kommuneoverlege_user_ids(session: Session, municipality_number: str) -> list[int]:
    """The municipality's active kommuneoverlege users: whom a request for help goes to."""
    query = select(User.id).where(
        User.role == "kommuneoverlege", User.municipality_number == municipality_number, User.is_active
    )
    return list(session.scalars(query.order_by(User.id)))


def state_of(found: ThreatCase) -> rules.CaseState:
    """What the rules need of a case."""
    return rules.CaseState(
        demanded_on=found.demanded_on,
        outcome=found.outcome,
        deadline=found.deadline,
        moved_on=found.moved_on,
        contacted_on=found.contacted_on,
        alternative=found.alternative,
        closed_on=found.closed_on,
    )


def names(session: Session, found: ThreatCase) -> dict[str, str | None]:
    """The GPs' and the office's names a case shows."""
    target = agreement(session, found.target_agreement_id) if found.target_agreement_id else None
    target_gp = regular_doctor(target, found.decided_on or found.requested_on) if target is not None else None
    office_row, new_gp = office(session, found.office_id), doctor(session, found.new_doctor_id)
    return {
        "doctor_name": doctor_name(session, found.doctor_id),
        "office_name": office_row.name if office_row else "",
        "target_doctor_name": target_gp.full_name if target_gp else None,
        "new_doctor_name": new_gp.full_name if new_gp else None,
    }


def doctor_name(session: Session, doctor_id: int) -> str:
    found = doctor(session, doctor_id)
    return found.full_name if found else ""
