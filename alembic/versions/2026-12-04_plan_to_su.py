"""PLAN-DUTY: a version of the plan sent to the SU keeps the committee case it went as, and the statement's
text, date and vote when it comes back.

Revision ID: 2026_12_04_plan_to_su
Revises: 2026_12_04_payment_four_eyes
Create Date: 2026-12-04 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_plan_to_su"
down_revision = "2026_12_04_payment_four_eyes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_version") as batch:
        batch.add_column(sa.Column("su_case_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("su_committee", sa.String(length=200), server_default="", nullable=False))
        batch.add_column(sa.Column("su_sent_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("su_statement", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("su_statement_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("su_votes", sa.String(length=20), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("plan_version") as batch:
        columns = ("su_votes", "su_statement_on", "su_statement", "su_sent_on", "su_committee", "su_case_id")
        for column in columns:
            batch.drop_column(column)
