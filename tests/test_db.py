"""The column types of db.py behave the same on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError

from legetjeneste.dates import OSLO
from legetjeneste.notices.models import Notice
from tests.support import import_demo

# 23:42 in Oslo on 3 December is 22:42 UTC (winter time, UTC+1).
OSLO_EVENING = datetime(2026, 12, 3, 23, 42, 14, 130622, tzinfo=OSLO)


def _notice(created_at: datetime) -> Notice:
    return Notice(
        municipality_number="1824", created_at=created_at, rule_id="X", citation="Y", message="Z", link=""
    )


def test_a_timestamp_comes_back_as_the_same_instant_aware_in_utc(session):
    import_demo(session)
    with session.begin():
        session.add(notice := _notice(OSLO_EVENING))
    session.expunge_all()
    with session.begin():
        stored = session.get(Notice, notice.id)
        assert stored is not None
        assert stored.created_at == OSLO_EVENING
        assert stored.created_at.utcoffset() is not None and stored.created_at.tzinfo == UTC
        assert stored.created_at.isoformat() == "2026-12-03T22:42:14.130622+00:00"


def test_a_timestamp_holds_utc_as_soon_as_it_is_set_so_a_fresh_object_answers_like_a_stored_one():
    notice = _notice(OSLO_EVENING)
    assert notice.created_at.tzinfo == UTC and notice.created_at == OSLO_EVENING


def test_a_timestamp_without_a_zone_is_refused(session):
    import_demo(session)
    with pytest.raises(StatementError, match="aware datetime"), session.begin():
        session.add(_notice(datetime(2026, 12, 3, 23, 42)))
        session.flush()


def test_sqlite_keeps_the_utc_wall_clock_so_text_order_is_time_order(session):
    if session.get_bind().dialect.name != "sqlite":
        return
    import_demo(session)
    with session.begin():
        session.add(_notice(OSLO_EVENING))
    stored = session.execute(text("SELECT created_at FROM notice")).scalar()
    assert stored == "2026-12-03 22:42:14.130622"
