"""The backup file: one gzip-compressed tar with `manifest.json` first and then one JSON-lines member per
table (`tables/NNN-name.jsonl`), in the order of the manifest. Read as a stream, one member after the other,
so neither writing nor reading holds a table in memory; nothing is ever extracted to disk.
"""

import io
import json
import os
import tarfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from legetjeneste.backup.rules import MANIFEST
from legetjeneste.errors import DomainError

#: Errors of a file that is not a readable gzip-compressed tar (or not JSON inside).
UNREADABLE = (tarfile.TarError, zlib.error, EOFError, OSError, UnicodeDecodeError, json.JSONDecodeError)


def write(path: Path, manifest: dict[str, Any], members: list[tuple[str, Path]]) -> None:
    """The archive at `path` (readable by its owner only: it holds health data), written beside it first
    and moved into place when complete, so a failed backup never leaves a half file under its name."""
    partial = path.with_name(f".{path.name}.part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            document = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(document), 0o600, int(time.time())
            tar.addfile(info, io.BytesIO(document))
            for name, source in members:
                info = tarfile.TarInfo(name)
                info.size, info.mode, info.mtime = source.stat().st_size, 0o600, int(time.time())
                with source.open("rb") as data:
                    tar.addfile(info, data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def read(path: Path) -> Iterator[tuple[dict[str, Any], Iterator[tuple[str, IO[bytes]]]]]:
    """The manifest and the table members after it, each (name, a stream of its bytes), in their order."""
    if not path.is_file():
        raise DomainError(f"Finner ikke filen «{path}».")
    try:
        with tarfile.open(path, mode="r|gz") as tar:
            first = tar.next()
            stream = tar.extractfile(first) if first is not None and first.name == MANIFEST else None
            if stream is None:
                raise DomainError(
                    f"«{path.name}» er ikke en sikkerhetskopi fra legetjeneste (manifest.json mangler)."
                )
            manifest = json.loads(stream.read().decode("utf-8"))
            yield manifest, _members(tar)
    except UNREADABLE as error:
        problem = f"{type(error).__name__}: {error}"
        raise DomainError(f"«{path.name}» kan ikke leses som en sikkerhetskopi ({problem}).") from error


def _members(tar: tarfile.TarFile) -> Iterator[tuple[str, IO[bytes]]]:
    while (member := tar.next()) is not None:
        data = tar.extractfile(member) if member.isfile() else None
        if data is None:
            raise DomainError(f"Sikkerhetskopien har et ukjent innhold: «{member.name}».")
        yield member.name, data
