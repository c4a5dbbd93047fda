"""E-mail of notices: each user's choice per kind, the outbox and its delivery log; a job may wait until a
time (`job.not_before`, an e-mail's next attempt).

Revision ID: 2026_12_04_email
Revises: 2026_12_04_swaps
Create Date: 2026-12-04 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_email"
down_revision = "2026_12_04_swaps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "email_preference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("by_email", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_email_preference_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_preference")),
        sa.UniqueConstraint("user_id", "kind", name=op.f("uq_email_preference_user_id")),
    )
    op.create_table(
        "outbox_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("inbox_notice_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["inbox_notice_id"],
            ["inbox_notice.id"],
            name=op.f("fk_outbox_email_inbox_notice_id_inbox_notice"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_outbox_email_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_email")),
        sa.UniqueConstraint("inbox_notice_id", name=op.f("uq_outbox_email_inbox_notice_id")),
    )
    with op.batch_alter_table("outbox_email", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_email_status_next_attempt_at", ["status", "next_attempt_at"])
        batch_op.create_index(batch_op.f("ix_outbox_email_user_id"), ["user_id"])
    op.create_table(
        "email_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("reply", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["email_id"], ["outbox_email.id"], name=op.f("fk_email_attempt_email_id_outbox_email")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_attempt")),
    )
    with op.batch_alter_table("email_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_email_attempt_email_id"), ["email_id"])
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("not_before", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_column("not_before")
    op.drop_table("email_attempt")
    op.drop_table("outbox_email")
    op.drop_table("email_preference")
