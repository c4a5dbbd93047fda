"""Every mapped class, imported once so that metadata and Alembic see them all: each package's and
sub-package's `models.py`, found on disk, so that a new feature's tables need no line here."""

import importlib
import pkgutil
from pathlib import Path

import legetjeneste


def model_modules() -> list[str]:
    """The dotted names of every models.py below legetjeneste/ (this module aside), in a stable order."""
    found: list[str] = []

    def visit(path: Path, prefix: str) -> None:
        for module in sorted(pkgutil.iter_modules([str(path)]), key=lambda m: m.name):
            if module.ispkg:
                visit(path / module.name, f"{prefix}{module.name}.")
            elif module.name == "models" and prefix != "legetjeneste.":
                found.append(f"{prefix}models")

    for root in legetjeneste.__path__:
        visit(Path(root), "legetjeneste.")
    return found


for _name in model_modules():
    importlib.import_module(_name)
