"""axe-core (WCAG 2 A and AA rules) on every view, in both languages, at phone and laptop width, with a sample
plan and with an empty plan: no serious or critical violation. One server, one browser page reused for every
view; axe-core's script comes with axe-playwright-python, so nothing is fetched."""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from bench.measure import CHART, CHART_DRAWN, MAP_FRAME
from core import i18n, samples
from tests.browser.conftest import Server, guarded_context, new_page, wait_ready
from tests.browser.test_workshop import create_workshop

pytestmark = pytest.mark.browser
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
PAGES = ["", "business", "goals", "market", "timeline", "monitor", "plan", "workshop", "join"]
ROOM_VIEWS = ["room", "presenter"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# best-practice too, for the summary (heading-order is one): only WCAG rules' serious and critical findings fail.
RULES = {"runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]}, "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}
TOKEN = re.compile(r"plan=([A-Za-z0-9_-]{43})")
# Every chart drawn and every map set up (a map may have no layer: an empty plan's): axe reads the finished page.
DRAWN_JS = """([mapFrame, chart, chartDrawn]) => {
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  for (const f of document.querySelectorAll(mapFrame)) {
    const doc = f.contentDocument;
    if (!doc || !doc.querySelector('.leaflet-map-pane')) return false;
  }
  for (const c of document.querySelectorAll(chart)) if (!c.querySelector(chartDrawn)) return false;
  return true;
}"""

AXE = Axe()
FOUND: list[tuple[str, str, str, int]] = []  # (view, rule, impact, nodes), for the summary at the end


@pytest.fixture(scope="module")
def tab(browser: Browser, server: Server) -> Iterator[Page]:
    """One tab for every view (each view is a fresh page load): the facilitator's browser, so the room opens."""
    ctx = guarded_context(browser, server.url)
    page = new_page(ctx)
    yield page
    ctx.close()
    if FOUND:
        by_rule: dict[tuple[str, str], list[tuple[str, int]]] = collections.defaultdict(list)
        for view, rule, impact, nodes in FOUND:
            by_rule[(rule, impact)].append((view, nodes))
        print("\naxe violations (rule, impact: elements over all views; views):")
        for (rule, impact), seen in sorted(by_rule.items()):
            views = ", ".join(sorted({view for view, _ in seen}))
            print(f"  {rule} ({impact}): {sum(n for _, n in seen)} on {len(seen)} views: {views}")


@pytest.fixture(scope="module")
def plans(tab: Page, server: Server) -> dict[str, str]:
    """A plan loaded from a sample and an empty plan, made once by the Start page's buttons."""
    made = {}
    for kind, index in (("sample", samples.SLUGS.index("forno")), ("empty", None)):
        tab.goto(f"{server.url}/?lang=en")
        wait_ready(tab)
        if index is None:
            tab.get_by_role("button", name=i18n.t("en", "frame.new_plan")).first.click()
        else:
            tab.get_by_role("button", name=i18n.t("en", "frame.load_sample")).nth(index).click()
        tab.wait_for_url(TOKEN)
        wait_ready(tab)
        made[kind] = TOKEN.search(tab.url).group(1)
    return made


@pytest.fixture(scope="module")
def room(tab: Page, server: Server) -> dict[str, str]:
    """A workshop this browser created: the room's address and the code presenter mode is named by."""
    code = create_workshop(tab, server.url)
    return {"room": re.search(r"room=([A-Za-z0-9_-]{16})", tab.url).group(1), "code": code}


def _audit(page: Page, url: str, size: str, plan: str = "") -> list[str]:
    """Open ``url`` at ``size``, wait until it is drawn, run axe; the serious and critical violations, one line
    per element: rule, impact, target, what is wrong."""
    page.set_viewport_size(SIZES[size])
    page.goto(url)
    wait_ready(page)
    page.wait_for_function(DRAWN_JS, arg=[MAP_FRAME, CHART, CHART_DRAWN], timeout=30_000)
    results = AXE.run(page, options=RULES).response
    lines = []
    view = "/" + re.sub(r"(plan|room)=[^&]+&?|&?lang=(it|en)", "", url.split("/", 3)[-1]).rstrip("?&")
    view += f" ({re.search(r'lang=(it|en)', url).group(1)}{', ' + plan if plan else ''})"
    for violation in results["violations"]:
        FOUND.append((f"{view} {size}", violation["id"], violation["impact"], len(violation["nodes"])))
        if violation["impact"] not in BLOCKING or not set(violation["tags"]) & set(WCAG_TAGS):
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])[-120:]
            said = "; ".join(check["message"] for check in node["any"] + node["all"] + node["none"])
            lines.append(f"{violation['id']} ({violation['impact']}) on {view} at {size}: {target}: {said}")
    return lines


@pytest.mark.parametrize("plan", ["sample", "empty"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("route", PAGES)
def test_every_page_has_no_serious_accessibility_violation(tab, server, plans, route, lang, size, plan):
    found = _audit(tab, f"{server.url}/{route}?lang={lang}&plan={plans[plan]}", size, plan)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("view", ROOM_VIEWS)
def test_the_room_and_presenter_mode_have_no_serious_accessibility_violation(tab, server, room, view, lang, size):
    query = f"room={room['room']}" if view == "room" else f"present={room['code']}"
    found = _audit(tab, f"{server.url}/workshop?{query}&lang={lang}", size)
    assert found == [], "\n".join(found)


def test_the_audit_finds_a_planted_violation(tab, server):
    """The detector detects: grey text too pale on white, and an image without a text alternative."""
    tab.set_viewport_size(SIZES["laptop"])
    tab.goto(f"{server.url}/join?lang=en")
    wait_ready(tab)
    tab.evaluate(
        """() => { const title = document.querySelector('[data-testid=stMain] h1');
        const p = document.createElement('p'); p.textContent = 'pale text'; p.style.color = '#bbbbbb';
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); svg.setAttribute('role', 'img');
        title.after(p, svg); p.scrollIntoView(); }"""
    )
    rules = {v["id"] for v in AXE.run(tab, options=RULES).response["violations"] if v["impact"] in BLOCKING}
    assert {"color-contrast", "svg-img-alt"} <= rules
