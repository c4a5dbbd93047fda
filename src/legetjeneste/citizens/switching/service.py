"""Use cases of switching GP and the waiting list (CIT-SWITCH, CIT-CLOSED, CIT-CHILDREN, CIT-RETURN,
CIT-WAIT).

A citizen acts for themselves and for their children under 16; the municipality's staff with the register
may act for a citizen of their municipality (a call to the service desk). A switch is checked and written
under the target list's row lock (`queries.lock_agreement`; SQLite: the write transaction), so two
switches onto the last open place cannot both take it."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Row
from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens import queries
from legetjeneste.citizens import rules as citizen_rules
from legetjeneste.citizens.lengths import queries as lengths
from legetjeneste.citizens.models import Citizen, WaitingListEntry
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.switching import queries as own
from legetjeneste.citizens.switching import rules
from legetjeneste.citizens.switching.schemas import ListChoice, Person, SwitchPage, SwitchResult, WaitingRead
from legetjeneste.dates import Period, now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.norwegian import day_text
from legetjeneste.registry import rules as registry_rules
from legetjeneste.registry.models import Agreement


def _child_age(on: date) -> int:
    return int(parameters.value(citizen_rules.CHILD_AGE, on=on))


def acting_for(session: Session, actor: Actor, citizen_id: int, *, on: date) -> Citizen:
    """The citizen the actor may act for: a citizen themselves or their child under 16 (CIT-CHILDREN), or any
    citizen of the municipality for its staff with the register; another answers as if it did not exist."""
    found = queries.citizen(session, citizen_id)
    missing = NotFound(f"Innbygger {citizen_id} finnes ikke.")
    if found is None:
        raise missing
    if actor.role == "citizen":
        if actor.citizen_id is None:
            raise Forbidden("Innloggingen din er ikke knyttet til en innbygger i registeret.")
        if found.id == actor.citizen_id:
            return found
        child = citizen_rules.is_child(found.birth_date, on=on, child_age=_child_age(on))
        if child and queries.is_parent_of(session, parent_id=actor.citizen_id, child_id=found.id):
            return found
        raise missing
    if not auth_rules.can(actor, "citizens.register"):
        raise Forbidden(f"Du har ikke tilgang til å {auth_rules.PERMISSION_NAMES_NB['citizen.switch']}.")
    scope.require_municipality(actor, found.home_municipality_number)
    return found


def _agreement(session: Session, agreement_id: int, *, on: date, lock: bool = False) -> Agreement:
    found = queries.lock_agreement(session, agreement_id) if lock else session.get(Agreement, agreement_id)
    if found is None or not found.period.contains(on):
        raise _no_agreement(agreement_id, on)
    return found


def _no_agreement(agreement_id: int, on: date) -> NotFound:
    return NotFound(f"Fastlegeavtale {agreement_id} finnes ikke eller gjelder ikke {day_text(on)}.")


def _choice(session: Session, agreement: Agreement, *, on: date) -> ListChoice:
    length = lengths.kept(session, [agreement.id], on=on)[agreement.id]
    places = registry_rules.open_places(
        listetak=agreement.listetak, list_length=length, list_status=agreement.list_status
    )
    return ListChoice(
        agreement_id=agreement.id,
        doctor_name=queries.regular_doctor_names(session, [agreement.id], on=on).get(
            agreement.id, "Uten lege"
        ),
        office_name=queries.office_name(session, agreement.office_id),
        municipality_number=agreement.municipality_number,
        listetak=agreement.listetak,
        list_length=length,
        open_places=places,
        waiting=queries.waiting_counts(session, [agreement.id]).get(agreement.id, 0),
    )


def _target(
    session: Session,
    person: Citizen,
    agreement: Row,
    *,
    day: date,
    effective: date,
    history: Sequence[rules.Place],
    is_child: bool,
) -> rules.Target:
    """What `switch_ground` needs to know of the list, asked in its order: a listed parent only for a child
    (CIT-CHILDREN), a return only when the list has no room (CIT-CLOSED, CIT-RETURN)."""
    places = registry_rules.open_places(
        listetak=agreement.listetak,
        list_length=lengths.kept(session, [agreement.id], on=effective)[agreement.id],
        list_status=agreement.list_status,
    )
    parent_listed = False
    if is_child:
        placed = own.parents_placed(session, person.id, on=effective)
        followed = citizen_rules.followed_parent(placed)
        parent_listed = followed is not None and any(
            parent[0] == followed and on_list == agreement.id for parent, on_list in placed.items()
        )
    returning = False
    if places <= 0 and not parent_listed:
        left = rules.last_left(history, agreement_id=agreement.id, before=effective)
        years = int(parameters.value(citizen_rules.RETURN_YEARS, on=day))
        months = int(parameters.value(citizen_rules.RETURN_REGISTER_MONTHS, on=day))
        returning = citizen_rules.returns_within(left, on=effective, years=years) and (
            rules.place_on(history, effective) is not None
            or citizen_rules.registered_in_time(person.resident_since, registered=day, months=months)
        )
    return rules.Target(
        agreement_id=agreement.id, open_places=places, parent_listed=parent_listed, returning=returning
    )


REASON_OF = {
    "CIT-SWITCH": "switch",
    "CIT-CLOSED": "switch",
    "CIT-CHILDREN": "child",
    "CIT-RETURN": "returned",
}


@when_free
def switch(
    session: Session, *, actor: Actor, citizen_id: int, agreement_id: int, on: date | None = None
) -> SwitchResult:
    """CIT-SWITCH — the citizen (and the children under 16 on the same list who follow them, CIT-CHILDREN)
    on the agreement's list from the 1st of the next month; the third ordinary switch in a calendar year is
    refused, and a list without room only takes a child of a listed parent or a former member returning."""
    day = on or today_oslo()
    effective = rules.effective_date(day)
    with write_transaction(session):
        person = acting_for(session, actor, citizen_id, on=day)
        agreement = own.lock_for_switch(session, agreement_id, on=effective)
        if agreement is None or not Period(agreement.start, agreement.end).contains(effective):
            raise _no_agreement(agreement_id, effective)
        # The citizen's own lock, after the list's (the order every move takes them in): a move of this
        # citizen that held it has committed, and the history read next sees it (CIT-SWITCH).
        places.lock_citizen(session, person.id)
        history = own.history(session, person.id)
        current = rules.place_on(history, effective)
        max_switches = int(parameters.value(citizen_rules.MAX_SWITCHES, on=effective))
        # A switch booked for the same 1st is replaced by this one (places.move cancels it): not counted.
        used = rules.switches_in_year(history, effective.year) - _replaced(current, effective)
        is_child = citizen_rules.is_child(person.birth_date, on=effective, child_age=_child_age(day))
        ground = rules.switch_ground(
            rules.Citizen(
                is_child=is_child,
                current_agreement_id=current.agreement_id if current else None,
                switches_this_year=used,
            ),
            _target(
                session, person, agreement, day=day, effective=effective, history=history, is_child=is_child
            ),
            effective=effective,
            max_switches=max_switches,
        )
        reason = REASON_OF[ground.id]
        followers = _followers(session, person, current.agreement_id if current else None, effective)
        places.move(
            session,
            citizen_id=person.id,
            agreement_id=agreement.id,
            start=effective,
            reason=reason,
            citizen_locked=True,
        )
        for child in followers:
            places.move(session, citizen_id=child, agreement_id=agreement.id, start=effective, reason="child")
        own.leave_waiting_list_for(session, citizen_id=person.id, agreement_id=agreement.id)
        _audit(
            session,
            actor,
            "switch",
            person,
            {
                "agreement_id": agreement.id,
                "effective": str(effective),
                "rule_id": ground.id,
                "children": followers,
            },
        )
        return SwitchResult(
            citizen_id=person.id,
            agreement_id=agreement.id,
            doctor_name=agreement.doctor_name or "Uten lege",
            effective=effective,
            effective_text=day_text(effective),
            rule_id=ground.id,
            citation=ground.citation,
            counted=citizen_rules.counts_as_switch(reason),
            switches_this_year=used + citizen_rules.counts_as_switch(reason),
            max_switches=max_switches,
            children=followers,
        )


def _replaced(current, effective: date) -> int:
    """1 when the place this switch replaces was itself a counting switch booked for the same 1st."""
    return int(
        current is not None
        and current.start == effective
        and citizen_rules.counts_as_switch(current.begin_reason)
    )


def _followers(session: Session, person: Citizen, current: int | None, effective: date) -> list[int]:
    """CIT-CHILDREN — the citizen's children under 16 on the same list who follow this parent."""
    if current is None:
        return []
    age = _child_age(effective)
    kids = sorted(
        child
        for child, (born, parents) in queries.children_with_parents(session, person.id).items()
        if citizen_rules.is_child(born, on=effective, child_age=age)
        and citizen_rules.followed_parent(parents) == person.id
    )
    places = queries.placed(session, kids, on=effective) if kids else {}
    return [child for child in kids if places.get(child) == current]


def _audit(session: Session, actor: Actor, action: str, person: Citizen, detail: dict) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="citizen",
        record_ids=[person.id],
        municipality_number=person.home_municipality_number,
        detail=detail,
    )


def _waiting_read(session: Session, entry: WaitingListEntry, *, on: date) -> WaitingRead:
    order = queries.waiting_list(session, entry.agreement_id)
    agreement = session.get(Agreement, entry.agreement_id)
    assert agreement is not None
    choice = _choice(session, agreement, on=on)
    return WaitingRead(
        citizen_id=entry.citizen_id,
        agreement_id=entry.agreement_id,
        doctor_name=choice.doctor_name,
        office_name=choice.office_name,
        position=[e.id for e in order].index(entry.id) + 1,
        of=len(order),
    )


@when_free
def join_waiting_list(
    session: Session, *, actor: Actor, citizen_id: int, agreement_id: int, on: date | None = None
) -> WaitingRead:
    """CIT-WAIT — the citizen on the agreement's waiting list, last in line; one waiting list at a time."""
    day = on or today_oslo()
    effective = rules.effective_date(day)
    with write_transaction(session):
        person = acting_for(session, actor, citizen_id, on=day)
        agreement = _agreement(session, agreement_id, on=effective, lock=True)
        entry = queries.waiting_entry(session, person.id)
        place = places.membership_on(session, citizen_id=person.id, on=effective)
        refused = rules.waiting_problem(
            current_waiting=entry.agreement_id if entry else None,
            target=agreement.id,
            target_open_places=queries.open_places(session, [agreement], on=effective)[agreement.id],
            on_target=place is not None and place.agreement_id == agreement.id,
        )
        if refused is not None:
            raise refused
        entry = WaitingListEntry(citizen_id=person.id, agreement_id=agreement.id, joined_at=now_oslo())
        session.add(entry)
        session.flush()
        _audit(session, actor, "join_waiting_list", person, {"agreement_id": agreement.id})
        return _waiting_read(session, entry, on=effective)


@when_free
def leave_waiting_list(
    session: Session, *, actor: Actor, citizen_id: int, on: date | None = None
) -> WaitingRead:
    """CIT-WAIT — the citizen off the waiting list they stand on."""
    day = on or today_oslo()
    with write_transaction(session):
        person = acting_for(session, actor, citizen_id, on=day)
        entry = queries.waiting_entry(session, person.id)
        if entry is None:
            raise NotFound("Du står ikke på noen venteliste.")
        left = _waiting_read(session, entry, on=rules.effective_date(day))
        session.delete(entry)
        _audit(session, actor, "leave_waiting_list", person, {"agreement_id": entry.agreement_id})
        return left


def switch_page(
    session: Session, *, actor: Actor, citizen_id: int | None = None, agreement_id: int | None = None
) -> SwitchPage:
    """What the switch and waiting pages show: the person acted for (the citizen, or a child), the people
    the citizen may act for, their list now and the one chosen, the date a switch would take effect, the
    year's switches and the waiting list they stand on."""
    day = today_oslo()
    effective = rules.effective_date(day)
    with session.begin():
        if actor.role != "citizen" or actor.citizen_id is None:
            raise Forbidden("Bare en innlogget innbygger kan bytte fastlege her.")
        person = acting_for(session, actor, citizen_id or actor.citizen_id, on=day)
        own = queries.citizen(session, actor.citizen_id)
        assert own is not None
        age = _child_age(day)
        kids = [
            c
            for c in queries.children(session, [own.id])
            if citizen_rules.is_child(c.birth_date, on=day, child_age=age)
        ]
        people = [Person(citizen_id=own.id, name=own.name, is_self=True)]
        people += [Person(citizen_id=c.id, name=c.name, is_self=False) for c in kids]
        current = places.membership_on(session, citizen_id=person.id, on=effective)
        target = _agreement(session, agreement_id, on=effective) if agreement_id is not None else None
        entry = queries.waiting_entry(session, person.id)
        _audit(session, actor, "read_identity", person, {"why": "bytte fastlege / venteliste"})
        return SwitchPage(
            person=Person(citizen_id=person.id, name=person.name, is_self=person.id == own.id),
            people=people,
            current=_choice(session, session.get(Agreement, current.agreement_id), on=effective)  # type: ignore[arg-type]
            if current
            else None,
            target=_choice(session, target, on=effective) if target else None,
            effective=effective,
            switches_this_year=queries.switches_in_year(session, citizen_id=person.id, year=effective.year),
            max_switches=int(parameters.value(citizen_rules.MAX_SWITCHES, on=effective)),
            waiting=_waiting_read(session, entry, on=effective) if entry else None,
        )


def waiting_lists(session: Session, *, actor: Actor, municipality_number: str) -> list[ListChoice]:
    """CIT-WAIT — the municipality's lists on the 1st of next month with their open places and how many
    wait for each (counts, no names)."""
    auth_service.require(actor, "register.read")
    effective = rules.effective_date(today_oslo())
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        agreements = queries.agreements_of(session, municipality_number, on=effective)
        return [_choice(session, a, on=effective) for a in agreements]
