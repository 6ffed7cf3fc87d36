"""The Market map in a real browser with no network, at a phone's and a laptop's width: every default layer
draws, the bakery sits at the Pigneto, no distance is claimed for its Rome customers (shown by postcode),
nothing overflows or covers the map, and an area drawn with four clicks is summed up and saved. Expected
values come from the sample's files and spec, and from computations written here."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page, expect

from core import geocode, i18n, samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from sample_data import spec_forno
from tests.browser.conftest import after_run, app_errors, wait_ready

pytestmark = pytest.mark.browser
MAP = "iframe[title='streamlit_folium.st_folium']"
BUSY = ".leaflet-marker-icon, .leaflet-control, .leaflet-tooltip, .rotta-legend, .rotta-tiles-offline"
LAYERS_DRAWN = "() => (window.feature_group || []).reduce((n, g) => n + g.getLayers().length, 0)"
SIZES = {"phone": (390, 844), "laptop": (1366, 768)}
BUSINESS_AT = """(name) => {
    for (const g of window.feature_group) for (const l of g.getLayers()) {
        const t = l.getTooltip && l.getTooltip();
        if (t && String(t.getContent()).includes(name)) { const p = l.getLatLng(); return [p.lat, p.lng]; }
    }
    return null;
}"""
ROOT = Path(__file__).resolve().parents[2]


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


def _rome() -> pd.DataFrame:
    customers = pd.read_csv(ROOT / "sample_data" / "forno" / "customers.csv", dtype=str, keep_default_na=False)
    return customers[customers["town"] == "Roma"]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_default_layer_of_the_market_map_draws_offline(page: Page, context, server, token, lang, size):
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
    frame = _open(page, server, token, lang)

    # business, customers, rings, trade areas (no competitors or saved areas yet), then the legend
    drawn = frame.evaluate("() => window.feature_group.map(g => g.getLayers().length)")
    assert len(drawn) == 5 and all(n >= 1 for n in drawn), drawn
    assert frame.locator(".leaflet-overlay-pane canvas").count() >= 1  # rings and trade areas, on canvas
    assert frame.locator(".marker-cluster, .rotta-place").count() >= 1  # customers
    expect(frame.locator(".leaflet-tooltip").first).to_contain_text("Forno Gatta Rossa")
    legend = frame.locator(".rotta-legend details")
    folded = size == "phone"  # on a phone the legend starts folded to its title, clear of the data
    assert legend.evaluate("d => d.open") is (not folded)
    if folded:
        assert legend.bounding_box()["height"] < 40
        legend.locator("summary").click()
    for layer in ("trade_areas", "rings", "customers", "business"):
        expect(legend).to_contain_text(i18n.t(lang, f"market_layers.layer.{layer}"))
    assert app_errors(page) == []
    assert all("127.0.0.1" not in url for url in context.offline_guard.blocked)


@pytest.mark.parametrize("size", SIZES)
def test_the_bakery_sits_at_the_pigneto_and_its_rome_customers_get_no_distance_but_postcodes(
    page: Page, server, token, size
):
    lang = "en"
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
    frame = _open(page, server, token, lang)
    rome = _rome()

    _, lat, lon = spec_forno.SHOP  # the shop's spot in the sample's recipe
    at = frame.evaluate(BUSINESS_AT, "Forno Gatta Rossa")
    assert at == pytest.approx([lat, lon], abs=1e-6)
    text = page.get_by_test_id("stMain").inner_text()
    assert f"{len(rome):,} customers in Roma: their position inside the city is unknown" in text
    assert "Half of the customers on the map" not in text  # no median over the centre of Rome
    table = page.locator("[data-testid=stMarkdown] table").filter(has_text="00176").first
    expect(table).to_be_visible()
    top = rome["postcode"].value_counts()
    cells = table.inner_text().split()
    assert cells[cells.index(top.index[0]) + 1] == f"{top.iloc[0]:,}"  # the busiest postcode and its customers
    # nothing wider than the screen: the page itself never scrolls sideways
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    if size == "laptop":  # the ring chips fit their box ("10 km" was cut at 1366 px)
        box = page.get_by_test_id("stMultiSelect").first.bounding_box()
        chips = page.get_by_test_id("stMultiSelect").first.locator("[data-tag]")
        assert chips.count() == 4
        for i in range(chips.count()):
            chip = chips.nth(i).bounding_box()
            assert chip["x"] + chip["width"] <= box["x"] + box["width"]
    assert app_errors(page) == []


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
    after_run(page, page.get_by_role("radio", name=i18n.t(lang, "marketpage.draw.mode.polygon"), exact=True).click)
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
    after_run(page, page.get_by_role("button", name=i18n.t(lang, "marketpage.draw.save")).click)
    expect(page.get_by_text("Zona disegnata").first).to_be_visible()

    (saved,) = _store().load(token)[0]["areas"]
    assert saved["name"] == "Zona disegnata" and len(saved["polygon"]) == 4
    # surely inside: the customers of every comune whose sample points all fall in the drawn polygon
    gazetteer = geocode.load_gazetteer(Path(os.environ["ROTTA_CACHE_DIR"]))
    cells = gazetteer.cells()
    whole = cells.assign(inside=_inside(np.asarray(saved["polygon"]), cells["lon"], cells["lat"]))
    whole = set(whole.groupby("istat")["inside"].all().loc[lambda x: x].index)
    names = set(gazetteer.comuni().set_index("istat").loc[sorted(whole), "name"]) if whole else set()
    customers = pd.read_csv(ROOT / "sample_data" / "forno" / "customers.csv", dtype=str, keep_default_na=False)
    inside = int(customers["town"].isin(names).sum())
    assert shown == i18n.number(lang, inside)
    assert app_errors(page) == []


@pytest.mark.parametrize(("size", "lang"), [("phone", "it"), ("phone", "en"), ("laptop", "en")])
def test_after_saving_an_area_its_confirmation_is_on_the_screen(page: Page, server, token, size, lang):
    """It was said at the top of the page, two screens above the save button on a phone."""
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    _open(page, server, token, lang)
    after_run(page, page.get_by_role("radio", name=i18n.t(lang, "marketpage.draw.mode.circle"), exact=True).click)
    frame = _map_frame(page)
    page.locator(MAP).first.scroll_into_view_if_needed()
    box = page.locator(MAP).first.bounding_box()
    x, y = _free_spot(frame, 0.5 * box["width"], 0.6 * box["height"])
    before = frame.evaluate(LAYERS_DRAWN)
    page.mouse.click(box["x"] + x, box["y"] + y)  # the circle's centre (5 km by default)
    frame.wait_for_function(f"() => ({LAYERS_DRAWN})() > {before}", timeout=30_000)
    wait_ready(page)
    name = page.get_by_label(i18n.t(lang, "marketpage.draw.name"))
    name.scroll_into_view_if_needed()
    name.fill("Zona del forno")
    after_run(page, page.get_by_role("button", name=i18n.t(lang, "marketpage.draw.save")).click)

    toast = page.get_by_test_id("stToast").filter(has_text="Zona del forno").first
    expect(toast).to_be_visible(timeout=30_000)
    shown = toast.bounding_box()  # where it is now, without any scrolling after the tap
    assert shown is not None and 0 <= shown["y"] and shown["y"] + shown["height"] <= height, shown
    assert 0 <= shown["x"] and shown["x"] + shown["width"] <= width, shown
    # and said under the map, where the form was (the page no longer says it at its top)
    expect(page.get_by_test_id("stAlert").filter(has_text="Zona del forno")).to_have_count(1)
    assert [a["name"] for a in _store().load(token)[0]["areas"]] == ["Zona del forno"]
    assert app_errors(page) == []


def _inside(ring: np.ndarray, x: pd.Series, y: pd.Series) -> np.ndarray:
    """Ray casting: points (x, y) inside the (lon, lat) ring."""
    px, py, odd = x.to_numpy(float), y.to_numpy(float), np.zeros(len(x), dtype=bool)
    for (x1, y1), (x2, y2) in zip(ring, np.roll(ring, -1, axis=0), strict=True):
        crosses = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            odd ^= crosses & (px < x1 + (py - y1) * (x2 - x1) / (y2 - y1))
    return odd
