"""A vacant shift goes to one doctor, and two shifts given to one doctor at the same moment cannot together
break the rest rule (LV-REST): assignments of one shift and of one doctor take turns (docs/adr/0010)."""

from datetime import timedelta

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, RuleViolation
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.schemas import SchemeIn
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.registry import service as registry_service
from tests.concurrency import errors, race, values
from tests.legevakt.rosters.fixtures import DOCTORS, VEFSN, make_scheme, scheme_document, solve
from tests.support import VEFSN_KOMMUNEOVERLEGE

ALONE, OTHERS = DOCTORS[0], DOCTORS[1:]


@pytest.fixture
def vacancies(open_session):
    """A roster published with one doctor, so every other shift is vacant (LV-REST); then five more
    doctors join the scheme, each free to take any one vacant shift. The vacancies in time order."""
    scheme_id = make_scheme(open_session(), DOCTORS)
    only_one = SchemeIn.model_validate(scheme_document((ALONE,)))
    legevakt_service.save_scheme(open_session(), actor=SYSTEM, municipality_number=VEFSN, data=only_one)
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=solve(open_session(), scheme_id).roster_id)
    everyone = SchemeIn.model_validate(scheme_document(DOCTORS))
    legevakt_service.save_scheme(open_session(), actor=SYSTEM, municipality_number=VEFSN, data=everyone)
    return vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)


def doctor_ids(session) -> list[int]:
    by_hpr = {d.hpr_number: d.id for d in registry_service.list_doctors(session, actor=SYSTEM)}
    return [by_hpr[hpr] for hpr in OTHERS]


def assign(session, assignment_id: int, doctor_id: int):
    return vacancy_service.assign(
        session, actor=VEFSN_KOMMUNEOVERLEGE, assignment_id=assignment_id, doctor_id=doctor_id
    )


def test_fifty_clients_giving_one_vacant_shift_to_different_doctors_fill_it_once(
    engine, open_session, vacancies
):
    shift = vacancies[0]
    doctors = doctor_ids(open_session())

    outcomes = race(engine, lambda session, client: assign(session, shift.assignment_id, doctors[client % 5]))

    [filled] = values(outcomes)
    assert len(errors(outcomes)) == 49
    assert all(
        isinstance(e, Conflict) and e.message == "Vakten er allerede besatt." for e in errors(outcomes)
    ), errors(outcomes)
    [now] = [
        v
        for v in vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=shift.scheme_id)
        if v.assignment_id == shift.assignment_id
    ]
    assert now.filled and now.doctor_name == filled.doctor_name


def test_fifty_clients_giving_one_doctor_two_shifts_without_rest_between_give_at_most_one(
    engine, open_session, vacancies
):
    saturday, sunday = next(
        (a, b)
        for a, b in zip(vacancies, vacancies[1:], strict=False)
        if b.starts_at - a.ends_at < timedelta(hours=8)
    )
    doctor = doctor_ids(open_session())[0]

    def action(session, client: int):
        return assign(session, (saturday, sunday)[client % 2].assignment_id, doctor).assignment_id

    outcomes = race(engine, action)

    [given] = values(outcomes)
    refusals = errors(outcomes)
    assert len(refusals) == 49
    assert all(isinstance(e, Conflict | RuleViolation) for e in refusals), refusals
    taken = [e for e in refusals if isinstance(e, Conflict)]
    rest = [e for e in refusals if isinstance(e, RuleViolation)]
    assert len(taken) == 24 and len(rest) == 25  # the shift given once more, and the other one
    assert all(e.rule_id == "LV-REST" and "kan ikke ta vakten" in e.message for e in rest)
    filled = {
        v.assignment_id
        for v in vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=saturday.scheme_id)
        if v.filled
    }
    assert filled == {given}
