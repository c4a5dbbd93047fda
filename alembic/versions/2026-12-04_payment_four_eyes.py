"""PAY-FOUR-EYES: a municipality's setting that the person who approves a payment run may not be the one
who computed it last (on unless switched off).

Revision ID: 2026_12_04_payment_four_eyes
Revises: 2026_12_04_committees
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_payment_four_eyes"
down_revision = "2026_12_04_committees"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_setting",
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("four_eyes", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_payment_setting_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("municipality_number", name=op.f("pk_payment_setting")),
    )


def downgrade() -> None:
    op.drop_table("payment_setting")
