"""The error summary above a refused form links each problem to its field (issue 13, as GOV.UK's and
Designsystemet's error summaries do): every link's target is on the page, so a click (or app.js) takes the
user to the field; a problem of the whole form stays text."""

import re
from html.parser import HTMLParser

import pytest

from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.web.forms import ProblemLine, input_id, problem_lines
from tests.web.conftest import csrf_of, log_in


class Summary(HTMLParser):
    """The ids on the page, and the links inside its error summaries with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.summaries = 0
        self._depth: list[bool] = []  # per open element: whether it is (inside) a summary
        self._link: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        summary = "ds-error-summary" in (found.get("class") or "").split()
        self.summaries += summary
        inside = summary or (bool(self._depth) and self._depth[-1])
        if tag == "a" and inside and (found.get("href") or "").startswith("#"):
            self._link = [found["href"][1:], ""]
        if tag not in ("input", "br", "meta", "link", "img", "hr"):
            self._depth.append(inside)

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        if self._depth:
            self._depth.pop()


def summary_links(html: str) -> list[tuple[str, str]]:
    """The summary's links, after checking there is a summary and that every link's target is on the page."""
    page = Summary()
    page.feed(html)
    assert page.summaries >= 1, "no error summary on the refused page"
    missing = [f"#{target} ({text})" for target, text in page.links if target not in page.ids]
    assert not missing, "links of the error summary without a target: " + ", ".join(missing)
    return page.links


def test_a_problem_line_carries_its_fields_path_and_a_rules_refusal_none():
    lines = problem_lines(
        ValidationFailed([Problem("start", "mangler (påkrevd felt)"), Problem("", "perioden overlapper")]),
        {"start": "Fra"},
    )
    assert lines == ["Fra: mangler (påkrevd felt)", "Perioden overlapper"]
    assert [line.path for line in lines] == ["start", ""] and isinstance(lines[0], ProblemLine)
    refused = problem_lines(RuleViolation("LV-REST", "SFS 2305 § 7.4", "For lite hvile"), {})
    assert not getattr(refused[0], "path", "")
    assert (input_id("details.children"), input_id("text", "notice-new")) == (
        "details-children",
        "notice-new-text",
    )


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_each_refused_forms_summary_links_its_problems_to_fields_on_the_page(browser_client):
    client = browser_client
    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")

    absence = client.get("/fravaer/ny").text
    refused = client.post("/fravaer/ny", data={"csrf_token": csrf_of(absence), "start": "2026-03-16"})
    assert ("end", "Siste fraværsdag: mangler (påkrevd felt)") in summary_links(refused.text)

    hours_page = "/kommuner/1824/utbetalinger/2026-03/timer"
    token = csrf_of(client.get(hours_page).text)
    refused = client.post(hours_page, data={"csrf_token": token, "doctor_id": "", "hours": ""})
    assert ("doctor_id", "Lege: mangler (påkrevd felt)") in summary_links(refused.text)

    overview = client.get("/kommuner/1824/legevakt").text
    scheme = re.search(r'href="(/ordninger/\d+)">Vefsn legevakt</a>', overview).group(1)
    application = {"csrf_token": token, "doctor": "9182402", "ground": "pregnancy", "start": "2027-01-01"}
    refused = client.post(f"{scheme}/fritak", data=application)
    assert ("apply-due_date", "Termin: termin må oppgis ved fritak for svangerskap (LV-EXEMPT-RIGHT)") in (
        summary_links(refused.text)
    )

    pending = re.search(r'href="(/fritak/\d+)">Siri Halsøy', overview).group(1)
    refused = client.post(f"{pending}/vedtak", data={"csrf_token": token, "reasons": ""})
    targets = [target for target, _ in summary_links(refused.text)]
    assert targets and all(target.startswith("decide-") for target in targets)

    mosjoen = next(o["id"] for o in client.get("/api/v1/offices").json() if o["name"] == "Mosjøen legesenter")
    notice = {"csrf_token": token, "text": "x" * 1001}  # the panel's notice form: its fields are prefixed
    refused = client.post(f"/kontorer/{mosjoen}/fastlegepanel/meldinger", data=notice)
    assert [target for target, _ in summary_links(refused.text)] == ["notice-new-text"]

    local = {"csrf_token": token, "name": "legevakt/discretion_weight_age"}  # no value, date or decision
    refused = client.post("/kommuner/1824/legevakt/parametere", data=local)
    targets = {target for target, _ in summary_links(refused.text)}
    assert targets == {"param-value", "param-since", "param-source"}

    refused = client.post("/kommuner/1824/mislighold", data={"csrf_token": token})
    targets = [target for target, _ in summary_links(refused.text)]
    assert targets and all(target.startswith("open-") for target in targets)

    refused = client.post("/kommuner/1824/saker", data={"csrf_token": token, "kind": "announcement"})
    targets = [target for target, _ in summary_links(refused.text)]
    assert targets and all(target.startswith("case-") for target in targets)

    client.cookies.clear()
    log_in(client, "lege@vefsn.example", "lege-demo")
    wishes = client.get("/mine-onsker").text
    form = re.search(r'action="(/mine-onsker/\d+)"', wishes).group(1)
    refused = client.post(form, data={"csrf_token": csrf_of(wishes), "day": "2020-01-01", "kind": "off"})
    assert [target for target, _ in summary_links(refused.text)] == ["new-day-" + form.rsplit("/", 1)[1]]
