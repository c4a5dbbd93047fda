"""Swaps of shifts on published rosters (LV-SWAP), and the scheme's setting to approve them automatically.

Revision ID: 2026_12_04_swaps
Revises: 2026_12_04_wishes
Create Date: 2026-12-04 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_swaps"
down_revision = "2026_12_04_wishes"
branch_labels = None
depends_on = None

INDEXED = ("municipality_number", "scheme_id", "status", "shift_id", "their_shift_id")


def upgrade() -> None:
    with op.batch_alter_table("legevakt_scheme", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("swaps_approve_automatically", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "legevakt_swap",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("their_shift_id", sa.Integer(), nullable=True),
        sa.Column("from_doctor_id", sa.Integer(), nullable=False),
        sa.Column("to_doctor_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("new_roster_id", sa.Integer(), nullable=True),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("proposed_by", sa.String(length=254), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_legevakt_swap_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"], ["legevakt_scheme.id"], name=op.f("fk_legevakt_swap_scheme_id_legevakt_scheme")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["roster_assignment.id"], name=op.f("fk_legevakt_swap_shift_id_roster_assignment")
        ),
        sa.ForeignKeyConstraint(
            ["their_shift_id"],
            ["roster_assignment.id"],
            name=op.f("fk_legevakt_swap_their_shift_id_roster_assignment"),
        ),
        sa.ForeignKeyConstraint(
            ["from_doctor_id"], ["doctor.id"], name=op.f("fk_legevakt_swap_from_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["to_doctor_id"], ["doctor.id"], name=op.f("fk_legevakt_swap_to_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["new_roster_id"],
            ["legevakt_roster.id"],
            name=op.f("fk_legevakt_swap_new_roster_id_legevakt_roster"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_swap")),
    )
    with op.batch_alter_table("legevakt_swap", schema=None) as batch_op:
        for column in (*INDEXED, "from_doctor_id", "to_doctor_id"):
            batch_op.create_index(batch_op.f(f"ix_legevakt_swap_{column}"), [column])


def downgrade() -> None:
    op.drop_table("legevakt_swap")
    with op.batch_alter_table("legevakt_scheme", schema=None) as batch_op:
        batch_op.drop_column("swaps_approve_automatically")
