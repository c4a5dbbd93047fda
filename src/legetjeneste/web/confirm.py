"""Nothing lost by a click (issue 13): a write that cannot be undone is done only when its form says
`confirmed=ja`. The page asks first in a disclosure that works without JS (templates/confirm.html); any
request without the answer (an old page, a script, a form sent again) is asked on a page of its own and
changes nothing. Both show the same partial, which says what will happen (`question`), as the absence's
delete does (absence/templates/_delete_question.html)."""

from fastapi import Request
from fastapi.responses import HTMLResponse

from legetjeneste.auth.rules import Actor
from legetjeneste.web.pages import render

CONFIRMED = "ja"


def is_confirmed(answer: object) -> bool:
    """Whether the form said yes to the question («confirmed=ja»)."""
    return answer == CONFIRMED


def again(values: dict[str, str]) -> dict[str, str]:
    """What was typed, to send again as hidden fields with the question (not the answer itself)."""
    return {k: v for k, v in values.items() if v and k != "confirmed"}


def ask_first(
    request: Request, *, actor: Actor | None, title: str, question: str, context: dict
) -> HTMLResponse:
    """The page that asks: `title` as its heading, then the `question` partial (rendered with `context` and
    `standalone`, so it offers «Avbryt» back) with its «Ja, …» button."""
    return render(
        request, "confirm_page.html", {**context, "title": title, "question": question}, actor=actor
    )
