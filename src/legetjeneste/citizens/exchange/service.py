"""Import and export of the citizen file (docs/citizen-file.md): citizens never travel in the municipality
file. An import is all or nothing and adds only citizens not yet in the register; an export is a read of
every identity in it, audited with its reason."""

import json
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import queries
from legetjeneste.citizens.exchange import rules
from legetjeneste.citizens.lengths import queries as lengths
from legetjeneste.citizens.models import Citizen, CitizenParent, Membership
from legetjeneste.citizens.places import queries as places
from legetjeneste.dates import today_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.registry.models import Agreement
from legetjeneste.settings import get_settings


@dataclass(frozen=True)
class Imported:
    added: int
    already: int
    places: int


def import_file(session: Session, *, actor: Actor, lines: list[str]) -> Imported:
    """The file's citizens not yet in the register, with their parents and places: all or nothing."""
    auth_service.require(actor, "citizens.register")
    rows = rules.parse(lines, allow_synthetic=get_settings().test_identities, today=today_oslo())
    with write_transaction(session):
        for number in {row.home_municipality_number for row in rows}:
            scope.municipality(session, actor, number)
        known = set(session.scalars(select(Agreement.id)))
        bad = [
            Problem("places", f"fastlegeavtale {p.agreement_id} finnes ikke")
            for row in rows
            for p in row.places
            if p.agreement_id not in known
        ]
        if bad:
            raise ValidationFailed(bad)
        ids = {c.national_id: c.id for c in session.scalars(select(Citizen))}
        new = [row for row in rows if row.national_id.number not in ids]
        for row in new:
            citizen = Citizen(
                national_id=row.national_id.number,
                name=row.name,
                birth_date=row.national_id.birth_date,
                sex=row.national_id.sex,
                home_municipality_number=row.home_municipality_number,
                resident_since=row.resident_since,
            )
            session.add(citizen)
            session.flush()
            ids[citizen.national_id] = citizen.id
        places = [
            {
                "citizen_id": ids[row.national_id.number],
                "agreement_id": p.agreement_id,
                "start": p.start,
                "end": p.end,
                "begin_reason": p.begin_reason,
                "end_reason": p.end_reason,
            }
            for row in new
            for p in row.places
        ]
        parents = [
            {"child_id": ids[row.national_id.number], "parent_id": ids[parent], "is_primary": False}
            for row in new
            for parent in row.parents
            if parent in ids
        ]
        for model, rows_ in ((Membership, places), (CitizenParent, parents)):
            if rows_:
                session.execute(insert(model), rows_)
        lengths.keep_places(session, [(p.agreement_id, p.start, p.end) for row in new for p in row.places])
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="citizen",
            record_ids=[ids[r.national_id.number] for r in new],
            municipality_number=None,
            detail={"added": len(new)},
        )
        return Imported(added=len(new), already=len(rows) - len(new), places=len(places))


def export_file(session: Session, *, actor: Actor, municipality_number: str, why: str) -> list[str]:
    """The municipality's citizens as the citizen file's lines (header first)."""
    auth_service.require(actor, "citizens.register")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        citizens = list(
            session.scalars(
                select(Citizen)
                .where(Citizen.home_municipality_number == municipality_number)
                .order_by(Citizen.id)
            )
        )
        numbers = {c.id: c.national_id for c in citizens}
        lines = [json.dumps({"format": rules.FORMAT})]
        for c in citizens:
            parents = [numbers.get(p) for p, _, _ in queries.parents(session, c.id)]
            lines.append(
                json.dumps(
                    {
                        "national_id": c.national_id,
                        "name": c.name,
                        "home_municipality": c.home_municipality_number,
                        "resident_since": c.resident_since.isoformat(),
                        "parents": [p for p in parents if p],
                        "places": [
                            {
                                "agreement": m.agreement_id,
                                "start": m.start.isoformat(),
                                "end": m.end.isoformat() if m.end else None,
                                "begin_reason": m.begin_reason,
                                "end_reason": m.end_reason,
                            }
                            for m in places.memberships(session, citizen_id=c.id)
                        ],
                    },
                    ensure_ascii=False,
                )
            )
        audit_service.record(
            session,
            actor=actor,
            action="export",
            entity="citizen",
            record_ids=[c.id for c in citizens],
            municipality_number=municipality_number,
            detail={"why": why, "citizens": len(citizens)},
        )
        return lines
