"""The import widget (ui/imports.py) on its pages: orders in the customer box, dates without a year, each box's
privacy note. Expected figures come from the export files, read here with the csv module."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from core import i18n
from tests.app.conftest import open_page
from tests.conftest import ROOT
from ui import resources

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
ORDERS = EXPORTS / "shopify" / "orders_export.csv"
CONTENT = EXPORTS / "tiktok" / "Content.csv"


def _shopify_orders() -> dict[str, dict]:
    """Per order (its first row): the buyer, the total and the refund, as the file says."""
    orders: dict[str, dict] = {}
    for row in csv.DictReader(ORDERS.read_text(encoding="utf-8").splitlines()):
        orders.setdefault(row["Name"], row)
    return orders


def _text(at, *kinds: str) -> str:
    return "\n".join(e.value for kind in kinds for e in getattr(at, kind)).replace("\\", "")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_a_shopify_orders_export_in_the_customer_box_is_kept_as_orders_and_the_monitor_shows_who_comes_back(
    lang, empty_token
):
    at = open_page("pages/market.py", lang, empty_token)
    at.file_uploader[0].upload(ORDERS.name, ORDERS.read_bytes(), "text/csv").run()
    assert not at.exception
    (entry,) = resources.get_datasets().entries(empty_token)
    assert (entry.kind, entry.platform) == ("orders", "shopify")

    orders = _shopify_orders()
    gross = sum(float(o["Total"]) for o in orders.values())
    refunded = sum(float(o["Refunded Amount"]) for o in orders.values())
    kept = [o for o in orders.values() if float(o["Refunded Amount"]) < float(o["Total"])]
    said = _text(at, "success")
    assert i18n.money(lang, gross - refunded) in said and i18n.money(lang, refunded) in said
    assert i18n.money(lang, gross) in said

    buyers = {o["Email"].lower() or o["Billing Name"] for o in kept}
    repeat = {b for b in buyers if sum((o["Email"].lower() or o["Billing Name"]) == b for o in kept) >= 2}
    market = {m.label: m.value for m in at.metric}  # the buyers are the Market page's customers
    assert market[i18n.t(lang, "marketpage.summary.customers")] == i18n.number(lang, len(buyers))
    at.switch_page("pages/monitor.py").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t(lang, "monitor.metric.customers")] == i18n.number(lang, len(buyers))
    assert metrics[i18n.t(lang, "monitor.metric.repeat_rate")] == i18n.percent(lang, len(repeat) / len(buyers))
    assert i18n.t(lang, "monitor.loyalty.none") not in _text(at, "info")
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert specs, "the cohort chart is drawn"


def test_the_customer_box_says_what_it_keeps_of_customers_and_the_timeline_box_what_it_keeps_of_posts(empty_token):
    market = open_page("pages/market.py", "it", empty_token)
    timeline = open_page("pages/timeline.py", "it", empty_token)
    assert i18n.t("it", "importers.box.privacy.customers") in _text(market, "caption")
    assert i18n.t("it", "importers.box.privacy.activity") not in _text(market, "caption")
    assert i18n.t("it", "importers.box.privacy.activity") in _text(timeline, "caption")
    assert i18n.t("it", "importers.box.privacy.customers") not in _text(timeline, "caption")


OVERVIEW = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"August 29","100","1","1","0","0"\n'


def test_dates_without_a_year_take_the_year_of_the_files_uploaded_with_them(empty_token):
    at = open_page("pages/timeline.py", "en", empty_token)
    at.file_uploader[0].set_value(
        [("Overview.csv", OVERVIEW.encode(), "text/csv"), (CONTENT.name, CONTENT.read_bytes(), "text/csv")]
    ).run()
    assert not at.exception
    years = {row["Post time"][:4] for row in csv.DictReader(CONTENT.read_text(encoding="utf-8").splitlines())}
    table = resources.get_datasets().frame(empty_token, "activity")
    daily = table[table["kind"] == "daily"]
    assert {str(d.year) for d in daily["when"]} == years
    assert any("Content.csv" in w for w in _text(at, "warning").splitlines())


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_a_file_without_a_year_uploaded_alone_asks_for_it_and_imports_with_the_answer(lang, empty_token):
    at = open_page("pages/timeline.py", lang, empty_token)
    at.file_uploader[0].upload("Overview.csv", OVERVIEW.encode(), "text/csv").run()
    assert not at.exception and resources.get_datasets().entries(empty_token) == []
    (year,) = [s for s in at.selectbox if s.label == i18n.t(lang, "importers.box.year.label")]
    today = dt.date.today()
    assert year.value == (today.year if (8, 29) <= (today.month, today.day) else today.year - 1)  # counted back
    year.set_value(dt.date.today().year - 2)
    [b for b in at.button if b.label == i18n.t(lang, "timelinepage.import.period.import")][0].click().run()
    assert not at.exception
    table = resources.get_datasets().frame(empty_token, "activity")
    assert table["when"].dt.date.tolist() == [dt.date(dt.date.today().year - 2, 8, 29)]


def test_a_plan_with_no_data_never_shows_the_customers_another_plan_brought_with_its_orders(store):
    import datetime as dt

    from core.plan import plan as plan_mod

    with_orders = store.create(plan_mod.new_plan(dt.date.today()))[0]
    at = open_page("pages/market.py", "en", with_orders)
    at.file_uploader[0].upload(ORDERS.name, ORDERS.read_bytes(), "text/csv").run()
    assert at.metric, "the orders' buyers are on the Market page"
    empty = store.create(plan_mod.new_plan(dt.date.today()))[0]
    other = open_page("pages/market.py", "en", empty)
    assert not other.metric and i18n.t("en", "market.summary.no_customers") in _text(other, "info")
