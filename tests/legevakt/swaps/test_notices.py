"""Who is told (LV-SWAP, LV-REPLAN, LV-ALWAYS): every doctor with shifts when a roster is published or a new
version replaces it; the colleague when a swap is proposed and both when it is decided; the doctors who
could take a vacant shift when a roster opens one."""

from datetime import date

from legetjeneste.legevakt.swaps import service as swap_service
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.schemas import SwapAnswer, SwapCreate
from tests.legevakt.swaps.fixtures import KOMMUNEOVERLEGE, A, B, gp, notices, published_roster, shift

MONDAY, TUESDAY = date(2027, 3, 1), date(2027, 3, 2)


def swap(open_session, roster_id: int):
    data = SwapCreate(
        kind="swap",
        shift_id=shift(open_session(), roster_id, MONDAY),
        their_shift_id=shift(open_session(), roster_id, TUESDAY),
    )
    return swap_service.propose(open_session(), actor=gp(open_session(), A), data=data)


def test_publishing_a_roster_tells_every_doctor_with_shifts_how_many_they_have(open_session):
    published_roster(open_session)
    for hpr in (A, B):
        [(subject, body)] = notices(open_session(), hpr, "roster_changed")
        assert subject == "Ny vaktliste for Testlegevakt er publisert"
        assert body.startswith("Du har 4 vakter i vaktlisten for Testlegevakt 1.–14. mars 2027")


def test_a_proposed_swap_tells_the_colleague_and_an_approved_one_tells_both_with_the_new_version(
    open_session,
):
    _, roster_id = published_roster(open_session)
    proposed = swap(open_session, roster_id)
    [(subject, body)] = notices(open_session(), B, "swap")
    assert subject == "Forslag om vaktbytte"
    assert "Jonas Brekkan bytter Hverdagsvakt mandag 1. mars 2027 mot Ingrid Haugviks" in body
    assert notices(open_session(), A, "swap") == []

    swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)
    decisions.approve(open_session(), actor=KOMMUNEOVERLEGE, swap_id=proposed.id)
    for hpr in (A, B):
        assert notices(open_session(), hpr, "swap")[-1][0] == "Vaktbyttet er godkjent"
        subject, body = notices(open_session(), hpr, "roster_changed")[-1]
        assert subject == "Vaktlisten for Testlegevakt er endret (versjon 2)"
        change = "Hverdagsvakt mandag 1. mars 2027: fra Jonas Brekkan til Ingrid Haugvik"
        assert f"Endringer som gjelder deg: {change}" in body


def test_a_declined_swap_tells_both(open_session):
    _, roster_id = published_roster(open_session)
    proposed = swap(open_session, roster_id)
    answer = SwapAnswer(reason="Jeg er bortreist.")
    swap_service.decline(open_session(), actor=gp(open_session(), B), swap_id=proposed.id, data=answer)
    for hpr in (A, B):
        subject, body = notices(open_session(), hpr, "swap")[-1]
        assert subject == "Vaktbyttet er avslått" and "Begrunnelse: Jeg er bortreist." in body


def test_a_vacant_shift_is_told_to_those_who_could_take_it_and_not_to_those_it_would_break_a_rule_for(
    open_session,
):
    published_roster(open_session, vacant=(MONDAY,))
    [(subject, body)] = notices(open_session(), A, "vacancy")
    assert subject == "Ledige vakter du kan ta i Testlegevakt"
    assert "Hverdagsvakt mandag 1. mars 2027" in body
    assert notices(open_session(), B, "vacancy") == []  # Ingrid Haugvik has Tuesday: LV-REST
