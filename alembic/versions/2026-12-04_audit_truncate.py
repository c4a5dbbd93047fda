"""The audit log refuses TRUNCATE as it refuses UPDATE and DELETE (ADR 0004): a statement-level trigger on
PostgreSQL. SQLite has no TRUNCATE; its DELETE trigger already refuses `DELETE FROM audit_entry`.

Revision ID: 2026_12_04_audit_truncate
Revises: 2026_12_04_timestamps_in_utc
Create Date: 2026-12-04
"""

from alembic import op

revision = "2026_12_04_audit_truncate"
down_revision = "2026_12_04_timestamps_in_utc"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
