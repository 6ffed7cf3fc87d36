"""The facilitator's screen in Chromium, at laptop and phone widths: the room first, the private address never
projected, access that holds across a reload and a second tab, and limits that a reload does not reset."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from core import i18n
from core.plan import store as store_mod
from core.workshop import limits, workshop
from core.workshop.store import WorkshopStore
from tests.browser.conftest import Server, after_run, app_errors, guarded_context, new_page, wait_ready
from tests.browser.test_workshop import SECRET, create_workshop

pytestmark = pytest.mark.browser
LAPTOP, PHONE = {"width": 1366, "height": 768}, {"width": 390, "height": 844}
ROOM = re.compile(r"room=([A-Za-z0-9_-]{16})")


@pytest.fixture
def contexts(browser: Browser, server: Server) -> Iterator[list[BrowserContext]]:
    """Browsers of their own (cookies and sessions), closed after the test."""
    opened: list[BrowserContext] = []
    yield opened
    for ctx in opened:
        ctx.close()


def _browser(browser: Browser, server: Server, contexts: list[BrowserContext], size: dict) -> Page:
    ctx = guarded_context(browser, server.url)
    contexts.append(ctx)
    page = new_page(ctx)
    page.set_viewport_size(size)
    return page


def _workshops() -> WorkshopStore:
    """The server's own database (the browser tests' server keeps it in ROTTA_DATA_DIR)."""
    engine = store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"])))
    return WorkshopStore(store_mod.Store(engine))


def _main(page: Page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def _error(page: Page):  # noqa: ANN202 - a Playwright Locator
    """The error message's text (the box's icon, a Material ligature such as ``block``, left out)."""
    return page.locator("[data-testid=stMain] [data-testid=stAlertContentError] [data-testid=stMarkdownContainer]")


def _submit(page: Page, button: str) -> None:
    """Click a form's button and wait for the script run it starts to end (the answer may read as before)."""
    after_run(page, page.get_by_role("button", name=button).click)


def _try_secret(page: Page, secret: str, said: str | re.Pattern, lang: str = "en") -> None:
    page.get_by_label(i18n.t(lang, "workshop.room_access.input")).fill(secret)
    _submit(page, i18n.t(lang, "workshop.room_access.button"))
    expect(_error(page)).to_have_text(said, timeout=20_000)


@pytest.mark.parametrize(("size", "lang"), [(LAPTOP, "en"), (LAPTOP, "it"), (PHONE, "it"), (PHONE, "en")])
def test_the_room_comes_first_and_its_private_address_is_never_in_what_is_projected(
    browser, server, contexts, size, lang
):
    page = _browser(browser, server, contexts, size)
    code = create_workshop(page, server.url, lang=lang)
    room_id = ROOM.search(page.url).group(1)
    joined = page.locator("[data-testid=stMetric]").first
    expect(joined).to_be_visible(timeout=20_000)
    top = joined.bounding_box()["y"]
    qr = page.locator("[data-testid=stExpander]").filter(has_text=i18n.t(lang, "workshoppage.how_to_join"))
    assert top < qr.bounding_box()["y"]  # the room's state before the code card
    if size is LAPTOP:
        assert joined.bounding_box()["y"] + joined.bounding_box()["height"] <= size["height"]  # on the first screen
    assert room_id not in _main(page)  # the private box is folded

    qr.locator("summary").click()  # the code card: the join link, never the room's
    expect(qr.locator("[data-testid=stImage] img")).to_be_visible(timeout=20_000)
    assert room_id not in qr.inner_text() and code in qr.inner_text()

    page.get_by_role("button", name=i18n.t(lang, "workshoppage.present")).click()
    page.wait_for_url(re.compile(f"present={code.replace('-', '')}"))
    wait_ready(page)
    expect(page.get_by_role("button", name=i18n.t(lang, "workshoppage.present_exit"))).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name=code).first).to_be_visible(timeout=20_000)
    gone = f"() => !document.documentElement.outerHTML.includes({room_id!r})"  # the room view's last elements
    page.wait_for_function(gone, timeout=10_000)  # leave the page when the presenter's run ends
    assert room_id not in page.url and room_id not in page.content()
    assert app_errors(page) == []


def test_the_facilitators_access_holds_across_a_reload_and_a_second_tab_without_a_secret_in_any_link(
    browser, server, contexts
):
    laptop = _browser(browser, server, contexts, LAPTOP)
    code = create_workshop(laptop, server.url)
    room_url = laptop.url
    laptop.reload()
    wait_ready(laptop)
    expect(laptop.locator("[data-testid=stMetric]").first).to_be_visible(timeout=20_000)
    assert laptop.get_by_label(i18n.t("en", "workshop.room_access.input")).count() == 0

    with laptop.context.expect_page() as opened:  # the projector's window
        laptop.get_by_role("link", name=i18n.t("en", "workshoppage.present_tab")).click()
    projector = opened.value
    wait_ready(projector)
    expect(projector.get_by_role("heading", name=code).first).to_be_visible(timeout=20_000)
    assert ROOM.search(room_url).group(1) not in projector.url + projector.content()

    second = new_page(laptop.context)
    second.set_viewport_size(LAPTOP)
    second.goto(room_url)
    wait_ready(second)
    expect(second.locator("[data-testid=stMetric]").first).to_be_visible(timeout=20_000)

    stranger = _browser(browser, server, contexts, LAPTOP)
    for url in (projector.url, room_url):  # another browser with either link: nothing of the room
        stranger.goto(url)
        wait_ready(stranger)
        assert code not in _main(stranger) and stranger.locator("[data-testid=stMetric]").count() == 0
    for tab in (laptop, projector, second, stranger):
        assert SECRET not in tab.url
    for tab in (laptop, second, stranger):  # the projector's tab was opened by the link, without error capture
        assert app_errors(tab) == []


def test_a_reload_does_not_reset_a_guessers_count_of_secrets(browser, server, contexts):
    laptop = _browser(browser, server, contexts, LAPTOP)
    create_workshop(laptop, server.url)
    room_url = laptop.url
    guesser = _browser(browser, server, contexts, PHONE)
    guesser.goto(room_url)
    wait_ready(guesser)
    for n in range(5):
        _try_secret(guesser, f"wrong-guess-{n}", i18n.t("en", "workshop.room_access.wrong"))
    guesser.reload()
    wait_ready(guesser)
    waits = re.compile(i18n.t("en", "workshop.room_access.limited_seconds", seconds=r"\d+"))
    _try_secret(guesser, SECRET, waits)  # after a reload, even the right secret waits: the browser is the same
    assert guesser.locator("[data-testid=stMetric]").count() == 0


def test_a_reload_does_not_reset_a_guessers_count_of_join_codes(browser, server, contexts):
    laptop = _browser(browser, server, contexts, LAPTOP)
    code = create_workshop(laptop, server.url)
    wrong = "2345-6789" if code != "2345-6789" else "9876-5432"
    phone = _browser(browser, server, contexts, PHONE)
    phone.goto(f"{server.url}/join?lang=en")
    wait_ready(phone)
    field = phone.get_by_label(i18n.t("en", "workshop.join.input"))
    for _ in range(5):
        field.fill(wrong)
        _submit(phone, i18n.t("en", "workshop.join.button"))
        expect(_error(phone)).to_have_text(i18n.t("en", "workshop.join.wrong"), timeout=20_000)
    phone.reload()
    wait_ready(phone)
    phone.get_by_label(i18n.t("en", "workshop.join.input")).fill(code)
    _submit(phone, i18n.t("en", "workshop.join.button"))
    expect(_error(phone)).to_have_text(
        re.compile(i18n.t("en", "workshop.join.limited_seconds", seconds=r"\d+")), timeout=20_000
    )
    assert "plan=" not in phone.url


def test_the_facilitator_gets_in_while_a_flood_of_wrong_secrets_is_refused(browser, server, contexts):
    laptop = _browser(browser, server, contexts, LAPTOP)
    code = create_workshop(laptop, server.url)
    room_url, room_id = laptop.url, ROOM.search(laptop.url).group(1)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    flood = [
        _workshops().room_access(room_id, f"guess-{n}", limits.Client(f"session:{n}", f"198.51.100.{n}"), now).status
        for n in range(40)
    ]  # fresh sessions from fresh addresses, straight at the store the server uses
    assert flood == ["wrong"] * 20 + ["limited"] * 20
    stranger = _browser(browser, server, contexts, LAPTOP)
    stranger.goto(room_url)
    wait_ready(stranger)
    waits = re.compile(i18n.t("en", "workshop.room_access.limited", minutes=r"(9|10)"))
    _try_secret(stranger, SECRET, waits)  # a new browser, even with the right secret, waits out the flood
    assert stranger.locator("[data-testid=stMetric]").count() == 0
    laptop.reload()  # the facilitator's own browser is let in, in this tab and a new one
    wait_ready(laptop)
    expect(laptop.locator("[data-testid=stMetric]").first).to_be_visible(timeout=20_000)
    projector = new_page(laptop.context)
    projector.goto(workshop.presenter_url(server.url, code.replace("-", ""), "en"))
    wait_ready(projector)
    expect(projector.get_by_role("heading", name=code).first).to_be_visible(timeout=20_000)
