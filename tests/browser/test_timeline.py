"""The Timeline page in a real browser with no outside network: the charts and the map actually draw."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core import i18n, samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, chart_texts, page_width, wait_ready
from tests.browser.test_frame import _load_sample

pytestmark = pytest.mark.browser
CHARTS = ".vega-embed svg, .vega-embed canvas"
SCREENS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
# The over-time chart's two views (the plot and the posts strip under it), each found by its x axis: its width, the
# labels on its axis, and how far its marks (lines, points, the strip's area) spread across it.
_VIEWS = """e => Array.from(e.querySelectorAll('g.role-axis[aria-label^="X-axis"]')).map(axis => {
    const view = axis.closest('g.role-scope');
    const marks = Array.from(view.querySelectorAll('.mark-line > path, .mark-symbol > path, .mark-area > path'))
        .map(m => m.getBoundingClientRect()).filter(r => r.width + r.height > 0);
    return {
        width: view.querySelector('path.background').getBoundingClientRect().width,
        labels: Array.from(axis.querySelectorAll('.role-axis-label text')).map(t => t.textContent).filter(t => t),
        marks: marks.length,
        spread: marks.length ? Math.max(...marks.map(r => r.right)) - Math.min(...marks.map(r => r.left)) : 0,
    };
})"""
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


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("screen", SCREENS)
def test_the_reach_chart_keeps_its_plot_dates_and_marks_on_a_phone(page: Page, server, screen, lang):
    """At 390 px the plot collapsed to a line with no dates while its legend and the strip's hint kept their width."""
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    sample = samples.load_sample("forno")
    token = store.create(plan_mod.from_sample("forno", *samples.in_language(sample, lang), dt.date.today()))[0]
    page.set_viewport_size(SCREENS[screen])
    page.goto(f"{server.url}/timeline?plan={token}&lang={lang}")
    wait_ready(page, 90_000)
    chart = page.locator(".vega-embed").first
    chart.locator("svg g.role-axis").first.wait_for(state="attached", timeout=30_000)
    chart.scroll_into_view_if_needed()
    container = chart.evaluate("e => e.getBoundingClientRect().width")
    plot, strip = chart.evaluate(_VIEWS)

    for view in (plot, strip):
        assert view["width"] > container / 2, (view, container)
        assert len(view["labels"]) >= 3 and any(re.search(r"\d{4}", label) for label in view["labels"]), view
        assert view["marks"] > 0 and view["spread"] > container / 2, view
    assert plot["marks"] > 20  # a point a week and channel
    assert app_errors(page) == []


_TABLE = """(e) => {
    const box = e.getBoundingClientRect();
    e.scrollLeft = e.scrollWidth;  // as far right as a finger can move it
    const last = e.querySelector('tr:first-child > :last-child').getBoundingClientRect();
    return {left: box.left, right: box.right, scrolls: getComputedStyle(e).overflowX, lastRight: last.right,
            wider: e.scrollWidth > e.clientWidth};
}"""


@pytest.mark.parametrize(("screen", "lang"), [("phone", "it"), ("phone", "en"), ("laptop", "en")])
def test_on_a_phone_the_top_posts_fit_the_screen_and_the_heat_grid_numbers_never_overlap(
    page: Page, server, screen, lang
):
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    sample = samples.load_sample("forno")
    token = store.create(plan_mod.from_sample("forno", *samples.in_language(sample, lang), dt.date.today()))[0]
    width = SCREENS[screen]["width"]
    page.set_viewport_size(SCREENS[screen])
    page.goto(f"{server.url}/timeline?plan={token}&lang={lang}")
    wait_ready(page, 90_000)
    heat = page.locator(".vega-embed", has=page.locator(f"text={i18n.t(lang, 'timeline.heat.hour')}")).first
    heat.locator(".mark-text.role-mark").first.wait_for(state="attached", timeout=30_000)
    table = page.locator("[data-testid=stMarkdownContainer] table", has_text=i18n.t(lang, "timeline.column.reach"))
    table.first.scroll_into_view_if_needed()

    assert page_width(page) <= width  # the page itself never scrolls sideways
    shown = table.first.evaluate(_TABLE)
    assert shown["right"] <= width and shown["lastRight"] <= width + 1, shown  # the link column is reachable
    assert not shown["wider"], shown  # it wraps within the page: no sideways box the keyboard could not reach
    texts = chart_texts(heat)
    assert texts["overlaps"] == [], texts
    assert (texts["shown"] > 0) is (screen == "laptop"), texts  # on a phone the counts are a tap away
    assert app_errors(page) == []
