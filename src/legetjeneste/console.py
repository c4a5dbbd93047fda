"""Shared CLI plumbing: one JSON document on stdout, Norwegian errors on stderr with exit code 1."""

import json
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import typer
from pydantic import BaseModel

from legetjeneste.db import open_session
from legetjeneste.errors import DomainError, ValidationFailed

T = TypeVar("T")


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} kan ikke skrives som JSON")


def to_json(document: Any) -> str:
    return json.dumps(document, default=_plain, ensure_ascii=False, indent=2)


def print_json(document: Any) -> None:
    typer.echo(to_json(document))


def fail(error: DomainError) -> None:
    rule = f" ({error.rule_id})" if error.rule_id else ""
    typer.echo(f"Feil: {error.message}{rule}", err=True)
    if isinstance(error, ValidationFailed):
        for problem in error.problems:
            prefix = "  advarsel: " if problem.severity == "warning" else "  "
            typer.echo(f"{prefix}{problem}", err=True)
    raise typer.Exit(1)


def run(use_case: Callable[..., T], **kwargs: Any) -> T:
    """Call a service with a fresh session; a DomainError ends the command with its message."""
    try:
        with open_session() as session:
            return use_case(session, **kwargs)
    except DomainError as error:
        fail(error)
        sys.exit(1)
