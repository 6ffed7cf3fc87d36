"""The Timeline page in a real browser with no outside network: the charts and the map actually draw."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from core import i18n
from tests.browser.conftest import app_errors, wait_ready
from tests.browser.test_frame import _load_sample

pytestmark = pytest.mark.browser
CHARTS = ".vega-embed svg, .vega-embed canvas"
MAP = "iframe[title='streamlit_folium.st_folium']"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_timeline_draws_its_charts_and_its_map_offline(page: Page, context, server, lang):
    token = _load_sample(page, server, lang)
    page.goto(f"{server.url}/timeline?plan={token}&lang={lang}")
    wait_ready(page)
    expect(page.get_by_role("heading", name=i18n.t(lang, "timelinepage.title"))).to_be_visible()
    page.locator(CHARTS).first.wait_for(timeout=30_000)
    expect(page.get_by_text(i18n.t(lang, "timeline.heat.title"))).to_be_attached(timeout=30_000)
    assert page.locator(CHARTS).count() >= 3
    page.locator(MAP).first.scroll_into_view_if_needed()
    frame = page.frame_locator(MAP).first
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=30_000)
    expect(frame.locator(".rotta-time-filter")).to_be_visible(timeout=30_000)
    expect(frame.get_by_text(i18n.t(lang, "timeline.map.play"))).to_be_visible()
    assert all("127.0.0.1" not in url for url in context.offline_guard.blocked)
    assert app_errors(page) == []
