"""The Business page in a real browser: on a phone nothing of it needs sideways scrolling."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from core import i18n, samples, schema
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, page_width, wait_ready

pytestmark = pytest.mark.browser

# The channel table's grid: how wide its content is against its box (wider: the last column is out of sight).
_PILLS = """e => ({content: e.scrollWidth, box: e.clientWidth,
    rights: Array.from(e.querySelectorAll('button')).map(b => b.getBoundingClientRect().right)})"""
_GRID = """e => { const s = e.querySelector('.dvn-scroller'); return {content: s.scrollWidth, box: s.clientWidth}; }"""


@pytest.mark.parametrize(("size", "lang"), [((390, 844), "it"), ((390, 844), "en"), ((1366, 768), "en")])
def test_where_you_sell_and_the_posts_a_week_column_are_in_view_without_sideways_scrolling(
    page: Page, server, size, lang
):
    """At 390 px "All over Italy" and "Abroad" sat to the right of the screen, and so did the posts-a-week column."""
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    sample = samples.load_sample("cantina")  # sells locally, across Italy and abroad
    token = store.create(plan_mod.from_sample("cantina", *samples.in_language(sample, lang), dt.date.today()))[0]
    page.set_viewport_size(dict(zip(("width", "height"), size, strict=True)))
    page.goto(f"{server.url}/business?plan={token}&lang={lang}")
    wait_ready(page, 90_000)

    assert page_width(page) <= size[0]
    pills = page.locator("[data-testid=stButtonGroup]", has_text=i18n.t(lang, "business.market.abroad")).first
    pills.scroll_into_view_if_needed()  # vertically: the page is read from top to bottom
    boxes = pills.evaluate(_PILLS)
    assert boxes["content"] <= boxes["box"] + 1 and len(boxes["rights"]) == len(schema.MARKETS), boxes
    assert max(boxes["rights"]) <= size[0], boxes  # every choice in view, none behind a sideways scroll
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.locator(".dvn-scroller").wait_for(state="attached")
    widths = grid.evaluate(_GRID)
    assert widths["content"] <= widths["box"] + 1, widths
    assert app_errors(page) == []
