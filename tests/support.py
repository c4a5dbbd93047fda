"""Helpers for tests: demo data, actors, documents."""

import copy
from pathlib import Path

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.format import load_document

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
VEFSN_FILE = EXAMPLES / "1824-vefsn.yaml"
KRAGERO_FILE = EXAMPLES / "4014-kragero.yaml"

VEFSN_KOMMUNEOVERLEGE = Actor(email="kol@vefsn.example", role="kommuneoverlege", municipality_number="1824")
KRAGERO_KOMMUNEOVERLEGE = Actor(
    email="kol@kragero.example", role="kommuneoverlege", municipality_number="4014"
)
VEFSN_DOCTOR = Actor(email="lege@vefsn.example", role="doctor", municipality_number="1824")
VEFSN_CITIZEN = Actor(email="innbygger@vefsn.example", role="citizen", municipality_number="1824")


def document(path: Path = VEFSN_FILE) -> dict:
    return copy.deepcopy(load_document(path.read_text(encoding="utf-8")))


def import_demo(session: Session, *paths: Path) -> None:
    for path in paths or (VEFSN_FILE, KRAGERO_FILE):
        file_service.import_municipality_file(session, actor=SYSTEM, document=document(path))
