"""The plan for legetjenesten, the municipality's statistics and quality indicators, population figures.

Revision ID: 2026_12_04_planning
Revises: 2026_12_04_threats
Create Date: 2026-12-04 07:31:29.936464
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_planning"
down_revision = "2026_12_04_threats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column(
            "stated_yearly_total", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=True
        ),
        sa.Column(
            "stated_one_off_total", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=True
        ),
        sa.Column("stated_total_text", sa.Text(), nullable=False),
        sa.Column("revision_due", sa.Date(), nullable=True),
        sa.Column("revision_owner", sa.String(length=200), nullable=False),
        sa.Column("target_list_length", sa.Integer(), nullable=True),
        sa.Column("su_statement", sa.Text(), nullable=False),
        sa.Column("su_statement_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_plan_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("municipality_number", "code", name=op.f("uq_plan_municipality_number")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "population_figure",
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("age_band", sa.String(length=10), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("projected", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_population_figure_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("municipality_number", "year", "age_band", name=op.f("pk_population_figure")),
    )
    op.create_table(
        "quality_indicator",
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_quality_indicator_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint(
            "municipality_number", "year", "indicator", name=op.f("pk_quality_indicator")
        ),
    )
    op.create_table(
        "statistics_year",
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("inhabitants", sa.Integer(), nullable=True),
        sa.Column("legevakt_contacts", sa.Integer(), nullable=True),
        sa.Column("legevakt_target", sa.Numeric(6, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("gp_consultations", sa.Integer(), nullable=True),
        sa.Column("legevakt_cost", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("service_budget", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("legevakt_shifts", sa.Integer(), nullable=True),
        sa.Column("vacant_shifts", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_statistics_year_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("municipality_number", "year", name=op.f("pk_statistics_year")),
    )
    op.create_table(
        "fee_code_count",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_fee_code_count_office_id_office")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", "code", name=op.f("pk_fee_code_count")),
    )
    op.create_table(
        "office_quality_indicator",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Numeric(12, 2).with_variant(sa.String(40), "sqlite"), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_office_quality_indicator_office_id_office")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", "indicator", name=op.f("pk_office_quality_indicator")),
    )
    op.create_table(
        "plan_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_goal_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goal")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_plan_goal_plan_id")),
    )
    with op.batch_alter_table("plan_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_goal_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_linked",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("revision_due", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_linked_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_linked")),
    )
    with op.batch_alter_table("plan_linked", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_linked_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_mandate_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("goal_numbers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_mandate_area_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_mandate_area")),
    )
    with op.batch_alter_table("plan_mandate_area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_mandate_area_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(length=254), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_version_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_version")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_plan_version_plan_id")),
    )
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_version_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_need",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("letter", sa.String(length=3), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("chapter", sa.String(length=20), nullable=False),
        sa.Column("mandate_area_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["mandate_area_id"],
            ["plan_mandate_area.id"],
            name=op.f("fk_plan_need_mandate_area_id_plan_mandate_area"),
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_need_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_need")),
        sa.UniqueConstraint("plan_id", "letter", name=op.f("uq_plan_need_plan_id")),
    )
    with op.batch_alter_table("plan_need", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_need_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("last_year", sa.Integer(), nullable=True),
        sa.Column("period_text", sa.String(length=100), nullable=False),
        sa.Column("yearly_cost", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("one_off_cost", sa.Numeric(14, 2).with_variant(sa.String(40), "sqlite"), nullable=True),
        sa.Column("cost_text", sa.Text(), nullable=False),
        sa.Column("social_costs_included", sa.Boolean(), nullable=True),
        sa.Column("funding", sa.String(length=30), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("concerns_gps", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"], ["plan_need.id"], name=op.f("fk_plan_measure_need_id_plan_need")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_measure")),
    )
    with op.batch_alter_table("plan_measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_measure_need_id"), ["need_id"], unique=False)

    op.create_table(
        "plan_measure_priority",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=30), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["plan_measure.id"], name=op.f("fk_plan_measure_priority_measure_id_plan_measure")
        ),
        sa.PrimaryKeyConstraint("measure_id", "series", name=op.f("pk_plan_measure_priority")),
    )


def downgrade() -> None:
    op.drop_table("plan_measure_priority")
    with op.batch_alter_table("plan_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_measure_need_id"))

    op.drop_table("plan_measure")
    with op.batch_alter_table("plan_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_need_plan_id"))

    op.drop_table("plan_need")
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_version_plan_id"))

    op.drop_table("plan_version")
    with op.batch_alter_table("plan_mandate_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_mandate_area_plan_id"))

    op.drop_table("plan_mandate_area")
    with op.batch_alter_table("plan_linked", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_linked_plan_id"))

    op.drop_table("plan_linked")
    with op.batch_alter_table("plan_goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_goal_plan_id"))

    op.drop_table("plan_goal")
    op.drop_table("office_quality_indicator")
    op.drop_table("fee_code_count")
    op.drop_table("statistics_year")
    op.drop_table("quality_indicator")
    op.drop_table("population_figure")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_municipality_number"))

    op.drop_table("plan")
