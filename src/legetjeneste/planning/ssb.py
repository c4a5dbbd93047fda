"""SSB table 12005 (KOSTRA): key figures of the GP scheme for every municipality, and comparisons; every
municipality's name (SSB's KLASS 131, the division valid from 1 January 2024).

Kilde: SSB, tabell 12005. The CSV has one row per kommunenummer; column headers are «CODE (label)».
"""

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import MappingProxyType

ATTRIBUTION = "Kilde: SSB, tabell 12005 (KOSTRA)"
BUNDLED_CSV = Path(__file__).parent / "data" / "ssb12005_fastlege_per_kommune_2025.csv"
BUNDLED_YEAR = 2025
NAMES_CSV = Path(__file__).parent / "data" / "kommuner_2024.csv"
NAMES_SOURCE = "Kommunenavn: SSB, Standard for kommuneinndeling (KLASS 131), 2024"

AGREEMENTS_WITH_GP = "KOSantallavtaler0001"
PATIENTS_WITH_GP = "KOSantallpasient0000"
LISTS_WITHOUT_GP = "KOSantallavtaler0000"
PATIENTS_WITHOUT_GP = "KOSantallpasient0001"
SHARE_WITHOUT_GP = "KOSandelpasiente0000"
OPEN_LISTS = "KOSaapnelister0000"
AVERAGE_LIST_LENGTH = "KOSgjsnlisteleng0000"
WOMEN = "KOSantallkvinnel0000"
CAPACITY = "KOSkapasitet0000"
RESERVE_CAPACITY = "KOSreservekapasi0000"
AGREEMENTS_TOTAL = "KOSantallavtaler0002"

LABELS = {
    AGREEMENTS_WITH_GP: "Fastlegeavtaler med lege",
    LISTS_WITHOUT_GP: "Lister uten lege",
    AGREEMENTS_TOTAL: "Avtaler i alt, inkl. lister uten lege",
    PATIENTS_WITH_GP: "Pasienter på liste med lege",
    PATIENTS_WITHOUT_GP: "Pasienter på liste uten lege",
    SHARE_WITHOUT_GP: "Andel pasienter på liste uten lege (%)",
    OPEN_LISTS: "Åpne lister",
    AVERAGE_LIST_LENGTH: "Gjennomsnittlig listelengde",
    CAPACITY: "Kapasitet (sum listetak)",
    RESERVE_CAPACITY: "Reservekapasitet (indeks, 100 = fulle lister)",
    WOMEN: "Kvinnelige fastleger",
}
_HEADER = re.compile(r"^(KOS\w+)")


@dataclass(frozen=True)
class Figure:
    municipality_number: str
    year: int
    code: str
    value: Decimal


def parse_csv(text: str, *, year: int) -> list[Figure]:
    """Every non-empty figure; duplicate rows of one municipality (e.g. 0301) are read once."""
    figures: dict[tuple[str, str], Figure] = {}
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))):
        number = (row.get("kommunenummer") or "").strip().zfill(4)
        for header, raw in row.items():
            match = _HEADER.match(header or "")
            if not match or raw is None or not raw.strip():
                continue
            try:
                value = Decimal(raw.strip())
            except InvalidOperation as exc:
                raise ValueError(f"kommune {number}, {header}: «{raw}» er ikke et tall") from exc
            figures[(number, match.group(1))] = Figure(number, year, match.group(1), value)
    return list(figures.values())


def bundled_figures() -> list[Figure]:
    return parse_csv(BUNDLED_CSV.read_text(encoding="utf-8"), year=BUNDLED_YEAR)


def parse_names(text: str) -> dict[str, str]:
    """«kommunenummer,kommunenavn» rows; lines starting with # (the source) are skipped."""
    rows = [line for line in text.lstrip("\ufeff").splitlines() if line.strip() and not line.startswith("#")]
    return {row["kommunenummer"].strip().zfill(4): row["kommunenavn"].strip() for row in csv.DictReader(rows)}


@cache
def municipality_names() -> MappingProxyType[str, str]:
    """Every municipality of Norway by number, as SSB's classification names them from 1 January 2024
    (357 municipalities; the Sami or Kven parallel name where one is official, e.g. «Guovdageaidnu –
    Kautokeino»). The figures of table 12005 use these numbers; a name the register holds wins over it."""
    return MappingProxyType(parse_names(NAMES_CSV.read_text(encoding="utf-8")))


def named(numbers: Iterable[str], registered: dict[str, str]) -> dict[str, str]:
    """The name of each municipality: the register's where it holds one, else SSB's, else «Kommune nnnn»."""
    known = municipality_names()
    return {n: registered.get(n) or known.get(n) or f"Kommune {n}" for n in numbers}


def national_totals(by_municipality: dict[str, dict[str, Decimal]]) -> dict[str, Decimal]:
    """The country: counts summed; averages, shares and the reserve-capacity index (listetak capacity per
    100 patients on lists with a GP, which reproduces SSB's figure per municipality) from the sums."""
    summed = {
        code: sum((figures.get(code, Decimal(0)) for figures in by_municipality.values()), Decimal(0))
        for code in (
            AGREEMENTS_WITH_GP,
            PATIENTS_WITH_GP,
            LISTS_WITHOUT_GP,
            PATIENTS_WITHOUT_GP,
            OPEN_LISTS,
            WOMEN,
            CAPACITY,
            AGREEMENTS_TOTAL,
        )
    }
    patients = summed[PATIENTS_WITH_GP] + summed[PATIENTS_WITHOUT_GP]
    if summed[AGREEMENTS_WITH_GP]:
        summed[AVERAGE_LIST_LENGTH] = (summed[PATIENTS_WITH_GP] / summed[AGREEMENTS_WITH_GP]).quantize(
            Decimal(1)
        )
    if summed[PATIENTS_WITH_GP]:
        summed[RESERVE_CAPACITY] = (100 * summed[CAPACITY] / summed[PATIENTS_WITH_GP]).quantize(Decimal(1))
    if patients:
        summed[SHARE_WITHOUT_GP] = (100 * summed[PATIENTS_WITHOUT_GP] / patients).quantize(Decimal("0.1"))
    return summed


def size_of(figures: dict[str, Decimal]) -> Decimal:
    """Citizens on a GP list, with or without a GP: the municipality's size in this table."""
    return figures.get(PATIENTS_WITH_GP, Decimal(0)) + figures.get(PATIENTS_WITHOUT_GP, Decimal(0))


def similar_municipalities(
    number: str, by_municipality: dict[str, dict[str, Decimal]], *, count: int = 5
) -> list[str]:
    """The municipalities nearest in size (on a log scale), nearest first."""
    own = size_of(by_municipality.get(number, {}))
    if own <= 0:
        return []
    others = [
        (abs(math.log(float(size_of(f))) - math.log(float(own))), n)
        for n, f in by_municipality.items()
        if n != number and size_of(f) > 0
    ]
    return [n for _, n in sorted(others)[:count]]
