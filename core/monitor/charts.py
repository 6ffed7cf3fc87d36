"""Altair charts of the Monitor step: cohort retention, activity next to customers by week, segments.

Builders take the small tables of ``core.monitor.board`` (a few hundred rows at most, whatever the size
of the data) and put them inline in the spec, so ``chart.to_dict()`` is the whole chart and it
draws offline. Every word comes in ``lang``; numbers shown as text are formatted here by
``core.i18n``, axes use a d3 locale in Italian.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt
import pandas as pd
from babel import dates as babel_dates

from core import i18n
from core.monitor import loyalty
from core.timeline import charts as timeline_charts

SEGMENT_COLORS: dict[str, str] = {
    "champions": "#1b7837",
    "loyal": "#5aae61",
    "promising": "#a6d96a",
    "new": "#2c7bb6",
    "need_attention": "#e6b800",
    "cannot_lose": "#a50026",
    "at_risk": "#f46d43",
    "hibernating": "#9e9ac8",
    "lost": "#969696",
}
ACTIVITY_COLORS = {"posts": "#e8710a", "offline_actions": "#7b1fa2"}
CUSTOMER_COLORS = {"new_customers": "#2c7bb6", "returning_customers": "#1b7837"}
MAX_COHORTS = 12
CELL = 26  # height of a heat-map row, px
HEIGHT = 180
_FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
_LOCALES = {"it": "it_IT", "en": "en_GB"}


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"monitor.chart.{key}", **params)


def month_label(lang: str, cohort: str) -> str:
    """``"2025-03"`` as ``mar 2025`` / ``Mar 2025``."""
    year, month = (int(p) for p in cohort.split("-"))
    return babel_dates.format_date(dt.date(year, month, 1), "MMM yyyy", locale=_LOCALES[lang])


def cohort_cells(cohorts: loyalty.Cohorts, lang: str, max_cohorts: int = MAX_COHORTS) -> pd.DataFrame:
    """The last ``max_cohorts`` cohorts with a month behind them, a row per month after the first order so far."""
    shares = cohorts.shares.drop(columns=0, errors="ignore").dropna(how="all")  # the newest has no month after yet
    shares = shares.iloc[-max_cohorts:]
    sizes = cohorts.customers.reindex(shares.index)
    rows = shares.stack().dropna().rename("share").reset_index()  # NaN: months still to come
    rows.columns = ["cohort", "months", "share"]
    label = {c: f"{month_label(lang, c)} ({i18n.number(lang, n)})" for c, n in sizes.items()}
    return pd.DataFrame(
        {
            "cohort": rows["cohort"].map(label),
            "months": rows["months"].astype(int),
            "share": rows["share"].astype(float),
            "label": [i18n.percent(lang, s) for s in rows["share"]],
            "customers": rows["cohort"].map(sizes).astype(int),
        }
    )


def cohort_heatmap(cohorts: loyalty.Cohorts, lang: str, max_cohorts: int = MAX_COHORTS) -> alt.LayerChart:
    """Cohorts by month of first order (rows) and the share who ordered again each month after (cells)."""
    data = cohort_cells(cohorts, lang, max_cohorts)
    order = list(dict.fromkeys(data["cohort"]))
    x = alt.X("months:O", title=_t(lang, "months_after"), axis=alt.Axis(labelAngle=0, orient="top"))
    y = alt.Y("cohort:O", title=_t(lang, "cohort"), sort=order)
    tooltip = [
        alt.Tooltip("cohort:O", title=_t(lang, "cohort")),
        alt.Tooltip("months:O", title=_t(lang, "months_after")),
        alt.Tooltip("label:N", title=_t(lang, "returned")),
        alt.Tooltip("customers:Q", title=_t(lang, "cohort_size"), format=",.0f"),
    ]
    base = alt.Chart(data)
    top = float(data["share"].max()) if len(data) else 1.0
    cells = base.mark_rect(stroke="white").encode(
        x=x,
        y=y,
        tooltip=tooltip,
        color=alt.Color(
            "share:Q",
            title=_t(lang, "returned"),
            # under the grid: on the right it kept its width on a phone and left the cells a few pixels each
            legend=alt.Legend(format=".0%", orient="bottom", direction="horizontal", gradientLength=160),
            scale=alt.Scale(scheme="blues", domain=[0, max(top, 0.01)]),
        ),
    )
    columns = max(1, data["months"].nunique())
    # a share only where its cell is wide enough for "100%" (a tap on the cell shows it anywhere)
    text = base.mark_text(fontSize=10, opacity=alt.expr(f"width / {columns} >= 28 ? 1 : 0")).encode(
        x=x,
        y=y,
        text="label:N",
        tooltip=tooltip,
        color=alt.condition(f"datum.share > {0.6 * top!r}", alt.value("white"), alt.value("#333333")),
    )
    chart = alt.layer(cells, text, height=max(CELL, CELL * len(order))).properties(
        width="container", autosize=_FIT_WIDTH
    )
    return timeline_charts.localized(chart, lang)


def weekly_long(weeks: pd.DataFrame, lang: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """``links.weekly`` columns as long rows: week start, what (in words), count."""
    parts = [
        pd.DataFrame(
            {"week": pd.to_datetime(weeks["week_start"]), "what": i18n.t(lang, f"links.column.{c}"), "count": weeks[c]}
        )
        for c in columns
    ]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["week", "what", "count"])


def activity_and_customers(weeks: pd.DataFrame, lang: str) -> alt.VConcatChart:
    """Posts and offline actions a week (bars) above new and returning customers a week (lines)."""
    date_format = "%d/%m/%Y" if lang == "it" else "%d %b %Y"
    x = alt.X("week:T", title=None, axis=alt.Axis(format="%b %y"))

    def panel(columns: dict[str, str], title: str, y_title: str, bars: bool) -> alt.Chart:
        data = weekly_long(weeks, lang, tuple(columns))
        names = [i18n.t(lang, f"links.column.{c}") for c in columns]
        color = alt.Color(
            "what:N",
            title=None,
            scale=alt.Scale(domain=names, range=list(columns.values())),
            legend=alt.Legend(orient="top"),
        )
        tooltip = [
            alt.Tooltip("week:T", title=_t(lang, "week"), format=date_format),
            alt.Tooltip("what:N", title=_t(lang, "what")),
            alt.Tooltip("count:Q", title=_t(lang, "count")),
        ]
        chart = alt.Chart(data, height=HEIGHT, title=alt.TitleParams(title, anchor="start"))
        mark = chart.mark_bar() if bars else chart.mark_line(point=alt.OverlayMarkDef(size=18))
        y = alt.Y("count:Q", title=y_title, stack="zero" if bars else None)
        return mark.encode(x=x, y=y, color=color, tooltip=tooltip).properties(width="container")

    top = panel(ACTIVITY_COLORS, _t(lang, "activity_title"), _t(lang, "activity"), bars=True)
    bottom = panel(CUSTOMER_COLORS, _t(lang, "customers_title"), _t(lang, "customers"), bars=False)
    chart = alt.vconcat(top, bottom, spacing=28).resolve_scale(color="independent")
    return timeline_charts.localized(chart, lang)


def segment_rows(segments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``loyalty.segments`` with names, colours and the numbers written out in ``lang``."""
    return pd.DataFrame(
        {
            "segment": [i18n.t(lang, f"loyalty.segment.{s}") for s in segments["segment"]],
            "color": [SEGMENT_COLORS[s] for s in segments["segment"]],
            "customers": segments["customers"].astype(int),
            "revenue": segments["revenue"].astype(float),
            "label": [
                f"{i18n.number(lang, n)} · {i18n.money(lang, r)}"
                for n, r in zip(segments["customers"], segments["revenue"], strict=True)
            ],
            "share_customers": [i18n.percent(lang, s) for s in segments["share_customers"]],
            "share_revenue": [i18n.percent(lang, s) for s in segments["share_revenue"]],
            "hint": [i18n.t(lang, f"loyalty.segment.{s}.hint") for s in segments["segment"]],
        }
    )


def segment_bars(segments: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Customers per RFM segment (bars in the segment's colour), with their revenue written beside."""
    data = segment_rows(segments, lang)
    col = lambda key: i18n.t(lang, f"monitor.col.{key}")  # noqa: E731
    y = alt.Y("segment:N", title=None, sort=list(data["segment"]))
    x = alt.X(
        "customers:Q", title=col("customers"), scale=alt.Scale(domainMax=float(data["customers"].max() or 1) * 1.45)
    )
    tooltip = [
        alt.Tooltip("segment:N", title=col("segment")),
        alt.Tooltip("customers:Q", title=col("customers"), format=",.0f"),
        alt.Tooltip("share_customers:N", title=col("share_customers")),
        alt.Tooltip("revenue:Q", title=col("revenue"), format=",.2f"),
        alt.Tooltip("share_revenue:N", title=col("share_revenue")),
        alt.Tooltip("hint:N", title=col("hint")),
    ]
    base = alt.Chart(data)
    bars = base.mark_bar().encode(x=x, y=y, color=alt.Color("color:N", scale=None), tooltip=tooltip)
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(x=x, y=y, text="label:N", tooltip=tooltip)
    chart = alt.layer(bars, text, height=CELL * len(data)).properties(width="container", autosize=_FIT_WIDTH)
    return timeline_charts.localized(chart, lang)
