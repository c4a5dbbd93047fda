"""CLI of the citizen register: `legetjeneste citizens switch FNR --agreement ID [--date D] [--json]`,
`citizens waiting NR`, `citizens run daily|monthly NR [--date D]`, `citizens lengths NR --month YYYY-MM`,
`citizens draw AGREEMENT --count N [--seed S]`, `citizens vacant AGREEMENT`, `citizens generate NR`.
A refusal prints the rule on stderr and exits with 1."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens import service
from legetjeneste.citizens.distribution import service as distribution
from legetjeneste.citizens.exchange import service as exchange
from legetjeneste.citizens.runs import service as runs
from legetjeneste.citizens.switching import service as switching
from legetjeneste.console import fail, print_json, run
from legetjeneste.dates import parse_month
from legetjeneste.errors import Problem, ValidationFailed

app = typer.Typer(
    help="Innbyggerne og listene deres: bytte, venteliste, kjøringer, trekning.", no_args_is_help=True
)
Json = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]
Municipality = Annotated[str, typer.Argument(help="Kommunenummer")]
Day = Annotated[str | None, typer.Option("--date", help="Dagen, ÅÅÅÅ-MM-DD (standard: i dag)")]


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(ValidationFailed([Problem("--date", f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
        raise


@app.command("switch")
def switch(
    national_id: Annotated[str, typer.Argument(help="Fødselsnummer")],
    agreement: Annotated[int, typer.Option("--agreement", help="Fastlegeavtalen det byttes til")],
    on: Day = None,
    as_json: Json = False,
):
    """Bytt fastlege for en innbygger (CIT-SWITCH): virkning fra den 1. i neste måned."""
    citizen_id = run(service.citizen_id_of, actor=SYSTEM, national_id=national_id, why="bytte fastlege (CLI)")
    done = run(switching.switch, actor=SYSTEM, citizen_id=citizen_id, agreement_id=agreement, on=_day(on))
    if as_json:
        print_json(done)
        return
    typer.echo(
        f"Byttet til {done.doctor_name} (avtale {done.agreement_id}) fra {done.effective_text} "
        f"({done.rule_id})."
    )


@app.command("waiting")
def waiting(municipality: Municipality, as_json: Json = False):
    """Kommunens lister med ledige plasser og hvor mange som står på venteliste (CIT-WAIT)."""
    found = run(switching.waiting_lists, actor=SYSTEM, municipality_number=municipality)
    if as_json:
        print_json([f.model_dump(mode="json") for f in found])
        return
    for f in found:
        typer.echo(
            f"  {f.agreement_id}  {f.doctor_name:<30} ledige {f.open_places:>5}  venteliste {f.waiting:>5}"
        )


@app.command("run")
def run_command(
    kind: Annotated[
        str, typer.Argument(help="daily (tildeling og ventelister) eller monthly (virkningsdato)")
    ],
    municipality: Municipality,
    on: Day = None,
    as_json: Json = False,
):
    """Kjør den daglige tildelingen og ventelistene eller månedens virkningsdato for en kommune."""
    if kind not in ("daily", "monthly"):
        fail(ValidationFailed([Problem("kind", "må være daily eller monthly")]))
    use_case = runs.daily if kind == "daily" else runs.monthly
    day = _day(on) or date.today()
    done = run(use_case, actor=SYSTEM, municipality_number=municipality, on=day)
    if as_json:
        print_json(done)
        return
    typer.echo(f"Kjøring {done.run_id} ({kind}) {done.day}: {done.moved} flyttet fra {done.effective}.")
    for reason, count in done.by_reason.items():
        typer.echo(f"  {reason}: {count}")


@app.command("lengths")
def lengths(
    municipality: Municipality,
    month: Annotated[str, typer.Option("--month", help="Måneden, ÅÅÅÅ-MM")],
    as_json: Json = False,
):
    """Listelengder den 1. i måneden fra medlemskapene, ved siden av Helfos tall (avvik merket)."""
    try:
        first = parse_month(month)
    except ValueError:
        fail(ValidationFailed([Problem("--month", f"«{month}» er ikke en måned på formen ÅÅÅÅ-MM")]))
        raise
    report = run(service.list_lengths, actor=SYSTEM, municipality_number=municipality, month=first)
    if as_json:
        print_json(report)
        return
    for row in report.rows:
        mark = "  avvik" if row["agreement_id"] in report.differing else ""
        typer.echo(f"  {row['agreement_id']}  {row['list_length']:>6}  Helfo {row['helfo']}{mark}")


@app.command("draw")
def draw(
    agreement: Annotated[int, typer.Argument(help="Fastlegeavtalen som reduseres")],
    count: Annotated[int | None, typer.Option("--count", help="Hvor mange som flyttes")] = None,
    seed: Annotated[
        str | None, typer.Option("--seed", help="Trekningsnøkkel: den samme gir den samme trekningen")
    ] = None,
    on: Day = None,
    as_json: Json = False,
):
    """Gjennomfør en innvilget listereduksjon ved trekning (CIT-REDUCTION-DRAW)."""
    done = run(
        distribution.reduction_draw, actor=SYSTEM, agreement_id=agreement, count=count, seed=seed, on=_day(on)
    )
    if as_json:
        print_json(done)
        return
    typer.echo(
        f"Trekning {done.id}: {done.moved} innbyggere i {done.families} familier, "
        f"trekningsnøkkel {done.seed}."
    )


@app.command("vacant")
def vacant(
    agreement: Annotated[int, typer.Argument(help="Den ledige fastlegeavtalen")],
    on: Day = None,
    as_json: Json = False,
):
    """Fordel en ledig listes innbyggere på de andre listene (AGR-VACANT)."""
    done = run(distribution.distribute_vacant, actor=SYSTEM, agreement_id=agreement, on=_day(on))
    if as_json:
        print_json(done)
        return
    typer.echo(f"Fordeling {done.id}: {done.moved} innbyggere til {done.to_lists}.")


@app.command("export")
def export(
    municipality: Municipality,
    output: Annotated[Path, typer.Option("--output", "-o", help="Filen som skrives (JSON Lines)")],
    why: Annotated[str, typer.Option("--why", help="Hvorfor identitetene leses (skrives i revisjonsloggen)")],
):
    """Skriv kommunens innbyggere i innbyggerfilens format (docs/citizen-file.md); lesingen revideres."""
    lines = run(exchange.export_file, actor=SYSTEM, municipality_number=municipality, why=why)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    typer.echo(f"{len(lines) - 1} innbyggere skrevet til {output}.")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Innbyggerfilen (JSON Lines)")],
    as_json: Json = False,
):
    """Les inn innbyggere fra innbyggerfilen: alt eller ingenting; de som finnes fra før, hoppes over."""
    done = run(exchange.import_file, actor=SYSTEM, lines=file.read_text(encoding="utf-8").splitlines())
    if as_json:
        print_json(done)
        return
    typer.echo(f"{done.added} nye innbyggere, {done.already} fantes fra før, {done.places} listeplasser.")
