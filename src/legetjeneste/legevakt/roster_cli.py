"""`legetjeneste roster solve SCHEME ...` and the other roster commands, added to the `roster` app."""

import typer


def register(app: typer.Typer) -> None:
    """Add the roster commands (solve, publish, ...) to the `roster` Typer app of legevakt/cli.py."""
