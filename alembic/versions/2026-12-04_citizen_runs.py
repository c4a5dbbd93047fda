"""The citizen register's runs, letters, distributions (a list reduction's draw) and the municipality's choice
of automatic assignment.

Revision ID: 2026_12_04_citizen_runs
Revises: 2026_12_04_planning
Create Date: 2026-12-04 15:00:00
"""

import sqlalchemy as sa
from alembic import op

import legetjeneste.db

revision = "2026_12_04_citizen_runs"
down_revision = "2026_12_04_planning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citizen_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("started_at", legetjeneste.db.Timestamp(timezone=True), nullable=False),
        sa.Column("finished_at", legetjeneste.db.Timestamp(timezone=True), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_citizen_run_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_run")),
    )
    with op.batch_alter_table("citizen_run", schema=None) as batch_op:
        batch_op.create_index(
            "ix_citizen_run_municipality_kind_day", ["municipality_number", "kind", "day"], unique=False
        )

    op.create_table(
        "citizen_settings",
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("auto_assign", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_citizen_settings_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("municipality_number", name=op.f("pk_citizen_settings")),
    )
    op.create_table(
        "citizen_letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("created_at", legetjeneste.db.Timestamp(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=5), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.String(length=2000), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=False),
        sa.Column("cause", sa.String(length=60), nullable=True),
        sa.Column("sent_at", legetjeneste.db.Timestamp(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_citizen_letter_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_citizen_letter_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_letter")),
    )
    with op.batch_alter_table("citizen_letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citizen_letter_citizen_id"), ["citizen_id"], unique=False)
        batch_op.create_index(
            "ix_citizen_letter_municipality_channel", ["municipality_number", "channel"], unique=False
        )

    op.create_table(
        "citizen_distribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("seed", sa.String(length=40), nullable=True),
        sa.Column("requested", sa.Integer(), nullable=False),
        sa.Column("moved", sa.Integer(), nullable=False),
        sa.Column("families", sa.Integer(), nullable=False),
        sa.Column("created_at", legetjeneste.db.Timestamp(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_citizen_distribution_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_citizen_distribution_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_distribution")),
    )
    with op.batch_alter_table("citizen_distribution", schema=None) as batch_op:
        batch_op.create_index("ix_citizen_distribution_agreement", ["agreement_id", "kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citizen_distribution_municipality_number"), ["municipality_number"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("citizen_distribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citizen_distribution_municipality_number"))
        batch_op.drop_index("ix_citizen_distribution_agreement")

    op.drop_table("citizen_distribution")
    with op.batch_alter_table("citizen_letter", schema=None) as batch_op:
        batch_op.drop_index("ix_citizen_letter_municipality_channel")
        batch_op.drop_index(batch_op.f("ix_citizen_letter_citizen_id"))

    op.drop_table("citizen_letter")
    op.drop_table("citizen_settings")
    with op.batch_alter_table("citizen_run", schema=None) as batch_op:
        batch_op.drop_index("ix_citizen_run_municipality_kind_day")

    op.drop_table("citizen_run")
