"""The Monitor page in a real browser with no network: the segment map and the charts draw, the summary downloads."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core import i18n, samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, chart_texts, page_width, wait_ready

pytestmark = pytest.mark.browser
MAP = "iframe[title='streamlit_folium.st_folium']"


@pytest.fixture(scope="module")
def token(server) -> str:
    """A forno plan written straight into the server's database (the server fixture points ROTTA_DATA_DIR at it)."""
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    sample = samples.load_sample("forno")
    return store.create(plan_mod.from_sample("forno", sample.profile, sample.goals, dt.date.today()))[0]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_monitor_draws_its_segment_map_and_charts_offline(page: Page, context, server, token, lang):
    page.goto(f"{server.url}/monitor?plan={token}&lang={lang}")
    wait_ready(page, 90_000)

    expect(page.get_by_role("heading", name=i18n.t(lang, "monitor.title"))).to_be_visible()
    frame = page.frame_locator(MAP).first
    frame.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=30_000)
    assert frame.locator("path.leaflet-interactive").count() > 10  # a circle per town and segment
    expect(frame.locator(".rotta-legend")).to_contain_text(i18n.t(lang, "loyalty.segment.champions"))
    page.locator(".vega-embed svg, .vega-embed canvas").first.wait_for(state="attached", timeout=30_000)
    assert page.locator(".vega-embed").count() == 3
    assert app_errors(page) == []
    assert all("127.0.0.1" not in url for url in context.offline_guard.blocked)


def test_the_summary_downloads_as_a_markdown_file(page: Page, server, token):
    page.goto(f"{server.url}/monitor?plan={token}&lang=en")
    wait_ready(page, 90_000)

    with page.expect_download() as caught:
        page.get_by_role("button", name=i18n.t("en", "monitor.export.button")).click()
    download = caught.value

    name = download.suggested_filename
    assert name.startswith("rotta-monitor-forno-") and name.endswith(".md")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# " + i18n.t("en", "monitor.export.title", name=""))
    assert f"## {i18n.t('en', 'monitor.board.title')}" in text
    assert app_errors(page) == []


@pytest.mark.parametrize(("size", "lang"), [((390, 844), "it"), ((390, 844), "en"), ((1366, 768), "en")])
def test_the_cohort_grid_is_readable_on_a_phone(page: Page, server, token, size, lang):
    """At 390 px the legend on the right kept its width and the shares ran into each other in cells a few px wide."""
    page.set_viewport_size(dict(zip(("width", "height"), size, strict=True)))
    page.goto(f"{server.url}/monitor?plan={token}&lang={lang}")
    wait_ready(page, 90_000)
    grid = page.locator(".vega-embed", has=page.locator(f"text={i18n.t(lang, 'monitor.chart.months_after')}")).first
    grid.locator(".mark-rect.role-mark path").first.wait_for(state="attached", timeout=30_000)
    grid.scroll_into_view_if_needed()

    assert page_width(page) <= size[0]
    container = grid.evaluate("e => e.getBoundingClientRect().width")
    cells = grid.evaluate(
        "e => Array.from(e.querySelectorAll('.mark-rect.role-mark path')).map(c => c.getBoundingClientRect())"
        ".map(r => ({left: r.left, right: r.right, width: r.width}))"
    )
    plot = max(c["right"] for c in cells) - min(c["left"] for c in cells)  # how far the grid spreads
    cells = [c["width"] for c in cells]
    assert plot > container / 2 and min(cells) >= 14, (plot, container, min(cells))  # a cell a finger can tap
    texts = chart_texts(grid)
    assert texts["overlaps"] == [], texts
    assert (texts["shown"] > 0) is (size[0] > 1000), texts
    assert app_errors(page) == []
