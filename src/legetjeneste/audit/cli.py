"""CLI for the audit log: `legetjeneste audit`."""

from typing import Annotated

import typer

from legetjeneste.audit import service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.console import print_json, run


def audit(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    limit: Annotated[int, typer.Option(min=1, help="Høyst så mange, nyeste først")] = 1000,
):
    """Revisjonsloggen: hvem gjorde eller leste hva, når."""
    entries = run(service.list_entries, actor=SYSTEM, limit=limit)
    if as_json:
        print_json(entries)
        return
    for entry in entries:
        ids = ",".join(entry["record_ids"][:5]) + ("…" if len(entry["record_ids"]) > 5 else "")
        typer.echo(f"{entry['at']}  {entry['actor']:<30} {entry['action']:<7} {entry['entity']:<20} {ids}")
