"""AGR-OPEN: each list's length kept per agreement and day (docs/adr/0014), filled from the memberships.

Revision ID: 2026_12_04_list_length_kept
Revises: 2026_12_04_payment_four_eyes
Create Date: 2026-12-04 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_list_length_kept"
down_revision = "2026_12_04_tilsyn_cover"
branch_labels = None
depends_on = None

# +1 from a place's first day, -1 from the day after its last; days whose changes cancel are left out.
BACKFILL = """
INSERT INTO list_length_change (agreement_id, day, delta)
SELECT agreement_id, day, SUM(delta) FROM (
    SELECT agreement_id, start_date AS day, 1 AS delta FROM membership
    UNION ALL
    SELECT agreement_id, {day_after_end} AS day, -1 AS delta FROM membership WHERE end_date IS NOT NULL
) AS changes
GROUP BY agreement_id, day
HAVING SUM(delta) <> 0
"""


def upgrade() -> None:
    op.create_table(
        "list_length_change",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_list_length_change_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("agreement_id", "day", name=op.f("pk_list_length_change")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    day_after_end = "end_date + 1" if postgresql else "date(end_date, '+1 day')"
    op.execute(BACKFILL.format(day_after_end=day_after_end))


def downgrade() -> None:
    op.drop_table("list_length_change")
