"""Absences and their cover, the GP panel settings, notices to the municipality, users tied to an office.

Revision ID: 2026_11_22_absence
Revises: 2026_11_22_register
Create Date: 2026-11-22 18:56:48.375918
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_absence"
down_revision = "2026_11_22_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=False),
        sa.Column("citation", sa.String(length=100), nullable=False),
        sa.Column("message", sa.String(length=1000), nullable=False),
        sa.Column("link", sa.String(length=200), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_notice_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notice_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "office_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_office_notice_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_notice")),
    )
    with op.batch_alter_table("office_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_office_notice_office_id"), ["office_id"], unique=False)

    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("ground", sa.String(length=30), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("cover", sa.String(length=20), nullable=False),
        sa.Column("vikar_doctor_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_absence_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_absence_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_absence_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["vikar_doctor_id"], ["doctor.id"], name=op.f("fk_absence_vikar_doctor_id_doctor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence")),
    )
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_absence_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_absence_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "absence_assistant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("colleague_doctor_id", sa.Integer(), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_absence_assistant_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["colleague_doctor_id"],
            ["doctor.id"],
            name=op.f("fk_absence_assistant_colleague_doctor_id_doctor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_assistant")),
    )
    with op.batch_alter_table("absence_assistant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_assistant_agreement_id"), ["agreement_id"], unique=False)

    op.create_table(
        "digital_services",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("offers_digital_services", sa.Boolean(), nullable=False),
        sa.Column("booking", sa.Boolean(), nullable=False),
        sa.Column("e_consultation", sa.Boolean(), nullable=False),
        sa.Column("prescription_renewal", sa.Boolean(), nullable=False),
        sa.Column("e_contact", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_digital_services_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("agreement_id", name=op.f("pk_digital_services")),
    )
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("office_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_user_account_office_id_office"), "office", ["office_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_user_account_office_id_office"), type_="foreignkey")
        batch_op.drop_column("office_id")

    op.drop_table("digital_services")
    with op.batch_alter_table("absence_assistant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_assistant_agreement_id"))

    op.drop_table("absence_assistant")
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_absence_doctor_id"))
        batch_op.drop_index(batch_op.f("ix_absence_agreement_id"))

    op.drop_table("absence")
    with op.batch_alter_table("office_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_office_notice_office_id"))

    op.drop_table("office_notice")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_municipality_number"))

    op.drop_table("notice")
