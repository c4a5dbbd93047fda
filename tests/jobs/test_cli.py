"""`legetjeneste worker --once [--json]`: runs the queue and exits."""

import json

import pytest
import typer
from typer.testing import CliRunner

from legetjeneste.db import get_engine
from legetjeneste.jobs import service
from legetjeneste.jobs.cli import worker
from legetjeneste.jobs.models import Job
from legetjeneste.settings import get_settings


@pytest.fixture
def cli(engine, monkeypatch):
    monkeypatch.setenv("LEGETJENESTE_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    app = typer.Typer()
    app.command()(worker)

    def invoke(*args: str):
        result = CliRunner().invoke(app, list(args))
        return result.exit_code, result.stdout

    yield invoke
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


def test_worker_once_runs_every_queued_job_and_exits_with_how_they_ended(cli, open_session):
    session = open_session()
    with session.begin():
        for kind in ("test.echo", "test.echo", "test.crash"):
            service.enqueue(session, kind=kind)
    code, out = cli("--once", "--json")
    assert (code, json.loads(out)) == (0, {"done": 2, "failed": 1})
    assert {job.status for job in open_session().query(Job)} == {"done", "failed"}
    assert cli("--once") == (0, "Ferdig: 0 jobber kjørt, 0 feilet.\n")
