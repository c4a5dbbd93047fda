"""More steps through the services: a new agreement needs the GPs informed and the SU's statement first, the
municipality's notice needs its reason, and an age extension stops at 75."""

from datetime import date

import pytest

from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle import service
from legetjeneste.lifecycle.schemas import CaseCreate, StepCreate
from tests.lifecycle.test_service import ACTOR, step, vefsn  # noqa: F401  (fixture)


def test_a_new_agreement_needs_the_gps_informed_and_the_su_statement_first(vefsn):  # noqa: F811
    case = service.open_case(
        vefsn(),
        actor=ACTOR,
        municipality_number="1824",
        data=CaseCreate(kind="new_agreement", on=date(2026, 9, 1)),
    )
    created = StepCreate(kind="agreement_created", on=date(2026, 10, 1))
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, created)
    assert refused.value.rule_id == "AGR-NEW-INFORM"
    assert [(p.rule_id, p.done_on) for p in case.pending] == [("AGR-NEW-INFORM", None), ("AGR-NEW-SU", None)]
    informed = step(vefsn, case.id, StepCreate(kind="gps_informed", on=date(2026, 9, 2)))
    assert informed.pending[0].done_on == date(2026, 9, 2)
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, created)
    assert refused.value.rule_id == "AGR-NEW-SU"
    step(
        vefsn, case.id, StepCreate(kind="su_statement", on=date(2026, 9, 20), text="SU støtter en ny avtale.")
    )
    done = step(vefsn, case.id, created)
    assert [s.kind for s in done.steps] == ["gps_informed", "su_statement", "agreement_created"]


def test_the_municipalitys_notice_needs_an_objective_reason(vefsn):  # noqa: F811
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182406, data=CaseCreate(kind="notice", on=date(2026, 8, 31))
    )
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="notice", on=date(2026, 8, 31), party="municipality"))
    assert refused.value.rule_id == "AGR-NOTICE"
    given = step(
        vefsn,
        case.id,
        StepCreate(
            kind="notice", on=date(2027, 8, 31), party="municipality", objective_reason="Vesentlig mislighold"
        ),
    )
    assert given.notice_period_end == date(2028, 2, 29)


def test_an_age_extension_is_allowed_to_75_and_refused_beyond(vefsn):  # noqa: F811
    case = service.open_case(
        vefsn(), actor=ACTOR, agreement_id=182404, data=CaseCreate(kind="age_end", on=date(2026, 10, 1))
    )
    with pytest.raises(RuleViolation) as refused:
        step(vefsn, case.id, StepCreate(kind="extension", on=date(2036, 1, 10), until=date(2040, 4, 12)))
    assert refused.value.rule_id == "AGR-AGE-END"
    extended = step(
        vefsn, case.id, StepCreate(kind="extension", on=date(2036, 1, 10), until=date(2038, 4, 11))
    )
    open_clocks = [c for c in extended.clocks if c.closed_on is None]
    assert [(c.code, c.due_date) for c in open_clocks] == [("age_extension", date(2038, 4, 11))]
