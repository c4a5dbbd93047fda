"""CLI for files: import and export of municipality files, Helfo's monthly list, the file's schema."""

from pathlib import Path
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import MAX_FILE_BYTES, read_document, text_of
from legetjeneste.municipality_file.format import dump_document, json_schema

helfo_app = typer.Typer(help="Helfos månedsoversikt over lister.", no_args_is_help=True)
JsonFlag = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


def _read(path: Path) -> bytes:
    """The file's bytes, at most one more than the limit (document.text_of refuses a larger file)."""
    try:
        with path.open("rb") as file:
            return file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        fail(ValidationFailed([Problem(str(path), f"filen kan ikke leses ({error.strerror})")]))
        raise


def import_file(
    file: Annotated[Path, typer.Argument(help="Kommunefil (YAML eller JSON)")], as_json: JsonFlag = False
):
    """Importer en kommunefil: alt eller ingenting, og samme fil to ganger endrer ingenting."""
    try:
        document = read_document(_read(file), filename=file.name)
    except ValidationFailed as error:
        fail(error)
    report = run(file_service.import_municipality_file, actor=SYSTEM, document=document, source=str(file))
    if as_json:
        print_json(report)
        return
    typer.echo(f"Kommune {report['municipality']} importert fra {file}.")
    for kind in ("created", "updated", "unchanged", "removed"):
        if report[kind]:
            label = {"created": "nye", "updated": "endret", "unchanged": "uendret", "removed": "fjernet"}[
                kind
            ]
            typer.echo(f"  {label}: " + ", ".join(f"{name} {count}" for name, count in report[kind].items()))
    for warning in report["warnings"]:
        typer.echo(f"  advarsel: {Problem(**warning)}")


def export(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer, f.eks. 1824")],
    as_json: JsonFlag = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Skriv til fil i stedet for skjerm")
    ] = None,
):
    """Eksporter en kommune i importformatet (YAML, eller JSON med --json)."""
    document = run(file_service.export_municipality_file, actor=SYSTEM, municipality_number=municipality)
    as_json = as_json or (output is not None and output.suffix == ".json")
    text = dump_document(document, as_json=as_json)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@helfo_app.command("import")
def helfo_import(
    file: Annotated[Path, typer.Argument(help="Helfos månedsoversikt (CSV, semikolon)")],
    municipality: Annotated[str, typer.Option(help="Kommunenummer")],
    month: Annotated[str, typer.Option(help="Måned, ÅÅÅÅ-MM")],
    as_json: JsonFlag = False,
):
    """Les listetallene for en måned fra Helfos månedsoversikt."""
    try:
        text = text_of(_read(file))
    except ValidationFailed as error:
        fail(error)
    report = run(
        file_service.import_helfo_monthly_list,
        actor=SYSTEM,
        municipality_number=municipality,
        month=month,
        text=text,
    )
    if as_json:
        print_json(report)
    else:
        typer.echo(f"{report['rows']} rader lest for {municipality} {month}.")
        for warning in report["warnings"]:
            typer.echo(f"  advarsel: {Problem(**warning)}")


def schema():
    """Skriv JSON Schema for kommunefilen (docs/municipality-file.schema.json)."""
    print_json(json_schema())
