"""A small world for the citizen register's tests: Vefsn with one office, three lists and a few citizens
with synthetic fødselsnumre."""

from datetime import date
from itertools import count

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import rules
from legetjeneste.citizens.models import Citizen, CitizenParent
from legetjeneste.citizens.places import queries as places
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, Municipality, Office
from legetjeneste.web.deps import get_actor

NR = "1824"
KOL = Actor(email="kol@vefsn.example", role="kommuneoverlege", municipality_number=NR)
OPEN, SMALL, CLOSED = 101, 102, 103
_serial = count(1)


def world(session: Session, *, listetak: tuple[int, int, int] = (5, 3, 4)) -> None:
    with session.begin():
        session.add(Municipality(number=NR, name="Vefsn"))
        office = Office(
            municipality_number=NR,
            organisation_number="991000011",
            name="Sentrum legekontor",
            is_group_practice=True,
        )
        session.add(office)
        session.flush()
        for index, (agreement_id, tak) in enumerate(zip((OPEN, SMALL, CLOSED), listetak, strict=True)):
            doctor = Doctor(
                municipality_number=NR,
                hpr_number=f"90000{index}",
                first_name="Lege",
                last_name=f"Nummer{index}",
                birth_date=date(1970, 1, 1),
                specialist_status="none",
            )
            agreement = Agreement(
                id=agreement_id,
                municipality_number=NR,
                office_id=office.id,
                listetak=tak,
                list_status="closed" if agreement_id == CLOSED else "open",
                operating_model="self_employed",
                start=date(2010, 1, 1),
            )
            session.add_all([doctor, agreement])
            session.flush()
            session.add(
                DoctorPeriod(
                    agreement_id=agreement_id, doctor_id=doctor.id, role="regular", start=date(2010, 1, 1)
                )
            )


def person(
    session: Session,
    *,
    born: date = date(1980, 5, 17),
    male: bool = False,
    on: int | None = None,
    since: date = date(2020, 1, 1),
    parents: tuple[int, ...] = (),
    name: str = "Kari Nordmann",
) -> int:
    """A citizen (with a place on list `on` from `since`), in its own transaction; their id."""
    while (number := rules.synthetic_number(born, next(_serial), male=male)) is None:
        pass
    with session.begin():
        citizen = Citizen(
            national_id=number,
            name=name,
            birth_date=born,
            sex="male" if male else "female",
            home_municipality_number=NR,
            resident_since=since,
        )
        session.add(citizen)
        session.flush()
        for parent in parents:
            session.add(CitizenParent(child_id=citizen.id, parent_id=parent))
        if on is not None:
            places.move(session, citizen_id=citizen.id, agreement_id=on, start=since, reason="register")
        return citizen.id


def citizen_actor(citizen_id: int) -> Actor:
    return Actor(
        email=f"innbygger{citizen_id}@example",
        role="citizen",
        municipality_number=None,
        citizen_id=citizen_id,
    )


def act_as(client, actor: Actor) -> None:
    """The page client (tests/citizens/conftest.py `client`) acts as this actor from its next request."""
    client.app_state.dependency_overrides[get_actor] = lambda: actor
