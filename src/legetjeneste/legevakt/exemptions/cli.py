"""`legetjeneste roster impact NR [--json]`: the impact of granting exemptions, before deciding them (a
command of the `roster` group in legevakt/cli.py)."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.dates import WEEKDAY_NAMES_NB, parse_month
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.legevakt.exemptions import service as exemption_service


def _month(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_month(text)
    except ValueError:
        fail(ValidationFailed([Problem("--from", f"«{text}» er ikke en måned på formen ÅÅÅÅ-MM")]))
        raise


def impact(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer")],
    application: Annotated[
        list[int] | None, typer.Option("--application", help="Bare denne søknaden (kan gjentas)")
    ] = None,
    first: Annotated[str | None, typer.Option("--from", help="Første måned, ÅÅÅÅ-MM")] = None,
    months: Annotated[int | None, typer.Option("--months", min=1, max=12, help="Antall måneder")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")] = False,
):
    """Virkningen av å innvilge søknadene om fritak: deltakere og vakter per deltaker per måned."""
    found = run(
        exemption_service.impact,
        actor=SYSTEM,
        municipality_number=municipality,
        application_ids=application or None,
        first_month=_month(first),
        months=months,
    )
    if as_json:
        print_json(found)
        return
    _print(found)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")


def _print(found: dict) -> None:
    typer.echo(
        f"Søknader om fritak i kommune {found['municipality']} som vurderes: {len(found['applications'])}"
    )
    for item in found["applications"]:
        end = item["end"] or "uten slutt"
        what = item.get("ground_text", item["extent_text"])
        typer.echo(f"  #{item['id']} {item['doctor_name']} – {what}, {item['start']}–{end}")
    for scheme in found["schemes"]:
        typer.echo(f"{scheme['name']}:")
        for group in scheme["groups"]:
            if group["office_name"]:
                weekdays = ", ".join(WEEKDAY_NAMES_NB[w] for w in group["weekdays"])
                typer.echo(f"  {group['office_name']} ({weekdays})")
            for month in group["months"]:
                before, after = month["before"], month["after"]
                typer.echo(
                    f"    {month['month']}: {month['shifts']} vakter; "
                    f"deltakere {_number(before['participants'])}"
                    f" → {_number(after['participants'])} (vikarer {before['vikars']} → {after['vikars']}); "
                    f"vakter per deltaker {_number(before['shifts_per_participant'])}"
                    f" → {_number(after['shifts_per_participant'])}"
                )
