"""CLI of the committees: `legetjeneste committees overview NR [--date D] [--json]` — the committees, their
members, the composition check with rule ids, the meeting clocks and the open follow-up actions."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.committees import service
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed

app = typer.Typer(
    help="Utvalgene (SU og ALU): medlemmer, sammensetning, møtefrister og oppfølging.", no_args_is_help=True
)


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(ValidationFailed([Problem("--date", f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
        raise


@app.command()
def overview(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer")],
    on: Annotated[str | None, typer.Option("--date", help="Dato fristene vurderes mot, ÅÅÅÅ-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")] = False,
):
    """Utvalgene med medlemmer, kontroll av sammensetningen (regel-id), møtefrister og åpne
    oppfølgingspunkter."""
    found = run(service.overview, actor=SYSTEM, municipality_number=municipality, on=_day(on))
    if as_json:
        print_json(found)
        return
    typer.echo(f"Utvalg i {found['municipality_name']} kommune per {found['on'].isoformat()}:")
    for c in found["committees"]:
        typer.echo(f"  {c['name']} ({c['kind_text']}), {len(c['members'])} medlemmer")
        for p in c["composition"]:
            typer.echo(f"    {p['rule_id']}: {p['message']}")
    for k in found["clocks"]:
        state = "forfalt" if k["overdue"] else "løper"
        typer.echo(f"  {k['due'].isoformat()}  {state:<7} {k['rule_id']:<18} {k['text']}")
    for a in found["open_actions"]:
        typer.echo(f"  {a['due'].isoformat()}  oppfølging        {a['owner']}: {a['text']}")
