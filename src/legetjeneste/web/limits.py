"""A limit on the size of a request's body, for every route: a larger body is refused with 413 and a
Norwegian message before the app reads it, whether the client announced its length or streams it."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The largest municipality file (municipality_file/document.MAX_FILE_BYTES, 32 MB) with a form around it.
MAX_BODY_BYTES = 33 * 1024 * 1024
TOO_LARGE = f"Forespørselen er større enn {MAX_BODY_BYTES // (1024 * 1024)} MB og ble ikke lest."


class TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuses a body over `limit` bytes with 413 (JSON under /api, text elsewhere)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.limit:
            await _refuse(scope, send)
            return
        seen, started = 0, False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:
                await _refuse(scope, send)


async def _refuse(scope: Scope, send: Send) -> None:
    if scope["path"].startswith("/api/"):
        body = json.dumps(
            {"detail": {"message": TOO_LARGE, "rule_id": None, "citation": None}}, ensure_ascii=False
        ).encode()
        kind = b"application/json"
    else:
        body, kind = TOO_LARGE.encode(), b"text/plain; charset=utf-8"
    headers = [
        (b"content-type", kind),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
