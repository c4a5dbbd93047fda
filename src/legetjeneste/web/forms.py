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


def problem_lines(error: DomainError, labels: Mapping[str, str]) -> list[str]:
    """Per problem «field label: message (RULE-ID)» (no label for the whole form, no id where no rule
    refused); a refusal by a rule as «message (RULE-ID, citation)»."""
    if isinstance(error, ValidationFailed):
        return [_line(p, labels) for p in error.problems]
    if error.rule_id:
        return [f"{error.message} ({error.rule_id}{', ' + error.citation if error.citation else ''})"]
    return [error.message]


def _line(problem: Problem, labels: Mapping[str, str]) -> str:
    label = labels.get(problem.path, problem.path)
    text = f"{label}: {problem.message}" if label else problem.message
    return f"{text} ({problem.rule_id})" if problem.rule_id else text


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
        "failed_form": form,
        "values": values or {},
        "refused_rule": error.rule_id if error and not isinstance(error, ValidationFailed) else None,
    }
