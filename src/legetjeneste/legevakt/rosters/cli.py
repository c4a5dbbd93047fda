"""`legetjeneste roster solve SCHEME --from D --to D [--time-limit S] [--json]` and the other roster
commands (publish, vacancies), added to the `roster` Typer app of legevakt/cli.py.

The solve runs here, in this process, with a progress bar on stderr (rosters found so far); with --json
stdout gets exactly one JSON document."""

from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import JobRead, RosterRead, SolveCreate
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.rostering.problem import CATEGORY_NAMES_NB, COUNTERS

SchemeArg = Annotated[str, typer.Argument(help="Ordningens id eller kode")]
MunicipalityOption = Annotated[
    str | None, typer.Option("--municipality", help="Kommunenummer, når koden finnes i flere kommuner")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(ValidationFailed([Problem(option, f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
        raise


def solve_document(job: JobRead, roster: RosterRead | None) -> dict:
    """The solve as one JSON document: assignments (date, shift, HPR), per-doctor counts, vacancies,
    objective and bound."""
    document: dict = {
        "job": job.id,
        "status": job.status,
        "scheme": job.scheme_name,
        "from": job.start.isoformat(),
        "to": job.end.isoformat(),
        "seed": job.seed,
        "time_limit": job.time_limit,
        "objective": job.objective,
        "bound": job.bound,
        "gap": job.gap,
        "message": job.message,
        "roster": None,
    }
    if roster is None:
        return document
    document.update(
        roster=roster.id,
        version=roster.version,
        optimal=roster.is_optimal,
        assignments=[
            {
                "date": a.date.isoformat(),
                "shift": a.template,
                "shift_id": a.shift_id,
                "hpr_number": a.hpr_number,
            }
            for a in roster.assignments
        ],
        doctors=[
            {
                "hpr_number": d.hpr_number,
                "name": d.name,
                "participation": d.participation,
                "shifts": d.total,
                "counts": {c.counter: c.actual for c in d.counts},
                "targets": {c.counter: c.target for c in d.counts},
                "frequencies": d.frequencies,
            }
            for d in roster.doctors
        ],
        vacancies=[
            {"date": v.date.isoformat(), "shift_id": v.shift_id, "reason": v.reason} for v in roster.vacancies
        ],
        penalties=[{"rule": p.rule, "rule_id": p.rule_id, "cost": p.cost} for p in roster.penalties],
        changes=[c.model_dump(mode="json") for c in roster.changes],
    )
    return document


def _print_roster(roster: RosterRead) -> None:
    typer.echo(
        f"{roster.scheme_name} {roster.start:%d.%m.%Y}–{roster.end:%d.%m.%Y}, versjon {roster.version} "
        f"({roster.status_label.lower()}). {roster.certainty}"
    )
    typer.echo(f"  {'Lege':<28} {'HPR':<9} " + " ".join(f"{CATEGORY_NAMES_NB[c]:>16}" for c in COUNTERS))
    for d in roster.doctors:
        cells = " ".join(f"{c.actual:>5} (mål {c.target:>5.1f})" for c in d.counts)
        typer.echo(f"  {d.name[:28]:<28} {d.hpr_number:<9} {cells}")
    typer.echo(roster.summary)
    for line in roster.shortages:
        typer.echo(f"  {line}")
    typer.echo(f"Ledige vakter: {len(roster.vacancies)}")
    for v in roster.vacancies:
        typer.echo(f"  {v.date:%d.%m.%Y} {v.label}: {v.reason}")
    for c in roster.changes:
        typer.echo(
            f"  Endret {c.date:%d.%m.%Y} {c.label}: {c.from_doctor or 'ledig'} → {c.to_doctor or 'ledig'}"
        )


def solve(
    scheme: SchemeArg,
    first: Annotated[str, typer.Option("--from", help="Første dag, ÅÅÅÅ-MM-DD")],
    last: Annotated[str, typer.Option("--to", help="Siste dag, ÅÅÅÅ-MM-DD")],
    time_limit: Annotated[float, typer.Option("--time-limit", help="Sekunder løseren får")] = 10.0,
    seed: Annotated[int, typer.Option("--seed", help="Startverdi; samme verdi gir samme liste")] = 0,
    workers: Annotated[int, typer.Option("--workers", help="Tråder; 1 gir samme liste hver gang")] = 1,
    municipality: MunicipalityOption = None,
    as_json: JsonOption = False,
):
    """Lag et utkast til vaktliste for ordningen og perioden (CP-SAT), med forklaring og ledige vakter."""
    data = _solve_data(_date(first, "--from"), _date(last, "--to"), time_limit, seed, workers)
    scheme_id = run(
        roster_service.find_scheme, actor=SYSTEM, reference=scheme, municipality_number=municipality
    )
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console, disable=as_json
    ) as bar:
        task = bar.add_task("Løser …", total=time_limit)

        def show(progress) -> None:
            found = "én vaktliste" if progress.solutions == 1 else f"{progress.solutions} vaktlister"
            bar.update(
                task,
                completed=min(progress.wall_time, time_limit),
                description=f"Løser: {found} funnet så langt",
            )

        job = run(
            roster_service.start_solve,
            actor=SYSTEM,
            scheme_id=scheme_id,
            data=data,
            run="here",
            on_progress=show,
        )
        bar.update(task, completed=time_limit)
    roster = run(roster_service.get_roster, actor=SYSTEM, roster_id=job.roster_id) if job.roster_id else None
    if as_json:
        print_json(solve_document(job, roster))
    elif roster is None:
        typer.echo(f"Løsejobb {job.id}: {job.status_label}. {job.message or ''}", err=True)
        raise typer.Exit(1)
    else:
        _print_roster(roster)


def _solve_data(first: date, last: date, time_limit: float, seed: int, workers: int) -> SolveCreate:
    from pydantic import ValidationError

    from legetjeneste.validation import problems_from

    try:
        return SolveCreate.model_validate(
            {"from": first, "to": last, "time_limit": time_limit, "seed": seed, "workers": workers}
        )
    except ValidationError as error:
        fail(ValidationFailed(problems_from(error)))
        raise


def publish(roster: Annotated[int, typer.Argument(help="Vaktlistens id")], as_json: JsonOption = False):
    """Publiser et utkast; en publisert vaktliste endres ikke (planlegg på nytt for en ny versjon)."""
    found = run(roster_service.publish, actor=SYSTEM, roster_id=roster)
    if as_json:
        print_json({"roster": found.id, "status": found.status, "version": found.version})
    else:
        typer.echo(f"Vaktliste {found.id} versjon {found.version} er publisert.")


def vacancies(
    municipality: Annotated[str, typer.Argument(help="Kommunenummer")],
    year: Annotated[int, typer.Option("--year", help="Året")],
    as_json: JsonOption = False,
):
    """Ledige vakter per ordning i året: ved publisering, fylt fra vakanslisten, fortsatt ledige."""
    found = run(vacancy_service.vacancy_counts, actor=SYSTEM, municipality_number=municipality, year=year)
    if as_json:
        print_json([c.model_dump(mode="json") for c in found])
        return
    for c in found:
        typer.echo(
            f"{c.scheme_name}: {c.vacant_at_publication} ledige, {c.filled} fylt, "
            f"{c.still_vacant} fortsatt ledige"
        )


def register(app: typer.Typer) -> None:
    """Add the roster commands (solve, publish, vacancies) to the `roster` Typer app of legevakt/cli.py."""
    app.command("solve")(solve)
    app.command("publish")(publish)
    app.command("vacancies")(vacancies)
