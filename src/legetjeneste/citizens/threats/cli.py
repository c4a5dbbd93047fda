"""CLI of threat cases (for the kommuneoverlege's system account): `legetjeneste threats list NR`,
`threats show ID` and `threats assign [NR] [--date D]` (THREAT-DEADLINE), each with `--json`. `show` prints
the patient's identity, and the read is audited as the system's."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens.threats import service
from legetjeneste.citizens.threats.decision import service as decision_service
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.norwegian import day_text

app = typer.Typer(
    help="Truende og voldelige pasienter (ASA 4310 vedlegg II): saker, tildeling etter fristen.",
    no_args_is_help=True,
)
Json = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(ValidationFailed([Problem("--date", f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
        raise


@app.command("list")
def list_cases(municipality: Annotated[str, typer.Argument(help="Kommunenummer")], as_json: Json = False):
    """Kommunens saker, uten pasientenes identitet."""
    found = run(service.list_cases, actor=SYSTEM, municipality_number=municipality)
    if as_json:
        print_json([case.model_dump(mode="json") for case in found])
        return
    for case in found:
        typer.echo(
            f"{case.reference:<6} {case.status_text:<28} {day_text(case.requested_on):<20} {case.doctor_name}"
        )


@app.command("show")
def show(
    case_id: Annotated[int, typer.Argument(help="Saksnummer (tallet i T-nummeret)")], as_json: Json = False
):
    """Én sak med pasientens identitet (lesingen logges)."""
    case = run(service.get_case, actor=SYSTEM, case_id=case_id)
    if as_json:
        print_json(case.model_dump(mode="json"))
        return
    typer.echo(f"{case.reference}: {case.status_text} – {case.outcome_text}")
    for measure in case.measures:
        typer.echo(f"  {measure.status_text:<12} {measure.label}")


@app.command("assign")
def assign(
    municipality: Annotated[str | None, typer.Argument(help="Kommunenummer (ellers alle)")] = None,
    on: Annotated[str | None, typer.Option("--date", help="Dagen, ÅÅÅÅ-MM-DD (ellers i dag)")] = None,
    as_json: Json = False,
):
    """Tildel ny fastlege der pasientens frist er ute (THREAT-DEADLINE)."""
    done = run(decision_service.assign_due, actor=SYSTEM, municipality_number=municipality, on=_day(on))
    if as_json:
        print_json(done)
        return
    typer.echo(f"{len(done)} pasienter fikk ny fastlege etter fristen.")
