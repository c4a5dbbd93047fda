"""CLI for users: `legetjeneste user add`."""

from typing import Annotated

import typer

from legetjeneste.auth import service
from legetjeneste.auth.rules import ROLES
from legetjeneste.console import print_json, run

app = typer.Typer(help="Brukere og API-nøkler.", no_args_is_help=True)


@app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="E-postadresse (brukernavn)")],
    role: Annotated[str, typer.Option(help=f"Rolle: {', '.join(ROLES)}")],
    municipality: Annotated[
        str | None, typer.Option(help="Kommunenummer (alle roller unntatt admin)")
    ] = None,
    token: Annotated[bool, typer.Option("--token", help="Lag og skriv ut en API-nøkkel")] = False,
    password: Annotated[str | None, typer.Option(help="Passord for innlogging i nettleseren")] = None,
    office: Annotated[
        str | None, typer.Option(help="Legekontorets organisasjonsnummer (for office_admin)")
    ] = None,
    doctor: Annotated[
        str | None, typer.Option(help="Legens HPR-nummer (for rollen doctor: brukeren er denne legen)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Legg til en bruker; med --token skrives en API-nøkkel ut én gang."""
    user, new_token = run(
        service.add_user,
        email=email,
        role=role,
        municipality_number=municipality,
        password=password,
        with_token=token,
        office=office,
        doctor=doctor,
    )
    if as_json:
        print_json(
            {
                "id": user.id,
                "email": user.email,
                "role": user.role,
                "municipality": user.municipality_number,
                "token": new_token,
            }
        )
    elif new_token:
        typer.echo(new_token)
    else:
        typer.echo(f"Bruker {user.email} ({user.role}) er lagt til.")
