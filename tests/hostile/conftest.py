"""The hostile tier's shared pieces: what was tried (printed at the end of the run) and a browser of its own.

The browser tier (``tests/browser``) keeps a Playwright instance open for the whole session, and
Playwright's sync API cannot start a second one in the same thread; so the hostile tier drives its
own Chromium from a thread of its own (:class:`BrowserThread`), whatever ran before it.
"""

from __future__ import annotations

import collections
import os
import queue
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

COUNTS: collections.Counter[str] = collections.Counter()  # "payloads", "files", "concurrent writers", ...
T = TypeVar("T")
# How Playwright says a frame went away under an evaluate (the only error a detector may pass over).
FRAME_GONE = ("Frame was detached", "Execution context was destroyed", "frame got detached")
CONTROL = "rotta-control"  # what the positive control plants: never in the corpus, never in the app


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if COUNTS:
        terminalreporter.section("hostile input tried")
        for what in sorted(COUNTS):
            terminalreporter.write_line(f"{what}: {COUNTS[what]:,}")


class BrowserThread:
    """Chromium driven by Playwright in a thread of its own: ``run(fn, ...)`` calls ``fn(browser, ...)``."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._ready: queue.Queue[BaseException | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="hostile-browser", daemon=True)
        self._thread.start()
        problem = self._ready.get(timeout=120)
        if problem is not None:
            raise problem

    def _loop(self) -> None:
        from playwright.sync_api import sync_playwright

        from bench.measure import CHROMIUM, CHROMIUM_ARGS  # as every browser here: no outside host resolves

        try:
            manager = sync_playwright().start()
            browser = manager.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        except BaseException as exc:  # reported to the test that asked for the browser
            self._ready.put(exc)
            return
        self._ready.put(None)
        while True:
            job = self._jobs.get()
            if job is None:
                break
            fn, args, reply = job
            try:
                reply.put((True, fn(browser, *args)))
            except BaseException as exc:  # re-raised in the test's thread
                reply.put((False, exc))
        browser.close()
        manager.stop()

    def run(self, fn: Callable[..., T], *args: Any, timeout: float = 600) -> T:
        reply: queue.Queue[tuple[bool, Any]] = queue.Queue()
        self._jobs.put((fn, args, reply))
        ok, value = reply.get(timeout=timeout)
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(30)


@pytest.fixture(scope="session")
def hostile_browser() -> Iterator[BrowserThread]:
    from tests.browser.conftest import CHROMIUM

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run scripts/ensure-chromium (the README's test command does)")
    browser = BrowserThread()
    yield browser
    browser.stop()


@pytest.fixture(scope="session")
def hostile_server() -> Iterator[Any]:
    """A real ``streamlit run`` on a data folder of its own, which the tests seed through ``core.plan.store``."""
    from tests.browser.conftest import Server

    data = Path(tempfile.mkdtemp(prefix="rotta-hostile-"))
    server = Server(data)
    yield server
    server.stop()


class Tab:
    """One browser tab on the app, offline, with alert/confirm/prompt/fetch/XHR/onerror instrumented in
    the page and every frame (``corpus.executions_js``). Use it inside ``BrowserThread.run`` only."""

    def __init__(self, browser: Any, base_url: str, locale: str = "en-GB"):
        from tests.browser.conftest import Offline
        from tests.hostile.corpus import executions_js

        self.base = base_url
        self.context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})
        self.guard = Offline(base_url)
        self.context.route("**/*", self.guard)
        self.context.add_init_script(executions_js())
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.frames_gone = 0  # frames that went away while a detector looked at them
        # Messages from the server on the app's websocket: a rerun too quick for the page's script state to
        # show "running" (React draws the two states at once) still sends its messages.
        self.messages = 0
        self._messages_before = 0
        self.page.on("websocket", self._count_messages)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _count_messages(self, socket: Any) -> None:
        if "_stcore/stream" in socket.url:
            socket.on("framereceived", lambda _: setattr(self, "messages", self.messages + 1))

    def open(self, path: str) -> None:
        from tests.browser.conftest import wait_ready

        self.page.goto(self.base + path)
        wait_ready(self.page, timeout=60_000)
        self._watch_runs()
        self.page.wait_for_function(  # the page's elements stopped arriving (two polls agree)
            """() => {
              const n = document.querySelectorAll('[data-testid=stMain] [data-testid=stElementContainer]').length;
              const same = n > 0 && window.__rottaElements === n;
              window.__rottaElements = n;
              return same;
            }""",
            polling=300,
            timeout=30_000,
        )

    def _watch_runs(self) -> None:
        self.page.evaluate(
            """() => {
              const app = document.querySelector('[data-testid=stApp]');
              if (!app || app.__rottaWatched) return;
              app.__rottaWatched = true;
              window.__rottaRuns = 0;
              new MutationObserver(() => {
                if (app.getAttribute('data-test-script-state') === 'running') window.__rottaRuns++;
              }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
            }"""
        )

    def settle(self, runs_before: int, expect_rerun: bool = True) -> bool:
        """Wait for the rerun an input started, then for Streamlit to be idle; say whether a rerun started.

        With ``expect_rerun`` (a click, an upload, a changed value submitted) no rerun is a failure: the
        input never reached the server, so whatever is checked next would check the page as it was."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        from tests.browser.conftest import READY

        started, waited, limit = False, 0, 15_000 if expect_rerun else 2_500
        while not started and waited < limit:
            try:
                self.page.wait_for_function(f"() => (window.__rottaRuns || 0) > {runs_before}", timeout=100)
                started = True
            except PlaywrightTimeout:
                started = self.messages > self._messages_before  # the server answered the input
                waited += 100
        if expect_rerun and not started:
            raise AssertionError(f"no rerun started after the input on {self.page.url}")
        # Not wait_ready: a callback that raised leaves the page without the frame's links.
        self.page.wait_for_selector(READY, timeout=30_000)
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=stStatusWidget]')"
            " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')",
            timeout=30_000,
        )
        self._watch_runs()
        return started

    def runs(self) -> int:
        """The reruns seen so far; call it just before an input and pass the number to ``settle``."""
        self._messages_before = self.messages
        return int(self.page.evaluate("() => window.__rottaRuns || 0"))

    def _each_frame(self, script: str) -> list[Any]:
        """``script``'s findings in the page and every frame. Only a frame that went away while we looked
        (a map re-mounted) is passed over; any other error (the detector's script failing) fails the test."""
        from playwright.sync_api import Error as PlaywrightError

        found: list[Any] = []
        for frame in self.page.frames:
            try:
                found += frame.evaluate(script) or []
            except PlaywrightError as error:
                if frame.is_detached() or any(gone in str(error) for gone in FRAME_GONE):
                    self.frames_gone += 1
                    continue
                raise
        return found

    def executions(self) -> list[str]:
        """Calls of alert/confirm/prompt, requests to other sites, script errors, dialogs: in any frame."""
        return (
            self.dialogs
            + self._each_frame("() => (window.__rotta_hits || []).slice()")
            + [e for e in self.errors if "alert" in e or "document.domain" in e or "SyntaxError" in e]
        )

    def injected(self) -> list[str]:
        """Elements that only exist if hostile text became markup, in the page or any frame: event
        handlers calling alert, ``javascript:`` links, images from outside, scripts holding a payload raw."""
        import json

        from tests.hostile.corpus import EXECUTABLE

        return self._each_frame(
            """() => {
              const bad = [], say = (el, what) => bad.push(el.tagName + '[' + what + ']');
              for (const el of document.querySelectorAll('*')) {
                for (const attr of el.attributes) {
                  const name = attr.name.toLowerCase(), value = String(attr.value);
                  if (name.startsWith('on') && /alert|document\\.domain/.test(value)) say(el, name);
                  const link = ['href', 'src', 'action', 'formaction'].includes(name);
                  if (link && /^\\s*javascript:/i.test(value)) say(el, name + '=' + value.slice(0, 40));
                  if (name === 'src' && /evil\\.invalid/.test(value)) say(el, 'src=' + value);
                }
                if (el.tagName !== 'SCRIPT') continue;
                const code = el.textContent.toLowerCase();
                for (const core of CORES) if (code.includes(core)) say(el, 'holding ' + core);
              }
              return bad;
            }""".replace("CORES", json.dumps([c.lower() for c in EXECUTABLE]))
        )

    def user_links(self) -> list[str]:
        """Links (``<a href>``) in the page or any frame whose target came from a payload (``corpus.USER_LINK``)."""
        import json

        from tests.hostile.corpus import USER_LINK

        return self._each_frame(
            """() => Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'))
                     .filter(href => new RegExp(PATTERN, 'i').test(href))""".replace("PATTERN", json.dumps(USER_LINK))
        )

    def text(self) -> str:
        """The text a person sees (page and frames) and the values of the text fields."""
        parts = self._each_frame(
            """() => [document.body ? document.body.innerText : '',
                      ...Array.from(document.querySelectorAll('input, textarea'), e => e.value)]"""
        )
        return "\n".join(parts)

    def outside_requests(self) -> list[str]:
        return list(self.guard.blocked)

    def prove_detectors(self) -> int:
        """The positive control: plant, in the page and in every frame, an element with an event handler
        calling alert, a call of alert and a link to example.com; every detector must find each one in
        every frame, or this fails. Returns the number of frames planted. The page is left dirty: open
        another page (or this one again) before looking for real findings."""
        from playwright.sync_api import Error as PlaywrightError

        planted, dialogs = 0, len(self.dialogs)
        for frame in self.page.frames:
            try:
                frame.evaluate(
                    """(name) => {
                      const el = document.createElement(name);
                      el.setAttribute('onmouseover', "alert('" + name + "')");
                      const link = document.createElement('a');
                      link.href = 'https://www.example.com/' + name;
                      link.textContent = name;
                      (document.body || document.documentElement).append(el, link);
                      window.alert(name);
                    }""",
                    CONTROL,
                )
            except PlaywrightError as error:
                if frame.is_detached() or any(gone in str(error) for gone in FRAME_GONE):
                    continue
                raise
            planted += 1
        tag = f"{CONTROL.upper()}[onmouseover]"
        checks = {
            "injected": sum(item == tag for item in self.injected()),
            "executions": sum(item == f"alert: {CONTROL}" for item in self.executions())
            + self.dialogs[dialogs:].count(CONTROL),  # a frame without the init script shows a real dialog
            "links": sum(CONTROL in href for href in self.user_links()),
        }
        self.dialogs = [d for d in self.dialogs if d != CONTROL]  # the control is no finding of the next page
        missed = {name: n for name, n in checks.items() if n < planted}
        assert planted >= 1 and not missed, f"the detectors missed the planted control: {missed} of {planted} frames"
        return planted

    def close(self) -> None:
        self.context.close()


def seed_store(server: Any) -> Any:
    """``core.plan.store`` on the server's own database (the server reads what the test writes)."""
    from core.plan import store as store_mod

    return store_mod.Store(store_mod.make_engine(store_mod.default_url(server.data_dir)))
