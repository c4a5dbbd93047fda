"""Each role follows every link it is shown, from its start page on: none answers 403 and no page answers 5xx
(DESIGN.md, "Privacy and security": a link is shown only where the user may follow it).

The crawl is breadth-first over same-site `<a href>` links, GET only (no form is sent, so it never logs out),
in-process on SQLite (and for two roles on PostgreSQL). Links that differ only in ids, months, dates or
query values share a route pattern: a few pages of each pattern are opened and their links read, every other
link of the pattern only has its status checked (so a link that answers 403 for one id and 200 for another
is still found). Files (.pdf, .ics, .csv) are checked, never read. A new page is covered as soon as a page
a role sees links to it.

Run with `-rP` (or `-s`) to see per role how many pages were visited and which links answer 404."""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import today_oslo
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import SolveCreate
from legetjeneste.legevakt.schemes import service as scheme_service
from legetjeneste.payments.runs import service as run_service
from tests.support import VEFSN_APPROVER
from tests.web.conftest import log_in

# Label → (e-mail, password, role); the citizen is made by the test, the others are the demo's users.
ROLES = {
    "kommuneoverlege Vefsn": ("kommuneoverlege@vefsn.example", "vefsn-demo", "kommuneoverlege"),
    "kommuneoverlege Kragerø": ("kommuneoverlege@kragero.example", "kragero-demo", "kommuneoverlege"),
    "systemadministrator": ("admin@legetjeneste.example", "admin-demo", "admin"),
    "kontoradministrator": ("kontor@mosjoen.example", "mosjoen-demo", "office_admin"),
    "SU-medlem": ("su@vefsn.example", "su-demo", "su_member"),
    "fastlege": ("lege@vefsn.example", "lege-demo", "doctor"),
    "fastlege 2": ("lege2@vefsn.example", "lege2-demo", "doctor"),
    "innbygger": ("innbygger@vefsn.example", "innbygger-demo", "citizen"),
}

# Links left in place on purpose while another part of issue 12 opens their page to the role: (role, route
# pattern) → why. Such a link may answer 403 until then; once it does not, the entry must go (the test says
# so), so nothing stays excused longer than it needs to.
PENDING: dict[tuple[str, str], str] = {}

MAX_PAGES = 400  # pages read per role
READ_PER_PATTERN = 3  # pages of one route pattern read; the rest of its links only have their status checked
CHECKED_PER_PATTERN = 15  # links of one route pattern checked at all
FILES = (".pdf", ".ics", ".csv", ".yaml")
ID = re.compile(r"^(\d+|\d{4}-\d{2}(-\d{2})?)$")


class Links(HTMLParser):
    """Every `<a href>` of a page with its text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href") or "", ""])

    def handle_data(self, data):
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            if href:
                self.found.append((href, " ".join(text.split())))


def pattern(url: str) -> str:
    """The route a URL follows: ids, months and dates as {id}, query values left out."""
    parts = urlsplit(url)
    path = "/".join("{id}" if ID.match(segment) else segment for segment in parts.path.split("/"))
    keys = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair})
    return path + ("?" + "&".join(keys) if keys else "")


def same_site(page: str, href: str) -> str | None:
    """The link's path and query when it is a page of this site, else None."""
    if href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    target = urlsplit(urljoin("http://testserver" + page, href))
    if target.netloc != "testserver":
        return None
    return target.path + (f"?{target.query}" if target.query else "")


@dataclass
class Crawl:
    role: str
    visited: list[str] = field(default_factory=list)
    checked: int = 0
    forbidden: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    pending: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def answer(self, where: str, url: str, status: int) -> None:
        self.checked += 1
        excused = PENDING.get((self.role, pattern(url)))
        if excused is not None:
            self.pending.setdefault((self.role, pattern(url)), []).append(status)
        if status == 403 and excused is None:
            self.forbidden.append(where)
        elif status >= 500:
            self.broken.append(f"{where} ({status})")
        elif status == 404:
            self.missing.append(where)


def crawl(client, role: str) -> Crawl:
    result = Crawl(role)
    queue: deque[tuple[str, str, str]] = deque([("(start)", "", "/")])
    seen: set[str] = {"/"}
    read, checked = Counter[str](), Counter[str]()
    while queue:
        source, text, url = queue.popleft()
        route = pattern(url)
        readable = not urlsplit(url).path.lower().endswith(FILES)
        to_read = readable and read[route] < READ_PER_PATTERN and len(result.visited) < MAX_PAGES
        if not to_read and checked[route] >= CHECKED_PER_PATTERN:
            continue
        checked[route] += 1
        answer = client.get(url)
        result.answer(f"{source}: «{text}» → {url}", url, answer.status_code)
        html = answer.status_code == 200 and "text/html" in answer.headers.get("content-type", "")
        if not (to_read and html):
            continue
        final = urlsplit(str(answer.url))
        page = final.path + (f"?{final.query}" if final.query else "")
        assert final.path != "/logg-inn", f"{role}: {source}: «{text}» → {url} logged the user out"
        read[route] += 1
        result.visited.append(page)
        links = Links()
        links.feed(answer.text)
        for href, link_text in links.found:
            target = same_site(page, href)
            if target is not None and target not in seen:
                seen.add(target)
                queue.append((page, link_text, target))
    return result


def with_a_payment_run_and_a_roster(open_session) -> None:
    """What the demo may lack, so that the pages behind them are crawled too: Vefsn's approved payment run for
    last month and a published two-week roster of its legevakt from today (each only when there is none)."""
    month = (today_oslo().replace(day=1) - timedelta(days=1)).replace(day=1)
    if not run_service.list_runs(open_session(), actor=SYSTEM, municipality_number="1824"):
        run_service.compute_run(open_session(), actor=SYSTEM, municipality_number="1824", month=month)
        run_service.approve_run(open_session(), actor=VEFSN_APPROVER, municipality_number="1824", month=month)
    for scheme in scheme_service.list_schemes(open_session(), actor=SYSTEM, municipality_number="1824")[:1]:
        if roster_service.list_rosters(open_session(), actor=SYSTEM, scheme_id=scheme.id):
            continue
        first = today_oslo()
        solve = {"from": first, "to": first + timedelta(days=13), "time_limit": 1, "seed": 1, "workers": 1}
        data = SolveCreate.model_validate(solve)
        job = roster_service.start_solve(
            open_session(),
            actor=SYSTEM,
            scheme_id=scheme.id,
            data=data,
            run="here",
            on_progress=lambda _report: None,  # wait for its turn behind the server's daily jobs
        )
        roster_service.publish(open_session(), actor=SYSTEM, roster_id=job.roster_id)


def _start_page_is_built(client, path: str) -> bool:
    return any(getattr(route, "path", None) == path for route in client.app.routes)


# Every role on SQLite; the two roles that reach the most pages on PostgreSQL too, where the pages, routers
# and forms have no tests of their own (tests/conftest.py, EDGES): each page they reach renders there.
CRAWLS = [("sqlite", label) for label in ROLES] + [
    ("postgresql", "kommuneoverlege Vefsn"),
    ("postgresql", "fastlege"),
]


@pytest.mark.parametrize(("engine", "label"), CRAWLS, indirect=["engine"])
def test_no_link_a_role_is_shown_answers_403_and_no_page_answers_5xx(label, browser_client, open_session):
    email, password, role = ROLES[label]
    with_a_payment_run_and_a_roster(open_session)
    if role == "citizen":
        auth_service.add_user(
            open_session(),
            email=email,
            role=role,
            municipality_number="1824",
            password=password,
            check_password=False,
        )
    logged_in = log_in(browser_client, email, password)
    start = urlsplit(str(logged_in.url)).path
    assert start != "/logg-inn", f"{label} could not log in"
    if logged_in.status_code == 404 and not _start_page_is_built(browser_client, start):
        pytest.skip(f"{label}'s start page {start} is not built on this branch yet")
    assert logged_in.status_code == 200, f"{label}'s start page {start} answers {logged_in.status_code}"

    result = crawl(browser_client, role)

    print(f"\n{label}: {len(result.visited)} pages visited, {result.checked} links checked")
    for line in result.missing:
        print(f"  404 {line}")
    problems = [f"403 {line}" for line in result.forbidden] + [f"5xx {line}" for line in result.broken]
    problems += [
        f"{route} no longer answers 403 for {who}: remove it from PENDING ({PENDING[(who, route)]})"
        for (who, route), statuses in result.pending.items()
        if 403 not in statuses
    ]
    assert not problems, (
        f"{label}: {len(result.forbidden)} links answer 403, {len(result.broken)} pages 5xx\n"
        + "\n".join(problems)
    )
    assert result.visited, f"{label} reached no page at all"
