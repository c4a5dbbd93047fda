"""CLI for the monthly basistilskudd: `legetjeneste payments run NR --month YYYY-MM [--approve] [--json]` and
`legetjeneste payments csv NR --month YYYY-MM [-o FILE]`."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.dates import parse_month
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.payments.exports import service as export_service
from legetjeneste.payments.runs import service
from legetjeneste.payments.runs.rules.lines import month_name
from legetjeneste.payments.runs.schemas import RunRead

app = typer.Typer(help="Utbetaling av basistilskudd.", no_args_is_help=True)
Municipality = Annotated[str, typer.Argument(help="Kommunenummer")]
MonthOption = Annotated[str, typer.Option("--month", help="Måned, ÅÅÅÅ-MM")]
STATUS = {"draft": "utkast – ikke godkjent", "approved": "godkjent"}


def _month(text: str) -> date:
    try:
        return parse_month(text)
    except ValueError:
        fail(ValidationFailed([Problem("--month", f"«{text}» er ikke en måned på formen ÅÅÅÅ-MM")]))
        raise


def _amount(value) -> str:
    return f"{value:.2f}"


def run_document(found: RunRead) -> dict:
    """The run as one JSON document; amounts are strings with two decimals."""
    return {
        "municipality": found.municipality,
        "month": found.month,
        "status": found.status,
        "due_date": found.due_date.isoformat(),
        "total": _amount(found.total),
        "lines": [
            {
                "agreement": line.agreement,
                "payee_hpr": line.payee_hpr,
                "kind": line.kind,
                "amount": _amount(line.amount),
                "rule_id": line.rule_id,
                "text": line.text,
            }
            for line in found.lines
        ],
    }


def _print_table(found: RunRead) -> None:
    month = parse_month(found.month)
    typer.echo(
        f"Basistilskudd {month_name(month)} for kommune {found.municipality}: {STATUS[found.status]}, "
        f"forfall {found.due_date:%d.%m.%Y}, {len(found.lines)} linjer, sum {_amount(found.total)} kr"
    )
    for line in found.lines:
        agreement = str(line.agreement) if line.agreement else "–"
        typer.echo(
            f"  {agreement:>7}  {line.payee_name[:26]:<26} {line.kind_label[:24]:<24} "
            f"{_amount(line.amount):>12}  {line.rule_id}"
        )
    typer.echo("Per mottaker:")
    for payee in found.payees:
        account = payee.account_number or "MANGLER KONTONUMMER"
        name, hpr = payee.payee_name[:30], payee.payee_hpr or ""
        typer.echo(f"  {name:<30} {hpr:<9} {account:<19} {_amount(payee.total):>12}")


@app.command("run")
def run_month(
    municipality: Municipality,
    month: MonthOption,
    approve: Annotated[
        bool,
        typer.Option(
            "--approve",
            help="Godkjenn utkastet etter beregningen (bare uten fire øyne, PAY-FOUR-EYES)",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")] = False,
):
    """Beregn månedens utkast (PAY-*), og med --approve godkjenn det; en godkjent kjøring endres aldri."""
    day = _month(month)
    found = run(service.compute_run, actor=SYSTEM, municipality_number=municipality, month=day)
    if approve:
        found = run(
            service.approve_run,
            actor=SYSTEM,
            municipality_number=municipality,
            month=day,
            version=found.version,
        )
    if as_json:
        print_json(run_document(found))
    else:
        _print_table(found)


@app.command("csv")
def accounting_csv(
    municipality: Municipality,
    month: MonthOption,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Fil å skrive til (standard: skjermen)")
    ] = None,
):
    """Regnskapsfilen (CSV) for en godkjent kjøring, én rad per mottaker og avtale."""
    found = run(
        export_service.accounting_file, actor=SYSTEM, municipality_number=municipality, month=_month(month)
    )
    for missing in found.missing_accounts:
        typer.echo(
            f"Advarsel: {missing.payee_name} (HPR {missing.payee_hpr}) mangler kontonummer; cellen er tom.",
            err=True,
        )
    if output is None:
        typer.echo(found.text, nl=False)
        return
    try:
        output.write_text(found.text, encoding="utf-8", newline="")
    except OSError as error:
        fail(ValidationFailed([Problem("--output", f"kan ikke skrive {output}: {error.strerror}")]))
    typer.echo(f"Skrev {found.rows} rader til {output}.", err=True)
