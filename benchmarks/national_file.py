"""A synthetic municipality file built from NAV's national list of 4,274 GP lists (October 2011).

The list has no kommunenummer, so the whole country (or its first `rows` lists) becomes one synthetic
municipality: one office per distinct (praksisnavn, adresse, postnr_poststed) with a generated valid
organisation number, one doctor per pseudonymised GP (`GP-nnnn`, fictional HPR number and birth date),
one agreement per list with a regular doctor period for GP lists (none for vacant lists such as
"Ledig Liste"), and one monthly list count per agreement for 2011-10.

listetak is patients + free places where free places > 0; otherwise the list length, clamped into
1..2500 because AGR-LISTETAK refuses a listetak above 2500 (the clamped lists are counted in the notes).

Run as a script to write the file: `.venv/bin/python benchmarks/national_file.py -o var/norge-2011.yaml`.
"""

import argparse
import csv
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_CSV = SHARED_DATA / "nav_minfastlege_2011_gp_list_pseudonymized.csv"
CSV_PATH = Path(os.environ.get("LEGETJENESTE_NATIONAL_LIST", DEFAULT_CSV))
MAX_LISTETAK = 2500
MIN_LISTETAK = 1
MONTH = "2011-10"
AGREEMENT_START = "2011-01-01"
ORGANISATION_NUMBER_PREFIX = 98  # first digit 8 or 9 (Brønnøysund); 98xxxxxx is far from real offices
HPR_BASE = 8_000_000


@dataclass
class Notes:
    """What the 2011 list needed to fit our rules."""

    rows: int = 0
    offices: int = 0
    doctors: int = 0
    vacant_lists: int = 0
    clamped_listetak: list[str] = field(default_factory=list)
    below_min_listetak: int = 0
    offices_without_name: int = 0
    offices_with_mixed_attributes: int = 0


def read_rows(path: Path = CSV_PATH, rows: int | None = None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        found = list(csv.DictReader(handle))
    return found if rows is None else found[:rows]


def organisation_numbers():
    """Valid organisation numbers in order: eight digits and the modulus-11 check digit (skip check 10)."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    serial = 0
    while True:
        stem = f"{ORGANISATION_NUMBER_PREFIX}{serial:06d}"
        check = -sum(w * int(d) for w, d in zip(weights, stem, strict=True)) % 11
        if check < 10:
            yield f"{stem}{check}"
        serial += 1


def raw_listetak(row: dict[str, str]) -> int:
    """Patients + free places where free places > 0, otherwise the list length."""
    patients, free = int(row["antall_paa_listen"]), int(row["ledige_plasser"])
    return patients + free if free > 0 else patients


def listetak_of(row: dict[str, str]) -> tuple[int, bool]:
    """The listetak of one row and whether it had to be clamped into 1..2500."""
    raw = raw_listetak(row)
    clamped = min(max(raw, MIN_LISTETAK), MAX_LISTETAK)
    return clamped, clamped != raw


def _is_gp(row: dict[str, str]) -> bool:
    return row["fastlege_navn"].startswith("GP-")


def _office_key(row: dict[str, str]) -> tuple[str, str, str]:
    return row["praksisnavn"].strip(), row["adresse"].strip(), row["postnr_poststed"].strip()


def _office(row: dict[str, str], organisation_number: str) -> dict:
    name, address, postal = _office_key(row)
    code, _, city = postal.partition(" ")
    if not (len(code) == 4 and code.isdigit()):
        code, city = "", postal
    return {
        "organisation_number": organisation_number,
        "name": name or address or "Legekontor uten navn",
        "is_group_practice": row["gruppepraksis"] == "Ja",
        "street_address": address,
        "postal_code": code,
        "city": city.strip(),
        "is_accessible": row["tilgjengelig_funksjonshemmede"] == "Ja",
    }


def _serial(row: dict[str, str]) -> int:
    return int(row["fastlege_navn"].removeprefix("GP-"))


def _hpr_number(row: dict[str, str]) -> str:
    return str(HPR_BASE + _serial(row))


def _doctor(row: dict[str, str]) -> dict:
    serial = _serial(row)
    return {
        "hpr_number": _hpr_number(row),
        "first_name": "Lege",
        "last_name": row["fastlege_navn"],
        "birth_date": date(1950 + serial % 36, 1 + serial % 12, 1 + serial % 28).isoformat(),
        "specialist_status": "alis" if serial % 7 == 0 else "allmennmedisin",
    }


def _agreement(row: dict[str, str], agreement_id: int, office: str, listetak: int) -> dict:
    gp = _is_gp(row)
    periods = [{"doctor": _hpr_number(row), "role": "regular", "start": AGREEMENT_START}] if gp else []
    return {
        "id": agreement_id,
        "office": office,
        "listetak": listetak,
        "list_status": "open" if int(row["ledige_plasser"]) > 0 else "closed",
        "operating_model": "self_employed" if gp else "salaried",
        "fellesliste": row["fellesliste"] == "Ja",
        "start": AGREEMENT_START,
        "doctor_periods": periods,
    }


def build(
    rows: int | None = None,
    number: str = "9999",
    name: str = "Norge 2011 (syntetisk)",
    first_agreement_id: int = 1,
) -> tuple[dict, Notes]:
    """The document `legetjeneste import` reads, and notes on what the data needed."""
    source = read_rows(rows=rows)
    notes = Notes(rows=len(source))
    numbers = organisation_numbers()
    offices: dict[tuple[str, str, str], dict] = {}
    attributes: dict[tuple[str, str, str], set[tuple[str, str]]] = {}
    doctors, agreements, counts = [], [], []
    for agreement_id, row in enumerate(source, start=first_agreement_id):
        key = _office_key(row)
        if key not in offices:
            offices[key] = _office(row, next(numbers))
        attributes.setdefault(key, set()).add((row["gruppepraksis"], row["tilgjengelig_funksjonshemmede"]))
        if _is_gp(row):
            doctors.append(_doctor(row))
        else:
            notes.vacant_lists += 1
        listetak, clamped = listetak_of(row)
        if clamped:
            notes.clamped_listetak.append(f"{row['fastlege_navn']}: {raw_listetak(row)} → {listetak}")
        notes.below_min_listetak += listetak < 500
        agreements.append(_agreement(row, agreement_id, offices[key]["organisation_number"], listetak))
        patients = int(row["antall_paa_listen"])
        counts.append({"agreement": agreement_id, "month": MONTH, "list_length": patients})
    notes.offices, notes.doctors = len(offices), len(doctors)
    notes.offices_without_name = sum(1 for key in offices if not key[0])
    notes.offices_with_mixed_attributes = sum(1 for seen in attributes.values() if len(seen) > 1)
    document = {
        "municipality": {"number": number, "name": name},
        "offices": list(offices.values()),
        "doctors": doctors,
        "agreements": agreements,
        "list_counts": counts,
    }
    return document, notes


def build_municipality_file(
    rows: int | None = None,
    number: str = "9999",
    name: str = "Norge 2011 (syntetisk)",
    first_agreement_id: int = 1,
) -> dict:
    """The synthetic municipality file of the first `rows` lists (all 4,274 when None)."""
    return build(rows, number, name, first_agreement_id)[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write (.yaml or .json)")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--number", default="9999")
    parser.add_argument("--name", default="Norge 2011 (syntetisk)")
    args = parser.parse_args(argv)
    from legetjeneste.municipality_file.format import dump_document

    document, notes = build(args.rows, args.number, args.name)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dump_document(document, as_json=args.output.suffix == ".json"), encoding="utf-8")
    print(f"{args.output}: {notes}")


if __name__ == "__main__":
    main()
