"""Timestamps in UTC on SQLite too (db.Timestamp); no change of schema.

SQLite has no time zone: its DATETIME kept the wall clock of the datetime it was given, which was Oslo's
(`now_oslo()`) in every timestamp column but the job table's (UTC). db.Timestamp now stores UTC and reads
it back as UTC, so the Oslo wall-clock times already stored are moved to UTC here. PostgreSQL stored the
instant all along and is left as it is. The audit log is append-only: its trigger is lifted for this one
correction of how its times are written and put back in the same transaction.

Revision ID: 2026_12_04_timestamps_in_utc
Revises: 2026_12_03_jobs
Create Date: 2026-12-04 10:00:00
"""

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_timestamps_in_utc"
down_revision = "2026_12_03_jobs"
branch_labels = None
depends_on = None

OSLO = ZoneInfo("Europe/Oslo")
STORED = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's DATETIME text on SQLite
OSLO_WALL_CLOCK = {
    "audit_entry": ["at"],
    "notice": ["created_at", "acknowledged_at"],
    "payment_run": ["computed_at", "approved_at"],
    "exemption": ["decided_at"],
    "roster_job": ["created_at", "started_at", "progress_at", "finished_at"],
    "user_account": ["created_at"],
    "absence": ["created_at"],
    "api_token": ["created_at"],
    "legevakt_roster": ["created_at", "published_at"],
    "lifecycle_case": ["opened_at"],
    "breach_step": ["recorded_at"],
    "lifecycle_step": ["recorded_at"],
    "roster_assignment": ["filled_at"],
    "vacancy_volunteer": ["registered_at"],
}
NO_UPDATE = "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry\n" + (
    "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
)


def upgrade() -> None:
    _rewrite(lambda stored: _moved(stored, source=OSLO, target=UTC))


def downgrade() -> None:
    _rewrite(lambda stored: _moved(stored, source=UTC, target=OSLO))


def _rewrite(move: Callable[[str], str]) -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    connection.execute(sa.text("DROP TRIGGER IF EXISTS audit_entry_no_update"))
    for table, columns in OSLO_WALL_CLOCK.items():
        for column in columns:
            rows = connection.execute(
                sa.text(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL')
            ).all()
            for rowid, stored in rows:
                connection.execute(
                    sa.text(f'UPDATE "{table}" SET "{column}" = :moved WHERE rowid = :rowid'),
                    {"moved": move(stored), "rowid": rowid},
                )
    connection.execute(sa.text(NO_UPDATE))


def _moved(stored: str, *, source: tzinfo, target: tzinfo) -> str:
    moment = datetime.fromisoformat(stored).replace(tzinfo=source).astimezone(target)
    return moment.replace(tzinfo=None).strftime(STORED)
