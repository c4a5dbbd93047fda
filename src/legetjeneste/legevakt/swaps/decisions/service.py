"""Deciding a swap (LV-SWAP): every hard rule checked on the roster as it would be after the swap, the
refusal recorded with the rule that breaks, the approval made into a new published version; the
municipality's own decisions (approve, refuse) and the swaps awaiting them.

The helpers (`check`, `refuse_with`, `approve_now`, `tell`) run inside the caller's transaction; the use
cases take the swap's row, then the scheme's (as `publish` does), so decisions of one swap and new versions
of one scheme take turns (docs/adr/0010)."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, now_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, NotFound, Problem, RuleViolation, ValidationFailed
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.legevakt.rosters.versions import queries as version_queries
from legetjeneste.legevakt.rosters.versions import service as versions_service
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.swaps import queries, rules
from legetjeneste.legevakt.swaps.models import Swap
from legetjeneste.legevakt.swaps.schemas import AutomaticSetting, SwapAnswer, SwapRead, held, swap_read
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.registry.models import Doctor
from legetjeneste.rostering import solver

AUTOMATIC = "automatisk etter ordningens innstilling"


@dataclass
class Checked:
    """The published roster a swap changes, its shifts (taken under lock when asked), the new doctor of each
    changed shift, and the refusal when a rule breaks."""

    roster: Roster
    shifts: list[RosterAssignment]
    moves: dict[str, Doctor]
    refusal: RuleViolation | None


def _held_by(shifts: dict[str, RosterAssignment], swap: Swap, mine: bool) -> RuleViolation | None:
    """LV-SWAP — the shift is still its doctor's in the roster as published now."""
    old = swap.shift if mine else swap.their_shift
    doctor = swap.from_doctor if mine else swap.to_doctor
    assert old is not None and doctor is not None
    now = shifts.get(old.shift_key)
    if now is None or now.doctor_id != doctor.id:
        text = rules.shift_text(held(old))
        return RuleViolation.of(rules.SWAP, f"{text} er ikke lenger {doctor.full_name}s vakt i vaktlisten.")
    return None


def check(session: Session, swap: Swap, *, lock: bool) -> Checked:
    """LV-SWAP and every hard rule — the swap on the scheme's roster as published now (today's absences and
    exemptions count): the first rule the swap itself breaks for one of its two doctors is the refusal."""
    roster = queries.published_on(session, scheme_id=swap.scheme_id, day=swap.shift.on)
    if roster is None:
        raise Conflict("Vaktlisten med vakten er ikke publisert lenger.")
    rows = version_queries.lock_assignments(session, roster.id) if lock else list(roster.assignments)
    shifts = {a.shift_key: a for a in rows}
    colleague = swap.to_doctor
    assert colleague is not None, "an offer is checked once someone takes it"
    refusal = _held_by(shifts, swap, True) or (_held_by(shifts, swap, False) if swap.their_shift else None)
    theirs = swap.their_shift.shift_key if swap.their_shift else None
    me = swap.from_doctor
    mine, other = me.hpr_number, colleague.hpr_number
    keys = rules.moves(kind=swap.kind, mine=swap.shift.shift_key, theirs=theirs, me=mine, colleague=other)
    moves = {key: (colleague if hpr == colleague.hpr_number else me) for key, hpr in keys.items()}
    if refusal is None:
        problem = problem_builder.build(session, roster.scheme, Period(roster.start_date, roster.end_date))
        current = {k: (a.doctor.hpr_number if a.doctor else None) for k, a in shifts.items()}
        found = rules.broken(
            problem,
            before=solver.violations(problem, current),
            after=solver.violations(problem, {**current, **keys}),
            doctors=(me.hpr_number, colleague.hpr_number),
        )
        refusal = rules.refusal(found)
    return Checked(roster, rows, moves, refusal)


def tell(session: Session, swap: Swap, event: str, doctor_ids: tuple[int | None, ...]) -> None:
    """A «swap» notice of the event to each of the doctors named (each once)."""
    what = swap_read(swap).summary
    subject, body = rules.notice(event=event, what=what, rule_id=swap.rule_id, reason=swap.reason)
    for doctor_id in dict.fromkeys(d for d in doctor_ids if d is not None):
        inbox_service.tell(
            session,
            municipality_number=swap.municipality_number,
            kind="swap",
            subject=subject,
            body=body,
            link="/mine-vakter",
            rule_id="LV-SWAP" if event != "refused" else (swap.rule_id or "LV-SWAP"),
            doctor_id=doctor_id,
        )


def _audit(session: Session, actor: Actor, swap: Swap, detail: dict) -> None:
    audit_service.record(
        session,
        actor=actor,
        action="update",
        entity="legevakt_swap",
        record_ids=[swap.id],
        municipality_number=swap.municipality_number,
        detail=detail,
    )


def refuse_with(session: Session, swap: Swap, refusal: RuleViolation, *, actor: Actor, by: str) -> None:
    """The swap refused with the rule that breaks; both doctors told."""
    swap.status, swap.rule_id, swap.reason = "refused", refusal.rule_id, refusal.message
    swap.decided_at, swap.decided_by = now_oslo(), by
    _audit(session, actor, swap, {"status": "refused", "rule": refusal.rule_id})
    tell(session, swap, "refused", (swap.from_doctor_id, swap.to_doctor_id))


def approve_now(session: Session, swap: Swap, checked: Checked, *, actor: Actor, by: str) -> None:
    """LV-SWAP — the swap approved: a new published version of the roster with the change listed; both
    doctors told (and, through the new version, every doctor with shifts)."""
    new = versions_service.replace_published(
        session,
        roster=checked.roster,
        shifts=checked.shifts,
        moves=checked.moves,
        actor=actor,
        note=f"Vaktbytte {swap.id} (LV-SWAP)",
    )
    swap.status, swap.new_roster_id, swap.decided_at, swap.decided_by = "approved", new.id, now_oslo(), by
    _audit(session, actor, swap, {"status": "approved", "roster": new.id})
    tell(session, swap, "approved", (swap.from_doctor_id, swap.to_doctor_id))


def locked(session: Session, actor: Actor, swap_id: int) -> Swap:
    """The swap under lock, if the actor's municipality holds it."""
    found = queries.lock_swap(session, swap_id)
    if found is None:
        raise NotFound(f"Vaktbytte {swap_id} finnes ikke.")
    scope.require_municipality(actor, found.municipality_number)
    return found


@when_free
def approve(session: Session, *, actor: Actor, swap_id: int) -> SwapRead:
    """LV-SWAP — the municipality approves a swap both doctors agreed to. Every hard rule is checked again
    (the roster may have changed since); a broken one refuses the swap, recorded with its rule id, and is
    raised after the refusal is saved."""
    auth_service.require(actor, "swap.approve")
    with write_transaction(session):
        swap = locked(session, actor, swap_id)
        if swap.status != "accepted":
            raise Conflict(rules.too_late("godkjennes", swap.status))
        queries.lock_scheme(session, swap.scheme_id)
        checked = check(session, swap, lock=True)
        if checked.refusal is not None:
            refuse_with(session, swap, checked.refusal, actor=actor, by=actor.email)
        else:
            approve_now(session, swap, checked, actor=actor, by=actor.email)
        result = swap_read(swap)
    if checked.refusal is not None:
        raise checked.refusal
    return result


@when_free
def refuse(session: Session, *, actor: Actor, swap_id: int, data: SwapAnswer) -> SwapRead:
    """LV-SWAP — the municipality refuses a swap both doctors agreed to, saying why."""
    auth_service.require(actor, "swap.approve")
    if not data.reason:
        raise ValidationFailed([Problem("reason", "skriv hvorfor byttet avvises", "LV-SWAP")])
    with write_transaction(session):
        swap = locked(session, actor, swap_id)
        if swap.status != "accepted":
            raise Conflict(rules.too_late("avvises", swap.status))
        refuse_with(session, swap, RuleViolation.of(rules.SWAP, data.reason), actor=actor, by=actor.email)
        return swap_read(swap)


def awaiting(session: Session, *, actor: Actor, roster_id: int) -> list[SwapRead]:
    """The swaps of the roster's scheme that both doctors agreed to and that await the municipality."""
    auth_service.require(actor, "swap.approve")
    with session.begin():
        roster = scope.row(session, actor, Roster, roster_id, missing=f"Vaktliste {roster_id} finnes ikke.")
        return [swap_read(s) for s in queries.awaiting(session, scheme_id=roster.scheme_id)]


def get_swap(session: Session, *, actor: Actor, swap_id: int) -> SwapRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        found = queries.swap(session, swap_id)
        if found is None:
            raise NotFound(f"Vaktbytte {swap_id} finnes ikke.")
        scope.require_municipality(actor, found.municipality_number)
        return swap_read(found, me=actor.doctor_id)


def set_automatic(
    session: Session, *, actor: Actor, scheme_id: int, data: AutomaticSetting
) -> AutomaticSetting:
    """LV-SWAP — the scheme's setting: a swap both doctors agreed to is approved at once when every hard
    rule holds."""
    auth_service.require(actor, "swap.approve")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        scheme.swaps_approve_automatically = data.approve_automatically
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="legevakt_scheme",
            record_ids=[scheme.id],
            municipality_number=scheme.municipality_number,
            detail={"swaps_approve_automatically": data.approve_automatically},
        )
        return AutomaticSetting(approve_automatically=scheme.swaps_approve_automatically)


def automatic(session: Session, *, actor: Actor, scheme_id: int) -> bool:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scheme = scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")
        return scheme.swaps_approve_automatically


def for_decision(session: Session, *, actor: Actor, swap_id: int) -> SwapRead:
    """A swap as the municipality sees it before approving or refusing it."""
    auth_service.require(actor, "swap.approve")
    return get_swap(session, actor=actor, swap_id=swap_id)


def roster_panel(session: Session, *, actor: Actor, roster_id: int) -> dict:
    """The roster page's part for those who approve swaps: the swaps awaiting them, the scheme's setting."""
    swaps = awaiting(session, actor=actor, roster_id=roster_id)
    with session.begin():
        roster = scope.row(session, actor, Roster, roster_id, missing=f"Vaktliste {roster_id} finnes ikke.")
        automatic = roster.scheme.swaps_approve_automatically
        return {"swaps": swaps, "scheme_id": roster.scheme_id, "automatic": automatic, "roster_id": roster_id}
