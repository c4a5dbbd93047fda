"""The register's rules as pure functions: listetak, open places, regular doctor, periods, identifiers."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from stdnum.no import kontonr, orgnr

from legetjeneste.dates import Period
from legetjeneste.errors import Problem


@dataclass(frozen=True)
class Limits:
    """The AGR-LISTETAK parameters resolved for one date."""

    max_listetak: int
    min_listetak: int


def listetak_problems(listetak: int, *, max_listetak: int, min_listetak: int) -> list[Problem]:
    """AGR-LISTETAK, FLF § 10 — at most the maximum; below the normal minimum only by agreement (warn)."""
    if listetak > max_listetak:
        return [Problem("listetak", f"{listetak} er over maksimum {max_listetak}", "AGR-LISTETAK")]
    if listetak < 1:
        return [Problem("listetak", "må være minst 1", "AGR-LISTETAK")]
    if listetak < min_listetak:
        return [
            Problem(
                "listetak",
                f"{listetak} er under {min_listetak}; det krever særskilt avtale med kommunen",
                "AGR-LISTETAK",
                severity="warning",
            )
        ]
    return []


def agreement_problems(*, listetak: int, start: date, end: date | None, limits: Limits) -> list[Problem]:
    """AGR-LISTETAK and the agreement's own consistency: the refusals only (a listetak below the normal
    minimum is a warning, shown with the agreement), and an end not before the start."""
    problems = [
        p
        for p in listetak_problems(
            listetak, max_listetak=limits.max_listetak, min_listetak=limits.min_listetak
        )
        if p.severity == "error"
    ]
    if end is not None and end < start:
        problems.append(Problem("end", "sluttdatoen er før startdatoen"))
    return problems


def open_places(*, listetak: int, list_length: int | None, list_status: str) -> int:
    """AGR-OPEN — an open list with room has listetak − list_length open places; any other list has none."""
    if list_status != "open" or list_length is None:
        return 0
    return max(listetak - list_length, 0)


def is_open(*, listetak: int, list_length: int | None, list_status: str) -> bool:
    """AGR-OPEN — open when the status is open and the list is below its listetak."""
    return open_places(listetak=listetak, list_length=list_length, list_status=list_status) > 0


def has_regular_doctor(periods: Iterable[tuple[str, Period]], *, on: date) -> bool:
    """AGR-OPEN — a list is "without a GP" when no `regular` doctor period covers the date."""
    return any(role == "regular" and period.contains(on) for role, period in periods)


def overlapping_regular_periods(periods: list[tuple[str, Period]]) -> list[tuple[int, int]]:
    """Pairs of indexes of overlapping `regular` periods: an agreement has one regular doctor at a time."""
    regular = [(index, period) for index, (role, period) in enumerate(periods) if role == "regular"]
    return [
        (first, second)
        for n, (first, first_period) in enumerate(regular)
        for second, second_period in regular[n + 1 :]
        if first_period.overlaps(second_period)
    ]


def period_problems(
    *, role: str, start: date, end: date | None, regular_periods: Sequence[tuple[Period, str]]
) -> list[Problem]:
    """A doctor period's own consistency: an end not before the start, and one regular doctor at a time: a
    `regular` period overlaps none of the agreement's other regular periods (`regular_periods`, each with
    its doctor's name)."""
    if end is not None and end < start:
        return [Problem("end", "sluttdatoen er før startdatoen")]
    if role != "regular":
        return []
    period = Period(start, end)
    return [
        Problem(
            "start", f"overlapper fastlegeperioden {other} for {name}; en avtale har én fastlege om gangen"
        )
        for other, name in regular_periods
        if other.overlaps(period)
    ]


def is_valid_organisation_number(number: str) -> bool:
    """Nine digits, modulus-11 check digit, and (Brønnøysund) a first digit of 8 or 9."""
    return len(number) == 9 and number[0] in "89" and orgnr.is_valid(number)


def is_valid_account_number(number: str) -> bool:
    """A Norwegian bank account number: 11 digits with a modulus-11 check digit."""
    return len(number) == 11 and kontonr.is_valid(number)


def is_valid_hpr_number(number: str) -> bool:
    """HPR numbers are positive whole numbers of up to nine digits."""
    return number.isdigit() and 1 <= len(number) <= 9 and int(number) > 0
