"""docs/: the committed JSON Schema is the one the code generates, and every example file follows it."""

import json
from pathlib import Path

import jsonschema
import pytest

from legetjeneste.municipality_file.document import load_document
from legetjeneste.municipality_file.format import json_schema
from tests.support import KRAGERO_FILE, VEFSN_FILE

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "municipality-file.schema.json"


def test_the_committed_schema_is_the_generated_one_so_run_legetjeneste_schema_after_a_change():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


@pytest.mark.parametrize("path", [VEFSN_FILE, KRAGERO_FILE], ids=["vefsn", "kragero"])
def test_each_demo_municipality_file_follows_the_schema(path):
    document = json.loads(json.dumps(load_document(path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(document, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_schema_refuses_an_unknown_field():
    document = json.loads(json.dumps(load_document(VEFSN_FILE.read_text(encoding="utf-8")), default=str))
    document["agreements"][0]["mystery"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema())
