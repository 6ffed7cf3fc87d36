"""Time to ready of a page in headless Chromium, and the bytes it received; statistics of runs.

Ready = Streamlit's script run finished (``data-test-script-state=notRunning``, which Streamlit
only sets after a run has started), no element still waiting for its code (``stSkeleton``), every
folium map drawn (a Leaflet layer in each ``streamlit_folium`` frame) and every Vega chart drawn
(its canvas or SVG). The time is ``performance.now()`` in the page when that first holds, i.e.
milliseconds since the navigation started, measured by the browser itself (no Python round trip).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Frame, Request, WebSocket
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
MAP_LAYERS = ".leaflet-interactive, .leaflet-marker-icon, .leaflet-overlay-pane svg path, .leaflet-overlay-pane canvas"
CHART = "[data-testid=stVegaLiteChart]"
CHART_DRAWN = ".vega-embed canvas, .vega-embed svg"
READY_JS = """([mapFrame, layers, chart, chartDrawn]) => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const status = document.querySelector('[data-testid=stStatusWidget]');
  if (status && status.innerText.includes('Running')) return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  const frames = document.querySelectorAll(mapFrame);
  for (const f of frames) {
    const doc = f.contentDocument;
    if (!doc || !doc.querySelector(layers)) return false;
  }
  const charts = document.querySelectorAll(chart);
  for (const c of charts) if (!c.querySelector(chartDrawn)) return false;
  const failed = !!document.querySelector('[data-testid=stException]');
  return {ms: performance.now(), maps: frames.length, charts: charts.length, failed, marks: window.__rottaMarks || {}};
}"""
# When the script state first became "running" and "notRunning" (performance.now()), to split the time.
# It watches the document only until stApp exists, then that one attribute: next to no cost.
MARKS_JS = """(() => {
  const marks = {};
  window.__rottaMarks = marks;
  const record = (app) => {
    const state = app.getAttribute('data-test-script-state');
    if (state && !(state in marks)) marks[state] = performance.now();
  };
  const find = new MutationObserver(() => {
    const app = document.querySelector('[data-testid=stApp]');
    if (!app) return;
    find.disconnect();
    record(app);
    const watch = {attributes: true, attributeFilter: ['data-test-script-state']};
    new MutationObserver(() => record(app)).observe(app, watch);
  });
  find.observe(document, {childList: true, subtree: true});
})();"""


@dataclass
class Load:
    """One page load in a fresh browser context."""

    url: str
    ready_ms: float | None = None  # None: not ready before the timeout
    run_start_ms: float | None = None  # the script state first showed "running"
    run_end_ms: float | None = None  # ... and first "notRunning" (the first run finished)
    maps: int = 0
    charts: int = 0
    ws_bytes: int = 0  # websocket frames received (decompressed payloads)
    component_bytes: int = 0  # response bodies loaded by component frames (st_folium's page, Leaflet...)
    blocked: list[str] = field(default_factory=list)  # requests refused because they were not to the app
    error: str = ""

    @property
    def payload_bytes(self) -> int:
        return self.ws_bytes + self.component_bytes

    def phases(self) -> tuple[float, float, float] | None:
        """(navigation -> script starts, script running as the browser sees it, script end -> ready) in ms."""
        if self.ready_ms is None or self.run_start_ms is None or self.run_end_ms is None:
            return None
        return self.run_start_ms, self.run_end_ms - self.run_start_ms, self.ready_ms - self.run_end_ms


def median_phases(loads: list[Load]) -> tuple[float, float, float] | None:
    """Median of each phase over the loads that have all three."""
    known = [p for p in (x.phases() for x in loads) if p is not None]
    if not known:
        return None
    return tuple(statistics.median(p[i] for p in known) for i in range(3))  # type: ignore[return-value]


class Offline:
    """A ``context.route`` handler: requests to the app go through, every other one is aborted."""

    def __init__(self, base: str):
        self.base = base
        self.blocked: list[str] = []

    def __call__(self, route) -> None:  # noqa: ANN001 - Playwright's Route
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def launch(playwright) -> Browser:  # noqa: ANN001 - Playwright
    """Debian's Chromium (never a downloaded one), headless, with no way out to other hosts."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))


def _component_body_size(request: Request, main: Frame) -> int:
    """Bytes of the response body (as sent) when a component frame made the request, else 0."""
    try:
        return int(request.sizes()["responseBodySize"]) if request.frame != main else 0
    except PlaywrightError:
        return 0


def load(browser: Browser, url: str, base: str, timeout_ms: float = 60_000, locale: str = "it-IT") -> Load:
    """Open ``url`` in a fresh context (cold cache) and wait until the page is ready."""
    result = Load(url)
    ctx = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})
    guard = Offline(base)
    ctx.route("**/*", guard)
    ctx.add_init_script(MARKS_JS)
    page = ctx.new_page()
    finished: list[Request] = []

    def on_websocket(ws: WebSocket) -> None:
        def count(payload: str | bytes) -> None:
            result.ws_bytes += len(payload) if isinstance(payload, bytes) else len(payload.encode("utf-8"))

        ws.on("framereceived", count)

    page.on("websocket", on_websocket)
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        state = page.wait_for_function(
            READY_JS, arg=[MAP_FRAME, MAP_LAYERS, CHART, CHART_DRAWN], polling="raf", timeout=timeout_ms
        ).json_value()
        if state["failed"]:
            result.error = "the page showed an exception"
        else:
            result.ready_ms, result.maps, result.charts = float(state["ms"]), int(state["maps"]), int(state["charts"])
            result.run_start_ms, result.run_end_ms = state["marks"].get("running"), state["marks"].get("notRunning")
        result.component_bytes = sum(_component_body_size(r, page.main_frame) for r in finished)
    except PlaywrightTimeout:
        result.error = f"not ready after {timeout_ms / 1000:.0f} s"
    except PlaywrightError as exc:
        result.error = str(exc).splitlines()[0][:200]
    finally:
        result.blocked = list(guard.blocked)
        ctx.close()
    return result


def alternate(
    browser: Browser,
    blank: tuple[str, str],
    target: tuple[str, str],
    runs: int,
    warmup: int = 1,
    timeout_ms: float = 60_000,
) -> tuple[list[Load], list[Load]]:
    """``runs`` loads of the blank page and of the target, interleaved (ABBA) after ``warmup`` pairs.

    ``blank`` and ``target`` are (url, server base). Interleaving keeps the ratio fair on a noisy
    machine: both see the same background load. Returns (target loads, blank loads), warm-up left out.
    """
    for _ in range(warmup):
        load(browser, *blank, timeout_ms=timeout_ms)
        load(browser, *target, timeout_ms=timeout_ms)
    pages: list[Load] = []
    blanks: list[Load] = []
    for i in range(runs):
        order = ((blank, blanks), (target, pages)) if i % 2 == 0 else ((target, pages), (blank, blanks))
        for (url, base), out in order:
            out.append(load(browser, url, base, timeout_ms=timeout_ms))
    return pages, blanks


@dataclass(frozen=True)
class Spread:
    n: int
    median: float
    low: float
    high: float
    q1: float
    q3: float


def spread(values: Iterable[float]) -> Spread | None:
    """Median, min/max and quartiles of the values (None when there are none)."""
    data = sorted(values)
    if not data:
        return None
    if len(data) == 1:
        q1 = q3 = data[0]
    else:
        q1, _, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return Spread(len(data), statistics.median(data), data[0], data[-1], q1, q3)
