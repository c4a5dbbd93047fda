"""Reading an HTML form into a Pydantic model, and a refusal into the lines a page shows: one place for all
pages, so every form keeps what was typed and names the field or the rule the same way."""

from collections.abc import Iterable, Mapping
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.validation import problems_from

M = TypeVar("M", bound=BaseModel)


def form_values(form) -> dict[str, str]:
    """The form's text fields, stripped, without the CSRF token."""
    return {
        key: value.strip() for key, value in form.items() if isinstance(value, str) and key != "csrf_token"
    }


def parse_form(
    model: type[M], values: Mapping[str, str], *, empty: Iterable[str] = (), checkboxes: Iterable[str] = ()
) -> M:
    """The fields the model has (by name or alias). An empty field is left out, so the model's default or its
    «required» message applies — except the `empty` ones, passed as "" so the rules can say why they are
    needed; a checkbox is true when it was sent."""
    names = set(model.model_fields) | {field.alias for field in model.model_fields.values() if field.alias}
    data: dict[str, object] = {name: value for name, value in values.items() if name in names and value}
    data.update({name: "" for name in empty if name in names and not values.get(name)})
    data.update({name: name in values for name in checkboxes if name in names})
    return validate(model, data)


def validate(model: type[M], data: Mapping) -> M:
    """The model from data a page has gathered, or a refusal naming each field in Norwegian."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ValidationFailed(problems_from(error)) from error


# Labels for the field names many forms share, so a refusal never shows a field's key to a user even where a
# page's own labels miss one (the page's labels win).
COMMON_LABELS = {
    "start": "Startdato",
    "end": "Sluttdato",
    "date": "Dato",
    "day": "Dag",
    "month": "Måned",
    "text": "Tekst",
    "note": "Merknad",
    "reason": "Begrunnelse",
    "kind": "Type",
    "doctor_id": "Lege",
    "office_id": "Legekontor",
    "agreement_id": "Fastlegeavtale",
    "email": "E-postadresse",
    "password": "Passord",
    "name": "Navn",
    # The pages' own query parameters (?ar=2026, ?fra=…, ?lege=…).
    "ar": "År",
    "fra": "Fra",
    "til": "Til",
    "dato": "Dato",
    "lege": "Lege",
}
# Where FastAPI found a bad value: not a part of the field's name.
LOCATIONS = ("query.", "path.", "body.", "form.")


def label_of(path: str, labels: Mapping[str, str]) -> str:
    """The field's label as the form shows it; never its key («» for the whole form or an unknown field)."""
    if path in labels:
        return labels[path]
    path = path.removeprefix(next((p for p in LOCATIONS if path.startswith(p)), ""))
    last = path.rsplit(".", 1)[-1]
    return labels.get(last) or COMMON_LABELS.get(path) or COMMON_LABELS.get(last, "")


def _key(path: str) -> str:
    return path.replace(".", "-").replace("[", "-").replace("]", "")


def field_id(path: str, form: str | None = None) -> str:
    """The id of a field's error message, named by the field's aria-describedby (templates/fields.html)."""
    return f"{form}-{_key(path)}-feil" if form else f"{_key(path)}-feil"


def input_id(path: str, prefix: str | None = None) -> str:
    """The id a form gives the field of `path` by default: the path, after the form's prefix when the page
    has several forms («notice-new-text»). The error summary links each problem to it (fields.html)."""
    return f"{prefix}-{_key(path)}" if prefix else _key(path)


class ProblemLine(str):
    """A line of the error summary: its text, and the path of the field it is about ("" for the whole form),
    which the summary links to (templates/fields.html `error_summary`)."""

    path: str

    def __new__(cls, text: str, path: str = "") -> "ProblemLine":
        line = super().__new__(cls, text)
        line.path = path
        return line


def problem_lines(error: DomainError, labels: Mapping[str, str]) -> list[str]:
    """Per problem «field label: message (RULE-ID)» (no label for the whole form, no id where no rule
    refused) with the field's path; a refusal by a rule as «message (RULE-ID, citation)»."""
    if isinstance(error, ValidationFailed):
        return [ProblemLine(_line(p, labels), _field_path(p.path)) for p in error.problems]
    if error.rule_id:
        return [f"{error.message} ({error.rule_id}{', ' + error.citation if error.citation else ''})"]
    return [error.message]


def _field_path(path: str) -> str:
    """The path without where FastAPI found it («body.start» → «start»)."""
    return path.removeprefix(next((p for p in LOCATIONS if path.startswith(p)), ""))


def _line(problem: Problem, labels: Mapping[str, str]) -> str:
    label = label_of(problem.path, labels)
    text = f"{label}: {problem.message}" if label else _capitalised(problem.message)
    return f"{text} ({problem.rule_id})" if problem.rule_id else text


def problem_text(problem: Problem) -> str:
    """A problem on the error page (web/templates/error.html): by the field's label, never by its key."""
    return _line(problem, {})


def _capitalised(message: str) -> str:
    return message[:1].upper() + message[1:]


def field_messages(error: DomainError | None) -> dict[str, str]:
    """Per field, what is wrong with it (the messages of its problems, rule ids as citations), for the message
    shown under the field and tied to it with aria-describedby."""
    if not isinstance(error, ValidationFailed):
        return {}
    found: dict[str, list[str]] = {}
    for p in error.problems:
        found.setdefault(p.path, []).append(f"{p.message} ({p.rule_id})" if p.rule_id else p.message)
    return {path: _capitalised("; ".join(messages)) + "." for path, messages in found.items()}


def failure_context(
    error: DomainError | None,
    values: Mapping[str, str] | None,
    labels: Mapping[str, str],
    *,
    form: str | None = None,
) -> dict:
    """What a page with forms shows after a refusal: the lines, the fields to mark, which form failed
    (when the page has several), what was typed, and the rule that refused it (none for field problems)."""
    return {
        "problems": problem_lines(error, labels) if error else [],
        "bad": [p.path for p in error.problems] if isinstance(error, ValidationFailed) else [],
        "field_messages": field_messages(error),
        "failed_form": form,
        "values": values or {},
        "refused_rule": error.rule_id if error and not isinstance(error, ValidationFailed) else None,
    }
