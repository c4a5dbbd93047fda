"""The backup's format: each kind of value as JSON and back for either backend, and what a restore refuses."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from legetjeneste.backup.rules import (
    decode,
    encode,
    require_empty,
    require_intact,
    require_revision,
    require_same_tables,
    row_line,
)
from legetjeneste.errors import Conflict, DomainError

SUMMER = datetime(2027, 7, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))


@pytest.mark.parametrize(
    ("kind", "value", "written"),
    [
        ("decimal", Decimal("1230.50"), "1230.50"),
        ("date", date(2027, 3, 1), "2027-03-01"),
        ("time", time(15, 30), "15:30:00"),
        ("timestamp", datetime(2027, 3, 1, 15, 30), "2027-03-01T15:30:00"),
        ("timestamptz", SUMMER, "2027-07-01T12:30:00+02:00"),
        ("binary", b"\x00\xff", "AP8="),
        ("json", '{"a": null}', '{"a": null}'),
        ("boolean", True, True),
        ("float", 0.1, 0.1),
        ("text", "Mosjøen", "Mosjøen"),
    ],
)
def test_each_kind_is_written_exactly_and_read_back_as_it_was(kind, value, written):
    assert encode(kind, value) == written
    assert decode(kind, written) == value
    assert encode(kind, None) is None and decode(kind, None) is None


def test_a_timestamp_keeps_its_instant_and_one_written_without_zone_is_read_as_utc():
    assert decode("timestamptz", "2027-07-01T10:30:00+00:00") == SUMMER
    assert decode("timestamptz", "2027-07-01T10:30:00") == datetime(2027, 7, 1, 10, 30, tzinfo=UTC)


def test_a_row_is_one_line_of_compact_utf8_json():
    assert row_line([1, "ø", None]) == '[1,"ø",null]\n'.encode()


def test_another_revision_is_refused_naming_both():
    require_revision(database="b", backup="b")
    with pytest.raises(Conflict, match="revisjon «a», men sikkerhetskopien er fra revisjon «b»"):
        require_revision(database="a", backup="b")
    with pytest.raises(Conflict, match="revisjon «ingen»"):
        require_revision(database=None, backup="b")


def test_a_database_that_is_not_empty_is_refused_naming_each_filled_table():
    require_empty({"office": 0})
    with pytest.raises(Conflict, match=r"«office» \(1 rad\), «doctor» \(3 rader\)\."):
        require_empty({"office": 1, "empty": 0, "doctor": 3})


def test_other_tables_or_columns_are_refused_naming_them():
    same = {"office": [["id", "integer"]]}
    require_same_tables(database=same, backup=same)
    with pytest.raises(Conflict, match="mangler i databasen: extra; kolonnene i «office» er ikke de samme"):
        require_same_tables(database=same, backup={"office": [["id", "text"]], "extra": []})


def test_a_table_whose_count_or_checksum_differs_from_the_manifest_is_refused():
    require_intact(table="office", expected_rows=2, rows=2, expected_sha256="a" * 64, sha256="a" * 64)
    with pytest.raises(DomainError, match="«office» i sikkerhetskopien er endret eller skadet"):
        require_intact(table="office", expected_rows=2, rows=2, expected_sha256="a" * 64, sha256="b" * 64)
    with pytest.raises(DomainError, match="manifestet sier 2 rader"):
        require_intact(table="office", expected_rows=2, rows=3, expected_sha256="a" * 64, sha256="a" * 64)
