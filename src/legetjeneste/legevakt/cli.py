"""CLI for legevakt and nødnett: `legetjeneste roster impact NR --json` and, from roster_cli, `solve`."""

import typer

from legetjeneste.legevakt import roster_cli

app = typer.Typer(help="Legevakt og nødnett: ordninger, fritak og vaktlister.", no_args_is_help=True)
roster_cli.register(app)
