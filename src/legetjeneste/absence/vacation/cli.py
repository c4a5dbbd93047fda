"""CLI: `legetjeneste vacation-overview NR --from D --to D [--json]` (SU-VACATION)."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.absence.vacation.rules.data import VacationOverview
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import DomainError, Problem, ValidationFailed

JsonFlag = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


def _date(text: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError as error:
        raise ValidationFailed([Problem(option, f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]) from error


def _print(overview: VacationOverview) -> None:
    typer.echo(
        f"Ferieoversikt for {overview.municipality_name} ({overview.municipality_number}) "
        f"{overview.start}–{overview.end} ({overview.rule_id}, {overview.citation})"
    )
    typer.echo(f"Hull i dekningen: {len(overview.gaps)}")
    for gap in overview.gaps:
        typer.echo(f"  ! {gap.explanation}")
    for office in overview.offices:
        typer.echo(f"\n{office.office_name}")
        weeks = [week for week in office.weeks if week.away]
        if not weeks:
            typer.echo("  ingen registrert fravær i perioden")
        for office_week in weeks:
            typer.echo(f"  {office_week.week.label}")
            for away in office_week.away:
                typer.echo(f"    {away.doctor_name}: {away.dates_label}, {away.ground_label}")
                typer.echo(f"      dekning: {away.cover_text}")


def vacation_overview(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer")],
    first: Annotated[
        str | None, typer.Option("--from", help="Fra dato ÅÅÅÅ-MM-DD, standard 1. juni i år")
    ] = None,
    last: Annotated[
        str | None, typer.Option("--to", help="Til dato ÅÅÅÅ-MM-DD, standard 31. august i år")
    ] = None,
    as_json: JsonFlag = False,
):
    """Ferieoversikten for samarbeidsutvalget: hvem er borte, hvem dekker, og hull i dekningen
    (SU-VACATION, ASA 4310 § 4.2.3)."""
    try:
        period = vacation_service.requested_period(_date(first, "--from"), _date(last, "--to"))
    except DomainError as error:
        fail(error)
    overview = run(
        vacation_service.vacation_overview, actor=SYSTEM, municipality_number=municipality, period=period
    )
    if as_json:
        print_json(overview)
    else:
        _print(overview)
