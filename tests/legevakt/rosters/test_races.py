"""Two published rosters of a scheme never share a day (LV-ALWAYS), also when many drafts are published at
the same moment: publications of one scheme take turns, and on PostgreSQL an exclusion constraint over the
published rosters refuses what a check could not see (docs/adr/0010)."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from legetjeneste.errors import RuleViolation
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.rosters import rules
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.models import Roster
from tests.concurrency import errors, race, values
from tests.legevakt.rosters.fixtures import FIRST, make_scheme, solve
from tests.support import VEFSN_KOMMUNEOVERLEGE


def copies(session, roster_id: int, count: int, *, previous_id: int | None = None) -> list[int]:
    """`count` more drafts of the solved one, starting on one of its first three days: every two share
    days. With `previous_id` they are re-plans of that published roster."""
    with session.begin():
        solved = session.get(Roster, roster_id)
        columns = ("municipality_number", "scheme_id", "end_date", "job_id", "explanation", "created_at")
        made = [
            Roster(
                **{name: getattr(solved, name) for name in columns},
                start_date=FIRST + timedelta(days=n % 3),
                version=solved.version + 1 + n,
                status="draft",
                previous_id=previous_id,
                changes=[],
                created_by=solved.created_by,
            )
            for n in range(count)
        ]
        session.add_all(made)
        session.flush()
        return [r.id for r in made]


def published(session, scheme_id: int) -> list[tuple[int, str]]:
    with session.begin():
        rows = session.scalars(select(Roster).where(Roster.scheme_id == scheme_id).order_by(Roster.id))
        return [(r.id, r.status) for r in rows if r.status != "draft"]


def publish(session, roster_id: int) -> int:
    return roster_service.publish(session, actor=VEFSN_KOMMUNEOVERLEGE, roster_id=roster_id).id


def assert_refused_naming(refusals: list[BaseException], winner: int, version: int) -> None:
    for refusal in refusals:
        assert isinstance(refusal, RuleViolation), repr(refusal)
        assert refusal.rule_id == "LV-ALWAYS"
        assert refusal.message.startswith(
            f"Perioden overlapper den publiserte vaktlisten {winner} (versjon {version})."
        )


def test_fifty_clients_publishing_overlapping_drafts_of_one_scheme_publish_exactly_one(engine, open_session):
    scheme_id = make_scheme(open_session())
    first = solve(open_session(), scheme_id).roster_id
    drafts = [first, *copies(open_session(), first, 49)]

    outcomes = race(engine, lambda session, client: publish(session, drafts[client]))

    [winner] = values(outcomes)
    assert published(open_session(), scheme_id) == [(winner, "published")]
    assert len(errors(outcomes)) == 49
    assert_refused_naming(errors(outcomes), winner, drafts.index(winner) + 1)


def test_fifty_clients_publishing_re_plans_of_one_roster_replace_it_exactly_once(engine, open_session):
    scheme_id = make_scheme(open_session())
    first = solve(open_session(), scheme_id).roster_id
    publish(open_session(), first)
    re_plans = copies(open_session(), first, 50, previous_id=first)

    outcomes = race(engine, lambda session, client: publish(session, re_plans[client]))

    [winner] = values(outcomes)
    assert published(open_session(), scheme_id) == [(first, "replaced"), (winner, "published")]
    assert_refused_naming(errors(outcomes), winner, re_plans.index(winner) + 2)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_an_overlap_the_check_did_not_see_is_refused_by_postgresql_with_lv_always(
    engine, open_session, monkeypatch
):
    """As if another publication had committed between the check and the write: the exclusion constraint."""
    scheme_id = make_scheme(open_session())
    first = solve(open_session(), scheme_id).roster_id
    [second] = copies(open_session(), first, 1)
    publish(open_session(), first)
    monkeypatch.setattr(roster_queries, "published_overlapping", lambda *args, **kwargs: [])

    with pytest.raises(RuleViolation) as refused:
        publish(open_session(), second)

    assert (refused.value.rule_id, refused.value.message) == ("LV-ALWAYS", rules.PUBLISHED_AT_ONCE)
    assert published(open_session(), scheme_id) == [(first, "published")]
