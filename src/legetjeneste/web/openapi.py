"""What the JSON API says about itself: every status an /api/v1 operation can answer, with the error body
web/errors.py and web/limits.py actually send, derived in one place from the route.

- 401 and 403 where the operation needs the actor (a dependency that gives an `Actor`: a bearer token, the
  session cookie, or the feeds' `token`); 401 carries `WWW-Authenticate: Bearer`.
- 404 where a path or query parameter, or a field of the body, names a resource (`{doctor_id}`,
  `?municipality=`, `"office_id"`); another municipality's answers 404 too.
- 409 for every write: a rule about the resource's state, or the database's unique constraints.
- 413 where the operation takes a body (web/limits.py).
- 422 where it takes parameters or a body: the problems found, or a rule's refusal with its id.

A route may name more with `responses=` (its description is kept; the error body is added).
"""

import copy
import inspect
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, get_type_hints

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic.json_schema import models_json_schema
from starlette.routing import BaseRoute

from legetjeneste.auth.rules import Actor
from legetjeneste.web.limits import TOO_LARGE
from legetjeneste.web.schemas import ErrorRead, InvalidRead

API = "/api/v1/"
WRITES = {"post", "put", "patch", "delete"}
ERROR = "#/components/schemas/ErrorRead"
INVALID = "#/components/schemas/InvalidRead"
DESCRIPTIONS = {
    401: "Ikke innlogget: API-nøkkelen (Bearer) eller innloggingen mangler, er ugyldig eller utløpt.",
    403: "Brukeren har ikke lov til dette (eller et skjema med innloggingsøkt mangler CSRF-nøkkelen).",
    404: "Ressursen finnes ikke, eller hører til en annen kommune.",
    409: "Ressursens tilstand eller data som allerede er registrert hindrer endringen.",
    413: TOO_LARGE,
    422: "Ugyldige inndata (`problems` har ett innslag per felt), eller en regel avviser forespørselen "
    "(`rule_id` og `citation`).",
}
WWW_AUTHENTICATE = {
    "WWW-Authenticate": {"description": "Alltid «Bearer»", "required": True, "schema": {"type": "string"}}
}


def install(app: FastAPI) -> None:
    """`app.openapi()` answers with every status documented (built once, when first asked for)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(generate(), _routes(app))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def document(spec: dict[str, Any], routes: dict[tuple[str, str], APIRoute]) -> dict[str, Any]:
    """`spec` with every /api/v1 operation's error statuses and the error bodies among its schemas."""
    spec = copy.deepcopy(spec)
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            route = routes.get((path, method))
            if path.startswith(API) and route is not None:
                names = _body_names_a_resource(operation, spec)
                _add_statuses(
                    operation, needs_actor=needs_actor(route.dependant), writes=method in WRITES, names=names
                )
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(_error_schemas())
    for name in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422 body, which is never sent
        if not _referenced(spec, name):
            schemas.pop(name, None)
    return spec


def statuses(operation: dict[str, Any], *, needs_actor: bool, writes: bool, names: bool = False) -> set[int]:
    """The error statuses an operation can answer, from what it takes and whether it writes; `names`: its
    body names a resource."""
    parameters = operation.get("parameters", [])
    body = "requestBody" in operation
    found = set()
    if needs_actor:
        found |= {401, 403}
    if names or any(_names_a_resource(parameter) for parameter in parameters):
        found.add(404)
    if writes:
        found.add(409)
    if body:
        found.add(413)
    if parameters or body:
        found.add(422)
    return found


def _body_names_a_resource(operation: dict[str, Any], spec: dict[str, Any]) -> bool:
    """Whether the JSON body has a field that names a row by id or a municipality (`doctor_id`,
    `municipality_number`): a body that names one that is not there, or not the user's, answers 404."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    return any(_names_a_row(name) for name in _properties(content.get("schema", {}), spec))


def _properties(schema: dict[str, Any], spec: dict[str, Any]) -> Iterator[str]:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        yield from _properties(spec.get("components", {}).get("schemas", {}).get(name, {}), spec)
    for each in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
        yield from _properties(each, spec)
    yield from schema.get("properties", {})


def _names_a_row(name: str) -> bool:
    return name.endswith("_id") or name in ("municipality", "municipality_number")


def _names_a_resource(parameter: dict[str, Any]) -> bool:
    """A path parameter, or a query parameter that names a municipality or a row by id (`?doctor_id=`)."""
    name = parameter["name"]
    return parameter["in"] == "path" or (parameter["in"] == "query" and _names_a_row(name))


def needs_actor(dependant: Dependant) -> bool:
    """Whether the route, or a dependency of it, asks for the actor."""
    return any(_gives_actor(each.call) for each in _dependencies(dependant))


def _add_statuses(operation: dict[str, Any], *, needs_actor: bool, writes: bool, names: bool) -> None:
    responses = operation.setdefault("responses", {})
    declared = {int(status) for status in responses if status.isdigit() and 400 <= int(status) < 500}
    found = statuses(operation, needs_actor=needs_actor, writes=writes, names=names)
    for status in sorted(found | declared):
        response = responses.setdefault(str(status), {})
        if response.get("description", "Validation Error") == "Validation Error":
            response["description"] = DESCRIPTIONS.get(status, "Forespørselen ble avvist.")
        schema = INVALID if status == 422 else ERROR
        response["content"] = {"application/json": {"schema": {"$ref": schema}}}
        if status == 401:
            response["headers"] = WWW_AUTHENTICATE


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for each in dependant.dependencies:
        yield each
        yield from _dependencies(each)


def _gives_actor(call: Callable[..., Any] | None) -> bool:
    if call is None or not (inspect.isfunction(call) or inspect.ismethod(call)):
        return False
    try:
        return get_type_hints(call).get("return") is Actor
    except (NameError, TypeError):
        return False


def _routes(app: FastAPI) -> dict[tuple[str, str], APIRoute]:
    return {
        (route.path_format, method.lower()): route
        for route in _api_routes(app.routes)
        for method in route.methods or ()
    }


def _api_routes(routes: Iterable[BaseRoute]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        # Newer FastAPI keeps an included router whole instead of copying its routes into the app's; main.py
        # includes every router without a prefix, so the router's own paths are the app's.
        yield from _api_routes(getattr(getattr(route, "original_router", None), "routes", ()))


def _error_schemas() -> dict[str, Any]:
    _, found = models_json_schema(
        [(ErrorRead, "serialization"), (InvalidRead, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    return found["$defs"]


def _referenced(spec: dict[str, Any], name: str) -> bool:
    return f'"#/components/schemas/{name}"' in json.dumps(spec)
