"""The citizen register: citizens, their parents, memberships of lists over time, waiting lists.

Revision ID: 2026_12_04_citizens
Revises: 2026_12_04_decisions
Create Date: 2026-12-04 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_citizens"
down_revision = "2026_12_04_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citizen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("national_id", sa.String(length=11), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=6), nullable=False),
        sa.Column("home_municipality_number", sa.String(length=4), nullable=False),
        sa.Column("resident_since", sa.Date(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["home_municipality_number"],
            ["municipality.number"],
            name=op.f("fk_citizen_home_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen")),
        sa.UniqueConstraint("national_id", name=op.f("uq_citizen_national_id")),
    )
    op.create_index(op.f("ix_citizen_home_municipality_number"), "citizen", ["home_municipality_number"])
    op.create_table(
        "citizen_parent",
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["citizen.id"], name=op.f("fk_citizen_parent_child_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["citizen.id"], name=op.f("fk_citizen_parent_parent_id_citizen")
        ),
        sa.PrimaryKeyConstraint("child_id", "parent_id", name=op.f("pk_citizen_parent")),
    )
    op.create_index(op.f("ix_citizen_parent_parent_id"), "citizen_parent", ["parent_id"])
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("begin_reason", sa.String(length=20), nullable=False),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("cause", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_membership_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_membership_citizen_id_citizen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    op.create_index(
        "ix_membership_agreement_period", "membership", ["agreement_id", "start_date", "end_date"]
    )
    op.create_index("ix_membership_citizen_start", "membership", ["citizen_id", "start_date"])
    op.create_table(
        "waiting_list_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("position_hint", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_waiting_list_entry_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_waiting_list_entry_citizen_id_citizen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waiting_list_entry")),
        sa.UniqueConstraint("citizen_id", name=op.f("uq_waiting_list_entry_citizen_id")),
    )
    op.create_index(op.f("ix_waiting_list_entry_agreement_id"), "waiting_list_entry", ["agreement_id"])


def downgrade() -> None:
    op.drop_table("waiting_list_entry")
    op.drop_table("membership")
    op.drop_table("citizen_parent")
    op.drop_table("citizen")
