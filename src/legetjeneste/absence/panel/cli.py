"""CLI for the GP panel: `legetjeneste panel AGREEMENT [--date D] [--json]`."""

from datetime import date
from typing import Annotated

import typer

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.rules.panel import services_text
from legetjeneste.absence.panel.schemas import GpPanelRead
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import fail, print_json, run
from legetjeneste.errors import Problem, ValidationFailed


def panel(
    agreement: Annotated[int, typer.Argument(min=1, max=2_147_483_647, help="Avtale-ID (fastlegeavtalen)")],
    on: Annotated[str | None, typer.Option("--date", help="Dato ÅÅÅÅ-MM-DD, standard i dag")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument")] = False,
):
    """Fastlegepanelet for en avtale på en dato, slik innbyggerne ser det på Helsenorge (HN-PANEL)."""
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        fail(ValidationFailed([Problem("--date", f"«{on}» er ikke en dato på formen ÅÅÅÅ-MM-DD")]))
    found = run(panel_service.gp_panel, actor=SYSTEM, agreement_id=agreement, on=day)
    if as_json:
        print_json(found)
        return
    typer.echo("\n".join(lines_of(found)))


def lines_of(found: GpPanelRead) -> list[str]:
    """The panel as plain text, the way the preview page shows it."""
    head = f"Fastlegepanelet for avtale {found.agreement_id} ({found.office_name}) {found.on}:"
    if not found.shown:
        return [head, f"  {found.staff_note}"]
    lines = [head, f"  {found.heading}"]
    lines += [f"  {text}" for text in (found.away.text if found.away else None, found.text) if text]
    if found.booking_button:
        lines.append(f"  [{found.booking_button}]")
    for service in found.services:
        lines.append(f"  {service.name}: {service.text} ({service.rule_id})")
    if found.emergency:
        lines.append(f"  {found.emergency}")
    if found.switched_off:
        off = services_text(found.switched_off)
        lines.append(f"  Slått av: {off} (HN-KEEP-ON: Helsenorge anbefaler å la tjenestene stå på)")
    if found.notice_heading:
        lines.append(f"  {found.notice_heading}:")
        lines += [f"    {notice}" for notice in found.notices]
    lines += [f"  {link} >" for link in found.links]
    return lines
