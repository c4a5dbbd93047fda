"""Backup and restore: the whole database into one file and back (docs/operations.md)."""

from legetjeneste.features import Command, Feature

FEATURE = Feature(
    name="backup",
    order=96,
    commands=(
        Command(
            "backup",
            "legetjeneste.backup.cli:backup",
            "Ta en sikkerhetskopi av hele databasen til én fil (med manifest og sjekksummer).",
            order=101,
        ),
        Command(
            "restore",
            "legetjeneste.backup.cli:restore",
            "Gjenopprett en sikkerhetskopi til en tom database migrert til samme revisjon.",
            order=102,
        ),
    ),
)
