"""Invariants held by the database (docs/adr/0010): a payment run's version, and unique natural keys of a
doctor's period on an agreement and of a doctor's absence, the backstop of a concurrent import.

The unique keys are added only where the data has no duplicate: a database that holds one stops the
upgrade with the rows to correct, and nothing is changed.

Revision ID: 2026_12_04_invariants
Revises: 2026_12_04_accounts
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "2026_12_04_invariants"
down_revision = "2026_12_04_accounts"
branch_labels = None
depends_on = None

# table → (constraint, its columns, what a duplicate is called in the message)
UNIQUE_KEYS = {
    "doctor_period": (
        "uq_doctor_period_start",
        ["agreement_id", "doctor_id", "role", "start_date"],
        "legeperioder med samme avtale, lege, rolle og startdato",
    ),
    "absence": ("uq_absence_doctor_start", ["doctor_id", "start_date"], "fravær med samme lege og startdato"),
}


def _refuse_duplicates(table: str, columns: list[str], what: str) -> None:
    """Stop the upgrade, naming the duplicates, if the table already breaks the key."""
    names = ", ".join(columns)
    duplicates = (
        op.get_bind()
        .execute(
            sa.text(
                f"SELECT {names}, COUNT(*) FROM {table} GROUP BY {names} HAVING COUNT(*) > 1 "
                f"ORDER BY {names} LIMIT 10"
            )
        )
        .all()
    )
    if duplicates:
        listed = "; ".join(", ".join(str(value) for value in row[:-1]) for row in duplicates)
        raise RuntimeError(
            f"Databasen har {what} ({names}: {listed}). Rett eller fjern dem, og kjør «legetjeneste db "
            "upgrade» på nytt; ingenting er endret."
        )


def upgrade() -> None:
    for table, (_, columns, what) in UNIQUE_KEYS.items():
        _refuse_duplicates(table, columns, what)
    op.add_column(
        "payment_run", sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
    )
    for table, (name, columns, _) in UNIQUE_KEYS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_unique_constraint(name, columns)


def downgrade() -> None:
    for table, (name, _, _) in UNIQUE_KEYS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(name, type_="unique")
    with op.batch_alter_table("payment_run", schema=None) as batch_op:
        batch_op.drop_column("version")
