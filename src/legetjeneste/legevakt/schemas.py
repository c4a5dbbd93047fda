"""Field types that the scheme and exemption schemas share (here, so that neither sub-package imports the
other's schemas both ways: a `SchemeRead` lists its `ExemptionRead`s)."""

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field

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
