"""Job kinds for the tests (no tests here): one that answers with its payload, ones that fail, one that
is interrupted, and a stopped hook that notes which jobs were given up."""

from legetjeneste.errors import DomainError

given_up: list[int] = []


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
