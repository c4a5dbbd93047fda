"""CLI of the agreement life cycle: `legetjeneste deadlines NR [--date D] [--json]` and
`legetjeneste lifecycle open|step|show|cases|remind …`. A refusal prints the rule on stderr and exits
with 1."""

from datetime import date
from typing import Annotated

import typer
from pydantic import ValidationError

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.lifecycle import service
from legetjeneste.lifecycle.deadlines import service as deadline_service
from legetjeneste.lifecycle.deadlines.reminders import service as reminder_service
from legetjeneste.lifecycle.schemas import CaseCreate, CaseRead, StepCreate
from legetjeneste.validation import problems_from

app = typer.Typer(
    help="Saker om fastlegeavtalene: utlysning, tildeling, oppsigelse, hjemfall …", no_args_is_help=True
)
Municipality = Annotated[str, typer.Argument(help="Kommunenummer")]
Json = Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")]
Field = Annotated[
    list[str] | None,
    typer.Option("--set", "-s", help="Felt for steget, NAVN=VERDI (f.eks. application_deadline=2026-12-01)"),
]


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(ValidationFailed([Problem(option, f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
        raise


def deadline_document(overview) -> dict:
    """The deadlines as one JSON document: each with due_date, rule_id, case, agreement and status."""
    return overview.model_dump(mode="json", by_alias=True)


def deadlines(
    municipality: Municipality,
    on: Annotated[str | None, typer.Option("--date", help="Dato fristene vurderes mot, ÅÅÅÅ-MM-DD")] = None,
    as_json: Json = False,
):
    """Alle løpende frister i kommunens saker om fastlegeavtalene, med status (forfalt, nær, løper)."""
    day = _day(on, "--date")
    overview = run(deadline_service.deadlines, actor=SYSTEM, municipality_number=municipality, on=day)
    if as_json:
        print_json(deadline_document(overview))
        return
    typer.echo(f"Frister i {overview.municipality_name} kommune per {overview.on.isoformat()}:")
    for d in overview.deadlines:
        typer.echo(
            f"  {d.due_date.isoformat()}  {d.status_label:<7} {d.rule_id:<16} sak {d.case:<4} "
            f"avtale {d.agreement or '–'}: {d.text}"
        )
    if not overview.deadlines:
        typer.echo("  Ingen løpende frister.")


def _parse(model, data: dict):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        fail(ValidationFailed(problems_from(error)))
        raise


def _fields(pairs: list[str] | None) -> dict:
    fields = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep:
            fail(ValidationFailed([Problem("--set", f"«{pair}» må ha formen NAVN=VERDI")]))
        fields[name.strip()] = value.strip()
    return fields


def _print_case(case: CaseRead, as_json: bool) -> None:
    if as_json:
        print_json(case.model_dump(mode="json", by_alias=True))
        return
    typer.echo(f"Sak {case.id}: {case.title} ({case.status_label})")
    for step in case.steps:
        typer.echo(f"  {step.on.isoformat()}  {step.kind_label} – {step.recorded_by}")
    for clock in case.clocks:
        typer.echo(
            f"  frist {clock.due_date.isoformat()} {clock.status_label:<7} {clock.rule_id}: {clock.text}"
        )


@app.command("open")
def open_case(
    kind: Annotated[
        str, typer.Argument(help="Sakstype: vacancy, notice, deleliste, list_reduction, age_end, …")
    ],
    agreement: Annotated[int | None, typer.Option("--agreement", help="Avtalens id")] = None,
    municipality: Annotated[str, typer.Option("--municipality", help="Kommunenummer (ny avtale)")] = "",
    on: Annotated[str | None, typer.Option("--date", help="Dato, ÅÅÅÅ-MM-DD (standard i dag)")] = None,
    fields: Field = None,
    as_json: Json = False,
):
    """Opprett en sak om en fastlegeavtale."""
    data = {"kind": kind, "date": on or date.today().isoformat(), **_fields(fields)}
    case = run(
        service.open_case,
        actor=SYSTEM,
        data=_parse(CaseCreate, data),
        agreement_id=agreement,
        municipality_number=municipality,
    )
    _print_case(case, as_json)


@app.command("step")
def record_step(
    case: Annotated[int, typer.Argument(help="Saksnummer")],
    kind: Annotated[str, typer.Argument(help="Steg: announcement, award, hjemfall, notice, …")],
    on: Annotated[str | None, typer.Option("--date", help="Dato, ÅÅÅÅ-MM-DD (standard i dag)")] = None,
    text: Annotated[str, typer.Option("--text", help="Fritekst")] = "",
    fields: Field = None,
    as_json: Json = False,
):
    """Registrer et steg i en sak; reglene kan avvise det (med regel-ID)."""
    data = {"kind": kind, "date": on or date.today().isoformat(), "text": text, **_fields(fields)}
    saved = run(service.record_step, actor=SYSTEM, case_id=case, data=_parse(StepCreate, data))
    _print_case(saved, as_json)


@app.command("announce")
def announce(
    case: Annotated[int, typer.Argument(help="Saksnummer")],
    deadline: Annotated[str, typer.Option("--deadline", help="Søknadsfrist, ÅÅÅÅ-MM-DD")],
    location: Annotated[str, typer.Option("--location", help="Lokalisering")],
    listetak: Annotated[int, typer.Option("--listetak", help="Listetak")],
    operating_model: Annotated[str, typer.Option("--operating-model", help="self_employed eller salaried")],
    practice_type: Annotated[str, typer.Option("--practice-type", help="group eller solo")],
    on: Annotated[str | None, typer.Option("--date", help="Kunngjort, ÅÅÅÅ-MM-DD (standard i dag)")] = None,
    practice_form: Annotated[bool, typer.Option("--practice-form", help="Praksisskjemaet finnes")] = False,
    as_json: Json = False,
):
    """Registrer en utlysning (AGR-ANNOUNCE: minst 21 dagers søknadsfrist)."""
    data = {
        "kind": "announcement",
        "date": on or date.today().isoformat(),
        "application_deadline": deadline,
        "location": location,
        "listetak": listetak,
        "operating_model": operating_model,
        "practice_type": practice_type,
        "practice_form": practice_form,
    }
    saved = run(service.record_step, actor=SYSTEM, case_id=case, data=_parse(StepCreate, data))
    _print_case(saved, as_json)


@app.command("show")
def show(case: Annotated[int, typer.Argument(help="Saksnummer")], as_json: Json = False):
    """Vis en sak med steg og frister."""
    _print_case(run(service.get_case, actor=SYSTEM, case_id=case), as_json)


@app.command("cases")
def cases(municipality: Municipality, as_json: Json = False):
    """Kommunens saker om fastlegeavtalene."""
    found = run(service.list_cases, actor=SYSTEM, municipality_number=municipality)
    if as_json:
        print_json([c.model_dump(mode="json") for c in found])
        return
    for c in found:
        typer.echo(f"  {c.id:<4} {c.kind_label:<28} {c.status_label:<9} {c.title}")


@app.command("remind")
def remind(
    on: Annotated[str | None, typer.Option("--date", help="Dato, ÅÅÅÅ-MM-DD (standard i dag)")] = None,
    municipality: Annotated[str | None, typer.Option("--municipality", help="Bare denne kommunen")] = None,
    as_json: Json = False,
):
    """Varsle legene om frister i egne saker som er nær (hver frist én gang); kjøres daglig av tjenesten."""
    done = run(reminder_service.remind, actor=SYSTEM, on=_day(on, "--date"), municipality_number=municipality)
    if as_json:
        print_json(done.model_dump(mode="json", by_alias=True))
        return
    typer.echo(
        f"Varsler {done.on.isoformat()} (frister innen {done.reminder_days} dager): {len(done.told)} nye, "
        f"{done.already_told} varslet før, {done.without_user} uten bruker å varsle."
    )
    for r in done.told:
        line = f"  {r.due_date.isoformat()}  {r.rule_id:<16} sak {r.case:<4} {r.doctor_name}: {r.case_title}"
        typer.echo(line)
