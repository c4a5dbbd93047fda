"""The agreements and laws as dated data: one YAML file per quantity, each value with its source.

A value holds from its date until the next one; `null` ends it; asking for a date with no value
in force raises. Money units give Decimal values (strings in the file, never floats).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from legetjeneste.errors import DomainError

PARAMETERS_DIR = Path(__file__).parent / "parameters"
MONEY_UNITS = {"NOK", "NOK/pasient/år", "NOK/time", "NOK/år"}


class ParameterError(Exception):
    """A parameter file is malformed; raised when loading, never at request time."""


class ParameterNotInForce(DomainError):
    status_code = 422


@dataclass(frozen=True)
class DatedValue:
    since: date
    value: Any
    source: str


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    reference: str
    values: tuple[DatedValue, ...]

    def entry_on(self, day: date) -> DatedValue:
        in_force = [v for v in self.values if v.since <= day]
        if not in_force or in_force[-1].value is None:
            when = f"{day.day}.{day.month}.{day.year}"
            raise ParameterNotInForce(
                f"Parameteren «{self.description}» ({self.name}) har ingen verdi i kraft {when}",
                rule_id=self.reference,
            )
        return in_force[-1]

    def value_on(self, day: date) -> Any:
        return self.entry_on(day).value


def _parse_value(raw: Any, unit: str, where: str) -> Any:
    if raw is None:
        return None
    if isinstance(raw, dict):
        return {key: _parse_value(item, unit, f"{where}.{key}") for key, item in raw.items()}
    if unit in MONEY_UNITS:
        if not isinstance(raw, str):
            raise ParameterError(f"{where}: pengebeløp skal skrives som tekst, ikke som tall")
        try:
            return Decimal(raw)
        except InvalidOperation as exc:
            raise ParameterError(f"{where}: «{raw}» er ikke et beløp") from exc
    return raw


def parse_parameter(name: str, document: Any) -> Parameter:
    if not isinstance(document, dict):
        raise ParameterError(f"{name}: filen er ikke et YAML-objekt")
    for key in ("description", "unit", "reference", "values"):
        if not document.get(key):
            raise ParameterError(f"{name}: mangler «{key}»")
    values = []
    for since, entry in sorted(document["values"].items()):
        where = f"{name}@{since}"
        if not isinstance(since, date):
            raise ParameterError(f"{where}: nøkkelen skal være en dato (ÅÅÅÅ-MM-DD)")
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterError(f"{where}: mangler «value»")
        source = entry.get("source")
        if not isinstance(source, str) or not source.strip():
            raise ParameterError(f"{where}: verdien mangler kilde («source»)")
        values.append(DatedValue(since, _parse_value(entry["value"], document["unit"], where), source))
    return Parameter(name, document["description"], document["unit"], document["reference"], tuple(values))


def load_parameters(directory: Path = PARAMETERS_DIR) -> dict[str, Parameter]:
    parameters = {}
    for path in sorted(directory.rglob("*.yaml")):
        name = path.relative_to(directory).with_suffix("").as_posix()
        parameters[name] = parse_parameter(name, yaml.safe_load(path.read_text(encoding="utf-8")))
    return parameters


@lru_cache
def all_parameters() -> dict[str, Parameter]:
    return load_parameters()


def parameter(name: str) -> Parameter:
    try:
        return all_parameters()[name]
    except KeyError as exc:
        raise ParameterError(f"Ukjent parameter: {name}") from exc


def value(name: str, *, on: date) -> Any:
    """The value of parameter `name` in force on `on`; raises ParameterNotInForce if none is."""
    return parameter(name).value_on(on)


def in_force(day: date) -> list[dict]:
    """Every parameter with the value in force on `day` (or none), its date and its source."""
    result = []
    for name, item in all_parameters().items():
        entries = [v for v in item.values if v.since <= day]
        current = entries[-1] if entries else None
        result.append(
            {
                "name": name,
                "description": item.description,
                "unit": item.unit,
                "reference": item.reference,
                "value": current.value if current else None,
                "since": current.since if current else None,
                "source": current.source if current else None,
            }
        )
    return result
