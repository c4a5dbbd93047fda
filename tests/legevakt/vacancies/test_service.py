"""The vacancy list on SQLite and PostgreSQL: vacant shifts with why, volunteers, ranked candidates,
assigning one with the hard rules checked again, and the count per scheme and year."""

from dataclasses import replace

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, Forbidden, RuleViolation
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.schemas import SchemeIn
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.registry import service as registry_service
from tests.legevakt.rosters.fixtures import VEFSN, make_scheme, scheme_document, solve
from tests.support import VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE

ALONE = ("9182403",)
NEWCOMER = "9182406"


@pytest.fixture
def published(open_session):
    """One doctor for fourteen days: with 8 hours' rest (LV-REST) every other shift stays vacant."""
    scheme_id = make_scheme(open_session(), (*ALONE, NEWCOMER))
    legevakt_service.save_scheme(
        open_session(),
        actor=SYSTEM,
        municipality_number=VEFSN,
        data=SchemeIn.model_validate(scheme_document(ALONE)),
    )
    job = solve(open_session(), scheme_id)
    roster = roster_service.publish(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    return scheme_id, roster


def _doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def _add_newcomer(open_session) -> None:
    legevakt_service.save_scheme(
        open_session(),
        actor=SYSTEM,
        municipality_number=VEFSN,
        data=SchemeIn.model_validate(scheme_document((*ALONE, NEWCOMER))),
    )


def test_a_roster_that_cannot_cover_every_shift_lists_the_vacancies_with_why(published):
    _, roster = published
    assert roster.vacant > 0
    assert len(roster.vacancies) == roster.vacant
    assert all("LV-REST" in v.reason or "fritak" in v.reason for v in roster.vacancies)
    assert roster.summary.startswith(f"{roster.vacant} av 14 vakter er ledige")


def test_the_vacancy_list_holds_the_published_rosters_vacant_shifts(open_session, published):
    scheme_id, roster = published
    found = vacancy_service.list_vacancies(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, scheme_id=scheme_id)
    assert [v.shift_id for v in found] == [a.shift_id for a in roster.assignments if a.vacant]
    assert not any(v.filled for v in found)


def test_nobody_who_would_break_a_hard_rule_is_a_candidate_and_assigning_one_is_refused_with_the_rule(
    open_session, published
):
    scheme_id, _ = published
    vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
    assert vacancy_service.candidates(open_session(), actor=SYSTEM, assignment_id=vacancy.assignment_id) == []
    with pytest.raises(RuleViolation) as refused:
        vacancy_service.assign(
            open_session(),
            actor=VEFSN_KOMMUNEOVERLEGE,
            assignment_id=vacancy.assignment_id,
            doctor_id=_doctor_id(open_session(), ALONE[0]),
        )
    assert refused.value.rule_id == "LV-REST"
    assert "kan ikke ta vakten" in refused.value.message


def test_a_doctor_outside_the_scheme_can_neither_volunteer_nor_be_assigned(open_session, published):
    scheme_id, _ = published
    vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
    outsider = _doctor_id(open_session(), NEWCOMER)
    with pytest.raises(RuleViolation) as refused:
        vacancy_service.volunteer(
            open_session(), actor=SYSTEM, assignment_id=vacancy.assignment_id, doctor_id=outsider
        )
    assert refused.value.rule_id == "LV-DUTY"


def test_a_new_participant_volunteers_is_ranked_and_assigned_and_the_count_shows_it_filled(
    open_session, published
):
    scheme_id, _ = published
    _add_newcomer(open_session)
    vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
    newcomer = _doctor_id(open_session(), NEWCOMER)
    offered = vacancy_service.volunteer(
        open_session(), actor=VEFSN_KOMMUNEOVERLEGE, assignment_id=vacancy.assignment_id, doctor_id=newcomer
    )
    assert [v.hpr_number for v in offered.volunteers] == [NEWCOMER]
    with pytest.raises(Conflict):
        vacancy_service.volunteer(
            open_session(), actor=SYSTEM, assignment_id=vacancy.assignment_id, doctor_id=newcomer
        )
    ranked = vacancy_service.candidates(open_session(), actor=SYSTEM, assignment_id=vacancy.assignment_id)
    assert [(c.hpr_number, c.volunteered, c.count_of_kind) for c in ranked] == [(NEWCOMER, True, 0)]
    filled = vacancy_service.assign(
        open_session(), actor=VEFSN_KOMMUNEOVERLEGE, assignment_id=vacancy.assignment_id, doctor_id=newcomer
    )
    assert filled.filled and filled.doctor_name is not None
    counts = vacancy_service.vacancy_counts(
        open_session(), actor=SYSTEM, municipality_number=VEFSN, year=2027
    )
    mine = next(c for c in counts if c.scheme_id == scheme_id)
    assert (mine.filled, mine.still_vacant) == (1, mine.vacant_at_publication - 1)
    with pytest.raises(Conflict):
        vacancy_service.assign(
            open_session(), actor=SYSTEM, assignment_id=vacancy.assignment_id, doctor_id=newcomer
        )


def test_a_doctor_user_without_a_doctor_in_the_register_cannot_volunteer(open_session, published):
    scheme_id, _ = published
    vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
    with pytest.raises(Forbidden):
        vacancy_service.volunteer(open_session(), actor=VEFSN_DOCTOR, assignment_id=vacancy.assignment_id)


def test_a_doctor_user_volunteers_for_themselves_and_not_for_a_colleague(open_session, published):
    scheme_id, _ = published
    _add_newcomer(open_session)
    vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
    newcomer = _doctor_id(open_session(), NEWCOMER)
    the_newcomer = replace(VEFSN_DOCTOR, doctor_id=newcomer)
    with pytest.raises(Forbidden):
        vacancy_service.volunteer(
            open_session(),
            actor=the_newcomer,
            assignment_id=vacancy.assignment_id,
            doctor_id=_doctor_id(open_session(), ALONE[0]),
        )
    offered = vacancy_service.volunteer(
        open_session(), actor=the_newcomer, assignment_id=vacancy.assignment_id
    )
    assert [v.hpr_number for v in offered.volunteers] == [NEWCOMER]


def test_vacant_shifts_are_counted_per_scheme_and_year(open_session, published):
    scheme_id, roster = published
    counts = vacancy_service.vacancy_counts(
        open_session(), actor=SYSTEM, municipality_number=VEFSN, year=2027
    )
    by_scheme = {c.scheme_id: (c.vacant_at_publication, c.filled, c.still_vacant) for c in counts}
    assert by_scheme.pop(scheme_id) == (roster.vacant, 0, roster.vacant)
    assert all(other == (0, 0, 0) for other in by_scheme.values())
    earlier = vacancy_service.vacancy_counts(
        open_session(), actor=SYSTEM, municipality_number=VEFSN, year=2026
    )
    assert all(c.vacant_at_publication == 0 for c in earlier)


def test_the_yearly_statistics_count_the_published_rosters_shifts_and_vacancies_and_nothing_without_one(
    open_session, published
):
    _, roster = published
    with open_session() as session:
        counted = vacancy_service.year_figures(session, municipality_number=VEFSN, year=2027)
        assert (
            counted == {"legevakt_shifts": 14, "legevakt_vacant_shifts": roster.vacant} and roster.vacant > 0
        )
        assert vacancy_service.year_figures(session, municipality_number=VEFSN, year=2026) == {}
