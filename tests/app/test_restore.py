"""A restore that restores: the Plan page's JSON, uploaded into a new plan, brings back the Market, Timeline and
Monitor figures. The figures expected are counted here from the export files with the csv module."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from core import i18n, importers
from core.plan import plan as plan_mod
from tests.app.conftest import open_page
from tests.conftest import ROOT
from ui import downloads, resources

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
CUSTOMERS = EXPORTS / "shopify" / "customers_export.csv"
ORDERS = EXPORTS / "shopify" / "orders_export.csv"
POSTS = EXPORTS / "meta_business_suite" / "instagram_posts_views_Jan-01-2025_Jan-31-2025_1118203947565678.csv"


def _rows(path):
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def _expected(lang: str) -> dict[str, str]:
    """What the pages must show, from the files: customers and revenue, activity rows, buyers and repeat rate."""
    listed = _rows(CUSTOMERS)
    orders: dict[str, dict] = {}
    for row in _rows(ORDERS):
        orders.setdefault(row["Name"], row)
    kept = [o for o in orders.values() if float(o["Refunded Amount"] or 0) < float(o["Total"])]
    buyer = [o["Email"].lower() or o["Billing Name"] for o in kept]
    counts = {b: buyer.count(b) for b in buyer}
    emails = {r["Email"].lower() for r in listed}
    customers = len(listed) + sum(1 for b in counts if b not in emails)
    revenue = sum(float(r["Total Spent"]) for r in listed) + sum(
        float(o["Total"]) - float(o["Refunded Amount"] or 0)
        for o in kept
        if (o["Email"].lower() or o["Billing Name"]) not in emails
    )
    posts = _rows(POSTS)
    days = sorted(dt.datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M") for r in posts)
    return {
        "customers": i18n.number(lang, customers),
        "revenue": i18n.number(lang, revenue),
        "activity": i18n.t(
            lang, "timelinepage.as_of", first=i18n.date(lang, days[0].date()), last=i18n.date(lang, days[-1].date()),
            rows=i18n.number(lang, len(posts)),
        ),
        "buyers": i18n.number(lang, len(counts)),
        "repeat": i18n.percent(lang, sum(1 for n in counts.values() if n >= 2) / len(counts)),
    }  # fmt: skip


def _shown(token: str, lang: str) -> dict[str, str]:
    market = open_page("pages/market.py", lang, token)
    metrics = {m.label: m.value for m in market.metric}
    timeline = open_page("pages/timeline.py", lang, token)
    monitor = open_page("pages/monitor.py", lang, token)
    loyalty = {m.label: m.value for m in monitor.metric}
    captions = [c.value for c in timeline.caption]
    return {
        "customers": metrics[i18n.t(lang, "marketpage.summary.customers")],
        "revenue": metrics[i18n.t(lang, "marketpage.summary.revenue")],
        "activity": next((c for c in captions if c.startswith(i18n.t(lang, "timelinepage.as_of")[:8])), ""),
        "buyers": loyalty[i18n.t(lang, "monitor.metric.customers")],
        "repeat": loyalty[i18n.t(lang, "monitor.metric.repeat_rate")],
    }


@pytest.mark.parametrize("lang", ["en"])
def test_the_json_download_restored_into_a_new_plan_shows_the_same_market_timeline_and_monitor(lang, store):
    source = store.create(plan_mod.new_plan(dt.date.today()))[0]
    ctx = importers.ImportContext(resources.get_gazetteer(), salt=source, today=dt.date.today())
    for path in (CUSTOMERS, ORDERS, POSTS):
        result = importers.import_file(importers.RawFile(path.name, path.read_bytes()), ctx)
        resources.get_datasets().add(source, result.kind, result.platform, path.name, result.frame)
    expected = _expected(lang)
    assert _shown(source, lang) == expected  # before

    plan, version = store.load(source)
    whole = downloads.whole_plan(plan, source, version)
    assert whole.included == (CUSTOMERS.name, ORDERS.name, POSTS.name) and whole.left_out == ()
    target = store.create(plan_mod.new_plan(dt.date.today()))[0]
    page = open_page("pages/plan.py", lang, target)
    page.file_uploader[0].upload("rotta-piano.json", whole.data, "application/json")
    [b for b in page.button if b.proto.label == i18n.t(lang, "plan.restore")][0].click().run()
    assert not page.exception
    assert [(e.kind, e.file) for e in resources.get_datasets().entries(target)] == [
        ("customers", CUSTOMERS.name), ("orders", ORDERS.name), ("activity", POSTS.name),
    ]  # fmt: skip
    assert _shown(target, lang) == expected  # after, in the new plan


def test_the_plan_page_says_what_the_json_holds(store):
    token = store.create(plan_mod.new_plan(dt.date.today()))[0]
    at = open_page("pages/plan.py", "en", token)
    assert i18n.t("en", "plan.json_no_imports") in [c.value for c in at.caption]
    result = importers.import_file(importers.RawFile(ORDERS.name, ORDERS.read_bytes()), importers.ImportContext())
    resources.get_datasets().add(token, result.kind, result.platform, ORDERS.name, result.frame)
    at = open_page("pages/plan.py", "en", token)
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert ORDERS.name in said and "brings back the market, timeline and monitor" in said
