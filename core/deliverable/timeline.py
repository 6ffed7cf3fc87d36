"""The deliverable's timeline: what the imported activity adds up to, as the Timeline step shows it.

Everything imported up to the day the data runs to (``as_of``) is described: one sentence (posts,
first and last day, channels), each channel's totals, its last ``model.MONTHS`` months with
activity (not the months before ``as_of``, which may hold none: an export can end months before
the orders do) and, for the workbook, every month of every channel. Counts are integers; the
engagement rate is a share rounded to four decimals (a percentage to two).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from core import i18n
from core.deliverable import model
from core.timeline import timeline

_TOTALS = ("reach", "views", "interactions")


def _count(value: float) -> int | None:
    return None if value is None or not math.isfinite(value) else int(round(value))


def _sum(values: pd.Series) -> int | None:
    return None if values.isna().all() else _count(float(values.sum()))


def _t(lang: str, key: str, **params: object) -> str:
    return i18n.t(lang, f"deliverable.{key}", **params)


def section(activity: pd.DataFrame, as_of: dt.date | None, lang: str) -> model.Timeline:
    """The timeline section of the deliverable, worded in ``lang`` (empty with no activity up to ``as_of``)."""
    if as_of is None or activity.empty or not set(timeline.ACTIVITY_NEEDED) <= set(activity.columns):
        return model.Timeline()
    activity = activity[timeline.local_times(activity["when"]).dt.date <= as_of]
    if activity.empty:
        return model.Timeline()
    table = timeline.over_time(activity, "month")
    order = timeline.platform_order(set(table["platform"]))
    monthly = tuple(
        model.Month(
            r.start.date(), timeline.channel_label(lang, r.platform), _count(r.posts) or 0, _count(r.reach),
            _count(r.views), _count(r.interactions),
            None if pd.isna(r.engagement_rate) else round(float(r.engagement_rate), 4),
        )
        for r in table.sort_values(["start", "platform"], key=_order_key(order)).itertuples()
    )  # fmt: skip
    totals = tuple(
        model.ChannelTotals(
            timeline.channel_label(lang, p), int(table.loc[table["platform"] == p, "posts"].sum()),
            *(_sum(table.loc[table["platform"] == p, m]) for m in _TOTALS),
        )
        for p in order
    )  # fmt: skip
    offline = timeline.offline_actions(activity)
    months, rows = _recent(table, offline, order, lang)
    return model.Timeline(months, rows, _summary(activity, totals, len(offline), lang), totals, monthly)


def _order_key(order: list[str]):
    rank = {p: i for i, p in enumerate(order)}
    return lambda column: column.map(rank) if column.name == "platform" else column


def _recent(table: pd.DataFrame, offline: pd.DataFrame, order: list[str], lang: str):
    """Posts per channel in the last ``MONTHS`` calendar months that have activity (the last may be partial)."""
    ends = list(table["start"])
    if len(offline):
        ends += list(offline["when"].dt.to_period("M").dt.to_timestamp())
    if not ends:
        return (), ()
    last = pd.Timestamp(max(ends)).to_period("M")
    starts = [(last - n).to_timestamp() for n in range(model.MONTHS - 1, -1, -1)]
    names = tuple(f"{i18n.t(lang, f'timeline.month_short.{s.month}')} {s.year}" for s in starts)
    rows = []
    for platform in order:
        mine = table[table["platform"] == platform].groupby("start")["posts"].sum()
        counts = tuple(int(mine.get(s, 0)) for s in starts)
        rows.append(model.ChannelPosts(timeline.channel_label(lang, platform), counts))
    if len(offline):
        month = offline["when"].dt.to_period("M").dt.to_timestamp()
        counts = tuple(int((month == s).sum()) for s in starts)
        if any(counts):
            rows.append(model.ChannelPosts(_t(lang, "timeline.offline"), counts))
    return names, tuple(rows)


def _summary(activity: pd.DataFrame, totals: tuple[model.ChannelTotals, ...], offline: int, lang: str) -> str:
    """``149 post dal 03/01/2025 al 27/09/2025 su Instagram e Facebook. E 4 azioni offline.``"""
    days = timeline.local_times(activity["when"]).dt.date
    span = {"first": i18n.date(lang, days.min()), "last": i18n.date(lang, days.max())}
    if not totals:
        return _t(lang, "timeline.offline_only", n=i18n.number(lang, offline), **span)
    channels = [t.channel for t in totals]
    listed = channels[0]
    if len(channels) > 1:
        listed = _t(lang, "timeline.and", head=", ".join(channels[:-1]), tail=channels[-1])
    posts = sum(t.posts for t in totals)
    key = "timeline.summary" if posts else "timeline.summary_daily"
    text = _t(lang, key, posts=i18n.number(lang, posts), channels=listed, **span)
    if offline:
        text += " " + _t(lang, "timeline.with_offline", n=i18n.number(lang, offline))
    return text


def totals_table(tl: model.Timeline, lang: str) -> tuple[list[str], list[list[str]]]:
    """Each channel's totals as a text table (PDF, Markdown): numbers in ``lang``, a dash where not reported."""

    def shown(value: int | None) -> str:
        return "–" if value is None else i18n.number(lang, value)

    header = [i18n.t(lang, f"deliverable.col.{c}") for c in ("channel", "posts", "reach", "views", "interactions")]
    rows = [[t.channel, *(shown(v) for v in (t.posts, t.reach, t.views, t.interactions))] for t in tl.totals]
    return header, rows
