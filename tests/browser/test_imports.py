"""A shop's orders export dropped in the Market page's customer box, in a real browser at phone and laptop
width: the Monitor then shows who comes back and the cohorts. Figures are counted from the file here."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from bench.measure import Offline
from core import i18n
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, new_page, wait_ready
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
ORDERS = ROOT / "tests" / "fixtures" / "exports" / "shopify" / "orders_export.csv"
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


def _from_the_file() -> tuple[int, int]:
    """Buyers of the orders not refunded in full, and how many of them bought twice or more."""
    orders: dict[str, dict] = {}
    for row in csv.DictReader(ORDERS.read_text(encoding="utf-8").splitlines()):
        orders.setdefault(row["Name"], row)
    buyers = [
        o["Email"].lower() or o["Billing Name"]
        for o in orders.values()
        if float(o["Refunded Amount"]) < float(o["Total"])
    ]
    return len(set(buyers)), sum(1 for b in set(buyers) if buyers.count(b) >= 2)


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_a_shopify_orders_export_shows_repeat_customers_and_cohorts_on_the_monitor(
    browser: Browser, server, size, lang
):
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    token = store.create(plan_mod.new_plan(dt.date.today()))[0]
    context = browser.new_context(locale="it-IT" if lang == "it" else "en-GB", viewport=SIZES[size])
    context.route("**/*", Offline(server.url))
    page = new_page(context)
    try:
        page.goto(f"{server.url}/market?plan={token}&lang={lang}")
        wait_ready(page, 90_000)
        uploader = page.locator("[data-testid=stFileUploader]").first
        uploader.locator("input[type=file]").set_input_files(str(ORDERS))
        customers, repeat = _from_the_file()
        metric = page.locator("[data-testid=stMetric]")
        buyers = metric.filter(has=page.get_by_text(i18n.t(lang, "marketpage.summary.customers"), exact=True))
        expect(buyers).to_contain_text(i18n.number(lang, customers), timeout=90_000)  # the Market counts them
        said = page.locator("[data-testid=stAlertContentSuccess]").filter(has_text=ORDERS.name)
        if not said.is_visible():  # the customer box closes once the plan has customers
            page.locator("[data-testid=stExpander] summary").first.click()
        expect(said).to_be_visible(timeout=30_000)

        page.goto(f"{server.url}/monitor?plan={token}&lang={lang}")
        wait_ready(page, 90_000)
        rate = metric.filter(has=page.get_by_text(i18n.t(lang, "monitor.metric.repeat_rate"), exact=True))
        expect(rate).to_contain_text(i18n.percent(lang, repeat / customers))
        count = metric.filter(has=page.get_by_text(i18n.t(lang, "monitor.metric.customers"), exact=True))
        expect(count).to_contain_text(i18n.number(lang, customers))
        heading = page.get_by_text(i18n.t(lang, "monitor.cohorts.title"), exact=True)
        heading.scroll_into_view_if_needed()
        expect(heading).to_be_visible()
        page.locator(".vega-embed svg, .vega-embed canvas").first.wait_for(state="attached", timeout=30_000)
        chart = page.locator(".vega-embed").first.bounding_box()
        assert chart is not None and chart["width"] > 0.5 * SIZES[size]["width"] - 64  # drawn, not collapsed
        assert app_errors(page) == []
    finally:
        context.close()
