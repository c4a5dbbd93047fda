"""The demo's citizens leave a Vefsn citizen something to find: three lists open with a few places each (SSB
2025 counts none open in Vefsn; the demo opens the three nearest their listetak), every other list as the
municipality file has it (AGR-OPEN)."""

from datetime import date

import pytest
from sqlalchemy import func, select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.citizens import generate, queries
from legetjeneste.citizens.models import Citizen
from tests.support import import_demo

DAY = date(2026, 12, 4)


def _places(session, number: str) -> dict[int, int]:
    with session.begin():
        found = queries.open_places(session, queries.agreements_of(session, number, on=DAY), on=DAY)
    return {agreement: places for agreement, places in found.items() if places}


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_vefsn_demo_leaves_three_lists_open_with_a_few_places_and_runs_once(session):
    import_demo(session)
    assert _places(session, "1824") == {}
    made = generate.generate_demo(session, municipality_number="1824", today=DAY)
    assert made == 13_364 - (806 - 796) - (798 - 795) - (702 - 697) == 13_346
    assert _places(session, "1824") == {182402: 4, 182403: 5, 182413: 3}
    assert generate.generate_demo(session, municipality_number="1824", today=DAY) == 0
    with session.begin():
        opened = session.scalars(
            select(AuditEntry.record_ids).where(
                AuditEntry.entity == "agreement", AuditEntry.action == "update"
            )
        ).all()
        assert session.scalar(select(func.count()).select_from(Citizen)) == 13_346
    assert sorted(int(ids[0]) for ids in opened) == [182402, 182403, 182413]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_kragero_keeps_the_two_open_lists_of_its_municipality_file(session):
    import_demo(session)
    generate.generate_demo(session, municipality_number="4014", today=DAY)
    assert _places(session, "4014") == {401406: 30, 401410: 15}
