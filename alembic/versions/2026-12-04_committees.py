"""The SU and ALU committees: members, meetings with attendance, agenda items and follow-up actions, cases
with statements, each GP's yearly meeting with the municipality.

Revision ID: 2026_12_04_committees
Revises: 2026_12_04_duties
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_committees"
down_revision = "2026_12_04_duties"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "committee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("constituted_on", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("shares_legevakt", sa.Boolean(), nullable=False),
        sa.Column("partners", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_committee_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee")),
        sa.UniqueConstraint("municipality_number", "name", name="uq_committee_municipality_name"),
    )
    with op.batch_alter_table("committee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "committee_annual_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_committee_annual_meeting_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_committee_annual_meeting_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_annual_meeting")),
    )
    with op.batch_alter_table("committee_annual_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_annual_meeting_doctor_id"), ["doctor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_committee_annual_meeting_municipality_number"),
            ["municipality_number"],
            unique=False,
        )

    op.create_table(
        "committee_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("origin_kind", sa.String(length=40), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=False),
        sa.Column("background", sa.Text(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("about_patient", sa.Boolean(), nullable=False),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("raised_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_committee_case_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_committee_case_doctor_id_doctor")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_committee_case_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_case")),
    )
    with op.batch_alter_table("committee_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_case_committee_id"), ["committee_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_committee_case_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "committee_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("joint", sa.Boolean(), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=False),
        sa.Column("referent", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("convened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("convened_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_committee_meeting_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_committee_meeting_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_meeting")),
    )
    with op.batch_alter_table("committee_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_meeting_committee_id"), ["committee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_committee_meeting_meeting_date"), ["meeting_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_committee_meeting_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "committee_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=20), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("elected_by", sa.String(length=200), nullable=False),
        sa.Column("is_kommuneoverlege", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_committee_member_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["doctor.id"], name=op.f("fk_committee_member_doctor_id_doctor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_member")),
    )
    with op.batch_alter_table("committee_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_member_committee_id"), ["committee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_committee_member_doctor_id"), ["doctor_id"], unique=False)

    op.create_table(
        "committee_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["committee_meeting.id"],
            name=op.f("fk_committee_action_meeting_id_committee_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_number"],
            ["municipality.number"],
            name=op.f("fk_committee_action_municipality_number_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_action")),
    )
    with op.batch_alter_table("committee_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_action_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_committee_action_municipality_number"), ["municipality_number"], unique=False
        )

    op.create_table(
        "committee_agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["committee_case.id"], name=op.f("fk_committee_agenda_item_case_id_committee_case")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["committee_meeting.id"],
            name=op.f("fk_committee_agenda_item_meeting_id_committee_meeting"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_agenda_item")),
        sa.UniqueConstraint("meeting_id", "number", name="uq_committee_agenda_item_number"),
    )
    with op.batch_alter_table("committee_agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_agenda_item_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_committee_agenda_item_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "committee_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("absence_reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["committee_meeting.id"],
            name=op.f("fk_committee_attendee_meeting_id_committee_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["committee_member.id"],
            name=op.f("fk_committee_attendee_member_id_committee_member"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_committee_attendee_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_attendee")),
    )
    with op.batch_alter_table("committee_attendee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_attendee_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_committee_attendee_user_id"), ["user_id"], unique=False)

    op.create_table(
        "committee_statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("majority_text", sa.Text(), nullable=False),
        sa.Column("minority_text", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=254), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["committee_case.id"], name=op.f("fk_committee_statement_case_id_committee_case")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["committee_meeting.id"],
            name=op.f("fk_committee_statement_meeting_id_committee_meeting"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_statement")),
        sa.UniqueConstraint("case_id", name=op.f("uq_committee_statement_case_id")),
    )


def downgrade() -> None:
    op.drop_table("committee_statement")
    with op.batch_alter_table("committee_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_attendee_user_id"))
        batch_op.drop_index(batch_op.f("ix_committee_attendee_meeting_id"))

    op.drop_table("committee_attendee")
    with op.batch_alter_table("committee_agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_agenda_item_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_committee_agenda_item_case_id"))

    op.drop_table("committee_agenda_item")
    with op.batch_alter_table("committee_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_action_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_committee_action_meeting_id"))

    op.drop_table("committee_action")
    with op.batch_alter_table("committee_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_member_doctor_id"))
        batch_op.drop_index(batch_op.f("ix_committee_member_committee_id"))

    op.drop_table("committee_member")
    with op.batch_alter_table("committee_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_meeting_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_committee_meeting_meeting_date"))
        batch_op.drop_index(batch_op.f("ix_committee_meeting_committee_id"))

    op.drop_table("committee_meeting")
    with op.batch_alter_table("committee_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_case_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_committee_case_committee_id"))

    op.drop_table("committee_case")
    with op.batch_alter_table("committee_annual_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_annual_meeting_municipality_number"))
        batch_op.drop_index(batch_op.f("ix_committee_annual_meeting_doctor_id"))

    op.drop_table("committee_annual_meeting")
    with op.batch_alter_table("committee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_municipality_number"))

    op.drop_table("committee")
