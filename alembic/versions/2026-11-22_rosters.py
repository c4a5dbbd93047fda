"""Rosters: solve jobs, roster versions and assignments, vacancies and volunteers.

Revision ID: 2026_11_22_rosters
Revises: 2026_11_22_legevakt
Create Date: 2026-11-22 12:00:01
"""

revision = "2026_11_22_rosters"
down_revision = "2026_11_22_legevakt"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
