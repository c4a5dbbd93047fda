"""The register, users, the audit log and the national statistics.

Revision ID: 2026_11_22_register
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_register"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY_SQLITE = """
CREATE TRIGGER audit_entry_no_{op} BEFORE {OP} ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END
"""
APPEND_ONLY_POSTGRES_FUNCTION = """
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$
"""
APPEND_ONLY_POSTGRES_TRIGGER = """
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
"""


def upgrade() -> None:
    op.create_table(
        "municipality",
        sa.Column("number", sa.String(4), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_municipality")),
    )
    op.create_table(
        "municipality_population",
        sa.Column("municipality_number", sa.String(4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("inhabitants", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_municipality_population_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("municipality_number", "year", name=op.f("pk_municipality_population")),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(4), nullable=False),
        sa.Column("organisation_number", sa.String(9), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("is_group_practice", sa.Boolean(), nullable=False),
        sa.Column("street_address", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(4), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("is_accessible", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_office_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("organisation_number", name=op.f("uq_office_organisation_number")),
    )
    op.create_index(op.f("ix_office_municipality_number"), "office", ["municipality_number"])
    op.create_table(
        "doctor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(4), nullable=False),
        sa.Column("hpr_number", sa.String(9), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("specialist_status", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_doctor_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doctor")),
        sa.UniqueConstraint("municipality_number", "hpr_number", name="uq_doctor_municipality_hpr"),
    )
    op.create_index(op.f("ix_doctor_municipality_number"), "doctor", ["municipality_number"])
    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("municipality_number", sa.String(4), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("listetak", sa.Integer(), nullable=False),
        sa.Column("list_status", sa.String(10), nullable=False),
        sa.Column("operating_model", sa.String(20), nullable=False),
        sa.Column("fellesliste", sa.Boolean(), nullable=False),
        sa.Column("agreement_date", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(30), nullable=True),
        sa.Column("opening_hours", sa.JSON(), nullable=False),
        sa.Column("phone_hours", sa.JSON(), nullable=False),
        sa.Column("utekontor", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_agreement_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_agreement_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    op.create_index(op.f("ix_agreement_municipality_number"), "agreement", ["municipality_number"])
    op.create_index(op.f("ix_agreement_office_id"), "agreement", ["office_id"])
    op.create_table(
        "doctor_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("vikar_for_doctor_id", sa.Integer(), nullable=True),
        sa.Column("working_percentage", sa.Integer(), nullable=True),
        sa.Column("working_days", sa.JSON(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_doctor_period_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_doctor_period_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["vikar_for_doctor_id"], ["doctor.id"], name=op.f("fk_doctor_period_vikar_for_doctor_id_doctor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doctor_period")),
    )
    op.create_index(op.f("ix_doctor_period_agreement_id"), "doctor_period", ["agreement_id"])
    op.create_index(op.f("ix_doctor_period_doctor_id"), "doctor_period", ["doctor_id"])
    op.create_table(
        "list_count",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("list_length", sa.Integer(), nullable=False),
        sa.Column("waiting_list_count", sa.Integer(), nullable=False),
        sa.Column(
            "pbt_annual_amount", sa.Numeric(12, 2).with_variant(sa.String(40), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_list_count_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("agreement_id", "month", name=op.f("pk_list_count")),
    )
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("municipality_number", sa.String(4), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_user_account_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("email", name=op.f("uq_user_account_email")),
    )
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_api_token_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    op.create_index(op.f("ix_api_token_user_id"), "api_token", ["user_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(254), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_ids", sa.JSON(), nullable=False),
        sa.Column("municipality_number", sa.String(4), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_at"), "audit_entry", ["at"])
    op.create_index(op.f("ix_audit_entry_municipality_number"), "audit_entry", ["municipality_number"])
    _make_audit_append_only()
    op.create_table(
        "national_key_figure",
        sa.Column("municipality_number", sa.String(4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("value", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.PrimaryKeyConstraint("municipality_number", "year", "code", name=op.f("pk_national_key_figure")),
    )


def _make_audit_append_only() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(APPEND_ONLY_SQLITE.format(op="update", OP="UPDATE"))
        op.execute(APPEND_ONLY_SQLITE.format(op="delete", OP="DELETE"))
    else:
        op.execute(APPEND_ONLY_POSTGRES_FUNCTION)
        op.execute(APPEND_ONLY_POSTGRES_TRIGGER)


def downgrade() -> None:
    for table in (
        "national_key_figure",
        "audit_entry",
        "api_token",
        "user_account",
        "list_count",
        "doctor_period",
        "agreement",
        "doctor",
        "office",
        "municipality_population",
        "municipality",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
