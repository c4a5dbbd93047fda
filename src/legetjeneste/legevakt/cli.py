"""`legetjeneste roster`: the roster commands (solve, publish, vacancies) and the exemptions' impact."""

import typer

from legetjeneste.legevakt.exemptions import cli as exemptions_cli
from legetjeneste.legevakt.rosters import cli as rosters_cli

app = typer.Typer(help="Legevakt og nødnett: ordninger, fritak og vaktlister.", no_args_is_help=True)
rosters_cli.register(app)
app.command("impact")(exemptions_cli.impact)
