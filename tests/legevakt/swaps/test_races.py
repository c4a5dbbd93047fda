"""A swap is decided once, and a shift has one undecided swap (LV-SWAP, docs/adr/0010): fifty clients
approving one swap, or proposing swaps of one shift, at the same moment give exactly one success on SQLite
and PostgreSQL; the approval makes exactly one new version."""

from datetime import date

from legetjeneste.errors import Conflict
from legetjeneste.legevakt.swaps import service as swap_service
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.schemas import SwapCreate
from tests.concurrency import errors, race, values
from tests.legevakt.swaps.fixtures import (
    KOMMUNEOVERLEGE,
    A,
    B,
    C,
    doctor_id,
    gp,
    holders,
    published_roster,
    shift,
)

MONDAY, TUESDAY = date(2027, 3, 1), date(2027, 3, 2)


def test_fifty_clients_approving_one_swap_approve_it_once_and_make_one_new_version(engine, open_session):
    scheme_id, roster_id = published_roster(open_session)
    data = SwapCreate(
        kind="swap",
        shift_id=shift(open_session(), roster_id, MONDAY),
        their_shift_id=shift(open_session(), roster_id, TUESDAY),
    )
    proposed = swap_service.propose(open_session(), actor=gp(open_session(), A), data=data)
    swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)

    outcomes = race(
        engine, lambda session, client: decisions.approve(session, actor=KOMMUNEOVERLEGE, swap_id=proposed.id)
    )

    [approved] = values(outcomes)
    assert approved.status == "approved"
    assert all(isinstance(e, Conflict) and "det er godkjent" in e.message for e in errors(outcomes))
    new_id, version, held = holders(open_session(), scheme_id)
    assert (new_id, version, held[MONDAY], held[TUESDAY]) == (approved.new_roster_id, 2, B, A)


def test_fifty_clients_proposing_swaps_of_one_shift_leave_exactly_one_undecided(engine, open_session):
    _, roster_id = published_roster(open_session)
    monday = shift(open_session(), roster_id, MONDAY)
    colleague = doctor_id(open_session(), C)
    actor = gp(open_session(), A)
    kinds = ("offer", "handover")

    def propose(session, client: int):
        data = SwapCreate(kind=kinds[client % 2], shift_id=monday, colleague_id=colleague)
        return swap_service.propose(session, actor=actor, data=data)

    outcomes = race(engine, propose)

    assert len(values(outcomes)) == 1
    refusals = errors(outcomes)
    assert len(refusals) == 49
    assert all(isinstance(e, Conflict) and "har allerede et vaktbytte" in e.message for e in refusals)
