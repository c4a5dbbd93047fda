"""`legetjeneste duties`: each GP against the cap (`overview`) and the nursing-home hours against the norm
with the cover while doctors are away and the year's vikar budget against what is spent (`tilsyn`); with
--json, one JSON document."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.duties import rules
from legetjeneste.duties import service as duty_service
from legetjeneste.duties.tilsyn import service as tilsyn_service
from legetjeneste.duties.tilsyn.cover import service as cover_service
from legetjeneste.errors import Problem, ValidationFailed

app = typer.Typer(
    help="Kommunale oppgaver: plikt, pålegg og fordeling; tilsyn i sykehjem mot normen.", no_args_is_help=True
)
Municipality = Annotated[str, typer.Argument(help="Kommunenummer")]
OnDate = Annotated[str | None, typer.Option("--date", help="Dato, ÅÅÅÅ-MM-DD; standard i dag")]
AsJson = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(ValidationFailed([Problem("--date", f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
        raise


@app.command("overview")
def overview(municipality: Municipality, on: OnDate = None, as_json: AsJson = False):
    """Hver fastlege mot plikten (DUTY-CAP): fradrag, frivillig, pålagt og det som kan pålegges."""
    found = run(duty_service.overview, actor=SYSTEM, municipality_number=municipality, on=_day(on))
    if as_json:
        print_json(found)
        return
    typer.echo(
        f"Kommunale oppgaver i {found.municipality_name} {found.on.isoformat()} (DUTY-CAP, DUTY-EXEMPT)"
    )
    for gp in found.gps:
        typer.echo(
            f"  {gp.doctor_name}: plikt {rules.hours_text(gp.cap)}, "
            f"fradrag {rules.hours_text(gp.deductions)}, "
            f"frivillig {rules.hours_text(gp.voluntary)}, pålagt {rules.hours_text(gp.ordered)}, "
            f"kan pålegges {rules.hours_text(gp.orderable)}"
            + (f" – fritatt: {gp.exempt}" if gp.exempt else "")
        )


@app.command("tilsyn")
def tilsyn(
    municipality: Municipality,
    on: OnDate = None,
    days: Annotated[int, typer.Option("--days", min=1, max=366, help="Dager med fravær som vises")] = 28,
    as_json: AsJson = False,
):
    """Legetimer i institusjonene mot normen per avdeling og totalt (TILSYN-NORM); udekkede timer mens leger
    er borte, og årets vikarbudsjett mot forbruket (TILSYN-COVER)."""
    day = _day(on)
    found = run(tilsyn_service.tilsyn, actor=SYSTEM, municipality_number=municipality, on=day)
    cover = run(
        cover_service.cover, actor=SYSTEM, municipality_number=municipality, first=found.on, days=days
    )
    if as_json:
        print_json({**found.model_dump(mode="json"), "cover": cover})
        return
    typer.echo(
        f"Tilsyn i {found.municipality_name}: planlagt {found.planned} t/uke "
        f"mot norm {found.norm} (TILSYN-NORM)"
    )
    for unit in found.units:
        norm = "ingen norm" if unit.norm is None else f"norm {unit.norm}, differanse {unit.difference}"
        typer.echo(f"  {unit.institution} – {unit.unit}: planlagt {unit.planned}, {norm}")
    typer.echo(
        f"Udekket {cover.first.isoformat()}–{cover.last.isoformat()}: {cover.uncovered_hours} t, "
        f"{cover.warnings} dager uten stedfortreder der det trengs (TILSYN-COVER)"
    )
    if cover.budget is not None:
        b = cover.budget
        typer.echo(
            f"Vikarbudsjett {b.year}: {b.amount} kr, brukt {b.spent} kr ({b.weeks} vikaruker), "
            f"igjen {b.left} kr"
        )
