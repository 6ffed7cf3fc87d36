"""Altair charts of the Timeline step, named by what they show; every word in ``lang``.

Builders take tables already aggregated by ``core.timeline.timeline`` / ``core.timeline.posts`` (a few
hundred rows), never the activity table itself, and put them inline in the spec:
``chart.to_dict()`` is the whole chart.
Pages keep ``vega_spec(chart)`` per data key and show it with ``st.vega_lite_chart(spec,
width="stretch")`` (``st.altair_chart`` would rebuild and revalidate it on every rerun); heights
are fixed here, widths follow the container.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from core import i18n
from core.timeline import posts as timeline_posts
from core.timeline import timeline

HEIGHT = 260
OVERVIEW_HEIGHT = 60
TARGET_COLOR = "#b3261e"
OFFLINE_COLOR = timeline.PLATFORM_COLORS[timeline.OFFLINE]
MASKED_COLOR = "#eeeeee"
# Fit the width to the page and keep ``height`` for the plot itself: with Streamlit's default for a
# single view ("fit", padding included) titles and axes eat the height and grids come out squashed.
_FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
# The channels' legend under the chart, two to a row: on the right it kept its width on a phone (390 px) and left
# the plot almost none. Two labels of at most 140 px fit the narrowest page.
LEGEND = alt.Legend(orient="bottom", direction="horizontal", columns=2, labelLimit=140)
# The heat grid's colour scale under it, and its counts only where a cell is wide enough for two digits (on a phone a
# cell is about 13 px and the numbers ran into each other: there a tap on the cell shows them).
HEAT_LEGEND = alt.Legend(format=".1%", orient="bottom", direction="horizontal", gradientLength=160)
COUNTS_FIT = alt.expr("width / 24 >= 18 ? 1 : 0")
MAX_OFFLINE_MARKS = 200  # more offline actions than this are drawn one mark per period
_THEME_VIEW = {"continuousWidth": 300, "continuousHeight": 300}  # altair's default theme; Streamlit uses none

# d3 formatting for Italian: month and day names, "1.234,5". English uses Vega's defaults.
_IT_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
    "time": {
        "dateTime": "%A %e %B %Y, %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
        "shortDays": ["dom", "lun", "mar", "mer", "gio", "ven", "sab"],
        "months": (
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
        ).split(),
        "shortMonths": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
    },
}


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"timeline.{key}", **params)


def vega_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec, validated once, as Streamlit draws an altair chart (no default 300 px view).

    A page caches it per data key and shows it with ``st.vega_lite_chart``: building an altair chart,
    copying it and validating it against the schema cost tens of ms per chart on every rerun. (No page
    calls ``st.altair_chart``, which switches altair's process-wide data transformer while it draws, so
    the data stays inline here.)
    """
    spec = chart.to_dict()
    config = spec.get("config", {})
    view = config.get("view", {})
    for key in _THEME_VIEW:
        if view.get(key) == _THEME_VIEW[key]:
            del view[key]
    if "view" in config and not view:
        del config["view"]
    if "config" in spec and not config:
        del spec["config"]
    return spec


def _localized(chart: alt.TopLevelMixin, lang: str) -> Any:
    return chart.configure(locale=_IT_LOCALE) if lang == "it" else chart


def localized(chart: alt.TopLevelMixin, lang: str) -> Any:
    """``chart`` with d3's Italian number and date locale in Italian (decimal comma, month names)."""
    return _localized(chart, lang)


def _value_format(metric: str) -> str:
    return ".1%" if metric in timeline.RATE_METRICS else ",.0f"


def _channel_scale(lang: str, platforms: Sequence[str]) -> alt.Scale:
    order = timeline.platform_order(set(platforms))
    return alt.Scale(domain=[timeline.channel_label(lang, p) for p in order], range=[timeline.color(p) for p in order])


def results_over_time(
    series: pd.DataFrame,
    lang: str,
    metric: str = "posts",
    period: str = "week",
    goals: Sequence[Mapping[str, Any]] = (),
    offline: pd.DataFrame | None = None,
    shown: tuple[str, str] | None = None,
) -> alt.VConcatChart:
    """One metric per week or month by channel, goal targets as dashed lines, offline actions as
    marks on top; below, posts per period. ``shown`` (first and last day, ISO) zooms both to a period.

    The period is chosen outside the chart (a slider the keyboard can move), not by dragging a brush over
    it: a brush works with a mouse only, and its marks have no text alternative.

    ``series`` comes from ``timeline.over_time(activity, period)``, ``offline`` from
    ``timeline.offline_actions(activity)``; ``goals`` are dicts with title, kpi, target, deadline.
    """
    if metric not in timeline.METRICS:
        raise ValueError(f"metric {metric!r} is not one of {timeline.METRICS}")
    name, when = _t(lang, f"metric.{metric}"), _t(lang, f"period.{period}")
    data = pd.DataFrame(
        {
            "start": series["start"],
            "channel": [timeline.channel_label(lang, p) for p in series["platform"]],
            "value": series[metric].astype(float),
            "posts": series["posts"].astype(int),
        }
    )
    x = alt.X("start:T", title=when)
    if shown is not None:
        ends = [dt.date.fromisoformat(day) for day in shown]
        x = x.scale(domain=[alt.DateTime(year=d.year, month=d.month, date=d.day) for d in ends])
    tooltip = [
        alt.Tooltip("start:T", title=when, format="%d/%m/%Y" if lang == "it" else "%d %b %Y"),
        alt.Tooltip("channel:N", title=_t(lang, "chart.channel")),
        alt.Tooltip("value:Q", title=name, format=_value_format(metric)),
        alt.Tooltip("posts:Q", title=_t(lang, "metric.posts")),
    ]
    shown = series.loc[series[metric].notna(), "platform"]  # a channel that never reports it: no legend entry
    color = alt.Color("channel:N", title=_t(lang, "chart.channel"), scale=_channel_scale(lang, shown), legend=LEGEND)
    y = alt.Y("value:Q", title=name, axis=alt.Axis(format=_value_format(metric)))
    base = alt.Chart(data).transform_filter("isValid(datum.value)")
    if metric == "posts":
        main = base.mark_bar(clip=True).encode(x=x, y=y.stack("zero"), color=color, tooltip=tooltip)
    else:
        main = base.mark_line(point=True, clip=True).encode(x=x, y=y, color=color, tooltip=tooltip)
    layers = [main, *_target_layers(goals, metric, period, lang), *_offline_layers(offline, x, period, lang)]
    title = alt.TitleParams(_t(lang, f"chart.over_time.{period}", metric=name), anchor="start")
    detail = alt.layer(*layers, title=title, height=HEIGHT).properties(width="container")
    overview = (  # no title of its own: a long one kept its width on a phone and squeezed the plot (the page says it)
        alt.Chart(data, height=OVERVIEW_HEIGHT)
        .mark_area(color="#6b6b6b", interpolate="step-after", clip=True)
        .encode(
            x=x.title(None),
            y=alt.Y("sum(posts):Q", title=_t(lang, "metric.posts"), axis=alt.Axis(tickCount=2)),
        )
        .properties(width="container")
    )
    return _localized(alt.vconcat(detail, overview, spacing=8).properties(autosize=_FIT_WIDTH), lang)


def _target_layers(goals: Sequence[Mapping[str, Any]], metric: str, period: str, lang: str) -> list[alt.Chart]:
    targets = timeline.target_lines(goals, metric, period)
    if targets.empty:
        return []
    targets = pd.DataFrame(
        {
            "title": targets["title"],
            "target": targets["target"],
            "goal_target": targets["goal_target"],
            "deadline": ["" if d is None else i18n.date(lang, d) for d in targets["deadline"]],
            "channels": [", ".join(timeline.channel_label(lang, c) for c in cs) for cs in targets["channels"]],
            "note": [_t(lang, "chart.target_week_share") if s else "" for s in targets["scaled"]],
        }
    )
    tooltip = [
        alt.Tooltip("title:N", title=_t(lang, "chart.goal")),
        alt.Tooltip("target:Q", title=_t(lang, "chart.target"), format=_value_format(metric)),
        alt.Tooltip("goal_target:Q", title=_t(lang, "chart.goal_target"), format=_value_format(metric)),
        alt.Tooltip("deadline:N", title=_t(lang, "chart.deadline")),
        alt.Tooltip("channels:N", title=_t(lang, "chart.channels")),
        alt.Tooltip("note:N", title=" "),
    ]
    rule = (
        alt.Chart(targets)
        .mark_rule(color=TARGET_COLOR, strokeDash=[6, 4], strokeWidth=2)
        .encode(y="target:Q", tooltip=tooltip)
    )
    label = (
        alt.Chart(targets)
        .mark_text(color=TARGET_COLOR, align="left", dx=4, dy=-7, fontSize=11, clip=True)  # a long title: cut
        .encode(y="target:Q", x=alt.value(0), text="title:N", tooltip=tooltip)
    )
    return [rule, label]


def _offline_marks(offline: pd.DataFrame, period: str, lang: str) -> pd.DataFrame:
    """One mark per offline action, or per period when there are more than MAX_OFFLINE_MARKS."""
    data = pd.DataFrame(
        {
            "start": offline["when"],
            "kind": [timeline.kind_label(lang, k) for k in offline["kind"]],
            "text": timeline.short_text(offline["text"]),
            "place": offline["place"].fillna("").astype(str),
            "n": 1,
        }
    )
    if len(data) <= MAX_OFFLINE_MARKS:
        return data
    data["start"] = timeline.period_starts(data["start"], period)
    grouped = data.groupby("start", as_index=False).agg(
        kind=("kind", "first"), text=("text", "first"), place=("place", "first"), n=("n", "size")
    )
    more = grouped["n"] > 1
    grouped.loc[more, "text"] = [
        _t(lang, "chart.more", text=t, n=n - 1)
        for t, n in zip(grouped.loc[more, "text"], grouped.loc[more, "n"], strict=True)
    ]
    grouped["start"] = grouped["start"].astype("datetime64[s]")
    return grouped


def _offline_layers(offline: pd.DataFrame | None, x: alt.X, period: str, lang: str) -> list[alt.Chart]:
    if offline is None or offline.empty:
        return []
    data = _offline_marks(offline, period, lang)
    date_format = "%d/%m/%Y %H:%M" if lang == "it" else "%d %b %Y %H:%M"
    tooltip = [
        alt.Tooltip("start:T", title=_t(lang, "chart.date"), format=date_format),
        alt.Tooltip("kind:N", title=_t(lang, "chart.offline")),
        alt.Tooltip("text:N", title=_t(lang, "chart.what")),
        alt.Tooltip("place:N", title=_t(lang, "chart.place")),
        alt.Tooltip("n:Q", title=_t(lang, "chart.actions")),
    ]
    rules = alt.Chart(data).mark_rule(color=OFFLINE_COLOR, strokeDash=[2, 3], clip=True).encode(x=x, tooltip=tooltip)
    marks = (
        alt.Chart(data)
        .mark_point(shape="triangle-down", filled=True, size=90, color=OFFLINE_COLOR, clip=True)
        .encode(x=x, y=alt.value(6), tooltip=tooltip)
    )
    return [rules, marks]


def engagement_by_hour(best: timeline_posts.BestTimes, lang: str) -> alt.LayerChart:
    """A weekday x hour grid (Europe/Rome): mean engagement rate, posts behind each cell; thin cells grey."""
    days = [_t(lang, f"weekday_short.{d}") for d in range(7)]
    cells = best.cells
    data = pd.DataFrame(
        {
            "day": [days[d] for d in cells["weekday"]],
            "hour": cells["hour"].astype(int),
            "posts": cells["posts"].astype(int),
            "rate": cells["engagement_rate"].astype(float),
            "note": [
                _t(lang, "heat.too_few", n=best.min_cell_posts) if m else ""
                for m in cells["masked"] & (cells["posts"] > 0)
            ],
        }
    )
    rate_name = _t(lang, "heat.rate")
    x = alt.X("hour:O", title=_t(lang, "heat.hour"), axis=alt.Axis(labelAngle=0))
    y = alt.Y("day:O", title=None, sort=days)
    tooltip = [
        alt.Tooltip("day:O", title=_t(lang, "heat.day")),
        alt.Tooltip("hour:O", title=_t(lang, "heat.hour")),
        alt.Tooltip("posts:Q", title=_t(lang, "metric.posts")),
        alt.Tooltip("rate:Q", title=rate_name, format=".1%"),
        alt.Tooltip("note:N", title=" "),
    ]
    base = alt.Chart(data)
    grid = base.mark_rect(color=MASKED_COLOR, stroke="white").encode(x=x, y=y, tooltip=tooltip)
    heat = (
        base.transform_filter("isValid(datum.rate)")
        .mark_rect(stroke="white")
        .encode(
            x=x,
            y=y,
            color=alt.Color("rate:Q", title=rate_name, legend=HEAT_LEGEND).scale(scheme="oranges"),
            tooltip=tooltip,
        )
    )
    rates = data["rate"].dropna()
    dark = float(rates.min() + 0.6 * (rates.max() - rates.min())) if len(rates) else 1.0
    counts = (
        base.transform_filter("datum.posts > 0")
        .mark_text(fontSize=10, opacity=COUNTS_FIT)
        .encode(
            x=x,
            y=y,
            text="posts:Q",
            color=alt.condition(f"datum.rate > {dark!r}", alt.value("white"), alt.value("#333333")),
            tooltip=tooltip,
        )
    )
    subtitle = _t(lang, f"heat.subtitle_{best.status}", n=best.min_cell_posts)
    title = alt.TitleParams(_t(lang, "heat.title"), subtitle=subtitle, anchor="start")
    chart = alt.layer(grid, heat, counts, title=title, height=7 * 26).properties(width="container", autosize=_FIT_WIDTH)
    return _localized(chart, lang)


def engagement_by_group(summary: pd.DataFrame, lang: str, by: str = "kind") -> alt.LayerChart:
    """Pooled engagement rate per format or channel (``timeline_posts.engagement_by``), posts counted."""
    return _localized(_group_layer(summary, lang, by).properties(autosize=_FIT_WIDTH), lang)


def engagement_by_groups(summaries: Sequence[tuple[str, pd.DataFrame]], lang: str) -> alt.VConcatChart:
    """``engagement_by_group`` for each (by, summary) that has rows, one above the other in one chart: one
    Vega view for the browser to build instead of one each. At least one summary must have rows."""
    layers = [_group_layer(summary, lang, by) for by, summary in summaries if not summary.empty]
    if not layers:
        raise ValueError("no summary has rows")
    return _localized(alt.vconcat(*layers, spacing=24).properties(autosize=_FIT_WIDTH), lang)


def _group_layer(summary: pd.DataFrame, lang: str, by: str) -> alt.LayerChart:
    label = timeline.kind_label if by == "kind" else timeline.channel_label
    data = summary.assign(
        group=[label(lang, g) for g in summary[by]],
        posts_label=[_t(lang, "chart.posts_count", n=int(n)) for n in summary["posts"]],
    )[["group", "posts", "posts_label", "reach", "interactions", "engagement_rate", "median_rate"]]
    rate_name = _t(lang, "metric.engagement_rate")
    y = alt.Y("group:N", title=None, sort=list(data["group"]))
    tooltip = [
        alt.Tooltip("group:N", title=_t(lang, f"chart.by.{by}")),
        alt.Tooltip("posts:Q", title=_t(lang, "metric.posts")),
        alt.Tooltip("reach:Q", title=_t(lang, "column.reach"), format=",.0f"),
        alt.Tooltip("interactions:Q", title=_t(lang, "metric.interactions"), format=",.0f"),
        alt.Tooltip("engagement_rate:Q", title=rate_name, format=".1%"),
        alt.Tooltip("median_rate:Q", title=_t(lang, "chart.median_rate"), format=".1%"),
    ]
    x = alt.X("engagement_rate:Q", title=rate_name, axis=alt.Axis(format=".1%"))
    base = alt.Chart(data)
    bars = base.mark_bar(color="#e8710a").encode(x=x, y=y, tooltip=tooltip)
    posts = base.mark_text(align="left", dx=4, fontSize=11).encode(x=x, y=y, text="posts_label:N", tooltip=tooltip)
    title = alt.TitleParams(_t(lang, f"chart.by_title.{by}"), anchor="start")
    return alt.layer(bars, posts, title=title, height=max(60, 28 * len(data))).properties(width="container")
