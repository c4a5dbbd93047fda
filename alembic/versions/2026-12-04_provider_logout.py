"""A login session keeps the identity provider's session (a SHA-256 of its issuer and `sid`), so the
provider's front-channel logout can end it (docs/citizen-login.md).

Revision ID: 2026_12_04_provider_logout
Revises: 2026_12_04_list_length_kept
Create Date: 2026-12-04 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_provider_logout"
down_revision = "2026_12_04_list_length_kept"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_session") as batch:
        batch.add_column(sa.Column("provider_session_hash", sa.String(length=64), nullable=True))
        batch.create_index("ix_login_session_provider_session_hash", ["provider_session_hash"])


def downgrade() -> None:
    with op.batch_alter_table("login_session") as batch:
        batch.drop_index("ix_login_session_provider_session_hash")
        batch.drop_column("provider_session_hash")
