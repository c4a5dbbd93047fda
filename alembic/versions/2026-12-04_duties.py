"""Other municipal GP work: duty profiles, tasks, assignments and orders; tilsyn institutions, units, norms,
plan versions with their hours, substitutes and vikar budgets; LIS1/ALIS supervision agreements.

Revision ID: 2026_12_04_duties
Revises: 2026_12_04_citizen_runs
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_duties"
down_revision = "2026_12_04_citizen_runs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duty_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("hours_per_week", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("weekdays", sa.JSON(), nullable=False),
        sa.Column("issuer", sa.String(length=20), nullable=False),
        sa.Column("issuer_name", sa.String(length=200), nullable=False),
        sa.Column("pay_form", sa.String(length=10), nullable=False),
        sa.Column("announced_on", sa.Date(), nullable=True),
        sa.Column("informed_on", sa.Date(), nullable=True),
        sa.Column("volunteers", sa.JSON(), nullable=False),
        sa.Column("qualified", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_duty_task_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_task")),
        sa.UniqueConstraint("municipality_number", "code", name="uq_duty_task_code"),
    )
    with op.batch_alter_table("duty_task", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_duty_task_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "tilsyn_institution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_tilsyn_institution_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_institution")),
        sa.UniqueConstraint("municipality_number", "code", name="uq_tilsyn_institution_code"),
    )
    with op.batch_alter_table("tilsyn_institution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tilsyn_institution_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "tilsyn_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("legevakt_hours", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_tilsyn_plan_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_plan")),
        sa.UniqueConstraint("municipality_number", "code", name="uq_tilsyn_plan_code"),
    )
    with op.batch_alter_table("tilsyn_plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tilsyn_plan_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "tilsyn_vikar_budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("spent", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_tilsyn_vikar_budget_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_vikar_budget")),
        sa.UniqueConstraint("municipality_number", "year", name="uq_tilsyn_vikar_budget_year"),
    )
    with op.batch_alter_table("tilsyn_vikar_budget", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tilsyn_vikar_budget_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "duty_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("hours_per_week", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("percentage", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("weekdays", sa.JSON(), nullable=False),
        sa.Column("basis", sa.String(length=10), nullable=False),
        sa.Column("issuer", sa.String(length=20), nullable=False),
        sa.Column("issuer_name", sa.String(length=200), nullable=False),
        sa.Column("pay_form", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_duty_assignment_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_duty_assignment_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["duty_task.id"], name=op.f("fk_duty_assignment_task_id_duty_task")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_assignment")),
    )
    with op.batch_alter_table("duty_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_assignment_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_duty_assignment_municipality_number"), ["municipality_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_duty_assignment_task_id"), ["task_id"], unique=False)

    op.create_table(
        "duty_profile",
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("state_work_hours", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("transition_1984", sa.Boolean(), nullable=False),
        sa.Column("opening_hours", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_duty_profile_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_duty_profile_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("doctor_id", name=op.f("pk_duty_profile")),
    )
    with op.batch_alter_table("duty_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_duty_profile_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "tilsyn_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("bed_type", sa.String(length=20), nullable=False),
        sa.Column("beds", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["tilsyn_institution.id"],
            name=op.f("fk_tilsyn_unit_institution_id_tilsyn_institution"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_unit")),
        sa.UniqueConstraint("institution_id", "code", name="uq_tilsyn_unit_code"),
    )
    with op.batch_alter_table("tilsyn_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tilsyn_unit_institution_id"), ["institution_id"], unique=False)

    op.create_table(
        "duty_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("hours_per_week", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("notified_on", sa.Date(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("proposed_listetak", sa.Integer(), nullable=True),
        sa.Column("warning", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["duty_assignment.id"],
            name=op.f("fk_duty_order_assignment_id_duty_assignment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_duty_order_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], name=op.f("fk_duty_order_doctor_id_doctor")),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_duty_order_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(["task_id"], ["duty_task.id"], name=op.f("fk_duty_order_task_id_duty_task")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_order")),
    )
    with op.batch_alter_table("duty_order", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_order_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_duty_order_municipality_number"), ["municipality_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_duty_order_task_id"), ["task_id"], unique=False)

    op.create_table(
        "tilsyn_norm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["tilsyn_unit.id"], name=op.f("fk_tilsyn_norm_unit_id_tilsyn_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_norm")),
        sa.UniqueConstraint("unit_id", "since", name="uq_tilsyn_norm_since"),
    )
    with op.batch_alter_table("tilsyn_norm", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tilsyn_norm_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "tilsyn_plan_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.String(length=10), nullable=False),
        sa.Column("hours", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("doctor_label", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_tilsyn_plan_hours_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["tilsyn_plan.id"], name=op.f("fk_tilsyn_plan_hours_plan_id_tilsyn_plan")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["tilsyn_unit.id"], name=op.f("fk_tilsyn_plan_hours_unit_id_tilsyn_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_plan_hours")),
    )
    with op.batch_alter_table("tilsyn_plan_hours", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tilsyn_plan_hours_doctor_id"), ["doctor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tilsyn_plan_hours_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tilsyn_plan_hours_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "tilsyn_substitute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_tilsyn_substitute_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["tilsyn_unit.id"], name=op.f("fk_tilsyn_substitute_unit_id_tilsyn_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_substitute")),
        sa.UniqueConstraint("unit_id", "day", name="uq_tilsyn_substitute_day"),
    )
    with op.batch_alter_table("tilsyn_substitute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tilsyn_substitute_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "duty_supervision_agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("trainee_kind", sa.String(length=5), nullable=False),
        sa.Column("trainee_name", sa.String(length=200), nullable=False),
        sa.Column("hours_per_week", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=False),
        sa.Column("renewal", sa.Boolean(), nullable=False),
        sa.Column("notice_on", sa.Date(), nullable=True),
        sa.Column("supervision_until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_duty_supervision_agreement_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_duty_supervision_agreement_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_supervision_agreement")),
    )
    with op.batch_alter_table("duty_supervision_agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_duty_supervision_agreement_doctor_id"), ["doctor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_duty_supervision_agreement_municipality_number"),
            ["municipality_number"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("duty_supervision_agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_supervision_agreement_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_duty_supervision_agreement_doctor_id"))
    op.drop_table("duty_supervision_agreement")
    with op.batch_alter_table("tilsyn_substitute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_substitute_unit_id"))

    op.drop_table("tilsyn_substitute")
    with op.batch_alter_table("tilsyn_plan_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_plan_hours_unit_id"))
        batch_op.drop_index(batch_op.f("ix_tilsyn_plan_hours_plan_id"))
        batch_op.drop_index(batch_op.f("ix_tilsyn_plan_hours_doctor_id"))

    op.drop_table("tilsyn_plan_hours")
    with op.batch_alter_table("tilsyn_norm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_norm_unit_id"))

    op.drop_table("tilsyn_norm")
    with op.batch_alter_table("duty_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_order_task_id"))
        batch_op.drop_index(batch_op.f("ix_duty_order_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_duty_order_doctor_id"))

    op.drop_table("duty_order")
    with op.batch_alter_table("tilsyn_unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_unit_institution_id"))

    op.drop_table("tilsyn_unit")
    with op.batch_alter_table("duty_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_profile_municipality_number"))

    op.drop_table("duty_profile")
    with op.batch_alter_table("duty_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_assignment_task_id"))
        batch_op.drop_index(batch_op.f("ix_duty_assignment_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_duty_assignment_doctor_id"))

    op.drop_table("duty_assignment")
    with op.batch_alter_table("tilsyn_vikar_budget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_vikar_budget_municipality_number"))

    op.drop_table("tilsyn_vikar_budget")
    with op.batch_alter_table("tilsyn_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_plan_municipality_number"))

    op.drop_table("tilsyn_plan")
    with op.batch_alter_table("tilsyn_institution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_institution_municipality_number"))

    op.drop_table("tilsyn_institution")
    with op.batch_alter_table("duty_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duty_task_municipality_number"))

    op.drop_table("duty_task")
