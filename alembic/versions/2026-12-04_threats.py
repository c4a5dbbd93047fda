"""Threat cases (ASA 4310 Vedlegg II): the case with its decision, deadline and move, and its measures.

Revision ID: 2026_12_04_threats
Revises: 2026_12_04_citizen_portal
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_threats"
down_revision = "2026_12_04_citizen_portal"
branch_labels = None
depends_on = None


def _fk(column: str, target: str) -> sa.ForeignKeyConstraint:
    table = target.partition(".")[0]
    return sa.ForeignKeyConstraint([column], [target], name=op.f(f"fk_threat_case_{column}_{table}"))


def upgrade() -> None:
    op.create_table(
        "threat_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=254), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("demanded_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("target_agreement_id", sa.Integer(), nullable=True),
        sa.Column("moved_on", sa.Date(), nullable=True),
        sa.Column("moved_how", sa.String(length=10), nullable=True),
        sa.Column("new_agreement_id", sa.Integer(), nullable=True),
        sa.Column("new_doctor_id", sa.Integer(), nullable=True),
        sa.Column("contacted_on", sa.Date(), nullable=True),
        sa.Column("agreed_measures", sa.Text(), nullable=False),
        sa.Column("patient_told", sa.Text(), nullable=False),
        sa.Column("alternative", sa.String(length=12), nullable=True),
        sa.Column("alternative_note", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by", sa.String(length=254), nullable=True),
        _fk("municipality_number", "municipality.number"),
        _fk("citizen_id", "citizen.id"),
        _fk("agreement_id", "agreement.id"),
        _fk("doctor_id", "doctor.id"),
        _fk("office_id", "office.id"),
        _fk("decision_id", "decision.id"),
        _fk("target_agreement_id", "agreement.id"),
        _fk("new_agreement_id", "agreement.id"),
        _fk("new_doctor_id", "doctor.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threat_case")),
    )
    for column in ("municipality_number", "citizen_id", "doctor_id", "office_id", "new_doctor_id"):
        op.create_index(op.f(f"ix_threat_case_{column}"), "threat_case", [column])
    op.create_table(
        "threat_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=254), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["threat_case.id"], name=op.f("fk_threat_measure_case_id_threat_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threat_measure")),
        sa.UniqueConstraint("case_id", "code", name="uq_threat_measure_code"),
    )


def downgrade() -> None:
    op.drop_table("threat_measure")
    for column in ("municipality_number", "citizen_id", "doctor_id", "office_id", "new_doctor_id"):
        op.drop_index(op.f(f"ix_threat_case_{column}"), table_name="threat_case")
    op.drop_table("threat_case")
