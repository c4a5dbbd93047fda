"""The backup's format as pure functions: each value as JSON by its column's kind and back, and what a
restore refuses (another revision, a database that is not empty, other tables, a damaged table).

A value is written as the application reads it: a timestamp (db.Timestamp) as its instant in UTC with
the offset, on either backend, and restored through the same type, so a backup moves between SQLite and
PostgreSQL unchanged.
"""

import base64
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from legetjeneste.errors import Conflict, DomainError

FORMAT = "legetjeneste-backup"
VERSION = 1
MANIFEST = "manifest.json"
#: The kinds of column a manifest names (backup/queries.kind_of).
KINDS = (
    "integer",
    "float",
    "boolean",
    "text",
    "decimal",
    "date",
    "time",
    "timestamp",
    "timestamptz",
    "json",
    "binary",
)


def encode(kind: str, value: Any) -> Any:
    """The value as JSON: exact decimals as text, dates and times in ISO 8601 (with the zone when the
    database keeps one), JSON columns as their stored text, binary as base64."""
    if value is None:
        return None
    if kind == "decimal":
        return str(value)
    if kind in ("date", "time", "timestamp", "timestamptz"):
        return value.isoformat()
    if kind == "binary":
        return base64.b64encode(value).decode("ascii")
    return value


def decode(kind: str, value: Any) -> Any:
    """The JSON value as the column's type takes it for a column of the kind."""
    if value is None:
        return None
    if kind == "decimal":
        return Decimal(value)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "time":
        return time.fromisoformat(value)
    if kind == "timestamp":
        return datetime.fromisoformat(value)
    if kind == "timestamptz":
        found = datetime.fromisoformat(value)
        return found if found.tzinfo else found.replace(tzinfo=UTC)
    if kind == "binary":
        return base64.b64decode(value)
    return value


def row_line(values: Sequence[Any]) -> bytes:
    """One table row as one line of the archive (UTF-8 JSON, no spaces)."""
    return (json.dumps(list(values), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# --- what a restore refuses ------------------------------------------------------------------------


def require_format(manifest: Mapping[str, Any]) -> None:
    if manifest.get("format") != FORMAT:
        raise DomainError(
            "Filen er ikke en sikkerhetskopi fra legetjeneste (manifest.json mangler formatet)."
        )
    if manifest.get("version") != VERSION:
        raise DomainError(
            f"Sikkerhetskopien har formatversjon {manifest.get('version')}; "
            f"denne versjonen av legetjeneste leser versjon {VERSION}."
        )


def require_revision(*, database: str | None, backup: str) -> None:
    """BACKUP-REVISION — a backup is restored only into a database migrated to its own revision."""
    if database != backup:
        raise Conflict(
            f"Databasen er migrert til revisjon «{database or 'ingen'}», men sikkerhetskopien er fra "
            f"revisjon «{backup}». Migrer en tom database til «{backup}» med den versjonen av legetjeneste "
            "som tok kopien, og gjenopprett dit."
        )


def require_empty(counts: Mapping[str, int]) -> None:
    """BACKUP-EMPTY — a backup is restored only into an empty database, so nothing is mixed or lost."""
    filled = [
        f"«{name}» ({count} {'rad' if count == 1 else 'rader'})" for name, count in counts.items() if count
    ]
    if filled:
        raise Conflict(
            "Databasen er ikke tom: "
            + ", ".join(filled)
            + ". Gjenopprett bare til en tom database som er nymigrert (legetjeneste db upgrade)."
        )


def require_same_tables(
    *, database: Mapping[str, Sequence[Sequence[str]]], backup: Mapping[str, Sequence[Sequence[str]]]
) -> None:
    """The backup holds exactly the database's tables, each with the same columns of the same kinds."""
    missing, extra = sorted(set(backup) - set(database)), sorted(set(database) - set(backup))
    problems = [f"mangler i databasen: {', '.join(missing)}"] if missing else []
    problems += [f"mangler i sikkerhetskopien: {', '.join(extra)}"] if extra else []
    for name in sorted(set(backup) & set(database)):
        if [list(c) for c in backup[name]] != [list(c) for c in database[name]]:
            problems.append(f"kolonnene i «{name}» er ikke de samme")
    if problems:
        raise Conflict("Sikkerhetskopien passer ikke til databasen: " + "; ".join(problems) + ".")


def require_intact(*, table: str, expected_rows: int, rows: int, expected_sha256: str, sha256: str) -> None:
    """BACKUP-CHECKSUM — a table's rows are restored only when their count and SHA-256 are the manifest's."""
    if rows != expected_rows or sha256 != expected_sha256:
        raise DomainError(
            f"Tabellen «{table}» i sikkerhetskopien er endret eller skadet: manifestet sier {expected_rows} "
            f"rader med SHA-256 {expected_sha256[:12]}…, filen har {rows} rader med {sha256[:12]}…. "
            "Ingenting er gjenopprettet."
        )


def damaged(table: str, line: int, error: Exception) -> DomainError:
    """A row of the archive that cannot be read as its table's row."""
    return DomainError(
        f"Tabellen «{table}» i sikkerhetskopien er endret eller skadet: rad {line} kan ikke leses "
        f"({type(error).__name__}). Ingenting er gjenopprettet."
    )
