"""Is the protocol client's interaction the browser's? One real Chromium page against one ``Tab``.

Both open the same page on their own plan and type a business name. The check passes when the
browser's rerun ``BackMsg`` (read from its websocket) and the client's name the same widget id
and page hash, and both names are saved in the database, each plan one version further.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import sync_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg

from bench import measure
from bench.load_client import Tab
from core.plan import store as store_mod

READY = "[data-testid=stApp][data-test-script-state=notRunning]"


@dataclass
class Check:
    ok: bool
    text: str


def _browser_rerun(base: str, url: str, label: str, value: str) -> BackMsg | None:
    """Type ``value`` in Chromium and return the rerun ``BackMsg`` that carried it."""
    sent: list[bytes] = []
    with sync_playwright() as p:
        browser = measure.launch(p)
        try:
            context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
            page = context.new_page()
            page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
            page.goto(base + url)
            page.wait_for_selector(READY, timeout=60_000)
            field = page.get_by_label(label)
            field.fill(value)
            field.press("Enter")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and _carrying(sent, value) is None:
                page.wait_for_timeout(100)
            page.wait_for_selector(READY, timeout=60_000)
        finally:
            browser.close()
    return _carrying(sent, value)


def _carrying(frames: list[bytes], value: str) -> BackMsg | None:
    for frame in reversed(frames):
        if isinstance(frame, str):
            continue
        msg = BackMsg()
        msg.ParseFromString(frame)
        if msg.WhichOneof("type") == "rerun_script":
            if any(w.string_value == value for w in msg.rerun_script.widget_states.widgets):
                return msg
    return None


async def _client_rerun(base: str, path: str, query: str, label: str, value: str) -> BackMsg:
    tab = Tab(base, path, query)
    try:
        await tab.open()
        await tab.set_text(label, value)
        if tab.last_sent is None:
            raise RuntimeError("the client sent nothing")
        return tab.last_sent
    finally:
        await tab.close()


def _saved(plans: store_mod.Store, token: str, value: str, timeout: float = 10) -> tuple[str | None, int]:
    deadline = time.monotonic() + timeout
    while True:
        plan, version = plans.load(token) or ({}, 0)
        name = (plan.get("business") or {}).get("name")
        if name == value or time.monotonic() > deadline:
            return name, version
        time.sleep(0.2)


def run(base: str, page: str, lang: str, label: str, plans: store_mod.Store, new_plan: Callable[[], str]) -> Check:
    by_browser, by_client = new_plan(), new_plan()
    typed_browser, typed_client = "Forno dal browser", "Forno dal protocollo"
    path = f"/{page}"
    browser_msg = _browser_rerun(base, f"{path}?plan={by_browser}&lang={lang}", label, typed_browser)
    client_msg = asyncio.run(_client_rerun(base, path, f"plan={by_client}&lang={lang}", label, typed_client))
    saved_browser, saved_client = _saved(plans, by_browser, typed_browser), _saved(plans, by_client, typed_client)
    if browser_msg is None:
        return Check(False, "the browser sent no rerun carrying the typed name")

    def widget(msg: BackMsg, value: str) -> str:
        return next(w.id for w in msg.rerun_script.widget_states.widgets if w.string_value == value)

    same_widget = widget(browser_msg, typed_browser) == widget(client_msg, typed_client)
    same_page = browser_msg.rerun_script.page_script_hash == client_msg.rerun_script.page_script_hash
    ok = same_widget and same_page and saved_browser == (typed_browser, 2) and saved_client == (typed_client, 2)
    text = (
        f"Chromium and the protocol client each typed a business name on `{path}` of their own plan. "
        f"Same widget id in the rerun message: {'yes' if same_widget else 'NO'}; same page hash: "
        f"{'yes' if same_page else 'NO'}; saved in the database (name, plan version): browser {saved_browser}, "
        f"client {saved_client} (expected version 2 each). The browser's rerun carried "
        f"{len(browser_msg.rerun_script.widget_states.widgets)} widget states (every widget on the page) and "
        f"{len(browser_msg.rerun_script.cached_message_hashes)} cached message hashes; the client sends only the "
        "widget it changed (the server keeps the others' values) and its cached hashes."
    )
    return Check(ok, text)
