"""db.when_free: a use case refused by SQLite's busy write lock is tried again, and then refused in
Norwegian; other errors pass through at once (docs/adr/0010)."""

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from legetjeneste import db
from legetjeneste.errors import Conflict


def sqlite_error(message: str, code: int) -> OperationalError:
    orig = sqlite3.OperationalError(message)
    orig.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("BEGIN IMMEDIATE", {}, orig)


def test_a_use_case_refused_while_another_writer_holds_sqlite_is_tried_again_until_it_succeeds():
    tries = []

    @db.when_free
    def use_case(value: int) -> int:
        tries.append(value)
        if len(tries) < 3:
            raise sqlite_error("database is locked", sqlite3.SQLITE_BUSY)
        return value * 2

    assert use_case(21) == 42 and tries == [21, 21, 21]


def test_a_use_case_still_refused_after_the_wait_is_a_conflict_in_norwegian(monkeypatch):
    monkeypatch.setattr(db, "WAIT_FOR_WRITER_SECONDS", 0.0)

    @db.when_free
    def use_case() -> None:
        raise sqlite_error("database is locked", sqlite3.SQLITE_BUSY)

    with pytest.raises(Conflict) as caught:
        use_case()
    assert caught.value.status_code == 409
    assert "Ingenting ble lagret; prøv igjen om litt" in caught.value.message


def test_another_database_error_is_not_tried_again():
    tries = []

    @db.when_free
    def use_case() -> None:
        tries.append(1)
        raise sqlite_error("no such table: x", sqlite3.SQLITE_ERROR)

    with pytest.raises(OperationalError):
        use_case()
    assert tries == [1]
