"""Backup and restore of the whole database, on SQLite and PostgreSQL alike (docs/operations.md).

`backup` reads every table in one snapshot (a read transaction; REPEATABLE READ on PostgreSQL) into an
archive (backup/archive.py) with a manifest: format, Alembic revision, time (UTC), the database it came
from, and per table its columns, row count and SHA-256. `restore` puts such an archive into an empty
database migrated to the same revision, in one transaction: every table in the order of its foreign keys,
each table's count and checksum checked before the commit, PostgreSQL's sequences set after the largest id.
Both are recorded in the audit log (the backup's own entry is in the backup; the restore's follows it).
"""

import hashlib
import json
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth.rules import Actor
from legetjeneste.backup import archive, queries, rules
from legetjeneste.backup.schemas import BackupRead, RestoreRead
from legetjeneste.db import write_transaction
from legetjeneste.errors import Conflict, DomainError, Forbidden


def _audit(session: Session, actor: Actor, action: str, detail: dict) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="backup",
        record_ids=[],
        municipality_number=None,
        detail=detail,
    )


def _require_admin(actor: Actor) -> None:
    if not actor.sees_all_municipalities:
        raise Forbidden("Bare systemadministratoren kan ta og gjenopprette sikkerhetskopier.")


def backup(session: Session, *, actor: Actor, path: Path) -> BackupRead:
    """Every table of the database into the archive at `path` (which must not exist)."""
    _require_admin(actor)
    started = time.perf_counter()
    if path.exists():
        raise Conflict(f"Filen «{path}» finnes allerede; velg et annet navn.")
    if not path.parent.is_dir():
        raise DomainError(f"Mappen «{path.parent}» finnes ikke.")
    with session.begin():
        _audit(session, actor, "export", {"file": path.name})
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        manifest, members = _snapshot(session, Path(work))
        archive.write(path, manifest, members)
    return BackupRead(
        file=str(path),
        revision=manifest["revision"],
        created_at=manifest["created_at"],
        source=manifest["source"],
        tables={t["name"]: t["rows"] for t in manifest["tables"]},
        rows=sum(t["rows"] for t in manifest["tables"]),
        bytes=path.stat().st_size,
        seconds=round(time.perf_counter() - started, 3),
    )


def _snapshot(session: Session, work: Path) -> tuple[dict[str, Any], list[tuple[str, Path]]]:
    """Each table's rows into a file of `work`, read in one transaction; the manifest and the files."""
    dialect = session.get_bind().dialect.name
    options = {"isolation_level": "REPEATABLE READ"} if dialect == "postgresql" else {}
    with session.begin():
        session.connection(execution_options=options)
        found = queries.tables()
        unknown = queries.database_tables(session) - {t.name for t in found}
        if unknown:
            raise Conflict(
                f"Databasen har tabeller denne versjonen ikke kjenner: {', '.join(sorted(unknown))}."
            )
        revision = queries.revision(session)
        if revision is None:
            raise DomainError("Databasen er ikke migrert (legetjeneste db upgrade).")
        manifest: dict[str, Any] = {
            "format": rules.FORMAT,
            "version": rules.VERSION,
            "revision": revision,
            "created_at": datetime.now(UTC).isoformat(),
            "source": dialect,
            "tables": [],
        }
        members = []
        for number, table in enumerate(found, start=1):
            name = f"tables/{number:03d}-{table.name}.jsonl"
            count, digest = _write_table(session, table, work / f"{number:03d}.jsonl")
            columns = queries.columns(table)
            manifest["tables"].append(
                {"name": table.name, "file": name, "columns": columns, "rows": count, "sha256": digest}
            )
            members.append((name, work / f"{number:03d}.jsonl"))
    return manifest, members


def _write_table(session: Session, table: Table, target: Path) -> tuple[int, str]:
    kinds = [kind for _, kind in queries.columns(table)]
    digest, count = hashlib.sha256(), 0
    with target.open("wb") as out:
        for row in queries.rows(session, table):
            line = rules.row_line([rules.encode(kind, value) for kind, value in zip(kinds, row, strict=True)])
            digest.update(line)
            out.write(line)
            count += 1
    return count, digest.hexdigest()


def restore(session: Session, *, actor: Actor, path: Path) -> RestoreRead:
    """The archive at `path` into this empty database migrated to the archive's revision, all or nothing."""
    _require_admin(actor)
    started = time.perf_counter()
    dialect = session.get_bind().dialect.name
    with archive.read(path) as (manifest, members), write_transaction(session):
        rules.require_format(manifest)
        rules.require_revision(database=queries.revision(session), backup=manifest["revision"])
        found = queries.tables()
        queries.lock(session, found)
        by_name = {t.name: t for t in found}
        rules.require_same_tables(
            database={t.name: queries.columns(t) for t in found}
            | {name: [] for name in queries.database_tables(session) - set(by_name)},
            backup={t["name"]: t["columns"] for t in manifest["tables"]},
        )
        if any(queries.is_filled(session, t) for t in found):
            rules.require_empty(queries.counts(session, found))
        for entry in manifest["tables"]:
            name, stream = next(members, (None, None))
            if name != entry["file"] or stream is None:
                raise DomainError(f"Sikkerhetskopien mangler «{entry['file']}» (fant «{name}»).")
            _restore_table(session, by_name[entry["name"]], entry, stream, dialect)
        if next(members, None) is not None:
            raise DomainError("Sikkerhetskopien har mer innhold enn manifestet nevner.")
        queries.reset_sequences(session, found)
        restored = {t["name"]: t["rows"] for t in manifest["tables"]}
        detail = {"file": path.name, "revision": manifest["revision"], "rows": sum(restored.values())}
        _audit(session, actor, "import", detail)
    return RestoreRead(
        file=str(path),
        revision=manifest["revision"],
        created_at=manifest["created_at"],
        source=manifest["source"],
        target=dialect,
        tables=restored,
        rows=sum(restored.values()),
        verified=True,
        seconds=round(time.perf_counter() - started, 3),
    )


def _restore_table(session: Session, table: Table, entry: dict, stream: IO[bytes], dialect: str) -> None:
    """The member's rows into the table in batches; refused unless count and SHA-256 match the manifest."""
    names = [name for name, _ in entry["columns"]]
    kinds = [kind for _, kind in entry["columns"]]
    digest, count, batch = hashlib.sha256(), 0, []
    for line in _lines(stream):
        digest.update(line)
        count += 1
        try:
            values = json.loads(line)
            batch.append(
                {
                    name: rules.decode(kind, value)
                    for name, kind, value in zip(names, kinds, values, strict=True)
                }
            )
        except (ValueError, TypeError, ArithmeticError) as error:
            raise rules.damaged(table.name, count, error) from error
        if len(batch) >= queries.BATCH:
            _insert(session, table, batch)
            batch = []
    expected = {"expected_rows": entry["rows"], "expected_sha256": entry["sha256"]}
    rules.require_intact(table=table.name, rows=count, sha256=digest.hexdigest(), **expected)
    if batch:
        _insert(session, table, batch)


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    while line := stream.readline():
        yield line


def _insert(session: Session, table: Table, batch: list[dict[str, Any]]) -> None:
    try:
        queries.insert(session, table, batch)
    except DBAPIError as error:
        raise DomainError(
            f"Radene i «{table.name}» kunne ikke settes inn ({type(error.orig).__name__}); "
            "ingenting er gjenopprettet."
        ) from error
