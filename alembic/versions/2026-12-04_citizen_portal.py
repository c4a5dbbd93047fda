"""The citizen's side: the finder's GP profile (gender, languages), alerts when a place opens, a citizen's
user row (user_account.citizen_id), and e-mail to an address that is no user's.

Revision ID: 2026_12_04_citizen_portal
Revises: 2026_12_04_citizens
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_citizen_portal"
down_revision = "2026_12_04_citizens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doctor_profile",
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=6), nullable=True),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_doctor_profile_doctor_id_doctor")
        ),
        sa.PrimaryKeyConstraint("doctor_id", name=op.f("pk_doctor_profile")),
    )
    op.create_table(
        "alert_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=True),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_alert_subscription_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_alert_subscription_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_alert_subscription_municipality_number_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_alert_subscription_office_id_office")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_subscription")),
    )
    op.create_index(op.f("ix_alert_subscription_citizen_id"), "alert_subscription", ["citizen_id"])
    op.create_index(op.f("ix_alert_subscription_email"), "alert_subscription", ["email"])
    op.create_index(
        op.f("ix_alert_subscription_municipality_number"), "alert_subscription", ["municipality_number"]
    )
    op.create_table(
        "list_opening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("open_places", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_list_opening_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_opening")),
    )
    op.create_index(op.f("ix_list_opening_agreement_id"), "list_opening", ["agreement_id"])
    op.create_table(
        "alert_sent",
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("opening_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["opening_id"], ["list_opening.id"], name=op.f("fk_alert_sent_opening_id_list_opening")
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["alert_subscription.id"],
            name=op.f("fk_alert_sent_subscription_id_alert_subscription"),
        ),
        sa.PrimaryKeyConstraint("subscription_id", "opening_id", name=op.f("pk_alert_sent")),
    )
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("citizen_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_user_account_citizen_id_citizen"), "citizen", ["citizen_id"], ["id"]
        )
        batch.create_unique_constraint(op.f("uq_user_account_citizen_id"), ["citizen_id"])
    with op.batch_alter_table("outbox_email") as batch:
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=True)
        batch.alter_column("inbox_notice_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM outbox_email WHERE user_id IS NULL OR inbox_notice_id IS NULL")
    with op.batch_alter_table("outbox_email") as batch:
        batch.alter_column("inbox_notice_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("user_account") as batch:
        batch.drop_constraint(op.f("uq_user_account_citizen_id"), type_="unique")
        batch.drop_constraint(op.f("fk_user_account_citizen_id_citizen"), type_="foreignkey")
        batch.drop_column("citizen_id")
    op.drop_table("alert_sent")
    op.drop_table("list_opening")
    op.drop_table("alert_subscription")
    op.drop_table("doctor_profile")
