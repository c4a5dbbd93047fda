"""`legetjeneste worker [--once] [--poll S] [--json]`: run jobs from the queue in a process of its own, for
deployments with several server processes (set LEGETJENESTE_JOBS_IN_PROCESS=false for the servers)."""

import logging
import signal
import sys
import time
from typing import Annotated

import typer

from legetjeneste.console import print_json
from legetjeneste.db import get_engine
from legetjeneste.jobs.worker import POLL_EVERY, Daily, Worker


def worker(
    once: Annotated[bool, typer.Option("--once", help="Kjør jobbene som står i kø, og avslutt")] = False,
    poll: Annotated[float, typer.Option("--poll", help="Sekunder mellom hver titt i køen")] = POLL_EVERY,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ett JSON-dokument (med --once)")] = False,
):
    """Kjør lange jobber fra køen (som å lage vaktlister) til arbeideren stoppes."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    runner = Worker(get_engine())
    if once:
        ended = runner.drain()
        if as_json:
            print_json({"done": ended["done"], "failed": ended["failed"]})
        else:
            typer.echo(f"Ferdig: {ended['done']} jobber kjørt, {ended['failed']} feilet.")
        return
    # SIGTERM (a deployment stopping the worker) ends the job being run as stopped, as Ctrl+C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    typer.echo(f"Arbeideren {runner.id} kjører jobber fra køen (Ctrl+C stopper).", err=True)
    daily = Daily(runner.factory)
    try:
        while True:
            daily.look()
            if runner.run_next() is None:
                time.sleep(poll)
    except KeyboardInterrupt:
        typer.echo("Arbeideren er stoppet.", err=True)
