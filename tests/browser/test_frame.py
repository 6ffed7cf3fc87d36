"""The frame in a real browser: deep links, the path end to end in both languages, reload, offline map."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from core import i18n, samples
from tests.browser.conftest import after_run, app_errors, wait_ready

pytestmark = pytest.mark.browser
PAGES = {"": "start", "business": "business", "plan": "plan"}


def _sidebar_labels(page: Page) -> str:
    return page.locator("[data-testid=stSidebar]").inner_text()


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("route", list(PAGES))
def test_every_page_opens_by_deep_link_and_shows_the_frame(page: Page, context, server, route, lang):
    page.goto(f"{server.url}/{route}?lang={lang}")
    wait_ready(page)
    outside = [u for u in context.offline_guard.blocked if "tile.openstreetmap.org" not in u]
    assert outside == [], "only map tiles may come from the internet"
    sidebar = _sidebar_labels(page)
    for step in ("start", "business", "plan"):
        assert i18n.t(lang, f"step.{step}") in sidebar
    assert i18n.t(lang, "frame.you_are_here") in sidebar
    assert app_errors(page) == []


def _load_sample(page: Page, server, lang: str, slug: str = "forno") -> str:
    page.goto(f"{server.url}/?lang={lang}")
    wait_ready(page)
    index = samples.SLUGS.index(slug)
    page.get_by_role("button", name=i18n.t(lang, "frame.load_sample")).nth(index).click()
    page.wait_for_url(re.compile(r"plan=[A-Za-z0-9_-]{43}"))
    wait_ready(page)
    return re.search(r"plan=([A-Za-z0-9_-]{43})", page.url).group(1)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_path_works_end_to_end_and_reload_keeps_the_data(page: Page, server, lang):
    token = _load_sample(page, server, lang)
    name = samples.load_sample("forno").profile["business"]["name"]
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.get_by_role("link", name=re.compile(i18n.t(lang, "step.business"))).click()
    page.wait_for_url(re.compile(r"/business\?"))
    wait_ready(page)
    assert f"plan={token}" in page.url and f"lang={lang}" in page.url
    field = page.get_by_label(i18n.t(lang, "business.name"))
    expect(field).to_have_value(name)
    field.fill("Forno Nuovo <b>${x}</b>")
    after_run(page, lambda: field.press("Enter"))
    page.reload()
    wait_ready(page)
    expect(page.get_by_label(i18n.t(lang, "business.name"))).to_have_value("Forno Nuovo <b>${x}</b>")
    sidebar.get_by_role("link", name=re.compile(i18n.t(lang, "step.plan"))).click()
    page.wait_for_url(re.compile(r"/plan\?"))
    wait_ready(page)
    expect(page.get_by_text("Forno Nuovo <b>${x}</b>").first).to_be_visible()
    assert app_errors(page) == []


def test_the_same_link_in_a_new_tab_resumes_the_plan(page: Page, context, server):
    token = _load_sample(page, server, "en", "cantina")
    other = context.new_page()
    other.goto(f"{server.url}/plan?plan={token}&lang=en")
    wait_ready(other)
    expect(other.get_by_text(samples.load_sample("cantina").profile["business"]["name"]).first).to_be_visible()
    other.close()


def test_switching_language_changes_the_text_and_stays_in_the_url(page: Page, server):
    page.goto(f"{server.url}/business?lang=en")
    wait_ready(page)
    expect(page.get_by_role("heading", name=i18n.t("en", "business.title"))).to_be_visible()
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="Italiano").click()
    page.wait_for_url(re.compile(r"lang=it"))
    wait_ready(page)
    expect(page.get_by_role("heading", name=i18n.t("it", "business.title"))).to_be_visible()


def test_the_language_follows_the_browser_locale(browser, server):
    ctx = browser.new_context(locale="it-IT")
    page = ctx.new_page()
    page.goto(f"{server.url}/")
    wait_ready(page)
    expect(page.get_by_role("heading", name=i18n.t("it", "start.title"))).to_be_visible()
    assert "lang=it" in page.url
    ctx.close()


def test_the_business_map_draws_with_no_network(page: Page, context, server):
    token = _load_sample(page, server, "en")
    page.goto(f"{server.url}/business?plan={token}&lang=en")
    wait_ready(page)
    frame = page.frame_locator("iframe[title*='streamlit_folium']").first
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=30_000)
    expect(frame.locator(".rotta-tiles-offline")).to_be_visible(timeout=30_000)
    assert all("127.0.0.1" not in url for url in context.offline_guard.blocked)
    assert any("openstreetmap" in url for url in context.offline_guard.blocked)
    assert app_errors(page) == []
