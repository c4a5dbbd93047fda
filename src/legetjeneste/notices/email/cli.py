"""`legetjeneste notices send [--json]` (deliver the e-mail that is due now) and `legetjeneste notices outbox
[--json]` (the outbox with its delivery log)."""

from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import print_json, run
from legetjeneste.notices.email import service
from legetjeneste.notices.email.rules import STATUS_NAMES_NB

app = typer.Typer(help="Varsler: e-post til brukerne.", no_args_is_help=True)
JsonOption = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


@app.command("send")
def send(as_json: JsonOption = False):
    """Send e-postene som skal sendes nå (forsøk som har feilet, prøves igjen når tiden er inne)."""
    report = run(service.send_due, actor=SYSTEM)
    if as_json:
        print_json(report)
    elif not report.configured:
        typer.echo(
            f"E-post er ikke satt opp (LEGETJENESTE_SMTP_HOST): {report.waiting} e-poster venter i utboksen."
        )
    else:
        typer.echo(
            f"Sendt: {report.sent}. Prøves igjen senere: {report.retrying}. Feilet: {report.failed}. "
            f"Venter: {report.waiting}."
        )


@app.command("outbox")
def outbox(
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Høyst så mange e-poster")] = 200,
):
    """Utboksen: de nyeste e-postene med status, antall forsøk, siste feil og hvert forsøk."""
    found = run(service.outbox, actor=SYSTEM, limit=limit)
    if as_json:
        print_json(found)
        return
    if not found.configured:
        typer.echo("E-post er ikke satt opp (LEGETJENESTE_SMTP_HOST): e-postene blir liggende i utboksen.")
    for email in found.emails:
        error = f" – {email.last_error}" if email.last_error else ""
        status = STATUS_NAMES_NB[email.status]
        typer.echo(
            f"{email.id}\t{email.recipient}\t{status}, {email.attempts} forsøk{error}\t{email.subject}"
        )
