"""Dates and months as words on every main page (issue 13): no role meets «2027-07» or «2026-12-01» in a
page's text. A date may stand in ISO form only where a machine reads it: a form field's value, a
`<time datetime>`, a link, a download (iCalendar, CSV, PDF) or a Lovdata citation («FOR-2025-12-02-2405»).

Per role its start page and the pages it links to, and the pages issue 13 found months on with the pages they
link to; in-process on SQLite, and each route pattern read once for all roles (one page of it), so it stays
fast."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from legetjeneste.auth import service as auth_service
from tests.web.conftest import log_in
from tests.web.test_crawl_per_role import ROLES, Links, pattern, same_site

ISO = re.compile(r"(?<![\w-])(19|20)\d\d-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?(?![\w-])")
NOT_READ = {"script", "style", "textarea"}  # what a page runs or a user types, not text it shows
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Pages where issue 13 found a raw month or date, for the roles that see them.
ALSO = {
    "kommuneoverlege Vefsn": ["/kommuner/1824/legevakt/virkning", "/kommuner/1824/legevakt"],
    "kommuneoverlege Kragerø": ["/kommuner/4014/legevakt/virkning", "/kommuner/4014/legevakt"],
    "fastlege": ["/mine-onsker", "/mine-vakter", "/min-kalender"],
}
BEHIND = ("/fritak/{id}", "/ordninger/{id}")  # what the pages in ALSO link to that is read as well


class ShownText(HTMLParser):
    """The text a page shows, element by element (attribute values are never text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if not NOT_READ.intersection(self.open) and ISO.search(data):
            self.found.append(" ".join(data.split()))


def iso_texts(html: str) -> list[str]:
    parser = ShownText()
    parser.feed(html)
    return parser.found


def test_the_check_finds_a_raw_month_and_date_but_not_fields_times_links_or_citations():
    html = (
        '<p>Fritak 2027-07</p><p>fra 2026-12-01</p><input type="date" value="2026-12-01">'
        '<time datetime="2026-12-01">1. desember 2026</time>'
        '<a href="/kommuner/1824/utbetalinger/2026-03">mars</a>'
        "<p>FOR-2025-12-02-2405 § 33</p><script>let d = '2026-12-01'</script><p>HPR 9182404, 1824-01</p>"
    )
    assert iso_texts(html) == ["Fritak 2027-07", "fra 2026-12-01"]


def _new(page: str, html: str, read: set[str], only: tuple[str, ...] = ()) -> list[str]:
    """One page of each route pattern the page links to that no page read so far follows (their dates are
    written the same way whichever role reads them), or of the patterns in `only`; never a download."""
    links = Links()
    links.feed(html)
    found = []
    for target in (same_site(page, href) for href, _ in links.found):
        if target is None or urlsplit(target).path.lower().endswith((".pdf", ".ics", ".csv", ".yaml")):
            continue
        if pattern(target) not in read and (not only or pattern(target) in only):
            read.add(pattern(target))
            found.append(target)
    return found


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_no_main_page_of_any_role_shows_a_date_or_month_in_iso_form(browser_client, open_session):
    auth_service.add_user(
        open_session(),
        email=ROLES["innbygger"][0],
        role="citizen",
        municipality_number="1824",
        password=ROLES["innbygger"][1],
        check_password=False,
    )
    shown: list[str] = []
    read: set[str] = set()

    def check(label: str, page: str, html: str) -> None:
        shown.extend(f"{label} {page}: «{text[:120]}»" for text in iso_texts(html))

    for label, (email, password, _role) in ROLES.items():
        browser_client.cookies.clear()
        landed = log_in(browser_client, email, password)
        start = urlsplit(str(landed.url)).path
        read.add(pattern(start))
        check(label, start, landed.text)
        deeper = ALSO.get(label, [])  # read for each role named, whoever read the pattern before
        read.update(pattern(page) for page in deeper)
        for page in deeper + _new(start, landed.text, read):
            answer = browser_client.get(page)
            if answer.status_code == 200 and answer.headers["content-type"].startswith("text/html"):
                check(label, page, answer.text)
                if page in deeper:  # the applications and schemes behind these too
                    for behind in _new(page, answer.text, read, only=BEHIND):
                        check(label, behind, browser_client.get(behind).text)
    assert not shown, "ISO dates in the text of pages:\n" + "\n".join(sorted(set(shown)))
