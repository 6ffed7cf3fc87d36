import functools
import json
import time

import numpy as np
import pandas as pd
import pytest

from core import i18n, schema
from core.timeline import charts, timeline
from core.timeline import posts as timeline_posts
from tests.factories import activity_table as table

ACTIVITY = table(
    {"when": "2025-03-03 09:00", "reach": 100.0, "interactions": 10.0},
    {"when": "2025-03-12 09:00", "reach": 300.0, "interactions": 6.0},
    {"when": "2025-03-04 12:00", "platform": "facebook", "reach": 50.0, "interactions": 5.0},
    {
        "when": "2025-03-05 10:00",
        "platform": "offline",
        "kind": "event",
        "text": "Festa <b>",
        "place": "Pigneto",
    },
)
GOALS = [
    {
        "title": "Più copertura",
        "kpi": "reach",
        "target": 3000,
        "deadline": "2026-12-31",
        "channels": ["instagram"],
    },
    {"title": "Coinvolgimento", "kpi": "engagement_rate", "target": 0.05, "deadline": None},
]


def _spec(metric="reach", period="week", goals=GOALS, lang="en", activity=ACTIVITY) -> dict:
    if goals is GOALS and activity is ACTIVITY:
        return _default_spec(metric, period, lang)
    series = timeline.over_time(activity, period)
    chart = charts.results_over_time(series, lang, metric, period, goals, timeline.offline_actions(activity))
    return chart.to_dict()


@functools.cache
def _default_spec(metric: str, period: str, lang: str) -> dict:  # to_dict validates: ~0.1 s a chart
    series = timeline.over_time(ACTIVITY, period)
    chart = charts.results_over_time(series, lang, metric, period, GOALS, timeline.offline_actions(ACTIVITY))
    return chart.to_dict()


def _layers(spec: dict) -> list[dict]:
    return spec["vconcat"][0]["layer"]


def _rows(spec: dict) -> int:
    return sum(len(rows) for rows in spec.get("datasets", {}).values())


def _data(spec: dict, layer: dict) -> list[dict]:
    return spec["datasets"][layer["data"]["name"]]


def test_the_over_time_chart_shows_posts_below_and_no_brush_a_keyboard_cannot_move():
    spec = _spec()
    detail, overview = spec["vconcat"]

    assert "params" not in spec and "params" not in overview
    assert "scale" not in detail["layer"][0]["encoding"]["x"]  # the whole period
    assert overview["encoding"]["y"]["aggregate"] == "sum"


def test_the_over_time_chart_zooms_to_the_period_shown():
    series = timeline.over_time(ACTIVITY, "week")
    shown = ("2025-03-03", "2025-03-10")
    chart = charts.results_over_time(series, "en", "reach", "week", GOALS, timeline.offline_actions(ACTIVITY), shown)
    detail, overview = chart.to_dict()["vconcat"]

    first, last = {"year": 2025, "month": 3, "date": 3}, {"year": 2025, "month": 3, "date": 10}
    assert detail["layer"][0]["encoding"]["x"]["scale"]["domain"] == [first, last]
    assert overview["encoding"]["x"]["scale"]["domain"] == [first, last]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_nothing_of_the_over_time_chart_keeps_a_width_of_its_own_beside_the_plot(lang):
    """At 390 px a right-hand legend and the strip's long title kept their width and the plot got none."""
    spec = _spec(lang=lang)
    detail, overview = spec["vconcat"]
    legend = _layers(spec)[0]["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom" and legend["columns"] == 2 and 2 * legend["labelLimit"] < 390 - 2 * 16 - 40
    assert "title" not in overview  # the hint is in the page's caption
    labels = [layer for layer in _layers(spec) if layer["mark"]["type"] == "text"]
    assert labels and all(layer["mark"]["clip"] is True for layer in labels)  # a long goal title is cut, not widening
    assert detail["width"] == overview["width"] == "container"


def test_each_channel_is_a_line_in_its_own_colour():
    main = _layers(_spec())[0]

    assert main["mark"]["type"] == "line"
    assert main["encoding"]["color"]["scale"] == {
        "domain": ["Facebook", "Instagram"],
        "range": [timeline.PLATFORM_COLORS["facebook"], timeline.PLATFORM_COLORS["instagram"]],
    }
    assert main["encoding"]["y"]["field"] == "value"


def test_posts_are_stacked_bars():
    main = _layers(_spec("posts"))[0]

    assert main["mark"]["type"] == "bar"
    assert main["encoding"]["y"]["stack"] == "zero"


@pytest.mark.parametrize(
    ("metric", "period", "targets"),
    [
        ("reach", "week", [700.0]),
        ("reach", "month", [3000.0]),
        ("engagement_rate", "week", [0.05]),
        ("views", "week", []),
    ],
)
def test_goal_targets_are_a_dashed_rule_layer_where_a_goal_measures_the_metric(metric, period, targets):
    spec = _spec(metric, period)
    rules = [
        layer
        for layer in _layers(spec)
        if layer["mark"]["type"] == "rule" and layer["mark"]["color"] == charts.TARGET_COLOR
    ]

    assert [row["target"] for layer in rules for row in _data(spec, layer)] == pytest.approx(targets)
    assert all(layer["encoding"]["y"]["field"] == "target" and layer["mark"]["strokeDash"] for layer in rules)


def test_the_weekly_target_says_it_is_a_weeks_share_of_a_30_day_target():
    spec = _spec("reach", "week", lang="it")
    rule = next(layer for layer in _layers(spec) if layer["mark"].get("color") == charts.TARGET_COLOR)
    row = _data(spec, rule)[0]

    assert row["note"] == i18n.t("it", "timeline.chart.target_week_share")
    assert (row["deadline"], row["channels"], row["goal_target"]) == ("31/12/2026", "Instagram", 3000.0)


def test_offline_actions_are_rules_and_marks_with_their_text_in_the_tooltip():
    spec = _spec()
    offline = [layer for layer in _layers(spec) if layer["mark"].get("color") == charts.OFFLINE_COLOR]

    assert {layer["mark"]["type"] for layer in offline} == {"rule", "point"}
    row = _data(spec, offline[0])[0]
    assert (row["text"], row["place"], row["kind"]) == ("Festa <b>", "Pigneto", "Event")
    assert {t["field"] for t in offline[0]["encoding"]["tooltip"]} >= {"text", "place", "start"}


def test_without_goals_or_offline_actions_the_chart_has_only_its_main_layer():
    activity = ACTIVITY[ACTIVITY["platform"] != "offline"]

    assert len(_layers(_spec(goals=[], activity=activity))) == 1


def test_the_chart_data_are_the_aggregated_rows_only():
    spec = _spec()
    series = timeline.over_time(ACTIVITY)

    assert _rows(spec) == len(series) + 1 + 1  # the series, the reach target, one offline action
    assert all("url" not in layer["data"] for layer in _layers(spec))


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_titles_and_axes_are_in_the_charts_language(lang):
    spec = _spec("reach", "month", lang=lang)
    main = _layers(spec)[0]

    assert spec["vconcat"][0]["title"]["text"] == i18n.t(
        lang, "timeline.chart.over_time.month", metric=i18n.t(lang, "timeline.metric.reach")
    )
    assert main["encoding"]["x"]["title"] == i18n.t(lang, "timeline.period.month")
    assert main["encoding"]["color"]["title"] == i18n.t(lang, "timeline.chart.channel")
    assert ("locale" in spec.get("config", {})) is (lang == "it")


def test_italian_charts_format_numbers_and_months_the_italian_way():
    locale = _spec(lang="it")["config"]["locale"]

    assert (locale["number"]["decimal"], locale["number"]["thousands"]) == (",", ".")
    assert locale["time"]["shortMonths"][4] == "mag"


def test_an_unknown_metric_is_refused():
    with pytest.raises(ValueError, match="likes"):
        _spec("likes")


def test_the_engagement_grid_has_every_cell_its_posts_as_text_and_thin_cells_grey():
    best = timeline_posts.best_times(ACTIVITY)
    spec = charts.engagement_by_hour(best, "it").to_dict()
    grid, heat, counts = spec["layer"]

    assert len(spec["datasets"][spec["data"]["name"]] if "data" in spec else _data(spec, grid)) == 168
    assert grid["mark"]["color"] == charts.MASKED_COLOR
    assert heat["encoding"]["color"]["field"] == "rate"
    assert counts["mark"]["type"] == "text" and counts["encoding"]["text"]["field"] == "posts"
    assert heat["transform"] == [{"filter": "isValid(datum.rate)"}]
    assert grid["encoding"]["y"]["sort"][0] == "lun"
    assert spec["title"]["subtitle"] == i18n.t("it", "timeline.heat.subtitle_thin", n=3)


def test_the_engagement_grid_keeps_its_width_on_a_phone_and_writes_counts_only_where_two_digits_fit():
    spec = charts.engagement_by_hour(timeline_posts.best_times(ACTIVITY), "it").to_dict()
    _, heat, counts = spec["layer"]
    assert heat["encoding"]["color"]["legend"]["orient"] == "bottom"  # not a column on the right
    assert counts["mark"]["opacity"] == {"expr": "width / 24 >= 18 ? 1 : 0"}  # 24 hours; "12" needs about 14 px


def test_a_thin_cell_says_why_it_has_no_value():
    best = timeline_posts.best_times(ACTIVITY)
    spec = charts.engagement_by_hour(best, "en").to_dict()
    rows = next(iter(spec["datasets"].values()))
    monday_9 = next(r for r in rows if r["day"] == "Mon" and r["hour"] == 9)

    assert monday_9["posts"] == 1 and monday_9["rate"] is None
    assert monday_9["note"] == i18n.t("en", "timeline.heat.too_few", n=3)


@pytest.mark.parametrize(("by", "first"), [("kind", "Post"), ("platform", "Facebook")])
def test_engagement_by_group_is_a_bar_per_group_with_its_posts_count(by, first):
    summary = timeline_posts.engagement_by(ACTIVITY, by)
    spec = charts.engagement_by_group(summary, "en", by).to_dict()
    bars, labels = spec["layer"]
    rows = next(iter(spec["datasets"].values()))

    assert bars["mark"]["type"] == "bar" and bars["encoding"]["x"]["field"] == "engagement_rate"
    assert rows[0]["group"] == first
    assert labels["encoding"]["text"]["field"] == "posts_label"
    assert spec["title"]["text"] == i18n.t("en", f"timeline.chart.by_title.{by}")


def test_many_offline_actions_are_drawn_one_mark_per_period():
    actions = table(
        *(
            {
                "when": str(pd.Timestamp("2025-01-01 10:00") + pd.Timedelta(hours=6 * i)),
                "platform": "offline",
                "kind": "offline",
            }
            for i in range(charts.MAX_OFFLINE_MARKS + 50)
        ),
    )
    spec = _spec(activity=pd.concat([ACTIVITY, actions], ignore_index=True))
    offline = next(layer for layer in _layers(spec) if layer["mark"].get("color") == charts.OFFLINE_COLOR)
    rows = _data(spec, offline)

    assert len(rows) < charts.MAX_OFFLINE_MARKS
    assert sum(r["n"] for r in rows) == charts.MAX_OFFLINE_MARKS + 51


def test_chart_specs_are_plain_json():
    best = timeline_posts.best_times(ACTIVITY)
    for chart in (
        charts.results_over_time(timeline.over_time(ACTIVITY), "it", "reach", goals=GOALS),
        charts.engagement_by_hour(best, "en"),
        charts.engagement_by_group(timeline_posts.engagement_by(ACTIVITY), "it"),
    ):
        spec = chart.to_dict()
        assert json.loads(json.dumps(spec)) == spec  # survives a JSON round trip unchanged
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def million_rows(seed: int = 7) -> pd.DataFrame:
    """A million rows over nearly three years: six platforms, four formats, daily totals, offline actions."""
    n = 1_000_000
    rng = np.random.default_rng(seed)
    stamps = np.sort(rng.integers(pd.Timestamp("2024-01-01").value, pd.Timestamp("2026-10-31").value, n))
    names = np.array(["instagram", "facebook", "tiktok", "linkedin", "google_business", "offline"], dtype=object)
    codes = rng.choice(len(names), n, p=[0.45, 0.25, 0.15, 0.1, 0.04, 0.01])
    kinds = np.array(["post", "reel", "story", "video"], dtype=object)[rng.integers(0, 4, n)]
    kinds = np.where(codes == 4, "daily", np.where(codes == 5, "offline", kinds))
    reach = rng.lognormal(6, 1, n).round()
    interactions = rng.poisson(reach * 0.05).astype(float)
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(stamps, utc=True).tz_convert("Europe/Rome"),
            "platform": pd.Series(names[codes], dtype="str"),
            "kind": pd.Series(kinds, dtype="str"),
            "text": "caption",
            "reach": np.where(codes == 5, np.nan, reach),
            "views": reach * 1.4,
            "interactions": np.where(codes == 5, np.nan, interactions),
            "clicks": rng.poisson(2, n).astype(float),
        }
    )
    for column in schema.ACTIVITY_COLUMNS:
        if column not in frame:
            frame[column] = "" if column in ("link", "place") else np.nan
    frame["engagement_rate"] = frame["interactions"] / frame["reach"]
    return frame[list(schema.ACTIVITY_COLUMNS)]


@pytest.mark.perf
def test_a_million_activity_rows_become_charts_of_a_few_hundred_rows_quickly():
    activity = million_rows()
    cpu: dict[str, float] = {}

    def timed(name, call):
        start = time.process_time()
        result = call()
        cpu[name] = time.process_time() - start
        return result

    weekly = timed("weekly", lambda: timeline.over_time(activity, "week"))
    monthly = timed("monthly", lambda: timeline.over_time(activity, "month"))
    offline = timed("offline", lambda: timeline.offline_actions(activity))
    best = timed("best_times", lambda: timeline_posts.best_times(activity))
    by_kind = timed("engagement_by", lambda: timeline_posts.engagement_by(activity, "kind"))
    timed("top_posts", lambda: timeline_posts.top_posts(activity, by="platform"))

    specs = [
        charts.results_over_time(weekly, "it", "reach", "week", GOALS, offline).to_dict(),
        charts.results_over_time(monthly, "en", "engagement_rate", "month", GOALS, offline).to_dict(),
        charts.engagement_by_hour(best, "it").to_dict(),
        charts.engagement_by_group(by_kind, "en").to_dict(),
    ]
    assert [_rows(spec) <= 2000 for spec in specs] == [True] * 4
    assert weekly["posts"].sum() == timeline.own_posts(activity).sum()
    # CPU seconds, not wall time, so that a busy machine does not fail it; measured ~0.2 s each.
    assert max(cpu.values()) < 1.5, cpu


def test_every_chart_builds_from_an_empty_activity_table():
    empty = ACTIVITY.iloc[0:0]
    specs = [
        charts.results_over_time(
            timeline.over_time(empty), "it", "reach", "week", GOALS, timeline.offline_actions(empty)
        ),
        charts.engagement_by_hour(timeline_posts.best_times(empty), "en"),
        charts.engagement_by_group(timeline_posts.engagement_by(empty), "it"),
    ]

    assert [_rows(chart.to_dict()) for chart in specs] == [1, 168, 0]  # the target line stays


def test_a_chart_spec_carries_its_rows_and_no_default_view_size():
    spec = charts.vega_spec(charts.engagement_by_group(timeline_posts.engagement_by(ACTIVITY, "kind"), "it", "kind"))

    assert "view" not in spec.get("config", {})  # altair's 300 px default: Streamlit draws without it
    names = {layer["data"]["name"] for layer in spec.get("layer", []) if "data" in layer} | (
        {spec["data"]["name"]} if "data" in spec else set()
    )
    assert names and all(isinstance(spec["datasets"][n], list) for n in names)
    assert json.loads(json.dumps(spec)) == spec  # plain JSON: cacheable and sent as it is


def test_engagement_by_format_and_by_channel_share_one_chart_and_skip_an_empty_summary():
    by_kind, by_platform = (timeline_posts.engagement_by(ACTIVITY, by) for by in ("kind", "platform"))

    both = charts.engagement_by_groups([("kind", by_kind), ("platform", by_platform)], "en").to_dict()
    one = charts.engagement_by_groups([("kind", by_kind), ("platform", by_platform.iloc[0:0])], "en").to_dict()

    titles = [view["title"]["text"] for view in both["vconcat"]]
    assert titles == [i18n.t("en", f"timeline.chart.by_title.{by}") for by in ("kind", "platform")]
    assert len(one["vconcat"]) == 1
    with pytest.raises(ValueError):
        charts.engagement_by_groups([("kind", by_kind.iloc[0:0])], "en")
