"""Overlaps the database refuses on PostgreSQL (docs/adr/0010): a doctor's absences (ABS-TYPES) and a
scheme's published rosters (LV-ALWAYS) never share a day.

Exclusion constraints over (id WITH =, daterange(start, end, '[]') WITH &&), which need btree_gist for the
equality on an integer; SQLite has none and keeps its check inside one write transaction. The upgrade
fails if the database already holds such an overlap (only possible through a race before this revision):
find it with the query in docs/adr/0010 and end one of the two first.

Revision ID: 2026_12_04_overlaps
Revises: 2026_12_04_invariants
Create Date: 2026-12-04 09:00:00
"""

from alembic import op

revision = "2026_12_04_overlaps"
down_revision = "2026_12_04_invariants"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.execute(
        "ALTER TABLE absence ADD CONSTRAINT ex_absence_doctor_period"
        " EXCLUDE USING gist (doctor_id WITH =, daterange(start_date, end_date, '[]') WITH &&)"
    )
    op.execute(
        "ALTER TABLE legevakt_roster ADD CONSTRAINT ex_legevakt_roster_published_period"
        " EXCLUDE USING gist (scheme_id WITH =, daterange(start_date, end_date, '[]') WITH &&)"
        " WHERE (status = 'published')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE legevakt_roster DROP CONSTRAINT IF EXISTS ex_legevakt_roster_published_period")
    op.execute("ALTER TABLE absence DROP CONSTRAINT IF EXISTS ex_absence_doctor_period")
