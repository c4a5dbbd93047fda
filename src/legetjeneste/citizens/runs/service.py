"""The daily run (CIT-UNASSIGNED, CIT-WAIT-EFFECT) and the monthly effective-date run of a municipality.

Each batch is one transaction that moves whole families and writes their letters, so a run killed halfway
leaves every citizen either moved (with the letter) or not moved at all; a second run finds the work done
(the state is the record: who has a place on the effective date), so running twice moves no one twice.
The moves carry `cause` "run:<id>"; the run's row keeps the counts."""

import logging
from collections import Counter
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import queries
from legetjeneste.citizens import rules as citizen_rules
from legetjeneste.citizens.lengths import queries as kept_lengths
from legetjeneste.citizens.letters import service as letters
from legetjeneste.citizens.models import CitizenRun
from legetjeneste.citizens.runs import queries as run_queries
from legetjeneste.citizens.runs.schemas import (
    KeptLengthDifference,
    LengthRow,
    Move,
    Overview,
    RunRead,
    RunResult,
)
from legetjeneste.citizens.switching.rules import effective_date
from legetjeneste.citizens.threats import queries as threat_queries
from legetjeneste.dates import add_months, first_of_month, now_oslo, today_oslo
from legetjeneste.db import write_transaction

BATCH = 500
logger = logging.getLogger(__name__)
Progress = Callable[[dict], None] | None


def _start(session: Session, actor: Actor, municipality_number: str, kind: str, day: date, job_id) -> int:
    auth_service.require(actor, "citizens.distribute")
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        run = CitizenRun(
            municipality_number=municipality_number,
            kind=kind,
            day=day,
            job_id=job_id,
            started_at=now_oslo(),
            result={},
        )
        return run_queries.add_run(session, run).id


def _finish(session: Session, actor: Actor, run_id: int, result: RunResult) -> RunResult:
    with write_transaction(session):
        run = run_queries.run(session, run_id)
        assert run is not None
        run.finished_at = now_oslo()
        run.result = result.model_dump(mode="json", exclude={"moves", "lengths"})
        audit_service.record(
            session,
            actor=actor,
            action=f"run_{result.kind}",
            entity="citizen_run",
            record_ids=[run_id],
            municipality_number=result.municipality_number,
            detail=_detail(result),
        )
    return result


def _detail(result: RunResult) -> dict:
    detail = {"moved": result.moved, "by_reason": result.by_reason}
    if result.kept_lengths_mended:
        detail["kept_lengths_mended"] = [d.model_dump() for d in result.kept_lengths_mended]
    return detail


def daily(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    on: date,
    job_id: int | None = None,
    progress: Progress = None,
) -> RunResult:
    """The daily run: citizens without a place assigned to lists with room, the one longest without a place
    first (CIT-UNASSIGNED; unless the municipality distributes them itself), then each list's waiting list
    in order onto the places left (CIT-WAIT-EFFECT) — all from the 1st of the next month, each told by
    letter. A citizen with an open threat case is moved only through the case (THREAT-NEW-GP)."""
    run_id = _start(session, actor, municipality_number, "daily", on, job_id)
    effective = effective_date(on)
    cause = f"run:{run_id}"
    moves: list[Move] = []
    skipped: Counter[str] = Counter()
    with session.begin():
        setting = queries.settings(session, municipality_number)
        auto = setting is None or setting.auto_assign
        without = [
            i for i, _ in queries.unassigned(session, municipality_number=municipality_number, on=effective)
        ]
    if auto:
        moves += _assign(session, municipality_number, without, effective, cause, skipped, progress)
    moves += _waiting(session, municipality_number, effective, cause, skipped, progress)
    # Those without a place at the start, less those the assignment placed (one count, not a second scan).
    still = len(without) - sum(1 for m in moves if m.reason in ("assigned", "child"))
    result = _result(run_id, municipality_number, "daily", on, effective, moves, skipped, still)
    return _finish(session, actor, run_id, result)


def _result(run_id, number, kind, on, effective, moves, skipped, still, lengths=()) -> RunResult:
    return RunResult(
        run_id=run_id,
        municipality_number=number,
        kind=kind,
        day=on,
        effective=effective,
        moved=len(moves),
        by_reason=dict(Counter(m.reason for m in moves)),
        skipped={k: v for k, v in skipped.items() if v},
        still_unassigned=still,
        letters={"sent": len(moves)},
        moves=moves,
        lengths=list(lengths),
    )


def _assign(
    session: Session, number: str, waiting: list[int], effective: date, cause: str, skipped: Counter, progress
) -> list[Move]:
    """CIT-UNASSIGNED and CIT-CHILDREN — in batches, the longest without a place first: a child follows the
    parent it follows (also onto a closed list); anyone else goes to the list with the most room; when every
    list is full the rest wait for the next day's run. THREAT-NEW-GP: a citizen with an open threat case
    (and the children who follow them) waits for the case, which names the list and contacts its GP."""
    age = int(parameters.value(citizen_rules.CHILD_AGE, on=effective))
    born_after = add_months(effective, -12 * age)
    moves: list[Move] = []
    for start in range(0, len(waiting), BATCH):
        with write_transaction(session):
            batch = waiting[start : start + BATCH]
            families, full, held = _families(session, number, batch, effective, born_after)
            skipped["THREAT-NEW-GP"] += held
            for reason in ("assigned", "child"):
                chosen = [(family, target) for family, target, why in families if why == reason]
                moves += letters.carry_out(
                    session,
                    municipality_number=number,
                    families=chosen,
                    reason=reason,
                    effective=effective,
                    cause=cause,
                )
        if progress:
            progress({"phase": "assign", "done": min(start + BATCH, len(waiting)), "total": len(waiting)})
        if full:
            break
    return moves


def _families(session: Session, number: str, batch: list[int], effective: date, born_after: date):
    """The batch's citizens still without a place, as (family, target, reason), and whether the lists are
    full: a child under 16 with a listed parent follows it; a parent takes their unplaced children along."""
    there = run_queries.placed(session, batch, on=effective)
    todo = [i for i in batch if i not in there]
    held = threat_queries.with_open_case(session, todo)  # THREAT-NEW-GP: the case moves them
    born = run_queries.birth_dates(session, todo)
    parents = run_queries.parents_of(session, [i for i in todo if born[i] > born_after])
    kids = run_queries.children_of(session, todo, born_after=born_after)
    places = queries.open_places(session, queries.agreements_of(session, number, on=effective), on=effective)
    parent_places = run_queries.placed(
        session, [p for ps in parents.values() for p, _, _ in ps], on=effective
    )
    taken: set[int] = set()
    found = []
    for citizen in todo:
        if citizen in taken or citizen in held:
            continue
        followed = citizen_rules.followed_parent(parents.get(citizen, []))
        if followed is not None and followed in parent_places:
            found.append(([citizen], parent_places[followed], "child"))
            taken.add(citizen)
            continue
        if followed is not None and followed in todo:
            continue  # placed together with the parent
        target = citizen_rules.most_room(places)
        if target is None:
            return found, True, len(held)
        family = [citizen] + [k for k in kids.get(citizen, []) if k in todo and k not in taken | held]
        places[target] -= 1
        taken.update(family)
        found.append((family, target, "assigned"))
    return found, False, len(held)


def _waiting(
    session: Session, number: str, effective: date, cause: str, skipped: Counter, progress
) -> list[Move]:
    """CIT-WAIT-EFFECT — per list with open places, its waiting list in order (one transaction a list);
    someone who has used the year's switches waits on (CIT-SWITCH), and so does someone with an open threat
    case, whose move goes through the case (THREAT-NEW-GP)."""
    with session.begin():
        agreement_ids = run_queries.waiting_agreements(session, number)
    most = int(parameters.value(citizen_rules.MAX_SWITCHES, on=effective))
    age = int(parameters.value(citizen_rules.CHILD_AGE, on=effective))
    moves: list[Move] = []
    for done, agreement_id in enumerate(agreement_ids, 1):
        with write_transaction(session):
            agreement = queries.lock_agreement(session, agreement_id)
            if agreement is None or not agreement.period.contains(effective):
                continue
            places = queries.open_places(session, [agreement], on=effective)[agreement_id]
            for entry in queries.waiting_list(session, agreement_id) if places > 0 else []:
                if places <= 0:
                    break
                if (
                    queries.switches_in_year(session, citizen_id=entry.citizen_id, year=effective.year)
                    >= most
                ):
                    skipped["CIT-SWITCH"] += 1
                    continue
                if threat_queries.has_open_case(session, citizen_id=entry.citizen_id):
                    skipped["THREAT-NEW-GP"] += 1
                    continue
                family = [entry.citizen_id] + run_queries.following(
                    session, entry.citizen_id, on=effective, age=age
                )
                session.delete(entry)
                moves += letters.carry_out(
                    session,
                    municipality_number=number,
                    families=[(family, agreement_id)],
                    reason="waiting_list",
                    effective=effective,
                    cause=cause,
                )
                places -= 1
        if progress:
            progress({"phase": "waiting", "done": done, "total": len(agreement_ids)})
    return moves


def monthly(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    on: date,
    job_id: int | None = None,
    progress: Progress = None,
) -> RunResult:
    """The effective-date run for the month of `on`: the places on lists whose agreement has ended end on the
    1st (the GP left; the citizens are assigned by the next daily run, not counting as a switch; one with an
    open threat case too, as the list is gone, and the case names the next, THREAT-NEW-GP), waiting
    places no longer needed are dropped (CIT-WAIT), and every list's length on the 1st is set beside Helfo's
    count."""
    run_id = _start(session, actor, municipality_number, "monthly", on, job_id)
    month = first_of_month(on)
    cause = f"run:{run_id}"
    moves: list[Move] = []
    while True:
        with write_transaction(session):
            batch = run_queries.ended_agreement_members(
                session, municipality_number=municipality_number, on=month, limit=BATCH
            )
            families = [([citizen], None) for citizen in batch]
            moves += letters.carry_out(
                session,
                municipality_number=municipality_number,
                families=families,
                reason="gp_left",
                effective=month,
                cause=cause,
            )
        if progress:
            progress({"phase": "gp_left", "done": len(moves)})
        if len(batch) < BATCH:
            break
    with write_transaction(session):
        dropped = run_queries.drop_satisfied_waiting(
            session, municipality_number=municipality_number, on=month
        )
        lengths = queries.length_rows(session, municipality_number=municipality_number, month=month)
        mended = _check_kept_lengths(session, lengths, month)
        still = len(moves)  # the monthly run assigns no one: those it left without a place
    skipped = Counter({"waiting_dropped": dropped})
    result = _result(run_id, municipality_number, "monthly", on, month, moves, skipped, still, lengths)
    result.kept_lengths_mended = mended
    return _finish(session, actor, run_id, result)


def _check_kept_lengths(
    session: Session, lengths: list[LengthRow], month: date
) -> list[KeptLengthDifference]:
    """AGR-OPEN — the kept list lengths (docs/adr/0014) against the lengths just counted from the
    memberships on the 1st. A difference would be a defect: it is logged, reported in the run's result and
    audit entry, and the list's kept length is built again from its memberships."""
    kept = kept_lengths.kept(session, [row.agreement_id for row in lengths], on=month)
    suspects = [row.agreement_id for row in lengths if kept[row.agreement_id] != row.list_length]
    found = queries.mend_kept_lengths(session, suspects, on=month)
    if found:
        logger.warning("Kept list lengths differed from the memberships, built again: %s", found)
    return found


def overview(session: Session, *, actor: Actor, municipality_number: str) -> Overview:
    """CIT-UNASSIGNED — automatic assignment on or off, how many are without a list on the coming 1st, the
    letters waiting for the post, and the latest runs."""
    auth_service.require(actor, "citizens.distribute")
    effective = effective_date(today_oslo())
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        setting = queries.settings(session, municipality_number)
        return Overview(
            auto_assign=setting is None or setting.auto_assign,
            unassigned=len(
                queries.unassigned(session, municipality_number=municipality_number, on=effective)
            ),
            effective=effective,
            letters_waiting=run_queries.letters_waiting(session, municipality_number),
            runs=[
                RunRead(
                    id=r.id,
                    kind=r.kind,
                    day=r.day,
                    finished=r.finished_at is not None,
                    moved=r.result.get("moved", 0),
                    by_reason=r.result.get("by_reason", {}),
                )
                for r in run_queries.runs(session, municipality_number)
            ],
        )
