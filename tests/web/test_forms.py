"""A refusal as a form shows it (web/forms.py): each field named by its label, never by its key; the rule as a
small citation; the message under the field it belongs to."""

from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.web.forms import failure_context, field_id, problem_lines, problem_text

LABELS = {"end": "Siste fraværsdag", "details.children": "Antall barn"}


def test_a_problem_is_named_by_the_fields_label_and_its_rule_id_is_a_citation():
    error = ValidationFailed(
        [
            Problem("end", "sluttdatoen er før startdatoen"),
            Problem("start", "overlapper legens fravær 16.–27. mars 2026", "ABS-TYPES"),
        ]
    )
    assert problem_lines(error, LABELS) == [
        "Siste fraværsdag: sluttdatoen er før startdatoen",
        "Startdato: overlapper legens fravær 16.–27. mars 2026 (ABS-TYPES)",
    ]


def test_a_field_without_a_label_is_never_shown_by_its_key():
    error = ValidationFailed([Problem("vikar_hpr_number", "må være en registrert lege")])
    assert problem_lines(error, LABELS) == ["Må være en registrert lege"]


def test_a_refusal_by_a_rule_names_the_rule_and_its_paragraph():
    error = RuleViolation("ABS-COURSE", "ASA 4310 § 13.2", "forskning krever egen vikar")
    assert problem_lines(error, LABELS) == ["forskning krever egen vikar (ABS-COURSE, ASA 4310 § 13.2)"]


def test_the_failed_fields_are_marked_with_their_own_message_and_the_typed_values_kept():
    error = ValidationFailed(
        [Problem("end", "sluttdatoen er før startdatoen"), Problem("details.children", "må være minst 1")]
    )
    context = failure_context(error, {"end": "2026-03-10"}, LABELS, form="ny")
    assert context["bad"] == ["end", "details.children"]
    assert context["field_messages"] == {
        "end": "Sluttdatoen er før startdatoen.",
        "details.children": "Må være minst 1.",
    }
    assert context["values"] == {"end": "2026-03-10"} and context["failed_form"] == "ny"
    assert field_id("details.children", "ny") == "ny-details-children-feil"


def test_the_error_page_names_a_bad_query_value_by_its_label_and_a_bad_path_value_without_a_key():
    assert problem_text(Problem("query.ar", "«abc» må være et heltall")) == "År: «abc» må være et heltall"
    assert problem_text(Problem("path.absence_id", "«abc» må være et heltall")) == "«abc» må være et heltall"
