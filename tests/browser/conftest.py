"""A real ``streamlit run`` server and Debian's Chromium driven by Playwright, with no outside network."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, WebSocket, sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import servers
from bench.measure import CHROMIUM, CHROMIUM_ARGS, Offline
from tests.conftest import ROOT

READY = "[data-testid=stApp][data-test-script-state=notRunning]"


class Server(servers.Server):
    """The app (``streamlit run app.py``) on a data folder of its own, its log in that folder: the one
    launcher of ``bench.servers``, which stops waiting as soon as the process dies."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None):
        self.data_dir = data_dir
        super().__init__(
            ROOT / "app.py", data_dir / "server.log", {"ROTTA_DATA_DIR": str(data_dir), **(env or {})}, timeout=60
        )

    @property
    def log(self) -> IO[str]:
        return self._log


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run scripts/ensure-chromium (the README's test command does)")
    data = Path(tempfile.mkdtemp(prefix="rotta-browser-"))
    cache = os.environ.get("ROTTA_CACHE_DIR")
    os.environ["ROTTA_DATA_DIR"] = str(data)
    srv = Server(data)
    yield srv
    srv.stop()
    if cache is not None:
        os.environ["ROTTA_CACHE_DIR"] = cache


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
    yield browser
    browser.close()


def guarded_context(browser: Browser, base: str) -> BrowserContext:
    """A context of its own (cookies, session) where every request not to ``base`` is refused and recorded."""
    ctx = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    ctx.offline_guard = Offline(base)  # type: ignore[attr-defined]
    ctx.route("**/*", ctx.offline_guard)  # type: ignore[attr-defined]
    return ctx


class Runs:
    """The script runs of a page, followed on its websocket: Streamlit starts every run, of the page or of a
    fragment, with a ``new_session`` message and ends it with ``script_finished`` (whose status says whether
    another run follows at once, as after ``st.rerun``). A run too quick for the page's script state to ever read
    "running" (React draws both states at once) is seen all the same, which no watch of the page's markup
    promises; and a run still going when an input is made is not taken for the run the input started."""

    def __init__(self, page: Page):
        self.page = page
        self.started = 0
        self.running = False
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        if "_stcore/stream" in socket.url:
            socket.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        if not isinstance(payload, bytes):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.started += 1
            self.running = True
        elif kind == "script_finished":
            self.running = message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN

    def wait_after(self, before: int, timeout: float = 20_000) -> None:
        """Wait until a run started after ``before`` runs had (read ``started`` just before the input) and every
        run since has ended, then until the page is drawn; fails if that takes over ``timeout`` ms (the input
        never reached the server, or its runs never end)."""
        waited = 0
        while self.started <= before or self.running:
            if waited >= timeout:
                raise AssertionError(f"no run started and ended within {timeout / 1000:.0f} s on {self.page.url}")
            self.page.wait_for_timeout(50)  # Playwright delivers the socket's frames while it waits
            waited += 50
        wait_ready(self.page)


def new_page(ctx: BrowserContext) -> Page:
    """A page of ``ctx`` that records console errors and failed responses (see ``app_errors``) and counts the
    script runs the server finished for it (``page.runs``, a ``Runs``)."""
    page = ctx.new_page()
    page.runs = Runs(page)  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))  # type: ignore[attr-defined]
    page.bad_responses = []  # type: ignore[attr-defined]
    page.on("response", lambda r: r.status >= 400 and page.bad_responses.append(f"{r.status} {r.url}"))  # type: ignore[attr-defined]
    return page


@pytest.fixture
def context(browser: Browser, server: Server) -> Iterator[BrowserContext]:
    ctx = guarded_context(browser, server.url)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = new_page(context)
    yield page
    page.close()


def after_run(page: Page, action: Callable[[], object], timeout: float = 20_000) -> None:
    """Do ``action`` (a click, a key) on a page of ``new_page`` and wait for the script run it starts to end and
    the page to be drawn."""
    runs: Runs = page.runs  # type: ignore[attr-defined]
    before = runs.started
    action()
    runs.wait_after(before, timeout)


def wait_ready(page: Page, timeout: float = 30_000) -> None:
    """Streamlit finished the script run and the frame and every element are drawn (poll, never sleep).

    The script state reads "notRunning" also before the first run has started, so the path's
    links in the sidebar (drawn by every page's frame) must be there too."""
    page.wait_for_selector("[data-testid=stSidebar] [data-testid=stPageLink]", state="attached", timeout=timeout)
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')",
        timeout=timeout,
    )
    # An element whose code is still loading (fetched on its first use: slow on a busy machine) is drawn as a
    # skeleton, with nothing to focus or read yet.
    page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')", timeout=timeout)


def app_errors(page: Page) -> list[str]:
    """Script errors and failed responses from the app. Left out: the health probes Streamlit's front end makes
    under a deep link (``/business/_stcore/health``, its own 404s) and requests the offline guard refused on
    purpose; "Failed to load resource" console lines are judged by the response list, which names the URL."""
    probes = ("/_stcore/health", "/_stcore/host-config")
    console = [e for e in page.console_errors if not e.startswith("Failed to load resource")]  # type: ignore[attr-defined]
    responses = [r for r in page.bad_responses if not r.endswith(probes)]  # type: ignore[attr-defined]
    return console + responses


# The text marks of a Vega chart that are drawn (not transparent) and, among them, the pairs whose boxes overlap.
_CHART_TEXTS = """(e, mark) => {
    const shown = Array.from(e.querySelectorAll('.mark-text.role-mark text'))
        .filter(t => t.textContent && t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0')
        .map(t => [t.textContent, t.getBoundingClientRect()]);
    const overlaps = [];
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i][1], shown[j][1]];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
            overlaps.push(shown[i][0] + ' / ' + shown[j][0]);
    }
    return {shown: shown.length, overlaps: overlaps};
}"""


def chart_texts(chart: Locator) -> dict:
    """``{"shown": n, "overlaps": [...]}`` for the text marks drawn in ``chart`` (a ``.vega-embed``)."""
    return chart.evaluate(_CHART_TEXTS)


def page_width(page: Page) -> float:
    """How wide the page's content is: wider than the window means the whole page scrolls sideways."""
    return page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth")
