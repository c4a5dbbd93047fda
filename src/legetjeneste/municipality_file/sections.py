"""The sections of the municipality file: each feature's part, declared as `Feature.file_section`.

A section is a module (a feature's `file_section.py` or `file_section/` package) with:

- `KEYS: dict[str, Any]` — the top-level keys it owns, in file order: key → the annotation of its list,
  `list[ItemIn]` or `Annotated[list[ItemIn], Field(description=...)]`. The envelope parses every item alone
  with `ItemIn`, so one bad item does not hide the problems of the others, and builds the JSON Schema.
- `check(session, parsed, *, today) -> list[Problem]` — what is wrong before anything is written
  (references, duplicates, the rules); errors stop the import, warnings are reported with it.
- `apply(session, parsed, changes, *, actor) -> list[Problem]` — write the section (upsert by natural key,
  never commit), counting into `changes`; a problem found only while writing (a step the rules refuse)
  stops the import, and the transaction writes nothing.
- `export(session, *, municipality_number) -> dict` — the section in the import format, so that
  export → import changes nothing.

Sections are checked, applied and exported in the features' order: a section may name what an earlier one
holds (absences name the register's doctors). All of it runs in the import's one transaction.
"""

import importlib
from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from sqlalchemy.orm import Session

from legetjeneste.features import features


def sections() -> list[ModuleType]:
    """The features' section modules, in the features' order."""
    return [importlib.import_module(f.file_section) for f in features() if f.file_section is not None]


@dataclass
class Changes:
    """What an import did, by entity: the report's `created`, `updated`, `unchanged` and `removed`."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: dict(getattr(self, name)) for name in ("created", "updated", "unchanged", "removed")}

    def count(self, entity: str, *, existed: bool = True, same: bool = False) -> None:
        (self.unchanged if same else self.updated if existed else self.created)[entity] += 1


def assign(target: Any, values: dict[str, Any]) -> bool:
    """Set the values that differ; whether any did."""
    changed = False
    for name, value in values.items():
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed = True
    return changed


def upsert(session: Session, changes: Changes, entity: str, existing: Any, values: dict, make) -> Any:
    """Update `existing` with `values`, or add `make(**values)` when there is none; counted either way."""
    if existing is None:
        created = make(**values)
        session.add(created)
        changes.created[entity] += 1
        return created
    (changes.updated if assign(existing, values) else changes.unchanged)[entity] += 1
    return existing
