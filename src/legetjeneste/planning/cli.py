"""CLI for statistics: `legetjeneste statistics load` (SSB), `key-figures` (against the country and similar
municipalities, by name), `show` (the municipality's year),
`import-fees` (fee-code counts, CSV) and `import-population` (SSB Statbank, CSV or JSON-stat)."""

from pathlib import Path
from typing import Annotated

import typer

from legetjeneste import norwegian
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import ValidationFailed
from legetjeneste.planning import service, ssb
from legetjeneste.planning.capacity import rules as capacity_rules
from legetjeneste.planning.capacity import service as capacity_service
from legetjeneste.planning.statistics import rules as statistics_rules
from legetjeneste.planning.statistics import service as statistics_service
from legetjeneste.planning.statistics.fee_codes import service as fee_code_service

app = typer.Typer(help="Statistikk: SSB, årsstatistikk og befolkning.", no_args_is_help=True)


@app.command("load")
def load(
    file: Annotated[
        Path | None, typer.Argument(help="SSB 12005-CSV; standard: tallene for 2025 som følger med")
    ] = None,
    year: Annotated[int, typer.Option(help="Årgang for filen")] = ssb.BUNDLED_YEAR,
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Last inn SSBs nøkkeltall for alle kommuner."""
    figures = ssb.parse_csv(file.read_text(encoding="utf-8"), year=year) if file else ssb.bundled_figures()
    count = run(service.load_national_statistics, actor=SYSTEM, figures=figures)
    if as_json:
        print_json({"figures": count, "year": year, "source": ssb.ATTRIBUTION})
    else:
        typer.echo(f"{count} nøkkeltall for {year} lastet inn. {ssb.ATTRIBUTION}.")


@app.command("key-figures")
def key_figures(
    number: Annotated[str, typer.Argument(help="Kommunenummer")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Vis kommunens SSB-tall mot landet og de fem kommunene som ligner mest i størrelse, med navn."""
    data = run(service.key_figures, actor=SYSTEM, municipality_number=number)
    if as_json:
        print_json(data)
        return
    typer.echo(f"Nøkkeltall for {data['municipality']['name']} {data['year']}")
    national = data["national"]
    for row in [data["municipality"], *data["similar"]]:
        f = row["figures"]
        typer.echo(
            f"  {row['name']} ({row['number']}): {norwegian.number(ssb.size_of(f))} på liste, "
            f"{norwegian.number(f.get(ssb.SHARE_WITHOUT_GP), 1)} % uten lege, "
            f"listelengde {norwegian.number(f.get(ssb.AVERAGE_LIST_LENGTH))}"
        )
    typer.echo(
        f"  Landet: {norwegian.number(national.get(ssb.SHARE_WITHOUT_GP), 1)} % uten lege, "
        f"listelengde {norwegian.number(national.get(ssb.AVERAGE_LIST_LENGTH))}"
    )
    typer.echo(f"{data['source']}. {data['names_source']}.")


@app.command("show")
def show(
    number: Annotated[str, typer.Argument(help="Kommunenummer")],
    year: Annotated[int, typer.Option("--year", help="Året")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Vis kommunens statistikk for et år ved siden av året før, med regel-id-er (STAT-*)."""
    report = run(statistics_service.year_report, actor=SYSTEM, municipality_number=number, year=year)
    if as_json:
        print_json(report)
        return
    current = report["current"]
    typer.echo(f"Statistikk for {report['municipality_name']} {year}")
    typer.echo(
        f"Legevaktkontakter per 1 000 per døgn: {norwegian.number(current.get('legevakt_rate'), 2)} "
        f"(vakttårn {norwegian.number(report['benchmark'], 2)}) (STAT-LV)"
    )
    for q in report["quality"]:
        typer.echo(f"  {q['label']}: {q['status_text']} (STAT-QI)")


@app.command("import-fees")
def import_fees(
    number: Annotated[str, typer.Argument(help="Kommunenummer")],
    file: Annotated[Path, typer.Argument(help="CSV: aar;organisasjonsnummer;takst;antall")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Importer takstbruk per legekontor og år fra CSV (docs/planning-imports.md)."""
    items, problems = statistics_rules.parse_fee_code_csv(file.read_text(encoding="utf-8"))
    if problems:
        fail(ValidationFailed(problems))
    count = run(fee_code_service.import_fee_codes, actor=SYSTEM, municipality_number=number, items=items)
    if as_json:
        print_json({"rows": count})
    else:
        typer.echo(f"{count} takstrader importert for kommune {number}.")


@app.command("import-population")
def import_population(
    number: Annotated[str, typer.Argument(help="Kommunenummer")],
    file: Annotated[Path, typer.Argument(help="SSB Statbank-fil: CSV (semikolon) eller JSON-stat (.json)")],
    projected: Annotated[bool, typer.Option("--projected", help="Filen er en framskriving")] = False,
    source: Annotated[str, typer.Option(help="Kilde, f.eks. «SSB tabell 07459»")] = "SSB Statbank",
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Importer befolkning per aldersgruppe og år fra en SSB-fil (STAT-POPULATION)."""
    text = file.read_text(encoding="utf-8")
    try:
        parse = capacity_rules.parse_jsonstat if file.suffix == ".json" else capacity_rules.parse_statbank_csv
        counts = parse(text)
    except (ValueError, KeyError) as error:
        typer.echo(f"Feil: filen kan ikke leses: {error}", err=True)
        raise typer.Exit(1) from error
    count = run(
        capacity_service.import_population,
        actor=SYSTEM,
        municipality_number=number,
        counts=counts,
        projected=projected,
        source=source,
    )
    if as_json:
        print_json({"figures": count, "projected": projected, "source": source})
    else:
        typer.echo(f"{count} befolkningstall importert for kommune {number}.")
