"""A GP's swaps of their own shifts on published rosters (LV-SWAP): offer a shift to anyone in the scheme,
propose a swap with a named colleague, or hand a shift over; the colleague accepts (every hard rule checked;
approved at once when the scheme says so) or declines; the proposer may withdraw. The choices for the forms
and a GP's swaps. Deciding lives in `decisions`."""

from datetime import timedelta

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, Forbidden, NotFound, Problem, RuleViolation, ValidationFailed
from legetjeneste.legevakt.rosters.models import RosterAssignment
from legetjeneste.legevakt.swaps import queries, rules
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.models import Swap
from legetjeneste.legevakt.swaps.schemas import SwapAnswer, SwapCreate, SwapRead, held, shift_read, swap_read
from legetjeneste.notices.inbox import service as inbox_service


def own_doctor(actor: Actor) -> int:
    """The GP's own doctor row: a swap is always of one's own shift."""
    auth_service.require(actor, "roster.swap")
    if actor.doctor_id is None:
        raise Forbidden("Brukeren din er ikke knyttet til en lege i registeret. Kontakt kommunen.")
    return actor.doctor_id


def _published_shift(session: Session, actor: Actor, assignment_id: int, *, field: str) -> RosterAssignment:
    found = queries.lock_assignment(session, assignment_id)
    if found is None or found.roster.status != "published":
        raise ValidationFailed([Problem(field, "vakten finnes ikke i en publisert vaktliste", "LV-SWAP")])
    scope.require_municipality(actor, found.roster.municipality_number)
    if found.starts_at <= now_oslo().replace(tzinfo=None):
        raise ValidationFailed([Problem(field, "vakten har allerede begynt", "LV-SWAP")])
    return found


def _colleague(session: Session, actor: Actor, data: SwapCreate, mine: RosterAssignment, me: int) -> tuple:
    """The colleague and their shift (a swap), each checked: another doctor, the same roster."""
    theirs = None
    colleague_id = data.colleague_id
    if data.kind == "swap":
        assert data.their_shift_id is not None
        theirs = _published_shift(session, actor, data.their_shift_id, field="their_shift_id")
        if theirs.roster_id != mine.roster_id or theirs.doctor_id in (None, me):
            raise ValidationFailed(
                [Problem("their_shift_id", "velg en kollegas vakt i samme vaktliste", "LV-SWAP")]
            )
        if colleague_id not in (None, theirs.doctor_id):
            raise ValidationFailed([Problem("colleague_id", "vakten er ikke denne kollegaens", "LV-SWAP")])
        colleague_id = theirs.doctor_id
    if data.kind == "offer":
        return None, None
    if colleague_id == me or queries.doctor(session, colleague_id or 0) is None:
        raise ValidationFailed([Problem("colleague_id", "velg en annen lege i ordningen", "LV-SWAP")])
    return colleague_id, theirs


def _require_no_open_swap(session: Session, shift: RosterAssignment) -> None:
    if queries.open_swaps_of_shift(session, scheme_id=shift.roster.scheme_id, shift_key=shift.shift_key):
        text = rules.shift_text(held(shift))
        raise Conflict(f"{text} har allerede et vaktbytte som ikke er avgjort.")


@when_free
def propose(session: Session, *, actor: Actor, data: SwapCreate) -> SwapRead:
    """LV-SWAP — offer, hand over or swap one's own shift of a published roster. A named colleague's swap is
    checked against every hard rule at once (and again when answered and approved). One undecided swap per
    shift: the shifts' rows are taken, so two proposals of one shift take turns (docs/adr/0010)."""
    me = own_doctor(actor)
    with write_transaction(session):
        mine = _published_shift(session, actor, data.shift_id, field="shift_id")
        if mine.doctor_id != me:
            raise RuleViolation.of(rules.SWAP, f"{rules.shift_text(held(mine))} er ikke din vakt.")
        colleague_id, theirs = _colleague(session, actor, data, mine, me)
        for shift in (mine, theirs):
            if shift is not None:
                _require_no_open_swap(session, shift)
        swap = Swap(
            municipality_number=mine.roster.municipality_number,
            scheme_id=mine.roster.scheme_id,
            kind=data.kind,
            status="open" if data.kind == "offer" else "proposed",
            shift=mine,
            their_shift=theirs,
            from_doctor_id=me,
            to_doctor_id=colleague_id,
            message=data.message,
            proposed_at=now_oslo(),
            proposed_by=actor.email,
        )
        session.add(swap)
        session.flush()
        if swap.kind != "offer" and (refusal := decisions.check(session, swap, lock=False).refusal):
            raise refusal
        _created(session, actor, swap, me)
        return swap_read(swap, me=me)


def _created(session: Session, actor: Actor, swap: Swap, me: int) -> None:
    audit_service.record(
        session,
        actor=actor,
        action="create",
        entity="legevakt_swap",
        record_ids=[swap.id],
        municipality_number=swap.municipality_number,
        detail={"kind": swap.kind, "shift": swap.shift.shift_key},
    )
    if swap.kind != "offer":
        decisions.tell(session, swap, "proposed", (swap.to_doctor_id,))
        return
    what = swap_read(swap).summary
    for participant in queries.participants_on(session, scheme_id=swap.scheme_id, day=swap.shift.on):
        if participant.doctor_id != me:
            inbox_service.tell(
                session,
                municipality_number=swap.municipality_number,
                kind="swap",
                subject="En vakt er tilbudt til alle i ordningen",
                body=f"{what}. Ta den under Mine vakter.",
                link="/mine-vakter",
                rule_id="LV-SWAP",
                doctor_id=participant.doctor_id,
            )


@when_free
def accept(session: Session, *, actor: Actor, swap_id: int) -> SwapRead:
    """LV-SWAP — the named colleague accepts (or anyone else in the scheme takes an offer). Every hard rule
    is checked on the roster as it would be; a broken rule refuses a named swap for good (recorded and told)
    and an offer only for this taker. When the scheme approves swaps automatically, the swap is approved at
    once: a new version of the roster."""
    me = own_doctor(actor)
    with write_transaction(session):
        swap = decisions.locked(session, actor, swap_id)
        if swap.from_doctor_id == me or not rules.may_answer(swap.status, swap.to_doctor_id, me):
            raise Conflict(rules.too_late("besvares", swap.status))
        offer = swap.status == "open"
        if offer:
            swap.to_doctor_id = me
            session.flush()
            session.refresh(swap, ["to_doctor"])
        queries.lock_scheme(session, swap.scheme_id)
        checked = decisions.check(session, swap, lock=True)
        swap.answered_at = now_oslo()
        if checked.refusal is not None and offer:
            raise checked.refusal
        if checked.refusal is not None:
            decisions.refuse_with(session, swap, checked.refusal, actor=actor, by=actor.email)
        elif swap.shift.roster.scheme.swaps_approve_automatically:
            decisions.approve_now(session, swap, checked, actor=actor, by=decisions.AUTOMATIC)
        else:
            swap.status = "accepted"
            decisions.tell(session, swap, "accepted", (swap.from_doctor_id, swap.to_doctor_id))
        result = swap_read(swap, me=me)
    if checked.refusal is not None:
        raise checked.refusal
    return result


@when_free
def decline(session: Session, *, actor: Actor, swap_id: int, data: SwapAnswer) -> SwapRead:
    """LV-SWAP — the named colleague says no; the proposer is told."""
    me = own_doctor(actor)
    with write_transaction(session):
        swap = decisions.locked(session, actor, swap_id)
        if swap.status != "proposed" or swap.to_doctor_id != me:
            raise Conflict(rules.too_late("avslås", swap.status))
        swap.status, swap.reason, swap.answered_at = "declined", data.reason or None, now_oslo()
        decisions.tell(session, swap, "declined", (swap.from_doctor_id, swap.to_doctor_id))
        return swap_read(swap, me=me)


@when_free
def withdraw(session: Session, *, actor: Actor, swap_id: int) -> SwapRead:
    """The proposer takes back a swap not yet decided; the colleague is told."""
    me = own_doctor(actor)
    with write_transaction(session):
        swap = decisions.locked(session, actor, swap_id)
        if swap.from_doctor_id != me or swap.status not in rules.OPEN:
            raise Conflict(rules.too_late("trekkes tilbake", swap.status))
        swap.status, swap.decided_at, swap.decided_by = "withdrawn", now_oslo(), actor.email
        decisions.tell(session, swap, "withdrawn", (swap.to_doctor_id,))
        return swap_read(swap, me=me)


def my_swaps(session: Session, *, actor: Actor) -> list[SwapRead]:
    """The GP's swaps of shifts from a month back on, and the offers open to them, newest first."""
    me = own_doctor(actor)
    with session.begin():
        schemes = queries.schemes_of_doctor(session, doctor_id=me)
        since = today_oslo() - timedelta(days=31)
        found = queries.swaps_of_doctor(session, doctor_id=me, scheme_ids=schemes, since=since)
        return [swap_read(s, me=me) for s in found]


def choices(session: Session, *, actor: Actor, assignment_id: int) -> dict:
    """For the swap form of one's own shift: the shift, the colleagues in the scheme that day, and their
    shifts in the same roster from today on (a swap names one of them)."""
    me = own_doctor(actor)
    with session.begin():
        mine = queries.assignment(session, assignment_id)
        if mine is None or mine.doctor_id != me or mine.roster.status != "published":
            raise NotFound(f"Vakt {assignment_id} er ikke din i en publisert vaktliste.")
        participants = queries.participants_on(session, scheme_id=mine.roster.scheme_id, day=mine.on)
        colleagues = sorted(
            {p.doctor_id: p.doctor.full_name for p in participants if p.doctor_id != me}.items(),
            key=lambda item: item[1],
        )
        today = today_oslo()
        theirs = [
            {"shift": shift_read(a), "doctor": a.doctor.full_name}
            for a in mine.roster.assignments
            if a.doctor is not None and a.doctor_id != me and a.on >= today
        ]
        return {"shift": shift_read(mine), "scheme_name": mine.roster.scheme.name, "colleagues": colleagues,
                "their_shifts": theirs}  # fmt: skip
