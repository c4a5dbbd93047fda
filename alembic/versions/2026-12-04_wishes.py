"""LV-WISH: participants' wishes for a scheme's coming rosters, and the scheme's number of wishes a month.

Revision ID: 2026_12_04_wishes
Revises: 2026_12_04_deadline_reminders
Create Date: 2026-12-04 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_wishes"
down_revision = "2026_12_04_deadline_reminders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("legevakt_scheme", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_wishes_per_month", sa.Integer(), nullable=True))
    op.create_table(
        "legevakt_wish",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=3), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_legevakt_wish_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["scheme_id"], ["legevakt_scheme.id"], name=op.f("fk_legevakt_wish_scheme_id_legevakt_scheme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_wish")),
        sa.UniqueConstraint("scheme_id", "doctor_id", "day", name="uq_legevakt_wish_day"),
    )
    with op.batch_alter_table("legevakt_wish", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legevakt_wish_doctor_id"), ["doctor_id"])
        batch_op.create_index(batch_op.f("ix_legevakt_wish_scheme_id"), ["scheme_id"])


def downgrade() -> None:
    op.drop_table("legevakt_wish")
    with op.batch_alter_table("legevakt_scheme", schema=None) as batch_op:
        batch_op.drop_column("max_wishes_per_month")
