import datetime as dt
import json

import pandas as pd
import pytest

from core import i18n
from core.monitor import charts as monitor_charts
from core.monitor import links, loyalty

TODAY = dt.date(2025, 6, 30)
# Three customers: A first orders in January and comes back in February and April; B orders once in
# January; C first orders in March and comes back in May.
ORDERS = pd.DataFrame(
    {
        "customer_id": ["A", "A", "A", "B", "C", "C"],
        "date": pd.to_datetime(["2025-01-10", "2025-02-15", "2025-04-20", "2025-01-25", "2025-03-03", "2025-05-01"]),
        "amount": [100.0, 50.0, 80.0, 40.0, 200.0, 150.0],
    }
)


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer") or [spec]


def _inline_rows(spec: dict) -> list[dict]:
    return [row for values in spec["datasets"].values() for row in values]


def test_the_cohort_cells_are_the_share_who_ordered_again_each_month_after():
    cells = monitor_charts.cohort_cells(loyalty.cohorts(ORDERS, TODAY), "en")

    got = {(c, m): s for c, m, s in zip(cells["cohort"], cells["months"], cells["share"], strict=True)}
    assert got[("Jan 2025 (2)", 1)] == 0.5 and got[("Jan 2025 (2)", 2)] == 0.0 and got[("Jan 2025 (2)", 3)] == 0.5
    assert got[("Mar 2025 (1)", 2)] == 1.0
    assert 0 not in set(cells["months"])  # month 0 is always everyone: left out
    assert ("Mar 2025 (1)", 4) not in got  # July has not happened yet: no cell, not an empty one
    assert not cells["label"].str.contains("nan", case=False).any()


def test_the_heat_map_shows_the_last_cohorts_with_a_month_behind_them_in_order():
    starts = pd.date_range("2024-01-05", periods=18, freq="MS")  # one customer a month, Jan 2024 to Jun 2025
    monthly = pd.DataFrame({"customer_id": [f"c{n}" for n in range(18)], "date": starts, "amount": 10.0})
    cohorts = loyalty.cohorts(monthly, TODAY)

    spec = monitor_charts.cohort_heatmap(cohorts, "it", max_cohorts=12).to_dict()

    marks = [layer["mark"]["type"] for layer in _layers(spec)]
    assert marks == ["rect", "text"]
    order = _layers(spec)[0]["encoding"]["y"]["sort"]
    assert len(order) == 12 and order[0].startswith("giu 2024") and order[-1].startswith("mag 2025")
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_the_heat_map_keeps_its_width_on_a_phone_and_writes_shares_only_where_they_fit():
    starts = pd.date_range("2024-01-05", periods=6, freq="MS")  # cohorts with 1 to 5 months behind them
    monthly = pd.DataFrame({"customer_id": [f"c{n}" for n in range(6)], "date": starts, "amount": 10.0})
    spec = monitor_charts.cohort_heatmap(loyalty.cohorts(monthly, TODAY), "en").to_dict()
    cells, text = _layers(spec)
    columns = len({row["months"] for row in _inline_rows(spec)})
    assert cells["encoding"]["color"]["legend"]["orient"] == "bottom"  # not a column on the right
    assert text["mark"]["opacity"] == {"expr": f"width / {columns} >= 28 ? 1 : 0"}  # "100%" needs about 24 px


def test_the_weekly_chart_puts_activity_above_new_and_returning_customers():
    weeks = pd.DataFrame(
        {"week": ["2025-W01", "2025-W02"], "week_start": [dt.date(2024, 12, 30), dt.date(2025, 1, 6)],
         "posts": [3, 5], "offline_actions": [0, 1], "new_customers": [2, 4], "returning_customers": [1, 0]}
    )  # fmt: skip

    spec = monitor_charts.activity_and_customers(weeks, "en").to_dict()

    top, bottom = spec["vconcat"]
    assert top["mark"]["type"] == "bar" and bottom["mark"]["type"] == "line"
    assert top["encoding"]["color"]["scale"]["domain"] == ["posts", "offline actions"]
    assert bottom["encoding"]["color"]["scale"]["domain"] == ["new customers", "returning customers"]
    rows = _inline_rows(spec)
    assert len(rows) == 2 * len(weeks) * 2 and {"week", "what", "count"} <= set(rows[0])


def test_the_weekly_chart_takes_the_table_links_builds():
    activity = pd.DataFrame(
        {"when": pd.to_datetime(["2025-01-07 10:00"]).tz_localize("Europe/Rome"), "platform": ["instagram"],
         "kind": ["post"]}
    )  # fmt: skip
    weeks = links.weekly(activity, ORDERS, TODAY)

    spec = monitor_charts.activity_and_customers(weeks, "it").to_dict()

    assert spec["vconcat"][0]["title"]["text"] == i18n.t("it", "monitor.chart.activity_title")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_segment_bars_follow_the_fixed_order_in_each_segments_colour(lang):
    segments = loyalty.segments(loyalty.rfm(ORDERS, TODAY))

    spec = monitor_charts.segment_bars(segments, lang).to_dict()

    bars, text = _layers(spec)
    names = [i18n.t(lang, f"loyalty.segment.{s}") for s in loyalty.SEGMENTS]
    assert bars["encoding"]["y"]["sort"] == names
    rows = _inline_rows(spec)
    assert [r["color"] for r in rows] == [monitor_charts.SEGMENT_COLORS[s] for s in loyalty.SEGMENTS]
    assert text["encoding"]["text"]["field"] == "label"
    assert any(i18n.money(lang, 350.0) in r["label"] for r in rows)


def test_every_chart_carries_its_data_inline_and_loads_nothing():
    segments = loyalty.segments(loyalty.rfm(ORDERS, TODAY))
    charts = [
        monitor_charts.segment_bars(segments, "en"),
        monitor_charts.cohort_heatmap(loyalty.cohorts(ORDERS, TODAY), "en"),
    ]
    for chart in charts:
        spec = json.dumps(chart.to_dict())
        assert '"url"' not in spec and "http" not in spec.replace("https://vega.github.io/schema", "")
