"""A request body over the limit is refused with 413 and a Norwegian message before the app reads it, whether
the client announces its length or streams it; a body under the limit is untouched."""

from fastapi.testclient import TestClient

from legetjeneste.web.limits import MAX_BODY_BYTES, TOO_LARGE, BodyLimit


async def _echo(scope, receive, send):
    """An app that reads the whole body and answers with its length."""
    size, more = 0, True
    while more:
        message = await receive()
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(size).encode()})


def test_an_announced_body_over_the_limit_is_refused_with_413_as_json_under_the_api():
    client = TestClient(BodyLimit(_echo, limit=1000))
    answer = client.post("/api/v1/municipality-files", content=b"x" * 1001)
    assert answer.status_code == 413 and answer.json()["detail"]["message"] == TOO_LARGE
    page = client.post("/import", content=b"x" * 1001)
    assert page.status_code == 413 and page.text == TOO_LARGE
    assert client.post("/import", content=b"x" * 1000).text == "1000"


def test_a_streamed_body_is_refused_as_soon_as_it_passes_the_limit():
    chunks = (b"x" * 400 for _ in range(5))  # no length announced: sent in chunks
    answer = TestClient(BodyLimit(_echo, limit=1000)).post("/api/v1/municipality-files", content=chunks)
    assert answer.status_code == 413 and answer.json()["detail"]["message"] == TOO_LARGE


def test_the_limit_leaves_room_for_the_largest_municipality_file():
    from legetjeneste.municipality_file.document import MAX_FILE_BYTES

    assert MAX_BODY_BYTES > MAX_FILE_BYTES
