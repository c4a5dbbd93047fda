"""CLI for users: `legetjeneste user add|set-password|deactivate|activate|revoke-tokens|list`.

A password is never an argument (it would stand in the shell's history and the process list): it is read
from one line of standard input (`--password-stdin`) or asked for twice, hidden, in a terminal."""

import sys
from typing import Annotated

import typer

from legetjeneste.auth import service
from legetjeneste.auth.rules import ROLES, SYSTEM
from legetjeneste.auth.schemas import UserRead
from legetjeneste.console import print_json, run

app = typer.Typer(help="Brukere og API-nøkler.", no_args_is_help=True)

Email = Annotated[str, typer.Argument(help="E-postadresse (brukernavn)")]
AsJson = Annotated[bool, typer.Option("--json")]
FromStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Les passordet fra første linje på standard inn")
]
NOT_AN_ARGUMENT = (
    "Passordet tas ikke som argument (det blir stående i skallhistorikken og prosesslisten). "
    "Bruk --password-stdin, eller --set-password for å skrive det inn skjult i terminalen."
)


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _refuse(message: str) -> None:
    typer.echo(f"Feil: {message}", err=True)
    raise typer.Exit(1)


def _read_password(*, from_stdin: bool) -> str:
    """One line of standard input, or asked for twice, hidden, when standard input is a terminal."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            _refuse("Fant ikke noe passord på standard inn (--password-stdin).")
        return password
    if not _is_terminal():
        _refuse("Standard inn er ikke en terminal: send passordet med --password-stdin.")
    first = typer.prompt("Nytt passord", hide_input=True)
    if typer.prompt("Gjenta passordet", hide_input=True) != first:
        _refuse("Passordene er ikke like. Ingenting ble endret.")
    return first


@app.command("add")
def add(
    email: Email,
    role: Annotated[str, typer.Option(help=f"Rolle: {', '.join(ROLES)}")],
    municipality: Annotated[
        str | None, typer.Option(help="Kommunenummer (alle roller unntatt admin)")
    ] = None,
    token: Annotated[bool, typer.Option("--token", help="Lag og skriv ut en API-nøkkel")] = False,
    password_stdin: FromStdin = False,
    set_password: Annotated[
        bool, typer.Option("--set-password", help="Skriv inn passordet skjult i terminalen (to ganger)")
    ] = False,
    office: Annotated[
        str | None, typer.Option(help="Legekontorets organisasjonsnummer (for office_admin)")
    ] = None,
    doctor: Annotated[
        str | None, typer.Option(help="Legens HPR-nummer (for rollen doctor: brukeren er denne legen)")
    ] = None,
    password: Annotated[str | None, typer.Option("--password", hidden=True)] = None,
    as_json: AsJson = False,
):
    """Legg til en bruker; med --token skrives en API-nøkkel ut én gang."""
    if password is not None:
        _refuse(NOT_AN_ARGUMENT)
    secret = _read_password(from_stdin=password_stdin) if password_stdin or set_password else None
    user, new_token = run(
        service.add_user,
        email=email,
        role=role,
        municipality_number=municipality,
        password=secret,
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


@app.command("set-password")
def set_password(email: Email, password_stdin: FromStdin = False, as_json: AsJson = False):
    """Gi brukeren et nytt passord (skjult i terminalen, eller med --password-stdin); øktene avsluttes."""
    secret = _read_password(from_stdin=password_stdin)
    _done(run(service.set_password, actor=SYSTEM, user=email, password=secret), as_json, "har nytt passord")


@app.command("deactivate")
def deactivate(email: Email, as_json: AsJson = False):
    """Steng brukeren ute: øktene avsluttes og API- og kalendernøklene trekkes tilbake med en gang."""
    _done(run(service.deactivate_user, actor=SYSTEM, user=email), as_json, "er deaktivert")


@app.command("activate")
def activate(email: Email, as_json: AsJson = False):
    """Slipp brukeren inn igjen (nøkler som er trukket tilbake, forblir det)."""
    _done(run(service.activate_user, actor=SYSTEM, user=email), as_json, "er aktivert")


@app.command("revoke-tokens")
def revoke_tokens(email: Email, as_json: AsJson = False):
    """Trekk tilbake alle API- og kalendernøklene til brukeren."""
    revoked = run(service.revoke_tokens, actor=SYSTEM, user=email)
    if as_json:
        print_json({"email": email.lower(), "revoked": revoked})
    else:
        typer.echo(f"{revoked} nøkler er trukket tilbake for {email.lower()}.")


@app.command("list")
def list_users(as_json: AsJson = False):
    """Alle brukerne med rolle, kommune og om de er aktive."""
    users = run(service.list_users, actor=SYSTEM)
    if as_json:
        print_json(users)
        return
    for user in users:
        state = "aktiv" if user.is_active else "deaktivert"
        typer.echo(f"{user.email:<40} {user.role:<20} {user.municipality_number or '–':<6} {state}")


def _done(user: UserRead, as_json: bool, what: str) -> None:
    if as_json:
        print_json(user)
    else:
        typer.echo(f"Bruker {user.email} {what}.")
