"""Basistilskudd runs and lines, hours of municipal work, breach cases, doctors' payment accounts.

Revision ID: 2026_11_22_payments
Revises: 2026_11_22_absence
Create Date: 2026-11-22 20:06:48.285433
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_payments"
down_revision = "2026_11_22_absence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("computed_by", sa.String(length=254), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_payment_run_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_run")),
        sa.UniqueConstraint("municipality_number", "month", name="uq_payment_run_month"),
    )
    with op.batch_alter_table("payment_run", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_run_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "duty_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("hours", sa.Numeric(8, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_duty_hours_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_duty_hours_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_hours")),
        sa.UniqueConstraint("doctor_id", "month", "kind", name="uq_duty_hours_month_kind"),
    )
    with op.batch_alter_table("duty_hours", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_hours_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_duty_hours_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "breach_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notice_date", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("warning_date", sa.Date(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("percentage", sa.Numeric(5, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("reasons", sa.String(length=2000), nullable=True),
        sa.Column("rectified_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_breach_case_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_breach_case_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_breach_case")),
    )
    with op.batch_alter_table("breach_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_breach_case_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_breach_case_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "payment_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("payee_doctor_id", sa.Integer(), nullable=True),
        sa.Column("payee_hpr", sa.String(length=9), nullable=True),
        sa.Column("payee_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("amount", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=False),
        sa.Column("citation", sa.String(length=100), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("calculation", sa.JSON(), nullable=False),
        sa.Column("refers_to_month", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_payment_line_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["payee_doctor_id"], ["doctor.id"], name=op.f("fk_payment_line_payee_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["payment_run.id"], name=op.f("fk_payment_line_run_id_payment_run")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_line")),
    )
    with op.batch_alter_table("payment_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_line_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_line_run_id"), ["run_id"], unique=False)

    op.create_table(
        "breach_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("step_date", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["breach_case.id"], name=op.f("fk_breach_step_case_id_breach_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_breach_step")),
    )
    with op.batch_alter_table("breach_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_breach_step_case_id"), ["case_id"], unique=False)

    with op.batch_alter_table("doctor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payment_account", sa.String(length=11), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("doctor", schema=None) as batch_op:
        batch_op.drop_column("payment_account")

    with op.batch_alter_table("breach_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_breach_step_case_id"))

    op.drop_table("breach_step")
    with op.batch_alter_table("payment_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_line_run_id"))
        batch_op.drop_index(batch_op.f("ix_payment_line_agreement_id"))

    op.drop_table("payment_line")
    with op.batch_alter_table("breach_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_breach_case_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_breach_case_agreement_id"))

    op.drop_table("breach_case")
    with op.batch_alter_table("duty_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_hours_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_duty_hours_doctor_id"))

    op.drop_table("duty_hours")
    with op.batch_alter_table("payment_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_run_municipality_number"))

    op.drop_table("payment_run")
