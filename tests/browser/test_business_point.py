"""The business's point in a real browser, at a phone's and a laptop's width: a tap on the Business page's
map moves the business there, inside its comune, and the plan keeps it."""

from __future__ import annotations

import datetime as dt
import math
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core import i18n, samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, wait_ready

pytestmark = pytest.mark.browser
MAP = "iframe[title='streamlit_folium.st_folium']"
SIZES = {"phone": (390, 844), "laptop": (1366, 768)}
KM_LAT = math.pi / 180 * 6371.0088


def _store() -> store_mod.Store:
    return store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))


@pytest.mark.parametrize("size", SIZES)
def test_a_tap_on_the_business_map_moves_the_business_there(page: Page, server, size):
    sample = samples.load_sample("forno")
    token = _store().create(plan_mod.from_sample("forno", sample.profile, sample.goals, dt.date.today()))[0]
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
    page.goto(f"{server.url}/business?plan={token}&lang=en")
    wait_ready(page, 90_000)
    expect(page.get_by_text(i18n.t("en", "maps.point.title"))).to_be_visible()
    frame_el = page.locator(MAP).first
    frame_el.scroll_into_view_if_needed()
    frame = frame_el.element_handle().content_frame()
    frame.wait_for_function("() => !!document.querySelector('.leaflet-container')", timeout=30_000)
    box = frame_el.bounding_box()
    before = sample.profile["business"]["town"]
    # 60 px left of the business and 60 px down, on the map itself (not on the label above the dot)
    page.mouse.click(box["x"] + box["width"] / 2 - 60, box["y"] + box["height"] / 2 + 60)
    for _ in range(100):  # poll the plan, never sleep a fixed time
        town = _store().load(token)[0]["business"]["town"]
        if (town["lat"], town["lon"]) != (before["lat"], before["lon"]):
            break
        page.wait_for_timeout(200)
    wait_ready(page)

    assert town["pinned"] is True and town["comune_istat"] == before["comune_istat"]
    # zoom 15: 60 px are about 60 * 4.78 m * cos(lat) = 213 m at this latitude
    moved = math.hypot((town["lat"] - before["lat"]) * KM_LAT,
                       (town["lon"] - before["lon"]) * KM_LAT * math.cos(math.radians(before["lat"])))  # fmt: skip
    assert 0.1 < moved < 0.6
    expect(page.get_by_text(f"{town['lat']:.4f} N").first).to_be_visible()
    assert app_errors(page) == []
