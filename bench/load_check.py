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

from bench import load_profile, measure
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


# ---- Every kind of the mixed profile: the browser's message against the client's ------------------------


def _signature(msg: BackMsg, ids: list[str]) -> tuple[str, str, tuple[tuple[str, str | None], ...]]:
    """Page hash, fragment id, and for each of ``ids`` the kind of value the message carries for it."""
    states = {w.id: w.WhichOneof("value") for w in msg.rerun_script.widget_states.widgets}
    return msg.rerun_script.page_script_hash, msg.rerun_script.fragment_id, tuple((i, states.get(i)) for i in ids)


def _browser_action(page: object, kind: str, t: Callable[[str], str]) -> None:  # noqa: C901 - one branch per kind
    """Do ``kind`` in Chromium as a participant would (Italian labels)."""
    p = page  # playwright Page
    if kind == "answer a self-check question":
        p.locator("[data-testid=stRadio]").nth(1).get_by_text("Sì", exact=True).click()  # type: ignore[attr-defined]
    elif kind == "type the business name":
        box = p.get_by_label(t("business.name"))  # type: ignore[attr-defined]
        box.fill("Forno dal browser")
        box.press("Enter")
    elif kind == "add a goal":
        p.get_by_text(t("goalspage.add"), exact=True).click()  # type: ignore[attr-defined]
        p.get_by_role("button", name=t("goalspage.add_custom")).click()  # type: ignore[attr-defined]
    elif kind == "edit a goal":
        box = p.get_by_label(t("goals.field.title").capitalize(), exact=True)  # type: ignore[attr-defined]
        box.fill("Obiettivo dal browser")
        box.press("Enter")
    elif kind == "switch a map layer":
        layers = p.locator("[data-testid=stMain] [data-testid=stButtonGroup]").first  # type: ignore[attr-defined]
        layers.locator("button").nth(2).click()
    elif kind == "change the distance rings":
        rings = p.locator("[data-testid=stMultiSelect]").first  # type: ignore[attr-defined]
        rings.locator("input").click()
        rings.locator("input").press("Backspace")
        rings.locator("input").press("Escape")
    elif kind == "filter the Timeline":
        groups = p.locator("[data-testid=stMain] [data-testid=stButtonGroup] button")  # type: ignore[attr-defined]
        groups.filter(has_text=t("timeline.period.month")).first.click()
    elif kind.startswith("open "):
        target = {v: k for k, v in load_profile.PAGE_NAMES.items()}.get(kind.removeprefix("open "), "plan")
        step = "start" if target == "" else target
        link = p.locator("[data-testid=stSidebar] a", has_text=t(f"step.{step}"))  # type: ignore[attr-defined]
        link.first.click()
    else:
        raise ValueError(f"no browser action for {kind!r}")


def check_kinds(base: str, lang: str, new_plan: Callable[[], str]) -> list[Check]:
    """For each kind of the profile: Chromium and the client do it on their own plans; the rerun messages name
    the same page (hash), the same fragment and the same widgets with the same kind of value."""
    from core import i18n

    def t(key: str) -> str:
        return i18n.t(lang, key)

    results: list[Check] = []
    clients: dict[str, BackMsg | str] = {}
    for action, is_open in _kinds():  # the client's messages first: Playwright's sync API holds an event loop
        kind = load_profile.open_kind(action.page) if is_open else action.kind
        start = ("business" if action.page != "business" else "") if is_open else action.page
        try:
            clients[kind] = asyncio.run(_client_kind(base, start, lang, new_plan(), action, is_open))
        except Exception as exc:  # noqa: BLE001 - reported as a failed check
            clients[kind] = f"{type(exc).__name__}: {exc}"[:300]
    with sync_playwright() as pw:
        browser = measure.launch(pw)
        try:
            for action, is_open in _kinds():
                kind = load_profile.open_kind(action.page) if is_open else action.kind
                start = ("business" if action.page != "business" else "") if is_open else action.page
                client = clients[kind]
                if isinstance(client, str):
                    results.append(Check(False, f"{kind}: the client failed: {client}"))
                    continue
                try:
                    sent: list[bytes] = []
                    context = browser.new_context(locale=f"{lang}-IT", timezone_id="Europe/Rome", viewport=VIEWPORT)
                    page = context.new_page()
                    page.on("websocket", lambda ws, sent=sent: ws.on("framesent", lambda data: sent.append(data)))
                    page.goto(f"{base}/{start}?plan={new_plan()}&lang={lang}")
                    page.wait_for_selector(READY, timeout=60_000)
                    page.wait_for_timeout(500)
                    before = len(sent)
                    _browser_action(page, kind, t)
                    deadline = time.monotonic() + 30
                    while time.monotonic() < deadline and not _reruns(sent[before:]):
                        page.wait_for_timeout(100)
                    page.wait_for_selector(READY, timeout=60_000)
                    context.close()
                    reruns = _reruns(sent[before:])
                    if not reruns:
                        results.append(Check(False, f"{kind}: the browser sent no rerun"))
                        continue
                    ids = [w.id for w in client.rerun_script.widget_states.widgets]
                    ours, theirs = _signature(client, ids), _signature(reruns[-1], ids)
                    same = ours[1:] == theirs[1:] and (not is_open or ours[0] == theirs[0])
                    detail = f"client {ours[1:]}, browser {theirs[1:]}" if not same else "same"
                    results.append(Check(same, f"{kind}: {detail}"))
                except Exception as exc:  # noqa: BLE001 - reported as a failed check
                    results.append(Check(False, f"{kind}: {type(exc).__name__}: {exc}"[:300]))
        finally:
            browser.close()
    return results


VIEWPORT = {"width": 1366, "height": 900}


def _kinds() -> list[tuple[load_profile.Action, bool]]:
    seen: dict[str, tuple[load_profile.Action, bool]] = {}
    previous = load_profile.PROFILE[-1].page
    for action in load_profile.PROFILE:
        if action.page != previous:
            seen.setdefault(load_profile.open_kind(action.page), (action, True))
        if action.act is not load_profile.stay:
            seen.setdefault(action.kind, (action, False))
        previous = action.page
    return list(seen.values())


def _reruns(frames: list[bytes]) -> list[BackMsg]:
    out = []
    for frame in frames:
        if isinstance(frame, str):
            continue
        msg = BackMsg()
        msg.ParseFromString(frame)
        if msg.WhichOneof("type") == "rerun_script":
            out.append(msg)
    return out


async def _client_kind(
    base: str, start: str, lang: str, token: str, action: load_profile.Action, is_open: bool
) -> BackMsg:
    tab = Tab(base, f"/{start}", f"plan={token}&lang={lang}", locale=f"{lang}-IT")
    try:
        await tab.open()
        if is_open:
            await tab.go(action.page)
        else:
            await action.act(tab, load_profile.Walker(0))
        if tab.last_sent is None:
            raise RuntimeError("the client sent nothing")
        return tab.last_sent
    finally:
        await tab.close()
