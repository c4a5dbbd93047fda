"""Job kinds for the tests (no tests here): one that answers with its payload, ones that fail, one that
is interrupted, two that run past their budget (one reporting as it goes, one silent), one that holds its
place until the test lets it go, and a stopped hook that notes which jobs were given up."""

import threading
import time

from legetjeneste.errors import DomainError

given_up: list[int] = []
#: `hold` runs until this is set (the test sets and clears it).
release = threading.Event()


def echo(factory, job, progress) -> dict:
    progress({"step": 1})
    return {"echo": job.payload}


def refuse(factory, job, progress) -> None:
    raise DomainError("Kommunen har ingen fastleger.", rule_id="TEST-RULE")


def crash(factory, job, progress) -> None:
    raise KeyError("x")


def interrupt(factory, job, progress) -> None:
    raise KeyboardInterrupt


def stopped(factory, job) -> None:
    given_up.append(job.id)


def overrun(factory, job, progress) -> None:
    progress.set_budget(0.2)
    while True:
        progress({"step": "still"})
        time.sleep(0.02)


def silent(factory, job, progress) -> dict:
    progress.set_budget(0.2)
    time.sleep(0.8)
    return {"late": True}


def hold(factory, job, progress) -> dict:
    release.wait(30)
    return {"held": job.id}
