"""CLI of the plan: `legetjeneste plan show NR`."""

from typing import Annotated

import typer

from legetjeneste import norwegian
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import print_json, run
from legetjeneste.planning.plan import service

app = typer.Typer(help="Planen for legetjenesten.", no_args_is_help=True)


@app.callback()
def _group() -> None:
    """Planen for legetjenesten."""


@app.command("show")
def show(
    number: Annotated[str, typer.Argument(help="Kommunenummer")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Vis kommunens plan: behov, tiltak, utregnede og oppgitte summer med differansen (PLAN-COST-TOTAL)."""
    plan = run(service.current_plan, actor=SYSTEM, municipality_number=number)
    if as_json:
        print_json(plan)
        return
    totals = plan["totals"]
    typer.echo(f"{plan['title']} ({plan['first_year']}–{plan['last_year']}), versjon {plan['version']}")
    typer.echo(f"{len(plan['needs'])} behov, {len(plan['measures'])} tiltak")
    typer.echo(
        f"Årlig kostnad utenom eget budsjett: utregnet {norwegian.number(totals['computed_yearly'])} kr, "
        f"oppgitt {norwegian.number(totals['stated_yearly'])} kr, "
        f"differanse {norwegian.number(totals['yearly_difference'])} kr ({totals['rule_id']})"
    )
    revision = plan["revision"]
    typer.echo(
        f"Revisjon: frist {norwegian.date_text(revision['due'])}, ansvarlig {revision['owner']} "
        f"({revision['rule_id']})"
    )
