"""LV-WISH use cases on SQLite and PostgreSQL: a GP enters, changes and removes their own wishes for the
schemes they take part in, up to the scheme's number a month, never for the past, outside the scheme or
their participation, nor for a day of a published roster."""

from datetime import date, timedelta

import pytest

from legetjeneste.agreement import parameters
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.legevakt.schemes import forms as scheme_forms
from legetjeneste.legevakt.schemes import service as scheme_service
from legetjeneste.legevakt.wishes import service
from legetjeneste.legevakt.wishes.schemas import WishIn
from tests.support import VEFSN_KOMMUNEOVERLEGE

from .conftest import INGRID, KVALVIK, gp

OFF_SEPTEMBER = WishIn(day=date(2027, 9, 10), kind="off", note="Bryllup i familien")
ON_OCTOBER = WishIn(day=date(2027, 10, 14), kind="on")


def refusal(error: pytest.ExceptionInfo) -> tuple[str, str | None, str]:
    [problem] = error.value.problems
    return problem.path, problem.rule_id, problem.message


def set_max(open_session, scheme_id: int, number: int | None) -> None:
    scheme = scheme_service.get_scheme(open_session(), actor=SYSTEM, scheme_id=scheme_id)
    data = scheme_forms.scheme_in(scheme_forms.document(scheme) | {"max_wishes_per_month": number})
    scheme_service.save_scheme(open_session(), actor=SYSTEM, municipality_number="1824", data=data)


def test_a_gp_enters_two_wishes_for_autumn_2027_and_sees_what_is_left_each_month_lv_wish(
    open_session, vefsn, jonas
):
    service.add_wish(open_session(), actor=jonas, scheme_id=vefsn, data=OFF_SEPTEMBER)
    service.add_wish(open_session(), actor=jonas, scheme_id=vefsn, data=ON_OCTOBER)
    [mine] = service.my_wishes(open_session(), actor=jonas)
    assert (mine.scheme_name, mine.count, mine.max_per_month) == ("Vefsn legevakt", 2, 4)
    [autumn] = mine.periods
    assert autumn.name == "Andre halvår 2027"
    assert [(w.day_text, w.kind_text, w.note) for w in autumn.wishes] == [
        ("fredag 10. september 2027", "ønsker fri", "Bryllup i familien"),
        ("torsdag 14. oktober 2027", "ønsker vakt", ""),
    ]
    assert [(m.name, m.used, m.left) for m in autumn.months] == [
        ("september 2027", 1, 3),
        ("oktober 2027", 1, 3),
    ]


def test_the_default_number_of_wishes_a_month_is_a_dated_parameter_whose_source_says_it_is_our_own_lv_wish():
    item = parameters.parameter("legevakt/max_wishes_per_month")
    assert item.reference == "LV-WISH"
    assert parameters.value("legevakt/max_wishes_per_month", on=date(2027, 9, 1)) == 4
    assert all(
        v.source.startswith("Legetjenestes egen regel (LV-WISH), ikke fastsatt i lov eller avtale")
        for v in item.values
    )


def test_a_wish_beyond_the_schemes_number_a_month_is_refused_and_nothing_is_written_lv_wish(
    open_session, vefsn, jonas
):
    set_max(open_session, vefsn, 2)
    for day in (1, 2):
        service.add_wish(
            open_session(), actor=jonas, scheme_id=vefsn, data=WishIn(day=date(2027, 9, day), kind="off")
        )
    with pytest.raises(ValidationFailed) as error:
        service.add_wish(
            open_session(), actor=jonas, scheme_id=vefsn, data=WishIn(day=date(2027, 9, 3), kind="on")
        )
    assert refusal(error) == (
        "day",
        "LV-WISH",
        "du har allerede 2 ønsker i september 2027, og ordningen tillater 2 per måned",
    )
    assert service.my_wishes(open_session(), actor=jonas)[0].count == 2
    # another month has its own number
    service.add_wish(
        open_session(), actor=jonas, scheme_id=vefsn, data=WishIn(day=date(2027, 10, 3), kind="on")
    )


def test_the_scheme_stores_its_own_number_and_the_file_writes_it_lv_wish(open_session, vefsn):
    set_max(open_session, vefsn, 2)
    scheme = scheme_service.get_scheme(open_session(), actor=SYSTEM, scheme_id=vefsn)
    assert scheme.max_wishes_per_month == 2
    set_max(open_session, vefsn, None)
    assert (
        scheme_service.get_scheme(open_session(), actor=SYSTEM, scheme_id=vefsn).max_wishes_per_month is None
    )


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (None, "er ikke etter i dag; ønsker gjelder vaktlister som ikke er laget ennå"),
        (date(2025, 12, 1), "er ikke etter i dag"),
    ],
    ids=["today", "past"],
)
def test_a_wish_for_today_or_the_past_is_refused_lv_wish(open_session, vefsn, jonas, day, message):
    day = day or today_oslo()
    with pytest.raises(ValidationFailed) as error:
        service.add_wish(open_session(), actor=jonas, scheme_id=vefsn, data=WishIn(day=day, kind="off"))
    path, rule_id, text = refusal(error)
    assert (path, rule_id) == ("day", "LV-WISH") and message in text


def test_a_wish_after_the_gps_participation_ends_is_refused_lv_wish(open_session, vefsn):
    kvalvik = gp(open_session(), KVALVIK, "kvalvik@vefsn.example")  # leaves the scheme 28 February 2027
    service.add_wish(
        open_session(), actor=kvalvik, scheme_id=vefsn, data=WishIn(day=date(2027, 2, 26), kind="off")
    )
    with pytest.raises(ValidationFailed) as error:
        service.add_wish(
            open_session(), actor=kvalvik, scheme_id=vefsn, data=WishIn(day=date(2027, 3, 1), kind="off")
        )
    assert refusal(error) == ("day", "LV-WISH", "du deltar ikke i ordningen mandag 1. mars 2027")


def test_one_wish_a_day_and_a_change_keeps_the_months_count_lv_wish(open_session, vefsn, jonas):
    saved = service.add_wish(open_session(), actor=jonas, scheme_id=vefsn, data=OFF_SEPTEMBER)
    with pytest.raises(ValidationFailed) as error:
        service.add_wish(
            open_session(), actor=jonas, scheme_id=vefsn, data=OFF_SEPTEMBER.model_copy(update={"kind": "on"})
        )
    assert refusal(error)[2] == "du har allerede et ønske for fredag 10. september 2027; endre det i stedet"
    changed = service.change_wish(open_session(), actor=jonas, wish_id=saved.id, data=ON_OCTOBER)
    assert (changed.day, changed.kind, changed.note) == (ON_OCTOBER.day, "on", "")
    service.delete_wish(open_session(), actor=jonas, wish_id=saved.id)
    assert service.my_wishes(open_session(), actor=jonas)[0].count == 0


def test_a_gp_cannot_see_change_or_remove_another_gps_wish(open_session, vefsn, jonas):
    saved = service.add_wish(open_session(), actor=jonas, scheme_id=vefsn, data=OFF_SEPTEMBER)
    ingrid = gp(open_session(), INGRID, "lege2@vefsn.example")
    with pytest.raises(NotFound):
        service.change_wish(open_session(), actor=ingrid, wish_id=saved.id, data=ON_OCTOBER)
    with pytest.raises(NotFound):
        service.delete_wish(open_session(), actor=ingrid, wish_id=saved.id)
    assert service.my_wishes(open_session(), actor=ingrid)[0].count == 0
    with pytest.raises(Forbidden):
        service.my_wishes(open_session(), actor=ingrid, doctor_id=jonas.doctor_id)


def test_only_a_gp_enters_wishes_and_only_those_who_solve_see_a_schemes_wishes(open_session, vefsn, jonas):
    with pytest.raises(Forbidden):
        service.add_wish(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, scheme_id=vefsn, data=OFF_SEPTEMBER)
    service.add_wish(open_session(), actor=jonas, scheme_id=vefsn, data=OFF_SEPTEMBER)
    found = service.scheme_wishes(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, scheme_id=vefsn)
    assert [(w.doctor_name, w.note, w.locked) for w in found.wishes] == [
        ("Jonas Brekkan", "Bryllup i familien", False)
    ]
    with pytest.raises(Forbidden):
        service.scheme_wishes(open_session(), actor=jonas, scheme_id=vefsn)


def test_a_gp_has_no_wishes_in_a_scheme_they_do_not_take_part_in(open_session, vefsn, jonas):
    with pytest.raises(NotFound):
        service.add_wish(open_session(), actor=jonas, scheme_id=vefsn + 1000, data=OFF_SEPTEMBER)


def test_a_note_longer_than_200_characters_is_refused_naming_the_field():
    with pytest.raises(ValueError, match="note"):
        WishIn(day=date(2027, 9, 1), kind="off", note="x" * 201)


def test_tomorrow_is_the_first_open_day_without_a_published_roster(open_session, vefsn, jonas):
    [mine] = service.my_wishes(open_session(), actor=jonas)
    assert mine.open_from == today_oslo() + timedelta(days=1)
