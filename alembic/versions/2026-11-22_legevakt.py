"""Legevakt and nødnett schemes, participants, local parameters and exemptions.

Revision ID: 2026_11_22_legevakt
Revises: 2026_11_22_payments
Create Date: 2026-11-22 12:00:00
"""

revision = "2026_11_22_legevakt"
down_revision = "2026_11_22_payments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
