"""Running `legetjeneste` commands in a test against the test database."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from legetjeneste.db import get_engine
from legetjeneste.settings import get_settings

Invoke = Callable[..., tuple[int, str, str]]


@contextmanager
def command_line(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, app: typer.Typer, *prefix: str
) -> Iterator[Invoke]:
    """`invoke(*args)` runs `app` (with `prefix` before the arguments) on the test database and gives
    (exit code, stdout, stderr); the settings and the engine are as before afterwards."""
    monkeypatch.setenv("LEGETJENESTE_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, [*prefix, *args])
        return result.exit_code, result.stdout, result.stderr

    try:
        yield invoke
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()
