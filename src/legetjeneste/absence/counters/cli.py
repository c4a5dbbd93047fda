"""CLI for absences: `legetjeneste absence counters NR --year Y`."""

from typing import Annotated

import typer

from legetjeneste.absence.counters import service as counter_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import print_json, run

app = typer.Typer(help="Fravær.", no_args_is_help=True)


@app.command("counters")
def counters(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer")],
    year: Annotated[int, typer.Option(min=2000, max=2100, help="Kalenderår")],
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")] = False,
):
    """Fraværstellerne for året per lege, hver med sin regel, og hver fraværsdag klassifisert (ABS-DEDUCT)."""
    found = run(
        counter_service.municipality_counters, actor=SYSTEM, municipality_number=municipality, year=year
    )
    if as_json:
        print_json(found)
        return
    for doctor in found:
        typer.echo(f"{doctor.doctor_name} (HPR {doctor.hpr_number}), {year}:")
        for counter in doctor.counters:
            typer.echo(
                f"  {counter.label}: {counter.used} av {counter.limit} {counter.unit} ({counter.rule_id})"
            )
        lost = [d for d in doctor.days if d.status != "kept"]
        for day in lost:
            status = "utbetales vikaren" if day.status == "vikar" else "trekk"
            typer.echo(f"  {day.day}: {status} – {day.reason} ({day.rule_id}, {day.citation})")
