"""Life-cycle cases of agreements: cases, their dated steps and their clocks (AGR-*).

Revision ID: 2026_11_22_lifecycle
Revises: 2026_11_22_user_doctor
Create Date: 2026-11-22 21:26:28.733640
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_lifecycle"
down_revision = "2026_11_22_user_doctor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lifecycle_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_lifecycle_case_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_lifecycle_case_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_lifecycle_case_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lifecycle_case")),
    )
    with op.batch_alter_table("lifecycle_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lifecycle_case_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lifecycle_case_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lifecycle_case_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "lifecycle_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("step_date", sa.Date(), nullable=False),
        sa.Column("text", sa.String(length=4000), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["lifecycle_case.id"], name=op.f("fk_lifecycle_step_case_id_lifecycle_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lifecycle_step")),
    )
    with op.batch_alter_table("lifecycle_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lifecycle_step_case_id"), ["case_id"], unique=False)

    op.create_table(
        "lifecycle_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=False),
        sa.Column("citation", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("responsible", sa.String(length=30), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by_step_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["lifecycle_case.id"], name=op.f("fk_lifecycle_clock_case_id_lifecycle_case")
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_step_id"],
            ["lifecycle_step.id"],
            name=op.f("fk_lifecycle_clock_closed_by_step_id_lifecycle_step"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_lifecycle_clock_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lifecycle_clock")),
    )
    with op.batch_alter_table("lifecycle_clock", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lifecycle_clock_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lifecycle_clock_due_date"), ["due_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lifecycle_clock_municipality_number"), ["municipality_number"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("lifecycle_clock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lifecycle_clock_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_lifecycle_clock_due_date"))
        batch_op.drop_index(batch_op.f("ix_lifecycle_clock_case_id"))

    op.drop_table("lifecycle_clock")
    with op.batch_alter_table("lifecycle_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lifecycle_step_case_id"))

    op.drop_table("lifecycle_step")
    with op.batch_alter_table("lifecycle_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lifecycle_case_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_lifecycle_case_doctor_id"))
        batch_op.drop_index(batch_op.f("ix_lifecycle_case_agreement_id"))

    op.drop_table("lifecycle_case")
