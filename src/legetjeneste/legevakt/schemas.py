"""Field types that the scheme, exemption and wish schemas share (here, so that neither sub-package imports
the other's schemas both ways: a `SchemeRead` lists its `ExemptionRead`s)."""

import re
from datetime import date, datetime, time
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from legetjeneste.dates import OSLO


def _in_oslo(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


#: A shift's start or end: stored as Oslo's wall clock, answered with its offset (`…T15:30:00+01:00`).
OsloTime = Annotated[datetime, AfterValidator(_in_oslo)]
Code = Annotated[str, Field(min_length=1, max_length=30, pattern=r"^[a-z0-9_-]+$")]
LongText = Annotated[str, Field(max_length=4000)]


def period_in_order(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError("sluttdatoen er før startdatoen")


CLOCK = r"^([01]\d|2[0-3]):[0-5]\d(:00)?$"  # TT:MM (or TT:MM:00, as answered); "time" format needs a zone


def _clock(value: object) -> object:
    """'15:30' → 15:30; '24:00' is not a time of day (write 00:00, the next day is implied)."""
    if isinstance(value, str):
        if not re.fullmatch(CLOCK, value.strip()):
            raise ValueError(f"«{value}» er ikke et klokkeslett på formen TT:MM")
        hours, minutes = value.strip().split(":")[:2]
        return time(int(hours), int(minutes))
    return value


Clock = Annotated[time, BeforeValidator(_clock), WithJsonSchema({"type": "string", "pattern": CLOCK})]
