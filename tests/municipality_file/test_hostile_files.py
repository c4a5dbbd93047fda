"""A hostile municipality file is refused before it costs the service anything, with a Norwegian message
naming the place: YAML aliases (the «billion laughs» file), a key given twice, nesting beyond any real
file, a file over the size limit, and text that is not UTF-8 — on the command line, the page and in code."""

import json

import pytest

from legetjeneste.cli import app
from legetjeneste.errors import ValidationFailed
from legetjeneste.municipality_file.document import MAX_DEPTH, MAX_FILE_BYTES, load_document, read_document
from tests.command_line import command_line
from tests.support import VEFSN_FILE
from tests.web.conftest import browser_client, csrf_of, log_in  # noqa: F401  (browser_client: fixture)

LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{','.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)]
    + ["municipality: *i"]
)


def refusal(raw: bytes, filename: str = "kommune.yaml") -> str:
    with pytest.raises(ValidationFailed) as refused:
        read_document(raw, filename=filename)
    [problem] = refused.value.problems
    return problem.message


def test_the_billion_laughs_file_is_refused_at_its_first_anchor_before_anything_is_built():
    assert len(LAUGHS.encode()) < 700
    assert refusal(LAUGHS.encode()) == (
        "filen bruker YAML-ankre eller -aliaser (& og *); skriv verdiene ut i sin helhet (linje 1)"
    )


def test_a_key_given_twice_is_refused_with_its_line_in_yaml_and_in_json():
    assert refusal(b"municipality:\n  number: '1824'\n  number: '1825'\n") == (
        "nøkkelen «number» står to ganger i samme del av filen (linje 3)"
    )
    twice = b'{"municipality": {"number": "1824", "number": "1825"}}'
    assert refusal(twice, "kommune.json") == "nøkkelen «number» står to ganger i samme del av filen"


def test_nesting_deeper_than_any_real_file_is_refused_in_yaml_and_in_json_even_when_very_deep():
    deep_yaml = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert refusal(deep_yaml.encode()) == f"filen er nestet dypere enn {MAX_DEPTH} nivåer (linje 1)"
    deepest_json = "[" * 100_000 + "]" * 100_000
    assert refusal(deepest_json.encode(), "kommune.json") == f"filen er nestet dypere enn {MAX_DEPTH} nivåer"
    deep_json = json.dumps(json.loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)))
    assert refusal(deep_json.encode(), "kommune.json") == f"filen er nestet dypere enn {MAX_DEPTH} nivåer"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_as_text():
    assert refusal(b" " * (MAX_FILE_BYTES + 1)) == "filen er større enn 32 MB"


def test_text_that_is_not_utf8_is_refused_with_the_line_of_the_first_bad_byte():
    latin1 = "municipality:\n  name: Kragerø\n".encode("latin-1")
    assert refusal(latin1) == "filen er ikke UTF-8-tekst; lagre den som UTF-8 (linje 2)"


def test_a_real_file_still_reads_with_a_byte_order_mark_and_its_identifiers_as_text():
    document = read_document(b"\xef\xbb\xbf" + VEFSN_FILE.read_bytes(), filename=VEFSN_FILE.name)
    assert document["municipality"]["number"] == "1824"
    assert load_document("number: 0301\ntime: 12:30\n") == {"number": "0301", "time": "12:30"}


def test_the_command_line_refuses_a_hostile_file_in_norwegian_without_a_traceback(
    engine, monkeypatch, tmp_path
):
    bomb, latin1 = tmp_path / "bombe.yaml", tmp_path / "latin1.yaml"
    bomb.write_text(LAUGHS, encoding="utf-8")
    latin1.write_bytes("municipality:\n  name: Kragerø\n".encode("latin-1"))
    with command_line(engine, monkeypatch, app) as invoke:
        for path, message in ((bomb, "YAML-ankre"), (latin1, "ikke UTF-8-tekst")):
            code, out, err = invoke("import", str(path))
            assert code == 1 and out == "" and message in err and "Traceback" not in err


def test_the_import_page_shows_the_refusal_with_its_line(browser_client):  # noqa: F811
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    form = browser_client.get("/import").text
    answer = browser_client.post(
        "/import",
        data={"csrf_token": csrf_of(form)},
        files={"file": ("bombe.yaml", LAUGHS.encode(), "application/yaml")},
    )
    assert (
        answer.status_code == 422 and "YAML-ankre eller -aliaser" in answer.text and "linje 1" in answer.text
    )
