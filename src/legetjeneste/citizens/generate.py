"""Synthetic citizens for the demo and the benchmark: for each list as many citizens as its length (Helfo's
latest count, or a length given), about one in six a child under 16 on a parent's list, each with a synthetic
fødselsnummer (month + 80) and a fictional name — written in bulk (ids given here, one INSERT per table
and batch), so Vefsn's 13,364 take well under a second.

The lists' kept lengths (docs/adr/0014) are written with the places, in the same transaction.

Idempotent per municipality: nothing is generated where the municipality already has citizens."""

import random
from collections.abc import Iterator, Mapping
from datetime import date, timedelta

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens import rules
from legetjeneste.citizens.lengths import queries as kept_lengths
from legetjeneste.citizens.models import Citizen, CitizenParent, Membership
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import AgreementUpdate
from legetjeneste.registry.models import Agreement, ListCount

FIRST_F = ("Kari", "Ingrid", "Anne", "Sofie", "Emma", "Nora", "Sara", "Ida", "Maja", "Hanna", "Liv", "Marit")
FIRST_M = ("Ola", "Jonas", "Lars", "Per", "Jakob", "Emil", "Noah", "Filip", "Aksel", "Henrik", "Knut", "Odd")
LAST = (
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Eide",
    "Lie",
    "Moen",
    "Dahl",
    "Strand",
    "Solberg",
    "Bakke",
    "Lund",
    "Holm",
)
# After an adult of 25–50, each next citizen is their child with this chance: about one in six is a child.
CHILD_CHANCE = 0.4
BATCH = 20_000


def latest_lengths(session: Session, municipality_number: str) -> dict[int, int]:
    """Helfo's latest count per agreement of the municipality that is still in force."""
    latest = (
        select(ListCount.agreement_id, func.max(ListCount.month).label("month"))
        .group_by(ListCount.agreement_id)
        .subquery()
    )
    query = (
        select(ListCount.agreement_id, ListCount.list_length)
        .join(latest, (latest.c.agreement_id == ListCount.agreement_id) & (latest.c.month == ListCount.month))
        .join(Agreement, Agreement.id == ListCount.agreement_id)
        .where(Agreement.municipality_number == municipality_number, Agreement.end.is_(None))
    )
    return {agreement_id: length for agreement_id, length in session.execute(query)}


# The demo's open lists. SSB 2025 (table 12005) counts no open list in Vefsn — 11,996 patients on its 13 lists
# with a GP against a listetak of 11,770 — and two in Kragerø, which its demo file has open. So that a citizen
# finds a Vefsn GP with room, the demo opens the three Vefsn lists whose count is nearest their listetak and
# leaves a few places on each (12 in all): their citizens are that many fewer than Helfo's November count, as
# if some had moved away since. Agreement → open places.
DEMO_OPEN_PLACES: dict[str, dict[int, int]] = {"1824": {182402: 4, 182403: 5, 182413: 3}}


def demo_lengths(session: Session, municipality_number: str) -> dict[int, int]:
    """Helfo's latest counts, less on the lists the demo opens (DEMO_OPEN_PLACES), each to its listetak less
    its open places."""
    found = latest_lengths(session, municipality_number)
    for agreement_id, places in DEMO_OPEN_PLACES.get(municipality_number, {}).items():
        listetak = session.scalar(select(Agreement.listetak).where(Agreement.id == agreement_id))
        if agreement_id in found and listetak is not None:
            found[agreement_id] = min(found[agreement_id], listetak - places)
    return found


def generate_demo(session: Session, *, municipality_number: str, today: date) -> int:
    """The demo's citizens of the municipality (`generate` on `demo_lengths`), then its open lists opened
    through the register (AGR-OPEN; audited as the system's). Nothing where it already has citizens."""
    with session.begin():
        lengths = demo_lengths(session, municipality_number)
    made = generate(session, municipality_number=municipality_number, today=today, lengths=lengths)
    if made:
        for agreement_id in DEMO_OPEN_PLACES.get(municipality_number, {}):
            agreement_service.update_agreement(
                session, actor=SYSTEM, agreement_id=agreement_id, data=AgreementUpdate(list_status="open")
            )
    return made


class Numbers:
    """Unique synthetic fødselsnumre: per birth date and sex the individual numbers in turn, past those in
    `used` (the register's own)."""

    def __init__(self, used: set[str] | None = None) -> None:
        self.serial: dict[tuple[date, bool], int] = {}
        # None: nothing to avoid but one's own numbers, unique by construction (the benchmark's millions)
        self.used = used
        self.made = 0

    def next(self, born: date, male: bool) -> tuple[str, date]:
        for _ in range(1000):
            serial = self.serial.get((born, male), 0) + 1
            self.serial[born, male] = serial
            if serial > 250:  # every individual number of the day is taken: the day after
                born += timedelta(days=1)
                continue
            number = rules.synthetic_number(born, serial, male=male)
            if number is not None and (self.used is None or number not in self.used):
                if self.used is not None:
                    self.used.add(number)
                self.made += 1
                return number, born
        raise RuntimeError("no synthetic number left")


def people(lengths: Mapping[int, int], today: date, seed: int) -> Iterator[tuple]:
    """(agreement, born, male, name, parent index or None) per citizen, list by list; a child follows the
    adult generated just before its family."""
    pick = random.Random(seed)
    index = 0
    for agreement_id, length in sorted(lengths.items()):
        made, parent = 0, None
        while made < length:
            child = parent is not None and pick.random() < CHILD_CHANCE
            age = pick.randint(0, 15) if child else pick.randint(16, 95)
            born = today - timedelta(days=365 * age + pick.randint(1, 364))
            male = pick.random() < 0.5
            name = f"{pick.choice(FIRST_M if male else FIRST_F)} {pick.choice(LAST)}"
            yield agreement_id, born, male, name, parent if child else None
            if not child:
                parent = index if 25 <= age <= 50 else None
            index += 1
            made += 1


def generate(
    session: Session,
    *,
    municipality_number: str,
    today: date,
    lengths: Mapping[int, int] | None = None,
    seed: int = 1,
    first_id: int | None = None,
) -> int:
    """Citizens on the municipality's lists (Helfo's latest counts unless `lengths` are given), each from
    `resident_since` on its list; how many were made (0 when the municipality already has citizens)."""
    with session.begin():
        if session.scalar(select(Citizen.id).where(Citizen.home_municipality_number == municipality_number)):
            return 0
        found = dict(lengths) if lengths is not None else latest_lengths(session, municipality_number)
        start = first_id or (session.scalar(select(func.max(Citizen.id))) or 0) + 1
        numbers = Numbers(set(session.scalars(select(Citizen.national_id))))
        citizens, places, parents = [], [], []
        kept: list[tuple[int, date, date | None]] = []
        for offset, (agreement_id, born, male, name, parent) in enumerate(people(found, today, seed)):
            citizen_id = start + offset
            number, born = numbers.next(born, male)
            since = max(born, date(2015, 1, 1))
            citizens.append(
                {
                    "id": citizen_id,
                    "national_id": number,
                    "name": name,
                    "birth_date": born,
                    "sex": "male" if male else "female",
                    "home_municipality_number": municipality_number,
                    "resident_since": since,
                }
            )
            places.append(
                {
                    "citizen_id": citizen_id,
                    "agreement_id": agreement_id,
                    "start": since,
                    "begin_reason": "register",
                }
            )
            kept.append((agreement_id, since, None))
            if parent is not None:
                parents.append({"child_id": citizen_id, "parent_id": start + parent, "is_primary": False})
            if len(citizens) >= BATCH:
                _write(session, citizens, places, parents)
        _write(session, citizens, places, parents)
        kept_lengths.keep_places(session, kept)
        _advance_sequence(session)
        return numbers.made


def _write(session: Session, citizens: list, places: list, parents: list) -> None:
    for model, rows in ((Citizen, citizens), (Membership, places), (CitizenParent, parents)):
        if rows:
            session.execute(insert(model), rows)
            rows.clear()


def _advance_sequence(session: Session) -> None:
    """PostgreSQL: the citizen id sequence past the ids given here."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('citizen', 'id'), (SELECT max(id) FROM citizen))")
        )
