"""CLI for the register: the overview."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.registry.agreements import service as agreement_service

JsonFlag = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


def overview(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer")],
    on: Annotated[str | None, typer.Option("--date", help="Dato ÅÅÅÅ-MM-DD, standard i dag")] = None,
    as_json: JsonFlag = False,
):
    """Kommunens fastlegeavtaler med lege, listetak, listelengde og ledige plasser."""
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        fail(ValidationFailed([Problem("--date", f"«{on}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
    data = run(agreement_service.overview, actor=SYSTEM, municipality_number=municipality, on=day)
    if as_json:
        print_json(data)
        return
    totals = data["totals"]
    typer.echo(
        f"{data['municipality'].name} ({municipality}) per {data['date']}: {totals.agreements} lister, "
        f"{totals.without_regular_doctor} uten fastlege, gj.sn. listelengde {totals.average_list_length}"
    )
    for row in data["agreements"]:
        doctor = row.regular_doctor_name or "UTEN FASTLEGE"
        typer.echo(
            f"  {row.id:>8}  {row.office_name[:28]:<28} {doctor[:28]:<28} {row.listetak:>5} "
            f"{row.list_length if row.list_length is not None else '–':>5} {row.open_places:>4}"
        )
