"""This month against last month and the same month last year, per channel, in numbers and words.

Counts (views, reach, interactions, posts) change in percent; the engagement rate changes in
percentage points, because "+20%" of a 2% rate reads as a big jump when it is 0.4 points.
Months are compared like for like: when this month is still running (day 10), the comparison
months are cut at the same day, so a partial month is never set against a full one.

Parameters that core code puts in a ``Message`` and that depend on the language (numbers,
metric names, lists of phrases) are small objects that format themselves in the language
named by the format spec: templates write ``{value:it}`` in Italian and ``{value:en}`` in English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core import i18n
from core.i18n import Message
from core.schema import CHANNELS

TZ = "Europe/Rome"
COUNT_METRICS: tuple[str, ...] = ("views", "reach", "interactions", "posts")
RATE_METRICS: tuple[str, ...] = ("engagement_rate",)
METRICS: tuple[str, ...] = ("views", "reach", "interactions", "engagement_rate", "posts")
AGAINST: tuple[str, ...] = ("last_month", "last_year")


def _lang(spec: str) -> str:
    return i18n.normalize_lang(spec) or i18n.DEFAULT_LANG


@dataclass(frozen=True)
class Num:
    """A number for a message: ``{n:it}`` gives ``1.234,5``, ``{n:en}`` gives ``1,234.5``."""

    value: float
    decimals: int = 0
    style: str = "number"  # "number" | "percent" (a share: 0.18 -> 18%)

    def __format__(self, spec: str) -> str:
        if self.style == "percent":
            return i18n.percent(_lang(spec), self.value, self.decimals)
        return i18n.number(_lang(spec), self.value, self.decimals)


@dataclass(frozen=True)
class Term:
    """A text key used as a word inside another message: ``{metric:it}``."""

    key: str

    def __format__(self, spec: str) -> str:
        return i18n.t(_lang(spec), self.key)


@dataclass(frozen=True)
class Phrases:
    """Several messages joined by commas: ``reach up 18%, posts down 25%``."""

    messages: tuple[Message, ...]

    def __format__(self, spec: str) -> str:
        return ", ".join(message.render(_lang(spec)) for message in self.messages)


def channel_name(channel: str) -> Term:
    """The channel's display name (``google_business`` -> Google Business Profile)."""
    return Term(f"periods.channel.{channel}")


@dataclass(frozen=True)
class Span:
    """A run of whole days, both ends included."""

    start: dt.date
    end: dt.date


def _month_start(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, 1)


def _same_days(start: dt.date, days: int) -> Span:
    month_end = _month_start(start.year, start.month + 1) - dt.timedelta(days=1)
    return Span(start, min(start + dt.timedelta(days=days), month_end))


def month_spans(today: dt.date, month: dt.date | None = None) -> dict[str, Span]:
    """The month of ``month`` (default: of ``today``) up to ``today``, and the same days before."""
    month = month or today
    start = dt.date(month.year, month.month, 1)
    if start > today:
        raise ValueError(f"month {start:%Y-%m} is after today ({today.isoformat()})")
    current = Span(start, min(_same_days(start, 31).end, today))
    days = (current.end - current.start).days
    return {
        "current": current,
        "last_month": _same_days(_month_start(start.year, start.month - 1), days),
        "last_year": _same_days(dt.date(start.year - 1, start.month, 1), days),
    }


def between(when: pd.Series, span: Span) -> pd.Series:
    """Rows of a ``when`` column (tz-aware, Europe/Rome, or naive local) that fall inside ``span``."""
    tz = TZ if getattr(when.dt, "tz", None) is not None else None
    start = pd.Timestamp(span.start, tz=tz)
    end = pd.Timestamp(span.end + dt.timedelta(days=1), tz=tz)
    return (when >= start) & (when < end)


def measured(activity: pd.DataFrame) -> pd.Series:
    """Rows whose metrics count: posts and actions, or daily totals for channels that have only those."""
    posts = activity["kind"] != "daily"
    with_posts = activity.loc[posts, "platform"].unique()
    return posts | ~activity["platform"].isin(with_posts)


def channel_metrics(activity: pd.DataFrame, keep: pd.Series | None = None) -> pd.DataFrame:
    """Per platform: summed views, reach, interactions, the pooled engagement rate, posts count."""
    rows = measured(activity) if keep is None else keep
    df = activity.loc[rows, ["platform", "kind", "views", "reach", "interactions"]]
    reach = pd.to_numeric(df["reach"], errors="coerce").astype(float)
    views = pd.to_numeric(df["views"], errors="coerce").astype(float)
    inter = pd.to_numeric(df["interactions"], errors="coerce").astype(float)
    # The same rule as a row's engagement_rate: per reach, or per views when reach is absent.
    base = reach.where(reach > 0, views.where(views > 0))
    rated = base.notna() & inter.notna()
    parts = pd.DataFrame(
        {
            "platform": df["platform"].to_numpy(),
            "views": views.to_numpy(),
            "reach": reach.to_numpy(),
            "interactions": inter.to_numpy(),
            "rated_interactions": inter.where(rated).to_numpy(),
            "rated_base": base.where(rated).to_numpy(),
            "posts": (df["kind"] != "daily").to_numpy(dtype=float),
        }
    )
    sums = parts.groupby("platform", sort=True).sum(min_count=1)
    sums["posts"] = sums["posts"].fillna(0)
    sums["engagement_rate"] = sums["rated_interactions"] / sums["rated_base"]
    return sums[list(METRICS)]


def _change(metric: str, now: float, before: float) -> float | None:
    if pd.isna(now) or pd.isna(before):
        return None
    if metric in RATE_METRICS:
        return float(now - before) * 100  # percentage points
    return None if before == 0 else float(now / before - 1)


def change_phrase(metric: str, now: float, before: float) -> Message | None:
    """One metric's change in words (``reach up 18%``), or None when one side is missing."""
    name = Term(f"periods.metric.{metric}")
    change = _change(metric, now, before)
    if change is None:
        if pd.isna(now) or pd.isna(before):
            return None
        if now == 0:  # and before == 0
            return Message("periods.change.same", {"metric": name})
        return Message("periods.change.from_zero", {"metric": name, "value": Num(float(now))})
    if metric in RATE_METRICS:
        size, unit, value = round(abs(change), 1), "points", Num(round(abs(change), 1), 1)
    else:
        size, unit, value = round(abs(change) * 100), "pct", Num(abs(change), 0, "percent")
    if size == 0:
        return Message("periods.change.same", {"metric": name})
    way = "up" if change > 0 else "down"
    return Message(f"periods.change.{way}_{unit}", {"metric": name, "value": value})


def in_words(now: pd.Series | None, before: pd.Series | None, against: str) -> Message:
    """The changes of one channel's metrics in a sentence: ``reach up 18%, engagement rate down 0.4 points``."""
    if before is None:
        return Message(f"periods.no_data_{against}")
    if now is None:
        return Message("periods.no_data_current")
    phrases = tuple(p for m in METRICS if (p := change_phrase(m, now[m], before[m])) is not None)
    if not phrases:
        return Message("periods.nothing_comparable")
    return Message("periods.changes", {"parts": Phrases(phrases)})


@dataclass(frozen=True)
class ChannelWords:
    channel: str
    last_month: Message
    last_year: Message


@dataclass(frozen=True, eq=False)
class PeriodComparison:
    """``table``: one row per channel and metric, with both comparisons; ``words``: per channel."""

    spans: dict[str, Span]
    table: pd.DataFrame
    words: tuple[ChannelWords, ...]


def _order(channels: set[str]) -> list[str]:
    known = [c for c in (*CHANNELS, "offline") if c in channels]
    return known + sorted(channels - set(known))


def compare(activity: pd.DataFrame, today: dt.date, month: dt.date | None = None) -> PeriodComparison:
    """Activity of the month of ``month`` (default: this month) against last month and last year."""
    spans = month_spans(today, month)
    keep = measured(activity)
    by_period = {name: channel_metrics(activity, keep & between(activity["when"], s)) for name, s in spans.items()}
    channels = _order(set().union(*(set(m.index) for m in by_period.values())))
    rows, words = [], []
    for channel in channels:
        got = {name: (m.loc[channel] if channel in m.index else None) for name, m in by_period.items()}
        for metric in METRICS:
            row: dict[str, object] = {"channel": channel, "metric": metric}
            row["unit"] = "points" if metric in RATE_METRICS else "percent"
            for name in spans:
                row[name] = np.nan if got[name] is None else got[name][metric]
            for against in AGAINST:
                change = _change(metric, row["current"], row[against])  # type: ignore[arg-type]
                row[f"change_{against}"] = np.nan if change is None else change
            rows.append(row)
        words.append(ChannelWords(channel, *(in_words(got["current"], got[a], a) for a in AGAINST)))
    columns = ["channel", "metric", "unit", "current", *AGAINST, *(f"change_{a}" for a in AGAINST)]
    return PeriodComparison(spans, pd.DataFrame(rows, columns=columns), tuple(words))
