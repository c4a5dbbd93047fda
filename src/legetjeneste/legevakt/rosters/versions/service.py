"""A published roster's versions inside another use case's transaction: telling the doctors when a roster is
published or replaced (LV-REPLAN; vacancies through the vacancy list), and a new published version made
without a solve, from shifts given to other doctors (LV-SWAP). Neither begins a transaction: the caller owns
it, so the roster and its notices are written together or not at all."""

from collections.abc import Mapping

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.legevakt.rosters.versions import queries, rules
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.registry.models import Doctor
from legetjeneste.rostering import problem as rp


def _held(shifts: list[RosterAssignment]) -> list[rules.Held]:
    return [
        rules.Held(a.shift_key, a.on, a.label, a.doctor_id, a.doctor.full_name if a.doctor else None)
        for a in shifts
    ]


def _held_by(shift: RosterAssignment, doctor: Doctor | None) -> rules.Held:
    """The shift as held by `doctor` in the new version."""
    if doctor is None:
        return rules.Held(shift.shift_key, shift.on, shift.label, None, None)
    return rules.Held(shift.shift_key, shift.on, shift.label, doctor.id, doctor.full_name)


def tell_published(session: Session, *, roster: Roster, replaced: Roster | None, rule_id: str) -> None:
    """LV-REPLAN — «roster_changed» to every doctor with shifts in the roster just published and to each
    doctor a change from `replaced` concerns; «vacancy» to the doctors who could take a shift that became
    vacant (the vacancy list's own hook)."""
    notices = rules.roster_notices(
        scheme_name=roster.scheme.name,
        first=roster.start_date,
        last=roster.end_date,
        version=roster.version,
        shifts=_held(roster.assignments),
        before=_held(replaced.assignments) if replaced is not None else None,
    )
    for notice in notices:
        inbox_service.tell(
            session,
            municipality_number=roster.municipality_number,
            kind="roster_changed",
            subject=notice.subject,
            body=notice.body,
            link=notice.link,
            rule_id=rule_id,
            doctor_id=notice.doctor_id,
        )
    vacancy_service.tell_vacancies(session, roster=roster, replaced=replaced)


def record_published(session: Session, *, actor: Actor, roster: Roster, replaced: Roster | None) -> None:
    """A draft just published: the audit entry, and the doctors told (`tell_published`)."""
    audit_service.record(
        session,
        actor=actor,
        action="update",
        entity="legevakt_roster",
        record_ids=[roster.id],
        municipality_number=roster.municipality_number,
        detail={"publish": True},
    )
    tell_published(session, roster=roster, replaced=replaced, rule_id="LV-REPLAN")


def _explanation(roster: Roster, assignments: Mapping[str, str | None]) -> dict:
    """The roster's explanation for its new assignments: counts against the fair targets and vacancies are
    told again; the soft rules' costs are those of the solved version (no solve was run)."""
    problem = problem_builder.problem_from(roster.job.problem)
    known = {s.id for s in problem.shifts}
    solution = rp.Solution("feasible", {k: v for k, v in assignments.items() if k in known}, 0, 0, 0.0, {})
    document = problem_builder.explanation_document(problem, solution)
    document["explain"]["rules"] = (roster.explanation or {}).get("explain", {}).get("rules", [])
    return document


def replace_published(
    session: Session,
    *,
    roster: Roster,
    shifts: list[RosterAssignment],
    moves: Mapping[str, Doctor],
    actor: Actor,
    note: str,
) -> Roster:
    """LV-SWAP — a new published version of the published `roster` (its `shifts` read under lock) with the
    shifts in `moves` given to other doctors, the changes listed; the old version is replaced in the same
    transaction (LV-ALWAYS: the caller holds the scheme's row, as `publish` does), and the doctors told."""
    at = now_oslo()
    job = queries.add_job(session, roster=roster, by=actor.email, at=at, note=note)
    now = {a.shift_key: (moves.get(a.shift_key, a.doctor)) for a in shifts}
    keys = {k: (d.hpr_number if d else None) for k, d in now.items()}
    after = [_held_by(a, now[a.shift_key]) for a in shifts]
    changes = rules.change_lines(before=_held(shifts), after=after)
    new = queries.add_version(
        session,
        roster=roster,
        shifts=shifts,
        job=job,
        moves=moves,
        changes=changes,
        explanation=_explanation(roster, keys),
        at=at,
    )
    roster_queries.publish(session, new, replacing=[roster], by=actor.email, at=at)
    audit_service.record(
        session,
        actor=actor,
        action="create",
        entity="legevakt_roster",
        record_ids=[new.id],
        municipality_number=new.municipality_number,
        detail={"replaces": roster.id, "changes": len(changes), "note": note},
    )
    tell_published(session, roster=new, replaced=roster, rule_id="LV-SWAP")
    return new
