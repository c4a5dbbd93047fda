"""Use cases of a committee's members (SU-COMPOSITION, ALU-MEMBERS): add a member or replace one, refused
with the rule id when the committee's composition on the new member's first day breaks the rules."""

from datetime import timedelta

from sqlalchemy.orm import Session

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import service as committee_service
from legetjeneste.committees.schemas import CommitteeRead, MemberCreate
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import NotFound


@when_free
def add_member(session: Session, *, actor: Actor, committee_id: int, data: MemberCreate) -> CommitteeRead:
    """A new member (ending the one it `replaces` the day before); refused when the committee's composition
    on the new member's first day breaks the rules. Changes of one committee's members take turns on its row
    (docs/adr/0010), so each is checked against the members the one before left."""
    auth_service.require(actor, "committee.write")
    with write_transaction(session):
        committee = committee_service.in_scope(session, actor, committee_id, lock=True)
        if data.replaces is not None:
            old = next((m for m in committee.members if m.id == data.replaces), None)
            if old is None:
                raise NotFound(f"Medlem {data.replaces} finnes ikke i utvalget.")
            old.end = data.start - timedelta(days=1)
        member = committee_service.new_member(session, committee, data)
        committee.members.append(member)
        committee_service.check(committee, data.start)
        session.flush()
        committee_service.audit(session, actor, committee, "update", member=member.id, replaces=data.replaces)
        return committee_service.committee_read(committee, today_oslo())
