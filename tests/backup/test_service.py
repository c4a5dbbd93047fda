"""Backup and restore on SQLite and PostgreSQL: every row of every table comes back, into the same backend
and into the other; a database that is not empty, of another revision, or an archive that was changed is
refused, and nothing is restored."""

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.backup import service
from legetjeneste.db import open_session
from legetjeneste.errors import Conflict, DomainError, Forbidden
from legetjeneste.jobs import service as jobs_service
from tests.backup.conftest import every_row


def back_up(engine: Engine, path: Path):
    with open_session(engine) as session:
        return service.backup(session, actor=SYSTEM, path=path)


def restore(engine: Engine, path: Path):
    with open_session(engine) as session:
        return service.restore(session, actor=SYSTEM, path=path)


def rewritten(source: Path, target: Path, change) -> Path:
    """The archive with `change(name, data) -> data` applied to each member."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = change(member.name, old.extractfile(member).read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    return target


def test_every_row_of_every_table_comes_back_into_either_backend(filled, target, tmp_path):
    before = every_row(filled)
    taken = back_up(filled, tmp_path / "backup.tar.gz")
    restored = restore(target, tmp_path / "backup.tar.gz")
    after = every_row(target)
    assert restored.tables == taken.tables and restored.rows == taken.rows and restored.verified
    assert taken.tables["legevakt_roster"] == 1 and taken.tables["payment_line"] > 0
    assert {name: rows for name, rows in after.items() if name != "audit_entry"} == {
        name: rows for name, rows in before.items() if name != "audit_entry"
    }
    # the backup's own entry is in the backup; the restore's comes after it
    assert after["audit_entry"][: len(before["audit_entry"])] == before["audit_entry"]
    assert [row[3:5] for row in after["audit_entry"][len(before["audit_entry"]) :]] == [
        ("export", "backup"),
        ("import", "backup"),
    ]
    with open_session(target) as session, session.begin():
        assert jobs_service.enqueue(session, kind="test.never") == max(row[0] for row in after["job"]) + 1


def test_a_json_null_and_an_sql_null_stay_apart(filled, target, tmp_path):
    back_up(filled, tmp_path / "backup.tar.gz")
    restore(target, tmp_path / "backup.tar.gz")
    with target.connect() as connection:
        nulls = connection.execute(
            text("SELECT status, result IS NULL, CAST(result AS TEXT) FROM job WHERE kind = 'test.never'")
        ).all()
    assert sorted(nulls) == [("failed", False, "null"), ("queued", True, None)]


def test_the_backup_is_readable_by_its_owner_only_and_holds_a_manifest_first(filled, tmp_path):
    path = tmp_path / "backup.tar.gz"
    back_up(filled, path)
    assert path.stat().st_mode & 0o777 == 0o600
    with tarfile.open(path, "r:gz") as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    assert names[0] == "manifest.json" and len(names) == len(manifest["tables"]) + 1
    assert manifest["format"] == "legetjeneste-backup" and manifest["revision"]
    assert manifest["created_at"].endswith("+00:00")
    assert [t["name"] for t in manifest["tables"]].index("municipality") < [
        t["name"] for t in manifest["tables"]
    ].index("agreement")
    assert all(len(t["sha256"]) == 64 for t in manifest["tables"])


def test_a_backup_never_overwrites_a_file(filled, tmp_path):
    path = tmp_path / "backup.tar.gz"
    path.write_text("keep")
    with pytest.raises(Conflict, match="finnes allerede"):
        back_up(filled, path)
    assert path.read_text() == "keep"


def test_a_restore_into_a_database_that_is_not_empty_is_refused_naming_the_tables(filled, tmp_path):
    back_up(filled, tmp_path / "backup.tar.gz")
    before = every_row(filled)
    with pytest.raises(Conflict, match=r"Databasen er ikke tom: .*«municipality» \(2 rader\)"):
        restore(filled, tmp_path / "backup.tar.gz")
    assert every_row(filled) == before


def test_a_changed_row_is_refused_by_its_checksum_and_nothing_is_restored(filled, target, tmp_path):
    back_up(filled, tmp_path / "backup.tar.gz")

    def change(name: str, data: bytes) -> bytes:
        return data.replace(b"Vefsn", b"Vefsm") if name.endswith("-municipality.jsonl") else data

    tampered = rewritten(tmp_path / "backup.tar.gz", tmp_path / "tampered.tar.gz", change)
    with pytest.raises(DomainError, match="«municipality» i sikkerhetskopien er endret eller skadet"):
        restore(target, tampered)
    assert all(rows == [] for rows in every_row(target).values())


def test_a_backup_of_another_revision_is_refused_naming_both(filled, target, tmp_path):
    taken = back_up(filled, tmp_path / "backup.tar.gz")

    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps(json.loads(data) | {"revision": "2020_01_01_old"}).encode()

    older = rewritten(tmp_path / "backup.tar.gz", tmp_path / "older.tar.gz", change)
    with pytest.raises(Conflict, match=f"«{taken.revision}», men sikkerhetskopien er fra revisjon «2020_"):
        restore(target, older)
    assert all(rows == [] for rows in every_row(target).values())


def test_a_file_that_is_not_a_backup_is_refused_in_norwegian(engine, tmp_path):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(gzip.compress(b"not a tar"))
    with pytest.raises(DomainError, match="kan ikke leses som en sikkerhetskopi"):
        restore(engine, broken)
    with pytest.raises(DomainError, match="Finner ikke filen"):
        restore(engine, tmp_path / "missing.tar.gz")


def test_only_the_system_administrator_may_back_up_or_restore(engine, tmp_path):
    municipal = Actor(email="a@vefsn.example", role="municipality_admin", municipality_number="1824")
    with open_session(engine) as session, pytest.raises(Forbidden):
        service.backup(session, actor=municipal, path=tmp_path / "x.tar.gz")
    with open_session(engine) as session, pytest.raises(Forbidden):
        service.restore(session, actor=municipal, path=tmp_path / "x.tar.gz")
