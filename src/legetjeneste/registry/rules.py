"""The register's rules as pure functions: listetak, open places, regular doctor, periods, identifiers."""

from collections.abc import Iterable
from datetime import date

from stdnum.no import kontonr, orgnr

from legetjeneste.dates import Period
from legetjeneste.errors import Problem


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


def is_valid_organisation_number(number: str) -> bool:
    """Nine digits, modulus-11 check digit, and (Brønnøysund) a first digit of 8 or 9."""
    return len(number) == 9 and number[0] in "89" and orgnr.is_valid(number)


def is_valid_account_number(number: str) -> bool:
    """A Norwegian bank account number: 11 digits with a modulus-11 check digit."""
    return len(number) == 11 and kontonr.is_valid(number)


def is_valid_hpr_number(number: str) -> bool:
    """HPR numbers are positive whole numbers of up to nine digits."""
    return number.isdigit() and 1 <= len(number) <= 9 and int(number) > 0
