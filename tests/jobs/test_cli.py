"""`legetjeneste worker --once [--json]`: runs the queue and exits."""

import json

import pytest
import typer

from legetjeneste.jobs import service
from legetjeneste.jobs.cli import worker
from legetjeneste.jobs.models import Job
from tests.command_line import command_line


@pytest.fixture
def cli(engine, monkeypatch):
    app = typer.Typer()
    app.command()(worker)
    with command_line(engine, monkeypatch, app) as invoke:
        yield lambda *args: invoke(*args)[:2]


def test_worker_once_runs_every_queued_job_and_exits_with_how_they_ended(cli, open_session):
    session = open_session()
    with session.begin():
        for kind in ("test.echo", "test.echo", "test.crash"):
            service.enqueue(session, kind=kind)
    code, out = cli("--once", "--json")
    assert (code, json.loads(out)) == (0, {"done": 2, "failed": 1})
    assert {job.status for job in open_session().query(Job)} == {"done", "failed"}
    assert cli("--once") == (0, "Ferdig: 0 jobber kjørt, 0 feilet.\n")
