"""LV-WISH with rosters, on SQLite and PostgreSQL: the solver gets the period's wishes and the roster page
shows which are met; a published roster closes its days to wishes; a deterministic solve of Vefsn's demo
scheme with wishes."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import Period
from legetjeneste.errors import ValidationFailed
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.legevakt.wishes import service
from legetjeneste.legevakt.wishes.schemas import WishIn
from legetjeneste.rostering import solver
from legetjeneste.rostering.explain import explain
from tests.legevakt.rosters.fixtures import make_scheme, solve
from tests.support import VEFSN_KOMMUNEOVERLEGE

from .conftest import INGRID, JONAS, gp

DOCTORS = (JONAS, INGRID, "9182403", "9182405", "9182408", "9182411")


@pytest.fixture
def scheme_id(open_session) -> int:
    """The roster tests' small scheme (1–14 March 2027) with Jonas Brekkan and Ingrid Haugvik in it."""
    return make_scheme(open_session(), DOCTORS)


def test_the_solver_meets_the_wishes_and_the_roster_shows_them_per_doctor_lv_wish(open_session, scheme_id):
    jonas, ingrid = gp(open_session(), JONAS), gp(open_session(), INGRID, "lege2@vefsn.example")
    for day in (date(2027, 3, 3), date(2027, 3, 6)):
        service.add_wish(open_session(), actor=jonas, scheme_id=scheme_id, data=WishIn(day=day, kind="off"))
    service.add_wish(
        open_session(), actor=ingrid, scheme_id=scheme_id, data=WishIn(day=date(2027, 3, 9), kind="on")
    )

    roster_id = solve(open_session(), scheme_id, actor=VEFSN_KOMMUNEOVERLEGE).roster_id
    roster = roster_service.get_roster(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, roster_id=roster_id)
    on = {(a.date, a.hpr_number) for a in roster.assignments}
    assert (date(2027, 3, 3), JONAS) not in on and (date(2027, 3, 6), JONAS) not in on
    assert (date(2027, 3, 9), INGRID) in on
    [line] = [p for p in roster.penalties if p.rule == "requests"]
    assert (line.text, line.rule_id) == ("Ønsker: 3 av 3 oppfylt", "LV-WISH")

    everyone = service.roster_wishes(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, roster_id=roster_id)
    assert [(d.name, d.met, len(d.wishes)) for d in everyone] == [
        ("Ingrid Haugvik", 1, 1),
        ("Jonas Brekkan", 2, 2),
    ]
    [own] = service.roster_wishes(open_session(), actor=jonas, roster_id=roster_id)
    assert [(w.day_text, w.kind_text, w.met) for w in own.wishes] == [
        ("onsdag 3. mars 2027", "ønsker fri", True),
        ("lørdag 6. mars 2027", "ønsker fri", True),
    ]


def test_a_published_roster_closes_its_days_to_new_changed_and_removed_wishes_lv_wish(
    open_session, scheme_id
):
    jonas = gp(open_session(), JONAS)
    wish = service.add_wish(
        open_session(), actor=jonas, scheme_id=scheme_id, data=WishIn(day=date(2027, 3, 3), kind="off")
    )
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=solve(open_session(), scheme_id).roster_id)
    locked = "vaktlisten for 1.–14. mars 2027 er publisert"
    for attempt in (
        lambda: service.add_wish(
            open_session(), actor=jonas, scheme_id=scheme_id, data=WishIn(day=date(2027, 3, 4), kind="on")
        ),
        lambda: service.change_wish(
            open_session(), actor=jonas, wish_id=wish.id, data=WishIn(day=date(2027, 4, 4), kind="on")
        ),
        lambda: service.delete_wish(open_session(), actor=jonas, wish_id=wish.id),
    ):
        with pytest.raises(ValidationFailed) as error:
            attempt()
        [problem] = error.value.problems
        assert (problem.path, problem.rule_id) == ("day", "LV-WISH") and locked in problem.message
    [mine] = [s for s in service.my_wishes(open_session(), actor=jonas) if s.scheme_id == scheme_id]
    assert mine.published == ["1.–14. mars 2027"]
    assert [(w.day, w.locked) for p in mine.periods for w in p.wishes] == [(date(2027, 3, 3), True)]
    service.add_wish(
        open_session(), actor=jonas, scheme_id=scheme_id, data=WishIn(day=date(2027, 3, 15), kind="on")
    )


def test_vefsn_solved_for_september_2027_with_wishes_is_the_same_every_time_lv_wish(
    open_session, vefsn, jonas
):
    service.add_wish(
        open_session(), actor=jonas, scheme_id=vefsn, data=WishIn(day=date(2027, 9, 10), kind="off")
    )
    service.add_wish(
        open_session(), actor=jonas, scheme_id=vefsn, data=WishIn(day=date(2027, 9, 18), kind="on")
    )
    session = open_session()
    with session.begin():
        problem = problem_builder.build(
            session, session.get(Scheme, vefsn), Period(date(2027, 9, 1), date(2027, 9, 30))
        )
    assert [(r.participant, r.day, r.wants) for r in problem.requests] == [
        (JONAS, date(2027, 9, 10), "off"),
        (JONAS, date(2027, 9, 18), "on"),
    ]
    first = solver.solve(problem, seed=0, workers=1, time_limit=10)
    second = solver.solve(
        problem_builder.problem_from(problem_builder.problem_document(problem)),
        seed=0,
        workers=1,
        time_limit=10,
    )
    assert first.assignments == second.assignments and first.objective == second.objective
    assert first.assignments["2027-09-10/hverdag"] != JONAS
    assert JONAS in {first.assignments[s.id] for s in problem.shifts if s.day == date(2027, 9, 18)}
    [line] = [r for r in explain(problem, first).rules if r.rule == "requests"]
    assert line.text == "Ønsker: 2 av 2 oppfylt"
    counts = [c for d in explain(problem, first).doctors for c in d.counts]
    assert all(c.low - 1 <= c.actual <= c.high + 1 for c in counts)
