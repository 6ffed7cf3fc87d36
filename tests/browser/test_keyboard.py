"""Keyboard only, at laptop width, in both languages: from the Start page to a downloaded plan with Tab,
Shift+Tab, Enter, Space and the arrow keys (and typing into a field), and the focused element visible at every
step."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect

from core import i18n
from core.plan import store as store_mod
from tests.browser.conftest import after_run, wait_ready

pytestmark = pytest.mark.browser
KEYS = ("Tab", "Shift+Tab", "Enter", "Space", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight")
LAPTOP = {"width": 1366, "height": 768}
TOKEN = re.compile(r"plan=([A-Za-z0-9_-]{43})")
MAX_TABS = 80
# Streamlit's main area takes the focus (tabindex 0: the target of its "Skip to main content" link, and the way to
# scroll it with the keys) with no focus indicator of its own; no theme option changes that, and Rotta injects no
# CSS. Left out of the indicator check, and said so here.
STREAMLIT_MAIN = re.compile(r"^main\[\] ")
# The focused element (inside a shadow root too): its name and whether it is inside the viewport; and, for the
# element focused at the previous step, whether it looks different now that it has lost the focus: its outline,
# shadow, border, background or text, or those of the up to 3 wrappers Streamlit draws some of them on (it marks a
# focused button by a ring, a link by its background, a field by its border colour). No change fails.
FOCUSED_JS = """async () => {
  // two frames: the widget's own focus styles (set by React on the focus event) are drawn first
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const look = (el) => {
    const out = [];
    for (let n = el, d = 0; n && n.nodeType === 1 && d < 4; n = n.parentElement, d++) {
      const s = getComputedStyle(n);
      out.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderTopColor, s.borderBottomColor,
                s.borderLeftColor, s.backgroundColor, s.color, s.textDecorationLine].join('|'));
    }
    return out.join('#');
  };
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  const last = window.__rottaFocus;
  let previous = null;
  if (last && last.el !== el && last.el.isConnected)
    previous = {where: last.where, changed: look(last.el) !== last.look};
  window.__rottaFocus = null;
  if (!el || el === document.body) return {previous, focused: null};
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 80);
  const where = `${el.tagName.toLowerCase()}[${el.getAttribute('role') || ''}] ${JSON.stringify(name)}`;
  // in view once the page's scrolling to it is over (an expander still opening, a busy machine): up to 2 s
  const seen = () => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.top < window.innerHeight && r.left < window.innerWidth;
  };
  const until = performance.now() + 2000;
  while (!seen() && performance.now() < until) await new Promise((done) => requestAnimationFrame(done));
  const inView = seen();
  const box = el.getBoundingClientRect();
  const rect = [box.left, box.top, box.width, box.height].map(Math.round).join(',')
    + ` in ${window.innerWidth}x${window.innerHeight}`;
  window.__rottaFocus = {el, where, look: look(el)};
  return {previous, focused: {name, where, inView, rect}};
}"""

ANIMATIONS_OVER = """() => document.getAnimations().every(
  (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)"""


@pytest.fixture
def store(server) -> store_mod.Store:
    """The server's own database (the browser tests' server keeps it in ROTTA_DATA_DIR)."""
    return store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))


class Keyboard:
    """Presses only the allowed keys and checks, after each, that the focused element is in view and marked."""

    def __init__(self, page: Page):
        self.page = page
        self.steps: list[str] = []
        self.unmarked: list[str] = []  # focused, then left, and looked the same focused as not

    def press(self, key: str) -> dict:
        assert key in KEYS, f"{key} is not a keyboard-only key of this test"
        self.settled()
        self.page.keyboard.press(key)
        return self.check(key)

    def settled(self) -> None:
        """Wait until the page's finite animations are over, as a person sees a box open before the next key: an
        expander opens in ~0.2 s with its content clipped (``overflow: hidden``), and a Tab in that time scrolls
        the clipped box, not the page, leaving the focused element below the fold once it opens."""
        self.page.wait_for_function(ANIMATIONS_OVER, timeout=10_000)

    def check(self, key: str = "") -> dict:
        seen = self.page.evaluate(FOCUSED_JS)
        previous, focused = seen["previous"], seen["focused"]
        if previous is not None and not previous["changed"]:
            self.unmarked.append(previous["where"])
        assert focused is not None, f"after {key!r} nothing has the focus (steps so far: {self.steps[-5:]})"
        assert focused["inView"], (
            f"after {key!r} the focused {focused['where']} is outside the viewport (box {focused['rect']})"
        )
        self.steps.append(f"{key or 'focus'} -> {focused['where']}")
        return focused

    def run(self, key: str) -> None:
        """Press a key that starts a script run (a button, a field's Enter, a link to another page) and wait
        until the server ended the run it started and the page is drawn (``after_run``). The focus is checked at
        the next key: a run may redraw the element that had it."""
        assert key in KEYS, f"{key} is not a keyboard-only key of this test"
        self.settled()
        after_run(self.page, lambda: self.page.keyboard.press(key))

    def tab_to(self, name: str | re.Pattern, backwards: bool = False) -> dict:
        """Tab (or Shift+Tab) until the focused element's name matches; every stop is checked. On the element
        found, one Tab and one Shift+Tab (or the other way round) compare how it looks focused and not."""
        for _ in range(MAX_TABS):
            focused = self.press("Shift+Tab" if backwards else "Tab")
            if re.search(name, focused["name"]) if isinstance(name, re.Pattern) else name in focused["name"]:
                self.press("Tab" if backwards else "Shift+Tab")
                return self.press("Shift+Tab" if backwards else "Tab")
        raise AssertionError(f"{name!r} not reached in {MAX_TABS} presses; the last stops: {self.steps[-8:]}")

    def type(self, text: str) -> None:
        """Type into the focused field (a field reached by Tab has its text selected: typing replaces it)."""
        self.page.keyboard.type(text)
        self.check("typing")


def _eventually(saved, page: Page, seconds: float = 15) -> None:
    """Poll the store until ``saved()`` holds (the save comes with the script run the key started)."""
    for _ in range(int(seconds * 4)):
        if saved():
            return
        page.wait_for_timeout(250)
    assert saved()


# Laptop width only: at phone width Streamlit folds the sidebar away but leaves its links in the tab order, off
# screen (the test stops there: "outside the viewport"); that is Streamlit's, and no setting of Rotta's changes it.
@pytest.mark.parametrize(("lang", "size"), [("en", LAPTOP), ("it", LAPTOP)])
def test_from_the_start_page_to_a_downloaded_plan_with_the_keyboard_only(page: Page, server, store, lang, size):
    t = lambda key, **params: i18n.t(lang, key, **params)  # noqa: E731
    page.set_viewport_size(size)
    page.goto(f"{server.url}/?lang={lang}")
    wait_ready(page)
    keys = Keyboard(page)

    # 1. Load a sample: Tab to its button, Enter.
    keys.tab_to(re.compile(f"^{re.escape(t('frame.load_sample'))}$"))
    keys.run("Enter")
    page.wait_for_url(TOKEN)
    wait_ready(page)
    token = TOKEN.search(page.url).group(1)

    # 2. The business's name: the path's link to Business, then the field; typing replaces the selected text.
    keys.tab_to(re.compile(re.escape(t("step.business"))))
    keys.run("Enter")
    page.wait_for_url(re.compile(r"/business\?"))
    wait_ready(page)
    expect(page.get_by_role("heading", name=t("business.title"), exact=True)).to_be_visible()
    keys.tab_to(t("business.name"))
    keys.type("Forno della Tastiera")
    keys.run("Enter")
    expect(page.get_by_label(t("business.name"))).to_have_value("Forno della Tastiera")
    _eventually(lambda: store.load(token)[0]["business"]["name"] == "Forno della Tastiera", page)

    # 3. A goal from a template: back (Shift+Tab) to the path's link to Goals, open "Add a goal", pick "Add".
    goals_before = len(store.load(token)[0]["goals"])
    keys.tab_to(re.compile(re.escape(t("step.goals"))), backwards=True)
    keys.run("Enter")
    page.wait_for_url(re.compile(r"/goals\?"))
    wait_ready(page)
    expect(page.get_by_role("heading", name=t("goalspage.title"), exact=True)).to_be_visible()
    keys.tab_to(t("goalspage.add"))
    keys.press("Enter")  # the expander opens
    keys.tab_to(re.compile(f"^{re.escape(t('goalspage.add_this'))}$"))
    keys.run("Space")
    _eventually(lambda: len(store.load(token)[0]["goals"]) == goals_before + 1, page)

    # 4. The plan page, and its PDF: Tab from the top to the path's link to Plan, then to the PDF button.
    keys.tab_to(re.compile(re.escape(t("step.plan"))), backwards=True)
    keys.run("Enter")
    page.wait_for_url(re.compile(r"/plan\?"))
    wait_ready(page)
    expect(page.get_by_role("heading", name=t("plan.title"), exact=True)).to_be_visible()
    keys.tab_to(t("plan.download_pdf"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")  # the download reruns the page: the focus goes back to its start
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(download.value.path().read_bytes())).pages)
    assert "Forno della Tastiera" in text
    print(f"\nkeyboard path ({lang}, {size['width']}x{size['height']}): {len(keys.steps)} steps")
    for step in keys.steps:
        print("  " + step)
    unmarked = sorted({where for where in keys.unmarked if not STREAMLIT_MAIN.match(where)})
    assert unmarked == [], f"focused with no visible change: {unmarked}"


def test_the_focus_check_finds_a_focus_stop_that_looks_the_same_focused_or_not(page: Page, server):
    """The detector detects: a button drawn with no outline, no shadow and nothing else that changes on focus."""
    page.set_viewport_size(LAPTOP)
    page.goto(f"{server.url}/join?lang=en")
    wait_ready(page)
    page.evaluate(
        """() => { const b = document.createElement('button'); b.textContent = 'planted without a ring';
        b.style.cssText = 'outline: none !important; box-shadow: none !important; border: 0; background: none';
        document.querySelector('[data-testid=stMain] h1').after(b); }"""
    )
    keys = Keyboard(page)
    keys.tab_to(re.compile("^planted without a ring$"))  # not the main area, whose text holds it too
    assert 'button[] "planted without a ring"' in keys.unmarked
