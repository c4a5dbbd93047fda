"""DUTY-EQUAL-SHARE: the CP-SAT model proposes shares within what may be ordered, as equal as possible,
respecting who is qualified and who volunteered."""

from decimal import Decimal as D

from legetjeneste.duties.distribution.rules import Gp, Task, propose


def test_a_task_spread_on_four_equal_gps_gives_each_exactly_the_equal_share_duty_equal_share():
    gps = [Gp(key, f"Lege {key}", D(0), D("7.5")) for key in range(1, 5)]
    found = propose(gps, [Task("ny", "Ny oppgave", D(6))])
    assert [(s.gp, s.hours) for s in found.shares] == [
        (1, D("1.50")),
        (2, D("1.50")),
        (3, D("1.50")),
        (4, D("1.50")),
    ]
    assert found.equal_share == D("1.50") and found.shortfall == {} and found.status == "optimal"


def test_the_model_levels_the_gps_hours_and_keeps_each_within_what_may_be_ordered_duty_equal_share():
    gps = [
        Gp(1, "A", D("5.63"), D("1.87")),
        Gp(2, "B", D("3.75"), D("3.75")),
        Gp(3, "C", D(0), D("5.63")),
        Gp(4, "D", D("7.5"), D(0)),
    ]
    found = propose(gps, [Task("ny", "Ny oppgave", D("7.5"))])
    shares = {s.gp: s.hours for s in found.shares}
    assert sum(shares.values()) == D("7.5") and 4 not in shares
    assert shares[3] == D("5.63") and shares[2] == D("1.87")


def test_a_volunteer_takes_the_task_beyond_the_cap_and_the_unqualified_take_none():
    gps = [
        Gp(1, "A", D(0), D(0), volunteered=frozenset({"ny"})),
        Gp(2, "B", D(0), D("7.5"), qualified=frozenset()),
    ]
    found = propose(gps, [Task("ny", "Ny oppgave", D(3))])
    assert [(s.gp, s.hours, s.volunteered) for s in found.shares] == [(1, D("3.00"), True)]


def test_hours_nobody_may_be_ordered_stand_as_a_shortfall():
    found = propose([Gp(1, "A", D(0), D(1))], [Task("ny", "Ny oppgave", D(3))])
    assert found.shortfall == {"ny": D("2.00")}
