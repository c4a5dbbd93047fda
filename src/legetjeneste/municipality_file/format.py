"""The municipality file's envelope: its shape, and parsing that reports every problem with the field's path.

One document with `municipality` and, after it, the sections of the features in their order (see
sections.py): the register's `offices`, `doctors`, `agreements` (each with its `doctor_periods`) and
`list_counts`, absence's `absences`, `digital_services`, `absence_assistant` and `office_notices`, the life
cycle's `lifecycle_cases`, and legevakt's `legevakt_schemes`, `doctor_courses`, `local_parameters` and
`exemptions`. docs/municipality-file.schema.json is generated from MunicipalityFile.
"""

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any, get_args, get_origin

import yaml
from pydantic import BaseModel, Field, ValidationError, create_model

from legetjeneste.errors import Problem
from legetjeneste.municipality_file.sections import sections
from legetjeneste.registry.schemas import Input, MunicipalityNumber, Name
from legetjeneste.validation import problems_from


class MunicipalityIn(Input):
    number: MunicipalityNumber
    name: Name
    inhabitants: Annotated[
        dict[Annotated[int, Field(ge=1900, le=2200)], Annotated[int, Field(ge=0)]],
        Field(description="Innbyggere per år"),
    ] = {}


def section_keys() -> dict[str, Any]:
    """Every section's keys, in file order: key → the annotation of its list."""
    return {key: annotation for section in sections() for key, annotation in section.KEYS.items()}


def _item_model(annotation: Any) -> type[BaseModel]:
    """The model of one item of a section's list: list[X] or Annotated[list[X], Field(...)] → X."""
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    (model,) = get_args(annotation)
    return model


@lru_cache
def municipality_file_model() -> type[BaseModel]:
    """MunicipalityFile: the municipality and every feature's section, each an optional list."""
    fields: dict[str, Any] = {key: (annotation, []) for key, annotation in section_keys().items()}
    return create_model(
        "MunicipalityFile",
        __base__=Input,
        __doc__="A whole municipality: the format of `legetjeneste import` and `legetjeneste export`.",
        municipality=(MunicipalityIn, ...),
        **fields,
    )


def __getattr__(name: str) -> Any:
    # MunicipalityFile is assembled from the features' sections when first asked for, so that the
    # sections can import this module.
    if name == "MunicipalityFile":
        return municipality_file_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class ParsedFile:
    """What parsed, each item with its index in the file, by section key; and the document as it was read."""

    municipality: MunicipalityIn | None = None
    items: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    document: dict = field(default_factory=dict)

    @property
    def number(self) -> str:
        assert self.municipality is not None, "only a file with a municipality is checked or applied"
        return self.municipality.number


def parse_file(document: Any) -> tuple[ParsedFile, list[Problem]]:
    """Parse item by item so that one bad item does not hide the problems of the others."""
    keys = section_keys()
    parsed, problems = ParsedFile(items={key: [] for key in keys}), []
    if not isinstance(document, dict):
        return parsed, [Problem("", "filen må inneholde ett objekt med municipality, offices, doctors, …")]
    parsed.document = document
    for key in document:
        if key != "municipality" and key not in keys:
            problems.append(Problem(str(key), "er en ukjent del av kommunefilen"))
    try:
        parsed.municipality = MunicipalityIn.model_validate(document.get("municipality"))
    except ValidationError as error:
        problems += problems_from(error, prefix=("municipality",))
    for name, annotation in keys.items():
        model = _item_model(annotation)
        raw_items = document.get(name, [])
        if not isinstance(raw_items, list):
            problems.append(Problem(name, "må være en liste"))
            continue
        for index, raw in enumerate(raw_items):
            try:
                parsed.items[name].append((index, model.model_validate(raw)))
            except ValidationError as error:
                problems += problems_from(error, prefix=(name, index))
    return parsed, problems


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out in full: no YAML anchors and aliases in a file people edit."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_document(document: dict, *, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"
    return yaml.dump(document, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=110)


def json_schema() -> dict:
    """The JSON Schema of the municipality file, as committed in docs/municipality-file.schema.json."""
    schema = municipality_file_model().model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://legetjeneste.example/schemas/municipality-file.schema.json",
        "title": "Kommunefil for legetjeneste",
        **{key: value for key, value in schema.items() if key != "title"},
    }
