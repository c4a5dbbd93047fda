"""A doctor user is linked to the doctor it is, so that it can act for itself (volunteer for a vacant shift).

Revision ID: 2026_11_22_user_doctor
Revises: 2026_11_22_rosters
Create Date: 2026-11-22 22:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_11_22_user_doctor"
down_revision = "2026_11_22_rosters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("doctor_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_user_account_doctor_id_doctor"), "doctor", ["doctor_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_user_account_doctor_id_doctor"), type_="foreignkey")
        batch_op.drop_column("doctor_id")
