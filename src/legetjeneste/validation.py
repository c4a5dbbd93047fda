"""Pydantic's validation errors as our Problems: the field's path and a Norwegian message."""

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from legetjeneste.errors import Problem

_MESSAGES = {
    "missing": "mangler (påkrevd felt)",
    "extra_forbidden": "er et ukjent felt",
    "int_type": "må være et heltall",
    "int_parsing": "må være et heltall",
    "int_from_float": "må være et heltall",
    "bool_type": "må være true eller false",
    "bool_parsing": "må være true eller false",
    "date_type": "må være en dato på formen ÅÅÅÅ-MM-DD",
    "date_parsing": "må være en dato på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "må være en dato på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "må være en dato uten klokkeslett",
    "string_type": "må være tekst",
    "string_pattern_mismatch": "har feil format",
    "decimal_type": "må være et beløp, f.eks. «1234.50»",
    "decimal_parsing": "må være et beløp, f.eks. «1234.50»",
    "decimal_max_digits": "har for mange sifre",
    "decimal_max_places": "kan ha høyst to desimaler",
    "decimal_whole_digits": "har for mange sifre",
    "list_type": "må være en liste",
    "dict_type": "må være et objekt (nøkler og verdier)",
    "model_type": "må være et objekt (nøkler og verdier)",
    "model_attributes_type": "må være et objekt (nøkler og verdier)",
    "json_invalid": "er ikke gyldig JSON",
    "json_type": "er ikke gyldig JSON",
    "float_parsing": "må være et tall",
    "float_type": "må være et tall",
}


def path_of(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            path += " (nøkkel)"
        else:
            path += f".{part}" if path else str(part)
    return path


def _core_message(kind: str, ctx: dict) -> str:
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"må være en av: {expected}"
    if kind == "string_too_short":
        return "kan ikke være tom" if ctx.get("min_length") == 1 else f"må ha minst {ctx['min_length']} tegn"
    if kind == "string_too_long":
        return f"kan ha høyst {ctx['max_length']} tegn"
    if kind in ("greater_than_equal", "greater_than"):
        return f"må være minst {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"kan være høyst {ctx.get('le', ctx.get('lt'))}"
    return _MESSAGES.get(kind, "har en ugyldig verdi")


def message_of(error: Mapping[str, Any]) -> str:
    """Norwegian, with the offending value in «» where it is a short plain value."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    message = _core_message(kind, ctx)
    shown = error.get("input")
    if kind in ("missing", "extra_forbidden", "string_too_short"):
        return message
    if isinstance(shown, str | int | float) and not isinstance(shown, bool) and len(str(shown)) <= 60:
        return f"«{shown}» {message}"
    return message


def problems_from(
    errors: ValidationError | Sequence[Mapping[str, Any]], *, prefix: tuple[Any, ...] = ()
) -> list[Problem]:
    items: Sequence[Mapping[str, Any]] = errors.errors() if isinstance(errors, ValidationError) else errors
    return [Problem(path_of(prefix + tuple(error["loc"])), message_of(error)) for error in items]
