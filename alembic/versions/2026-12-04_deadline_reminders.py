"""Deadline reminders: that a GP was told about a deadline (a clock at its due date), once.

Revision ID: 2026_12_04_deadline_reminders
Revises: 2026_12_04_inbox
Create Date: 2026-12-04 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_deadline_reminders"
down_revision = "2026_12_04_inbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lifecycle_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clock_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("told_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notices", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clock_id"],
            ["lifecycle_clock.id"],
            name=op.f("fk_lifecycle_reminder_clock_id_lifecycle_clock"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_lifecycle_reminder_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lifecycle_reminder")),
        sa.UniqueConstraint("clock_id", "due_date", name="uq_lifecycle_reminder_clock_due"),
    )
    with op.batch_alter_table("lifecycle_reminder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lifecycle_reminder_clock_id"), ["clock_id"])
        batch_op.create_index(
            batch_op.f("ix_lifecycle_reminder_municipality_number"), ["municipality_number"]
        )


def downgrade() -> None:
    op.drop_table("lifecycle_reminder")
