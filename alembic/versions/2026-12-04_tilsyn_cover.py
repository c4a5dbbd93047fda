"""TILSYN-COVER for every municipal doctor: municipal doctors who are not GPs in the register (the
sykehjemslege, the kommuneoverlege) with their absences; planned tilsyn hours may name one; a named substitute
may stand in for a municipal doctor's function on a day; the vikar budget gets the rate of a vikar week.

Revision ID: 2026_12_04_tilsyn_cover
Revises: 2026_12_04_payment_four_eyes
Create Date: 2026-12-04 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_tilsyn_cover"
down_revision = "2026_12_04_plan_to_su"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(12, 2).with_variant(sa.String(40), "sqlite")


def upgrade() -> None:
    op.create_table(
        "tilsyn_municipal_doctor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_tilsyn_municipal_doctor_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_municipal_doctor")),
        sa.UniqueConstraint("municipality_number", "code", name="uq_tilsyn_municipal_doctor_code"),
    )
    with op.batch_alter_table("tilsyn_municipal_doctor", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tilsyn_municipal_doctor_municipality_number"),
            ["municipality_number"],
            unique=False,
        )
    op.create_table(
        "tilsyn_municipal_absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipal_doctor_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipal_doctor_id"],
            ["tilsyn_municipal_doctor.id"],
            name=op.f("fk_tilsyn_municipal_absence_municipal_doctor_id_tilsyn_municipal_doctor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tilsyn_municipal_absence")),
        sa.UniqueConstraint("municipal_doctor_id", "start_date", name="uq_tilsyn_municipal_absence"),
    )
    with op.batch_alter_table("tilsyn_municipal_absence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tilsyn_municipal_absence_municipal_doctor_id"),
            ["municipal_doctor_id"],
            unique=False,
        )
    with op.batch_alter_table("tilsyn_plan_hours", schema=None) as batch_op:
        batch_op.add_column(sa.Column("municipal_doctor_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_tilsyn_plan_hours_municipal_doctor_id_tilsyn_municipal_doctor"),
            "tilsyn_municipal_doctor",
            ["municipal_doctor_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_tilsyn_plan_hours_municipal_doctor_id"), ["municipal_doctor_id"], unique=False
        )
    with op.batch_alter_table("tilsyn_substitute", schema=None) as batch_op:
        batch_op.alter_column("unit_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("municipal_doctor_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_tilsyn_substitute_municipal_doctor_id_tilsyn_municipal_doctor"),
            "tilsyn_municipal_doctor",
            ["municipal_doctor_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_tilsyn_substitute_municipal_doctor_id"), ["municipal_doctor_id"], unique=False
        )
        batch_op.create_unique_constraint("uq_tilsyn_substitute_standin_day", ["municipal_doctor_id", "day"])
    with op.batch_alter_table("tilsyn_vikar_budget", schema=None) as batch_op:
        batch_op.add_column(sa.Column("week_rate", MONEY, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tilsyn_vikar_budget", schema=None) as batch_op:
        batch_op.drop_column("week_rate")
    op.execute("DELETE FROM tilsyn_substitute WHERE unit_id IS NULL")
    with op.batch_alter_table("tilsyn_substitute", schema=None) as batch_op:
        batch_op.drop_constraint("uq_tilsyn_substitute_standin_day", type_="unique")
        batch_op.drop_index(batch_op.f("ix_tilsyn_substitute_municipal_doctor_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_tilsyn_substitute_municipal_doctor_id_tilsyn_municipal_doctor"), type_="foreignkey"
        )
        batch_op.drop_column("municipal_doctor_id")
        batch_op.alter_column("unit_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("tilsyn_plan_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_plan_hours_municipal_doctor_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_tilsyn_plan_hours_municipal_doctor_id_tilsyn_municipal_doctor"), type_="foreignkey"
        )
        batch_op.drop_column("municipal_doctor_id")
    with op.batch_alter_table("tilsyn_municipal_absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_municipal_absence_municipal_doctor_id"))
    op.drop_table("tilsyn_municipal_absence")
    with op.batch_alter_table("tilsyn_municipal_doctor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tilsyn_municipal_doctor_municipality_number"))
    op.drop_table("tilsyn_municipal_doctor")
