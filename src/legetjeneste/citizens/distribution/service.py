"""The municipality's distribution (CIT-REDUCTION-DRAW, AGR-VACANT, CIT-UNASSIGNED): a granted list reduction
carried out by a recorded, reproducible draw; a vacant list distributed among the remaining lists; citizens
without a list distributed by the kommuneoverlege when automatic assignment is off.

Each is one transaction: every family moves with its letters, and the record (`Distribution`) holds the
seed, the members considered and the families drawn, so the draw can be shown and checked again. The
kommuneoverlege sees counts and the record, not names."""

import secrets
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import queries
from legetjeneste.citizens import rules as citizen_rules
from legetjeneste.citizens.distribution import queries as dist_queries
from legetjeneste.citizens.distribution import rules
from legetjeneste.citizens.distribution.schemas import DistributionRead, distribution_read
from legetjeneste.citizens.letters.service import carry_out
from legetjeneste.citizens.models import CitizenSettings, Distribution
from legetjeneste.citizens.switching.rules import effective_date
from legetjeneste.citizens.threats import queries as threat_queries
from legetjeneste.dates import add_months, now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import NotFound, RuleViolation
from legetjeneste.registry.models import Agreement


def _agreement(session: Session, actor: Actor, agreement_id: int) -> Agreement:
    auth_service.require(actor, "citizens.distribute")
    scope.agreement(session, actor, agreement_id)
    found = queries.lock_agreement(session, agreement_id)
    assert found is not None
    return found


def _families(session: Session, member_ids: list[int], effective: date) -> list[list[int]]:
    age = int(parameters.value(citizen_rules.CHILD_AGE, on=effective))
    links = queries.child_links(session, member_ids, born_after=add_months(effective, -12 * age))
    return citizen_rules.families(member_ids, links)


def _movable(session: Session, families: list[list[int]], member_ids: list[int]) -> list[list[int]]:
    """THREAT-NEW-GP, ASA 4310 vedlegg II — a family with a member whose threat case is open is moved by the
    case, which names the next list and contacts its GP, never by a draw or a distribution."""
    held = threat_queries.with_open_case(session, member_ids)
    return [family for family in families if not held.intersection(family)]


def _record(session: Session, actor: Actor, distribution: Distribution) -> DistributionRead:
    session.add(distribution)
    session.flush()
    audit_service.record(
        session,
        actor=actor,
        action=f"distribute_{distribution.kind}",
        entity="citizen_distribution",
        record_ids=[distribution.id],
        municipality_number=distribution.municipality_number,
        detail={"moved": distribution.moved, "seed": distribution.seed},
    )
    return distribution_read(distribution)


def _places(session: Session, agreement: Agreement, effective: date) -> dict[int, int]:
    others = [
        a
        for a in queries.agreements_of(session, agreement.municipality_number, on=effective)
        if a.id != agreement.id
    ]
    return queries.open_places(session, others, on=effective)


@when_free
def reduction_draw(
    session: Session,
    *,
    actor: Actor,
    agreement_id: int,
    count: int | None = None,
    seed: str | None = None,
    on: date | None = None,
    case_id: int | None = None,
) -> DistributionRead:
    """CIT-REDUCTION-DRAW — a granted list reduction: `count` citizens (by default the list's length above its
    listetak) drawn at random with `seed` (a new one when none is given), families together, moved from the
    1st of the next month to the other lists with room (else left for CIT-UNASSIGNED), each told by
    letter. A second call for the same case (or the same list and effective date) gives the recorded draw."""
    day = on or today_oslo()
    effective = effective_date(day)
    with write_transaction(session):
        agreement = _agreement(session, actor, agreement_id)
        earlier = dist_queries.earlier(
            session, agreement_id=agreement.id, kind="reduction", case_id=case_id, effective=effective
        )
        if earlier is not None:
            return distribution_read(earlier)
        member_ids = queries.members(session, agreement_id=agreement.id, on=effective)
        wanted = max(len(member_ids) - agreement.listetak, 0) if count is None else count
        if wanted <= 0 or wanted > len(member_ids):
            raise RuleViolation.of(
                citizen_rules.CIT_REDUCTION_DRAW,
                f"Antall som skal flyttes må være mellom 1 og {len(member_ids)} (listen har "
                f"{len(member_ids)} innbyggere og listetak {agreement.listetak}).",
            )
        seed = seed or secrets.token_hex(8)
        families = _movable(session, _families(session, member_ids, effective), member_ids)
        drawn = rules.draw(families, count=wanted, seed=seed)
        placed = rules.spread(drawn, _places(session, agreement, effective))
        record = Distribution(
            municipality_number=agreement.municipality_number,
            kind="reduction",
            agreement_id=agreement.id,
            case_id=case_id,
            effective=effective,
            seed=seed,
            requested=wanted,
            moved=sum(len(f) for f in drawn),
            families=len(drawn),
            created_at=now_oslo(),
            created_by=actor.email,
            record={"families": families, "drawn": drawn, "targets": [t for _, t in placed]},
        )
        read = _record(session, actor, record)
        carry_out(
            session,
            municipality_number=agreement.municipality_number,
            families=placed,
            reason="reduction",
            effective=effective,
            cause=f"dist:{record.id}",
        )
        return read


@when_free
def distribute_vacant(
    session: Session, *, actor: Actor, agreement_id: int, on: date | None = None
) -> DistributionRead:
    """AGR-VACANT, ASA 4310 § 5.2 — a vacated list's citizens distributed among the remaining lists by
    agreement: families whole, each to the list with the most room, from the 1st of the next month; a move
    that does not count as a switch (CIT-SWITCH). Those no list has room for wait for CIT-UNASSIGNED."""
    effective = effective_date(on or today_oslo())
    with write_transaction(session):
        agreement = _agreement(session, actor, agreement_id)
        member_ids = queries.members(session, agreement_id=agreement.id, on=effective)
        if not member_ids:
            raise RuleViolation.of(citizen_rules.AGR_VACANT, "Listen har ingen innbyggere å fordele.")
        families = _movable(session, _families(session, member_ids, effective), member_ids)
        placed = rules.spread(families, _places(session, agreement, effective))
        record = Distribution(
            municipality_number=agreement.municipality_number,
            kind="vacant",
            agreement_id=agreement.id,
            effective=effective,
            requested=len(member_ids),
            moved=sum(len(family) for family in families),
            families=len(families),
            created_at=now_oslo(),
            created_by=actor.email,
            record={"families": families, "drawn": families, "targets": [t for _, t in placed]},
        )
        read = _record(session, actor, record)
        carry_out(
            session,
            municipality_number=agreement.municipality_number,
            families=placed,
            reason="vacant",
            effective=effective,
            cause=f"dist:{record.id}",
        )
        return read


@when_free
def distribute_unassigned(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    agreement_id: int,
    count: int,
    on: date | None = None,
) -> DistributionRead:
    """CIT-UNASSIGNED — the kommuneoverlege distributes the `count` citizens longest without a list to the
    list chosen (when the municipality has turned automatic assignment off), from the 1st of next month."""
    effective = effective_date(on or today_oslo())
    with write_transaction(session):
        agreement = _agreement(session, actor, agreement_id)
        if agreement.municipality_number != municipality_number:
            raise NotFound(f"Fastlegeavtale {agreement_id} finnes ikke i kommune {municipality_number}.")
        waiting = queries.unassigned(
            session, municipality_number=municipality_number, on=effective, limit=count
        )
        families = [([citizen], agreement.id) for citizen, _ in waiting]
        record = Distribution(
            municipality_number=municipality_number,
            kind="manual",
            agreement_id=agreement.id,
            effective=effective,
            requested=count,
            moved=len(families),
            families=len(families),
            created_at=now_oslo(),
            created_by=actor.email,
            record={"drawn": [f for f, _ in families], "targets": [t for _, t in families]},
        )
        read = _record(session, actor, record)
        carry_out(
            session,
            municipality_number=municipality_number,
            families=families,
            reason="distributed",
            effective=effective,
            cause=f"dist:{record.id}",
        )
        return read


def set_auto_assign(session: Session, *, actor: Actor, municipality_number: str, auto_assign: bool) -> bool:
    """CIT-UNASSIGNED — the municipality turns automatic assignment of citizens without a list on or off."""
    auth_service.require(actor, "citizens.distribute")
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        found = queries.settings(session, municipality_number)
        if found is None:
            found = CitizenSettings(municipality_number=municipality_number)
            session.add(found)
        found.auto_assign = auto_assign
        audit_service.record(
            session,
            actor=actor,
            action="save",
            entity="citizen_settings",
            record_ids=[municipality_number],
            municipality_number=municipality_number,
            detail={"auto_assign": auto_assign},
        )
        return auto_assign


def distributions(session: Session, *, actor: Actor, municipality_number: str) -> list[DistributionRead]:
    """The municipality's recorded distributions and draws, newest first: counts and seeds, no names."""
    auth_service.require(actor, "citizens.distribute")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [distribution_read(d) for d in dist_queries.of_municipality(session, municipality_number)]
