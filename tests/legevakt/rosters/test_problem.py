"""The problem the solver gets from a scheme: LV-REST comes from its dated parameter."""

from legetjeneste.agreement import parameters
from legetjeneste.dates import Period
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.schemes.models import Scheme
from tests.legevakt.rosters.fixtures import FIRST, LAST, make_scheme


def build(open_session, scheme_id: int):
    session = open_session()
    with session.begin():
        return problem_builder.build(session, session.get(Scheme, scheme_id), Period(FIRST, LAST))


def test_the_rest_between_shifts_is_the_lv_rest_parameter_in_force_on_the_first_day(
    open_session, monkeypatch
):
    scheme_id = make_scheme(open_session())
    rest = parameters.parameter("legevakt/min_rest_hours")
    assert rest.reference == "LV-REST" and parameters.value("legevakt/min_rest_hours", on=FIRST) == 8
    assert build(open_session, scheme_id).min_rest_hours == 8
    real = parameters.value
    monkeypatch.setattr(
        parameters, "value", lambda name, on: 11 if name == "legevakt/min_rest_hours" else real(name, on=on)
    )
    assert build(open_session, scheme_id).min_rest_hours == 11
