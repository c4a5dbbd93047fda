"""Enkeltvedtak and their letters (DEC-REASONS, DEC-NOTIFY), appeals (DEC-APPEAL), and the counter that
gives each municipality's decisions a case number per year.

Revision ID: 2026_12_04_decisions
Revises: 2026_12_04_email
Create Date: 2026-12-04 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_decisions"
down_revision = "2026_12_04_email"
branch_labels = None
depends_on = None


def _decision() -> None:
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("case_entity", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_link", sa.String(length=300), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("party_name", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("weighing", sa.Text(), nullable=False),
        sa.Column("health_data", sa.Boolean(), nullable=False),
        sa.Column("deciding_body", sa.String(length=200), nullable=False),
        sa.Column("appeal_body", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=254), nullable=False),
        sa.Column("reached_on", sa.Date(), nullable=False),
        sa.Column("appeal_deadline", sa.Date(), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_decision_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_decision_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"], ["decision.id"], name=op.f("fk_decision_replaces_id_decision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint(
            "municipality_number", "case_number", name="uq_decision_municipality_case_number"
        ),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_doctor_id"), ["doctor_id"])
        batch_op.create_index(batch_op.f("ix_decision_municipality_number"), ["municipality_number"])


def _appeal() -> None:
    op.create_table(
        "decision_appeal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.String(length=254), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("handled_on", sa.Date(), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.String(length=254), nullable=True),
        sa.Column("handling_text", sa.Text(), nullable=False),
        sa.Column("new_decision_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_decision_appeal_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["new_decision_id"], ["decision.id"], name=op.f("fk_decision_appeal_new_decision_id_decision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_appeal")),
    )
    with op.batch_alter_table("decision_appeal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_appeal_decision_id"), ["decision_id"])


def upgrade() -> None:
    _decision()
    _appeal()
    op.create_table(
        "decision_counter",
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_decision_counter_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("municipality_number", "year", name=op.f("pk_decision_counter")),
    )


def downgrade() -> None:
    op.drop_table("decision_counter")
    op.drop_table("decision_appeal")
    op.drop_table("decision")
