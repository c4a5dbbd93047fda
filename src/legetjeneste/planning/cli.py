"""CLI for national statistics: `legetjeneste statistics load`."""

from pathlib import Path
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import print_json, run
from legetjeneste.planning import service, ssb

app = typer.Typer(help="Nasjonal statistikk (SSB).", no_args_is_help=True)


@app.command("load")
def load(
    file: Annotated[
        Path | None, typer.Argument(help="SSB 12005-CSV; standard: tallene for 2025 som følger med")
    ] = None,
    year: Annotated[int, typer.Option(help="Årgang for filen")] = ssb.BUNDLED_YEAR,
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Last inn SSBs nøkkeltall for alle kommuner."""
    figures = ssb.parse_csv(file.read_text(encoding="utf-8"), year=year) if file else ssb.bundled_figures()
    count = run(service.load_national_statistics, actor=SYSTEM, figures=figures)
    if as_json:
        print_json({"figures": count, "year": year, "source": ssb.ATTRIBUTION})
    else:
        typer.echo(f"{count} nøkkeltall for {year} lastet inn. {ssb.ATTRIBUTION}.")
