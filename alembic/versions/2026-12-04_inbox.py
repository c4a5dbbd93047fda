"""The inbox: a notice to one user.

Revision ID: 2026_12_04_inbox
Revises: 2026_12_04_overlaps
Create Date: 2026-12-04 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_inbox"
down_revision = "2026_12_04_overlaps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=False),
        sa.Column("rule_id", sa.String(length=30), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_inbox_notice_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_inbox_notice_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_notice")),
    )
    with op.batch_alter_table("inbox_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_notice_municipality_number"), ["municipality_number"])
        batch_op.create_index(batch_op.f("ix_inbox_notice_user_id"), ["user_id"])


def downgrade() -> None:
    op.drop_table("inbox_notice")
