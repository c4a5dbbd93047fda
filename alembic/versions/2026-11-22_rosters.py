"""Rosters: solve jobs, roster versions and assignments, vacancies and volunteers.

Revision ID: 2026_11_22_rosters
Revises: 2026_11_22_legevakt
Create Date: 2026-11-22 12:00:01
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_rosters"
down_revision = "2026_11_22_legevakt"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("previous_roster_id", sa.Integer(), nullable=True),
        sa.Column("problem", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("time_limit", sa.Float(), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("objective", sa.Float(), nullable=True),
        sa.Column("bound", sa.Float(), nullable=True),
        sa.Column("solutions_found", sa.Integer(), nullable=False),
        sa.Column("best_assignments", sa.JSON(), nullable=True),
        sa.Column("message", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("progress_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_roster_job_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"], ["legevakt_scheme.id"], name=op.f("fk_roster_job_scheme_id_legevakt_scheme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_job")),
    )
    with op.batch_alter_table("roster_job", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roster_job_municipality_number"), ["municipality_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_roster_job_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "legevakt_roster",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("objective", sa.Float(), nullable=True),
        sa.Column("bound", sa.Float(), nullable=True),
        sa.Column("is_optimal", sa.Boolean(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"], ["roster_job.id"], name=op.f("fk_legevakt_roster_job_id_roster_job")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_legevakt_roster_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["legevakt_roster.id"],
            name=op.f("fk_legevakt_roster_previous_id_legevakt_roster"),
        ),
        sa.ForeignKeyConstraint(
            ["scheme_id"], ["legevakt_scheme.id"], name=op.f("fk_legevakt_roster_scheme_id_legevakt_scheme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legevakt_roster")),
        sa.UniqueConstraint("scheme_id", "start_date", "version", name="uq_legevakt_roster_version"),
    )
    with op.batch_alter_table("legevakt_roster", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legevakt_roster_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_legevakt_roster_municipality_number"), ["municipality_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_legevakt_roster_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "roster_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("roster_id", sa.Integer(), nullable=False),
        sa.Column("shift_key", sa.String(length=80), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("template", sa.String(length=30), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("is_night", sa.Boolean(), nullable=False),
        sa.Column("shift_date", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("was_vacant", sa.Boolean(), nullable=False),
        sa.Column("filled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("filled_by", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_roster_assignment_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["roster_id"], ["legevakt_roster.id"], name=op.f("fk_roster_assignment_roster_id_legevakt_roster")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_assignment")),
    )
    with op.batch_alter_table("roster_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_roster_assignment_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_roster_assignment_roster_id"), ["roster_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_roster_assignment_shift_date"), ["shift_date"], unique=False)

    op.create_table(
        "vacancy_volunteer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["roster_assignment.id"],
            name=op.f("fk_vacancy_volunteer_assignment_id_roster_assignment"),
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_vacancy_volunteer_doctor_id_doctor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vacancy_volunteer")),
        sa.UniqueConstraint("assignment_id", "doctor_id", name="uq_vacancy_volunteer_doctor"),
    )
    with op.batch_alter_table("vacancy_volunteer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vacancy_volunteer_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vacancy_volunteer_doctor_id"), ["doctor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vacancy_volunteer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vacancy_volunteer_doctor_id"))
        batch_op.drop_index(batch_op.f("ix_vacancy_volunteer_assignment_id"))

    op.drop_table("vacancy_volunteer")
    with op.batch_alter_table("roster_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roster_assignment_shift_date"))
        batch_op.drop_index(batch_op.f("ix_roster_assignment_roster_id"))
        batch_op.drop_index(batch_op.f("ix_roster_assignment_doctor_id"))

    op.drop_table("roster_assignment")
    with op.batch_alter_table("legevakt_roster", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legevakt_roster_scheme_id"))
        batch_op.drop_index(batch_op.f("ix_legevakt_roster_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_legevakt_roster_job_id"))

    op.drop_table("legevakt_roster")
    with op.batch_alter_table("roster_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roster_job_scheme_id"))
        batch_op.drop_index(batch_op.f("ix_roster_job_municipality_number"))

    op.drop_table("roster_job")
