"""Legevakt and nødnett schemes, participants, local parameters and exemptions.

Revision ID: 2026_11_22_legevakt
Revises: 2026_11_22_payments
Create Date: 2026-11-22 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_legevakt"
down_revision = "2026_11_22_payments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "legevakt_scheme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_legevakt_scheme_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_scheme")),
        sa.UniqueConstraint("municipality_number", "code", name="uq_legevakt_scheme_code"),
    )
    with op.batch_alter_table("legevakt_scheme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_legevakt_scheme_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "local_parameter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_local_parameter_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_parameter")),
        sa.UniqueConstraint("municipality_number", "name", "since", name="uq_local_parameter_since"),
    )
    with op.batch_alter_table("local_parameter", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_local_parameter_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "doctor_course",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("course", sa.String(length=30), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_doctor_course_doctor_id_doctor")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doctor_course")),
        sa.UniqueConstraint("doctor_id", "course", name="uq_doctor_course_course"),
    )
    with op.batch_alter_table("doctor_course", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_doctor_course_doctor_id"), ["doctor_id"], unique=False)

    op.create_table(
        "exemption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("ground", sa.String(length=20), nullable=False),
        sa.Column("extent", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("child_birth_date", sa.Date(), nullable=True),
        sa.Column("application_text", sa.Text(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("applied_by", sa.String(length=254), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("granted_start", sa.Date(), nullable=True),
        sa.Column("granted_end", sa.Date(), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("weighing", sa.Text(), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=254), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_exemption_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_exemption_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"], ["legevakt_scheme.id"], name=op.f("fk_exemption_scheme_id_legevakt_scheme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemption")),
    )
    with op.batch_alter_table("exemption", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exemption_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_exemption_municipality_number"), ["municipality_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_exemption_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "legevakt_bakvakt_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_legevakt_bakvakt_day_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["legevakt_scheme.id"],
            name=op.f("fk_legevakt_bakvakt_day_scheme_id_legevakt_scheme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_bakvakt_day")),
        sa.UniqueConstraint("scheme_id", "day", name="uq_legevakt_bakvakt_day_day"),
    )
    with op.batch_alter_table("legevakt_bakvakt_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legevakt_bakvakt_day_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "legevakt_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("participation_percentage", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_legevakt_participant_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_legevakt_participant_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["legevakt_scheme.id"],
            name=op.f("fk_legevakt_participant_scheme_id_legevakt_scheme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_participant")),
        sa.UniqueConstraint("scheme_id", "doctor_id", "start_date", name="uq_legevakt_participant_start"),
    )
    with op.batch_alter_table("legevakt_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legevakt_participant_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_legevakt_participant_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "legevakt_scheme_partner",
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_legevakt_scheme_partner_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["legevakt_scheme.id"],
            name=op.f("fk_legevakt_scheme_partner_scheme_id_legevakt_scheme"),
        ),
        sa.PrimaryKeyConstraint("scheme_id", "municipality_number", name=op.f("pk_legevakt_scheme_partner")),
    )
    op.create_table(
        "legevakt_shift_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("day_kind", sa.String(length=10), nullable=False),
        sa.Column("is_night", sa.Boolean(), nullable=False),
        sa.Column("is_alternative", sa.Boolean(), nullable=False),
        sa.Column("has_bakvakt", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["legevakt_scheme.id"],
            name=op.f("fk_legevakt_shift_template_scheme_id_legevakt_scheme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_shift_template")),
        sa.UniqueConstraint("scheme_id", "code", name="uq_legevakt_shift_template_code"),
    )
    with op.batch_alter_table("legevakt_shift_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legevakt_shift_template_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "legevakt_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("day_kind", sa.String(length=10), nullable=False),
        sa.Column("every_nth", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["scheme_id"], ["legevakt_scheme.id"], name=op.f("fk_legevakt_target_scheme_id_legevakt_scheme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_target")),
    )
    with op.batch_alter_table("legevakt_target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legevakt_target_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "nodnett_office_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_nodnett_office_day_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["legevakt_scheme.id"],
            name=op.f("fk_nodnett_office_day_scheme_id_legevakt_scheme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nodnett_office_day")),
        sa.UniqueConstraint("scheme_id", "weekday", name="uq_nodnett_office_day_weekday"),
    )
    with op.batch_alter_table("nodnett_office_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_nodnett_office_day_scheme_id"), ["scheme_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("nodnett_office_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nodnett_office_day_scheme_id"))

    op.drop_table("nodnett_office_day")
    with op.batch_alter_table("legevakt_target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legevakt_target_scheme_id"))

    op.drop_table("legevakt_target")
    with op.batch_alter_table("legevakt_shift_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legevakt_shift_template_scheme_id"))

    op.drop_table("legevakt_shift_template")
    op.drop_table("legevakt_scheme_partner")
    with op.batch_alter_table("legevakt_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legevakt_participant_scheme_id"))
        batch_op.drop_index(batch_op.f("ix_legevakt_participant_doctor_id"))

    op.drop_table("legevakt_participant")
    with op.batch_alter_table("legevakt_bakvakt_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legevakt_bakvakt_day_scheme_id"))

    op.drop_table("legevakt_bakvakt_day")
    with op.batch_alter_table("exemption", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemption_scheme_id"))
        batch_op.drop_index(batch_op.f("ix_exemption_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_exemption_doctor_id"))

    op.drop_table("exemption")
    with op.batch_alter_table("doctor_course", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_doctor_course_doctor_id"))

    op.drop_table("doctor_course")
    with op.batch_alter_table("local_parameter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_local_parameter_municipality_number"))

    op.drop_table("local_parameter")
    with op.batch_alter_table("legevakt_scheme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legevakt_scheme_municipality_number"))

    op.drop_table("legevakt_scheme")
