"""What every page must pass in the browser: axe-core finds no violation, and on a phone-sized screen
nothing scrolls sideways.

axe-core comes from npm at set-up (package.json's devDependencies); it is evaluated through the DevTools
protocol, which the pages' Content-Security-Policy does not govern, so the policy stays as served."""

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
# Rules of WCAG 2.1 A and AA, as Digdir's tilsyn applies them (uu-tilsynet), plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: Page) -> list[str]:
    """Each violation axe-core finds on the page as it is now: rule, impact, and where."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        f"{item['id']} ({item['impact']}): {item['help']} — "
        + "; ".join(" ".join(node["target"]) for node in item["nodes"][:5])
        for item in result["violations"]
    ]


def assert_accessible(page: Page) -> None:
    found = axe_violations(page)
    assert not found, f"axe-core on {page.url}:\n" + "\n".join(found)


def sideways_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the screen (0: nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def assert_fits_phone(page: Page) -> None:
    """On a 360 px wide screen the page does not scroll sideways (a wide table scrolls inside its own box)."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        overflow = sideways_overflow(page)
        assert overflow <= 0, f"{page.url} is {overflow} px wider than a phone"
    finally:
        if size:
            page.set_viewport_size(size)


def open_menu(page: Page) -> None:
    """On a narrow page the header menu folds behind «Meny» (base.html): open it, as a phone's user would."""
    button = page.locator("summary", has_text="Meny")
    if button.is_visible() and page.locator("details.menu[open]").count() == 0:
        button.click()
