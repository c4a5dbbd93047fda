"""`legetjeneste backup FILE [--json]` and `legetjeneste restore FILE [--json]`: the whole database into one
file and back, on SQLite and PostgreSQL alike (docs/operations.md)."""

from pathlib import Path
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.backup import service
from legetjeneste.console import print_json, run

FileArg = Annotated[Path, typer.Argument(help="Sikkerhetskopien (.tar.gz)")]
JsonOption = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]
WARNING = "Filen inneholder helseopplysninger: krypter den og oppbevar den som helseopplysninger."


def backup(file: FileArg, as_json: JsonOption = False):
    """Ta en sikkerhetskopi av hele databasen til én fil (med manifest og sjekksummer).

    Filen kan gjenopprettes til en tom database med samme revisjon, SQLite eller PostgreSQL."""
    found = run(service.backup, actor=SYSTEM, path=file)
    if as_json:
        print_json(found)
        return
    typer.echo(
        f"Sikkerhetskopi skrevet til {found.file}: {found.rows} rader i {len(found.tables)} tabeller, "
        f"{_size(found.bytes)}, revisjon {found.revision}, på {found.seconds:.1f} s."
    )
    typer.echo(WARNING, err=True)


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB".replace(".", ",") if count >= 1_000_000 else f"{count // 1000} kB"


def restore(file: FileArg, as_json: JsonOption = False):
    """Gjenopprett en sikkerhetskopi til en tom database migrert til samme revisjon.

    Alt eller ingenting: hver tabells antall rader og sjekksum kontrolleres før noe lagres."""
    found = run(service.restore, actor=SYSTEM, path=file)
    if as_json:
        print_json(found)
        return
    typer.echo(
        f"Gjenopprettet {found.rows} rader i {len(found.tables)} tabeller fra {found.file} "
        f"(revisjon {found.revision}, tatt {found.created_at:%d.%m.%Y %H:%M} UTC fra {found.source}) "
        f"på {found.seconds:.1f} s; antall og sjekksummer stemmer."
    )
