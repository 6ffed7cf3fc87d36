"""A workshop in real browsers: a facilitator, three participants in their own contexts, the room filling live."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from core import i18n
from core.plan import selfcheck
from tests.browser.conftest import Server, after_run, app_errors, guarded_context, new_page, wait_ready

pytestmark = pytest.mark.browser
SECRET = "timone-e-vela"
CODE = re.compile(r"^[2-9A-Z]{4}-[2-9A-Z]{4}$")
TOKEN = re.compile(r"plan=([A-Za-z0-9_-]{43})")


def new_tab(browser: Browser, base: str) -> Page:
    """A page in a context of its own (its own cookies and session), with the offline guard and error capture."""
    return new_page(guarded_context(browser, base))


@pytest.fixture
def tabs(browser: Browser, server: Server) -> Iterator[list[Page]]:
    opened: list[Page] = []
    yield opened
    for page in opened:
        page.context.close()


def create_workshop(page: Page, base: str, title: str = "Social per botteghe", lang: str = "en") -> str:
    """Create a workshop on the facilitator's page; return the code as shown."""
    t = lambda key: i18n.t(lang, key)  # noqa: E731
    page.goto(f"{base}/workshop?lang={lang}")
    wait_ready(page)
    page.get_by_label(t("workshop.create.title")).fill(title)
    page.get_by_label(t("workshop.create.place")).fill("Perugia")
    page.get_by_label(t("workshop.create.secret")).fill(SECRET)
    page.get_by_role("button", name=t("workshop.create.button")).click()
    page.wait_for_url(re.compile(r"room=[A-Za-z0-9_-]{16}"))
    wait_ready(page)
    code = page.locator("[data-testid=stMain] [data-testid=stMarkdown] strong").filter(has_text=CODE)
    expect(code).to_be_visible()  # in the line under the title: the code card itself is folded below the room
    return code.inner_text().strip()


def join(page: Page, base: str, typed: str) -> str:
    """Join with the code typed as given; return the participant's plan token."""
    page.goto(f"{base}/join?lang=en")
    wait_ready(page)
    page.get_by_label(i18n.t("en", "workshop.join.input")).fill(typed)
    page.get_by_role("button", name=i18n.t("en", "workshop.join.button")).click()
    page.wait_for_url(re.compile(r"/\?.*plan="))
    wait_ready(page)
    expect(page.get_by_role("heading", name=i18n.t("en", "start.title"))).to_be_visible()
    expect(page.get_by_text(i18n.t("en", "workshop.share.label"))).to_be_visible()  # the last part of Start
    wait_ready(page)
    return TOKEN.search(page.url).group(1)


def metric(page: Page, key: str):  # noqa: ANN201 - a Playwright Locator
    label = i18n.t("en", key)
    return page.locator("[data-testid=stMetric]").filter(has_text=label).locator("[data-testid=stMetricValue]")


def count(page: Page, label_key: str, n: int):  # noqa: ANN201 - a Playwright Locator
    return page.get_by_text(i18n.t("en", "workshoppage.count", label=i18n.t("en", label_key), n=n), exact=True)


def answer_self_check(page: Page, answer: str = "selfcheck.no") -> None:
    """Answer every question, one at a time, and wait until the page says all are saved and scored."""
    radios = page.locator("[data-testid=stRadio]")
    total = len(selfcheck.QUESTIONS)
    expect(radios).to_have_count(total)
    for index in range(total):
        after_run(page, radios.nth(index).get_by_text(i18n.t("en", answer), exact=True).click)
        expect(radios.nth(index).get_by_role("radio", name=i18n.t("en", answer), exact=True)).to_be_checked()
    done = i18n.t("en", "selfcheck.answered", answered=total, total=total)
    expect(page.get_by_text(done, exact=True)).to_be_visible(timeout=15_000)


def set_name(page: Page, base: str, token: str, name: str) -> None:
    page.goto(f"{base}/business?plan={token}&lang=en")
    wait_ready(page)
    field = page.get_by_label(i18n.t("en", "business.name"))
    field.fill(name)
    after_run(page, lambda: field.press("Enter"))


def share(page: Page, base: str, token: str) -> None:
    page.goto(f"{base}/?plan={token}&lang=en")
    wait_ready(page)
    after_run(page, page.get_by_text(i18n.t("en", "workshop.share.label")).click)


def test_three_participants_join_and_the_room_follows_them_live_without_reloading(page: Page, browser, tabs, server):
    code = create_workshop(page, server.url)
    room_url = page.url
    page.evaluate("() => { window.__rotta_same_page = 42 }")  # gone if the page reloads
    expect(metric(page, "room.export.joined")).to_have_text("0")

    tabs += [new_tab(browser, server.url) for _ in range(3)]
    typed = [code.lower(), " " + code.replace("-", " ") + " ", code.replace("-", "").lower()]
    tokens = [join(tab, server.url, text) for tab, text in zip(tabs, typed, strict=True)]
    assert len(set(tokens)) == 3
    expect(metric(page, "room.export.joined")).to_have_text("3", timeout=20_000)
    expect(count(page, "step.start", 3)).to_be_visible()

    answer_self_check(tabs[0])
    expect(count(page, "room.band.adrift", 1)).to_be_visible(timeout=20_000)
    expect(count(page, "step.business", 1)).to_be_visible()
    expect(count(page, "step.start", 2)).to_be_visible()

    share(tabs[1], server.url, tokens[1])
    set_name(tabs[1], server.url, tokens[1], "Forno Gatta Rossa")
    set_name(tabs[2], server.url, tokens[2], "Bottega Riservata")
    expect(metric(page, "room.export.sharing")).to_have_text("1", timeout=20_000)
    cells = page.locator("[data-testid=stDataFrame] [role=gridcell]")
    expect(cells.filter(has_text="Forno Gatta Rossa")).to_have_count(1, timeout=20_000)
    assert "Bottega Riservata" not in " ".join(cells.all_inner_texts()) + page.inner_text("body")
    assert page.evaluate("() => window.__rotta_same_page") == 42 and page.url == room_url

    with page.expect_download() as caught:
        page.get_by_role("button", name=i18n.t("en", "workshoppage.export.csv")).click()
    summary = Path(caught.value.path()).read_text(encoding="utf-8-sig")
    assert f"{i18n.t('en', 'room.export.totals')},{i18n.t('en', 'room.export.joined')},3" in summary
    assert "Forno Gatta Rossa" not in summary and "Bottega Riservata" not in summary

    for tab in [page, *tabs]:
        assert app_errors(tab) == []
        assert all(server.url not in url for url in tab.context.offline_guard.blocked)


def test_a_participant_cannot_open_another_plan_or_the_room(page: Page, browser, tabs, server):
    code = create_workshop(page, server.url)
    room_url = page.url
    tabs += [new_tab(browser, server.url) for _ in range(2)]
    first, second = (join(tab, server.url, code) for tab in tabs)
    set_name(tabs[0], server.url, first, "Bottega Privata")

    changed = first[:20] + ("A" if first[20] != "A" else "B") + first[21:]
    tabs[1].goto(f"{server.url}/business?plan={changed}&lang=en")
    wait_ready(tabs[1])
    expect(tabs[1].get_by_text(i18n.t("en", "frame.plan_missing"))).to_be_visible()
    assert "Bottega Privata" not in tabs[1].inner_text("body")

    tabs[1].goto(room_url)
    wait_ready(tabs[1])
    expect(tabs[1].get_by_text(i18n.t("en", "workshoppage.locked"))).to_be_visible()
    body = tabs[1].inner_text("body")
    assert code not in body and "Bottega Privata" not in body
    assert tabs[1].locator("[data-testid=stMetric], [data-testid=stDataFrame], [data-testid=stImage]").count() == 0
    for tab in [page, *tabs]:
        assert app_errors(tab) == []


@pytest.mark.parametrize("lang", ["it", "en"])
def test_presenter_mode_folds_the_sidebar_and_shows_a_sample_in_one_click(page: Page, server, lang):
    # .first: while Streamlit reruns, the previous run's elements stay on screen next to the new ones.
    code = create_workshop(page, server.url, lang=lang)
    after_run(page, page.get_by_role("button", name=i18n.t(lang, "workshoppage.present")).click)
    expect(page.locator("[data-testid=stSidebar]")).to_have_attribute("data-collapsed", "true")
    expect(page.get_by_role("heading", name=code).first).to_be_visible()
    expect(page.locator("[data-testid=stImage] img").first).to_be_visible()

    pills = page.locator("[data-testid=stButtonGroup]")
    after_run(page, pills.get_by_text(i18n.t(lang, "samples.cantina.name"), exact=True).click)
    expect(page.get_by_role("heading", name="Cantina Colle dei Gufi", exact=True).first).to_be_visible()
    after_run(page, pills.get_by_text(i18n.t(lang, "room.bands.heading"), exact=True).click)
    expect(page.get_by_role("heading", name=i18n.t(lang, "room.bands.heading")).first).to_be_visible()

    after_run(page, page.get_by_role("button", name=i18n.t(lang, "workshoppage.present_exit")).click)
    expect(page.locator("[data-testid=stSidebar]")).not_to_have_attribute("data-collapsed", "true")
    expect(page.get_by_role("heading", name="Social per botteghe", exact=True).first).to_be_visible()
    expect(page.locator("[data-testid=stMetric]").first).to_be_visible()  # the room, right under the title
    assert app_errors(page) == []
