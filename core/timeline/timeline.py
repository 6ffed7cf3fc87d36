"""What the business did, where and when: the activity table aggregated for the Timeline step.

Every function takes the activity table (``core.schema.ACTIVITY_COLUMNS``, ``when`` tz-aware in
Europe/Rome or naive local time) and returns a small table, so that charts and maps never see a
million rows. Conventions shared with ``core.timeline.periods`` (the Monitor step):

- own posts are rows whose ``kind`` is not ``daily``/``offline`` on a platform other than ``offline``;
- results (reach, views, interactions, clicks) come from posts, or from the daily account totals
  for a platform that has only those (``periods.measured``), so nothing is counted twice;
- the engagement rate of a group is pooled: sum(interactions) / sum(reach), with views standing in
  for reach where a post has no reach, over the rows that have both.

"When it works" and "what worked" (own posts only) are in ``core.timeline.posts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import numpy as np
import pandas as pd

from core import i18n, schema
from core.timeline import periods

TZ = periods.TZ
PERIODS: tuple[str, ...] = ("week", "month")
SUM_METRICS: tuple[str, ...] = ("reach", "views", "interactions", "clicks")
METRICS: tuple[str, ...] = ("posts", *SUM_METRICS, "engagement_rate")
RATE_METRICS: tuple[str, ...] = ("engagement_rate",)
NOT_POSTS: tuple[str, ...] = ("daily", "offline")
OFFLINE = "offline"
# Which activity metric a goal's KPI is drawn against on the over-time chart.
KPI_METRICS: dict[str, str] = {
    "reach": "reach",
    "views": "views",
    "interactions": "interactions",
    "engagement_rate": "engagement_rate",
    "link_clicks": "clicks",
    "clicks": "clicks",
    "posts": "posts",
}
DAYS_PER_MONTH = 30  # monthly KPIs are totals over 30 days (core.goals.kpis): a week's share is 7/30
PLATFORM_COLORS: dict[str, str] = {
    "instagram": "#c13584",
    "facebook": "#1877f2",
    "x": "#333333",
    "linkedin": "#0a66c2",
    "tiktok": "#00a3a3",
    "youtube": "#d40000",
    "google_business": "#34a853",
    "website": "#7b5ea7",
    "newsletter": "#e8710a",
    "whatsapp": "#128c7e",
    OFFLINE: "#6d4c41",
}
OTHER_COLOR = "#888888"
TEXT_CHARS = 80
_URL_KEPT = ":/?#[]@!&'()*+,;=%~"  # what URLs need; never $, <, >, |, backslash, backtick, quotes, spaces
ACTIVITY_NEEDED: tuple[str, ...] = ("when", "platform", "kind", *SUM_METRICS)


def platform_order(platforms: Sequence[str] | set[str]) -> list[str]:
    """Platforms in the order of ``schema.CHANNELS`` (offline last, unknown ones after, sorted)."""
    present = set(platforms)
    known = [p for p in (*schema.CHANNELS, OFFLINE) if p in present]
    return known + sorted(present - set(known))


def color(platform: str) -> str:
    return PLATFORM_COLORS.get(platform, OTHER_COLOR)


def local_times(when: pd.Series) -> pd.Series:
    """``when`` as naive Europe/Rome wall-clock times (tz-aware values are converted, naive kept)."""
    when = pd.to_datetime(when)
    if when.dt.tz is not None:
        when = when.dt.tz_convert(TZ).dt.tz_localize(None)
    return when


def period_numbers(local: pd.Series, period: str) -> np.ndarray:
    """Each time's week (Monday-based) or month, numbered from 1970 (``int64``)."""
    if period not in PERIODS:
        raise ValueError(f"period {period!r} is not one of {PERIODS}")
    day = local.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    if period == "month":
        return day.astype("datetime64[M]").astype(np.int64)
    return (day.astype(np.int64) + 3) // 7  # 1970-01-01 was a Thursday: +3 starts weeks on Monday


def period_start_dates(numbers: np.ndarray, period: str) -> np.ndarray:
    """The first day (``datetime64[D]``) of the periods numbered by :func:`period_numbers`."""
    if period == "month":
        return numbers.astype("datetime64[M]").astype("datetime64[D]")
    return (numbers * 7 - 3).astype("datetime64[D]")


def period_starts(local: pd.Series, period: str) -> np.ndarray:
    """The first day (Monday, or the 1st) of each time's week or month, as ``datetime64[D]``."""
    return period_start_dates(period_numbers(local, period), period)


def own_posts(activity: pd.DataFrame) -> pd.Series:
    """Rows that are the business's own posts (not daily totals, not offline actions)."""
    return ~activity["kind"].isin(NOT_POSTS) & (activity["platform"] != OFFLINE)


def _rate_parts(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(interactions, base) of rows that have both, NaN elsewhere: the pooled rate's two sums."""
    reach, views = frame["reach"].to_numpy(dtype=float), frame["views"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        base = np.where(reach > 0, reach, np.where(views > 0, views, np.nan))
    inter = frame["interactions"].to_numpy(dtype=float)
    rated = ~np.isnan(base) & ~np.isnan(inter)
    return np.where(rated, inter, np.nan), np.where(rated, base, np.nan)


def _sums(key: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Per key: the sum of the values that are not NaN, and how many there were."""
    present = ~np.isnan(values)
    sums = np.bincount(key, weights=np.where(present, values, 0.0), minlength=size)
    return sums, np.bincount(key, weights=present, minlength=size)


def over_time(activity: pd.DataFrame, period: str = "week") -> pd.DataFrame:
    """Per period and platform: posts, summed results and the pooled engagement rate.

    Columns: ``start`` (naive datetime of the period's first day), ``platform``, ``posts``,
    ``reach``, ``views``, ``interactions``, ``clicks``, ``engagement_rate``. A period with no row
    between a platform's first and last has 0 posts and 0 of each result the platform reports
    (NaN for results it never reports) and no rate. Offline actions are not a platform here: see
    :func:`offline_actions`.
    """
    columns = ["start", "platform", *METRICS]
    rows = activity.loc[periods.measured(activity) & (activity["platform"] != OFFLINE), list(ACTIVITY_NEEDED)]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in columns}).astype(
            {"start": "datetime64[s]", "platform": object}
        )
    codes, platforms = pd.factorize(rows["platform"], sort=False)
    number = period_numbers(local_times(rows["when"]), period)
    first = int(number.min())
    span = int(number.max()) - first + 1
    size = len(platforms) * span
    key = codes.astype(np.int64) * span + (number - first)
    count = np.bincount(key, minlength=size)
    values = {"posts": own_posts(rows).to_numpy(dtype=float)} | {m: rows[m].to_numpy(dtype=float) for m in SUM_METRICS}
    table = {}
    for name, column in values.items():
        sums, present = _sums(key, column, size)
        reported = np.repeat(np.bincount(codes, weights=~np.isnan(column), minlength=len(platforms)) > 0, span)
        table[name] = np.where((present > 0) | ((count == 0) & reported), sums, np.nan)
    rated_inter, rated_base = _rate_parts(rows)
    inter_sum, _ = _sums(key, rated_inter, size)
    base_sum, _ = _sums(key, rated_base, size)
    with np.errstate(invalid="ignore", divide="ignore"):
        table["engagement_rate"] = np.where(base_sum > 0, inter_sum / base_sum, np.nan)
    out = pd.DataFrame(table)
    out["platform"] = np.repeat(np.asarray(platforms, dtype=object), span)
    out["number"] = np.tile(np.arange(first, first + span), len(platforms))
    # Keep each platform's periods from its first row to its last (the gaps in between stay).
    active = count.reshape(len(platforms), span) > 0
    low, high = active.argmax(axis=1), span - 1 - active[:, ::-1].argmax(axis=1)
    position = np.arange(span)
    out = out[((position >= low[:, None]) & (position <= high[:, None])).ravel()]
    out["posts"] = out["posts"].fillna(0).astype(int)
    out["start"] = period_start_dates(out["number"].to_numpy(), period).astype("datetime64[s]")
    order = {p: i for i, p in enumerate(platform_order(set(out["platform"])))}
    out = out.assign(rank=out["platform"].map(order)).sort_values(["number", "rank"], kind="stable")
    return out[columns].reset_index(drop=True)


def offline_actions(activity: pd.DataFrame) -> pd.DataFrame:
    """The offline actions (platform ``offline``): ``when`` (naive local), ``kind``, ``text``, place."""
    rows = activity.loc[activity["platform"] == OFFLINE, ["when", "kind", "text", "place", "lat", "lon"]]
    out = rows.assign(when=local_times(rows["when"]).astype("datetime64[s]"))
    return out.sort_values("when", kind="stable").reset_index(drop=True)


def target_lines(goals: Sequence[Mapping[str, Any]], metric: str, period: str) -> pd.DataFrame:
    """The targets of the goals measured by ``metric``, in the chart's unit for ``period``.

    A goal is a dict with ``title``, ``kpi``, ``target`` and ``deadline`` (ISO date or None;
    ``channels`` optional), as in the plan.
    Count KPIs are totals over 30 days: on a weekly chart the line is the week's share (7/30)
    and ``scaled`` says so; rates are drawn as they are.
    """
    rows = []
    for goal in goals:
        target = goal.get("target")
        if KPI_METRICS.get(str(goal.get("kpi"))) != metric or target is None or pd.isna(target):
            continue
        scaled = metric not in RATE_METRICS and period == "week"
        value = float(target) * (7 / DAYS_PER_MONTH if scaled else 1.0)
        deadline = goal.get("deadline")
        rows.append(
            {
                "title": str(goal.get("title") or ""),
                "kpi": str(goal["kpi"]),
                "target": value,
                "goal_target": float(target),
                "deadline": None if deadline in (None, "") else dt.date.fromisoformat(str(deadline)[:10]),
                "channels": tuple(goal.get("channels") or ()),
                "scaled": scaled,
            }
        )
    columns = ["title", "kpi", "target", "goal_target", "deadline", "channels", "scaled"]
    return pd.DataFrame(rows, columns=columns)


def markdown_link(url: object, label: str) -> str:
    """A Markdown link to a web address (``http``/``https`` only; anything else is no link, ``""``).

    The address is percent-encoded but for the characters URLs need, so nothing in it can close the
    link, end a table cell (``|``), start maths (``$``) or markup; ``label`` must already be escaped.
    """
    text = str(url or "").strip()
    if not text.startswith(("https://", "http://")):
        return ""
    return f"[{label}](<{quote(text, safe=_URL_KEPT)}>)"


def short_text(text: pd.Series, chars: int = TEXT_CHARS) -> pd.Series:
    """Captions on one line, cut at ``chars`` characters with an ellipsis."""
    flat = text.fillna("").astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    return flat.where(flat.str.len() <= chars, flat.str.slice(0, chars - 1).str.rstrip() + "…")


def channel_label(lang: str, platform: str) -> str:
    """The channel's name in ``lang`` (an unknown platform id is shown as it is)."""
    key = f"timeline.channel.{platform}"
    return i18n.t(lang, key) if key in i18n.TEXTS else str(platform)


def kind_label(lang: str, kind: str) -> str:
    """The format's name in ``lang`` (post, reel, story...; an unknown kind is shown as it is)."""
    key = f"timeline.kind.{kind}"
    return i18n.t(lang, key) if key in i18n.TEXTS else str(kind)
