"""CLI for absences: `legetjeneste absence counters`."""

import typer

app = typer.Typer(help="Fravær.", no_args_is_help=True)
