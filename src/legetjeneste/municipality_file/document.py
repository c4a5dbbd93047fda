"""Reading a municipality file's bytes into a document, refusing what could harm the service before any of it
is built: a file over the size limit, text that is not UTF-8, YAML aliases (a 641-byte «billion laughs» file
expands to gigabytes), nesting deeper than any real file, and a key given twice in one mapping (the second
would silently win). Each refusal is a Norwegian problem naming the place.
"""

import json
import re
from typing import Any

import yaml

from legetjeneste.errors import Problem, ValidationFailed

MAX_FILE_BYTES = 32 * 1024 * 1024  # the whole country's 2011 list as one file is about 4 MB
MAX_DEPTH = 20  # a real file nests 6 deep (agreements → doctor_periods → …)
ALIASES = "filen bruker YAML-ankre eller -aliaser (& og *); skriv verdiene ut i sin helhet"
BEGIN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _refuse(message: str, line: int | None = None) -> ValidationFailed:
    return ValidationFailed([Problem("", message + (f" (linje {line})" if line else ""))])


def text_of(raw: bytes) -> str:
    """The file's text: UTF-8 (a byte-order mark is allowed), at most MAX_FILE_BYTES."""
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse(f"filen er større enn {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _refuse("filen er ikke UTF-8-tekst; lagre den som UTF-8", line) from error


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.1 without its surprises for identifiers: 0301 stays "0301" (not octal 193), 12:30 stays text;
    a key given twice in one mapping is refused.

    libyaml's parser when PyYAML has it (it is several times faster); the safe constructor either way.
    """

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                line = key_node.start_mark.line + 1 if key_node.start_mark else None
                raise _refuse(f"nøkkelen «{key}» står to ganger i samme del av filen", line)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:int"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(0|[1-9][0-9_]*)$"), list("-+0123456789")
)


def check_yaml(text: str) -> None:
    """No aliases and no deeper nesting than MAX_DEPTH: looked at in the parser's events, before anything
    is built (so an alias bomb costs what its few bytes cost)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _refuse(ALIASES, line)
        if isinstance(event, BEGIN):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(f"filen er nestet dypere enn {MAX_DEPTH} nivåer", line)
        elif isinstance(event, END):
            depth -= 1


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise _refuse(f"nøkkelen «{key}» står to ganger i samme del av filen")
        found[key] = value
    return found


def _depth(value: Any) -> int:
    """How deep a JSON document nests (iteratively: a deep document must not exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def load_json(text: str) -> Any:
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise _refuse(f"filen er ikke gyldig JSON ({error.msg})", error.lineno) from error
    except RecursionError as error:
        raise _refuse(f"filen er nestet dypere enn {MAX_DEPTH} nivåer") from error
    if _depth(document) > MAX_DEPTH:
        raise _refuse(f"filen er nestet dypere enn {MAX_DEPTH} nivåer")
    return document


def load_document(text: str, *, filename: str = "") -> Any:
    """Read YAML or JSON text (JSON when the file name ends in .json); every refusal names the line."""
    if filename.lower().endswith(".json"):
        return load_json(text)
    try:
        check_yaml(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise _refuse("filen er ikke gyldig YAML", mark.line + 1 if mark else None) from error


def read_document(raw: bytes, *, filename: str = "") -> Any:
    """A file's bytes as a document: size, encoding, then the text as YAML or JSON."""
    return load_document(text_of(raw), filename=filename)
