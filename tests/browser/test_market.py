"""The Market map in a real browser with no network: every default layer draws, and an area drawn with four
clicks on the map is summed up on the page and saved to the plan."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page, expect

from core import geocode, i18n, samples
from core.market import catchment
from core.market import view as market_page
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, wait_ready

pytestmark = pytest.mark.browser
MAP = "iframe[title='streamlit_folium.st_folium']"
BUSY = ".leaflet-marker-icon, .leaflet-control, .leaflet-tooltip, .rotta-legend, .rotta-tiles-offline"
LAYERS_DRAWN = "() => (window.feature_group || []).reduce((n, g) => n + g.getLayers().length, 0)"


def _store() -> store_mod.Store:
    return store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))


@pytest.fixture
def token(server) -> str:
    """A fresh forno plan written into the server's database (the server fixture points ROTTA_DATA_DIR at it)."""
    sample = samples.load_sample("forno")
    return _store().create(plan_mod.from_sample("forno", sample.profile, sample.goals, dt.date.today()))[0]


def _map_frame(page: Page, groups: int = 5, timeout_ms: int = 30_000) -> Frame:
    """The map's frame once it has drawn ``groups`` feature groups (polled: the component may mount anew)."""
    waited = 0
    while waited < timeout_ms:
        handle = page.locator(MAP).first.element_handle(timeout=timeout_ms)
        frame = handle.content_frame() if handle else None
        try:
            if frame and frame.evaluate(f"() => (window.feature_group || []).length >= {groups}"):
                return frame
        except PlaywrightError:  # the frame navigated or was replaced while we asked
            pass
        page.wait_for_timeout(200)
        waited += 200
    raise AssertionError(f"the map did not draw {groups} layer groups in {timeout_ms} ms")


def _open(page: Page, server, token: str, lang: str) -> Frame:
    page.goto(f"{server.url}/market?plan={token}&lang={lang}")
    wait_ready(page, 90_000)
    expect(page.get_by_role("heading", name=i18n.t(lang, "marketpage.title"))).to_be_visible()
    return _map_frame(page)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_default_layer_of_the_market_map_draws_offline(page: Page, context, server, token, lang):
    frame = _open(page, server, token, lang)

    # business, customers, rings, trade areas (no competitors or saved areas yet), then the legend
    drawn = frame.evaluate("() => window.feature_group.map(g => g.getLayers().length)")
    assert len(drawn) == 5 and all(n >= 1 for n in drawn), drawn
    assert frame.locator(".leaflet-overlay-pane canvas").count() >= 1  # rings and trade areas, on canvas
    assert frame.locator(".marker-cluster, .rotta-place").count() >= 1  # customers
    expect(frame.locator(".leaflet-tooltip").first).to_contain_text("Forno Gatta Rossa")
    legend = frame.locator(".rotta-legend")
    for layer in ("trade_areas", "rings", "customers", "business"):
        expect(legend).to_contain_text(i18n.t(lang, f"market_layers.layer.{layer}"))
    assert app_errors(page) == []
    assert all("127.0.0.1" not in url for url in context.offline_guard.blocked)


def _free_spot(frame: Frame, x: float, y: float) -> tuple[float, float]:
    """A point near (x, y) inside the map where a click reaches the map, not a marker, label or control."""
    for dx, dy in ((0, 0), (25, 0), (0, 25), (-25, 0), (0, -25), (40, 40), (-40, 40), (40, -40), (-40, -40)):
        busy = frame.evaluate(
            "([x, y, busy]) => { const e = document.elementFromPoint(x, y); return !e || !!e.closest(busy); }",
            [x + dx, y + dy, BUSY],
        )
        if not busy:
            return x + dx, y + dy
    raise AssertionError(f"no free spot on the map near {x}, {y}")


def test_an_area_drawn_with_four_clicks_shows_the_customers_inside_and_is_saved(page: Page, server, token):
    lang = "it"
    _open(page, server, token, lang)
    page.get_by_role("radio", name=i18n.t(lang, "marketpage.draw.mode.polygon"), exact=True).click()
    wait_ready(page)
    # the map that reports clicks is mounted for drawing (see ui.market.draw): wait for it to draw its layers
    frame = _map_frame(page)
    page.locator(MAP).first.scroll_into_view_if_needed()
    box = page.locator(MAP).first.bounding_box()
    width, height = box["width"], box["height"]
    corners = [(0.3, 0.15), (0.8, 0.15), (0.8, 0.85), (0.55, 0.85)]  # around the centre, clear of the legend
    for fx, fy in corners:
        x, y = _free_spot(frame, fx * width, fy * height)
        before = frame.evaluate(LAYERS_DRAWN)
        page.mouse.click(box["x"] + x, box["y"] + y)
        frame.wait_for_function(f"() => ({LAYERS_DRAWN})() > {before}", timeout=30_000)
        wait_ready(page)

    label = i18n.t(lang, "marketpage.area.customers")
    metric = page.get_by_test_id("stMetric").filter(has_text=label)
    expect(metric).to_be_visible(timeout=30_000)
    shown = metric.get_by_test_id("stMetricValue").inner_text()
    page.get_by_label(i18n.t(lang, "marketpage.draw.name")).fill("Zona disegnata")
    page.get_by_role("button", name=i18n.t(lang, "marketpage.draw.save")).click()
    wait_ready(page)
    expect(page.get_by_text("Zona disegnata").first).to_be_visible()

    (saved,) = _store().load(token)[0]["areas"]
    assert saved["name"] == "Zona disegnata" and len(saved["polygon"]) == 4
    gazetteer = geocode.load_gazetteer(Path(os.environ["ROTTA_CACHE_DIR"]))
    customers = market_page.as_customers(geocode.geocode_frame(gazetteer, samples.load_sample("forno").customers))
    inside = catchment.area_summary(customers, [tuple(v) for v in saved["polygon"]], None).customers
    assert shown == i18n.number(lang, inside) and inside > 0
    assert app_errors(page) == []
