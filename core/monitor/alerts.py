"""Alerts a workshop can act on: each says what happened and what the plan proposes to do.

Three kinds: a goal off track (the statuses come from goal tracking as plain dicts), a risky
RFM segment that grew over the last 30 days, and a channel whose engagement rate fell in the
last 4 weeks against the 8 before. Thresholds are arguments so the rules can be tuned and tested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from core.i18n import Message
from core.monitor import loyalty
from core.timeline import periods

LEVELS: tuple[str, ...] = ("critical", "warning", "info")  # most urgent first
GOAL_LEVELS: dict[str, str] = {"off_track": "critical", "behind": "warning", "at_risk": "warning"}
SEGMENT_LEVELS: dict[str, str] = {"cannot_lose": "critical", "at_risk": "warning"}


@dataclass(frozen=True)
class Alert:
    kind: str  # "goal_off_track" | "segment_growing" | "engagement_falling"
    subject: str  # the goal id, the segment or the channel
    level: str  # one of LEVELS
    message: Message
    action: Message


def goal_alerts(statuses: Iterable[Mapping[str, str]], levels: Mapping[str, str] = GOAL_LEVELS) -> list[Alert]:
    """An alert per goal whose status is in ``levels`` (``{"goal_id", "title", "status"}`` dicts)."""
    alerts = []
    for status in statuses:
        level = levels.get(status["status"])
        if level is None:
            continue
        params = {"title": status["title"]}
        alerts.append(
            Alert(
                "goal_off_track",
                status["goal_id"],
                level,
                Message(f"alerts.goal.{status['status']}", params),
                Message("alerts.goal.action", params),
            )
        )
    return alerts


def segment_alerts(
    orders: pd.DataFrame,
    today: dt.date,
    levels: Mapping[str, str] = SEGMENT_LEVELS,
    days: int = 30,
    min_customers: int = 2,
    min_growth: float = 0.1,
    rules: loyalty.RfmRules = loyalty.DEFAULT_RULES,
) -> list[Alert]:
    """An alert per segment in ``levels`` that gained at least ``min_customers`` and ``min_growth`` in ``days``."""
    before_day = today - dt.timedelta(days=days)
    now = loyalty.rfm(orders, today, rules)["segment"].value_counts()
    before = loyalty.rfm(orders, before_day, rules)["segment"].value_counts()
    alerts = []
    for segment, level in levels.items():
        n_now, n_before = int(now.get(segment, 0)), int(before.get(segment, 0))
        growth = n_now - n_before
        if growth < min_customers or (n_before and growth / n_before < min_growth):
            continue
        params = {
            "segment": periods.Term(f"loyalty.segment.{segment}"),
            "now": periods.Num(n_now),
            "before": periods.Num(n_before),
            "growth": periods.Num(growth),
            "days": days,
        }
        message = Message("alerts.segment.growing", params)
        alerts.append(Alert("segment_growing", segment, level, message, Message(f"loyalty.segment.{segment}.action")))
    return alerts


def engagement_alerts(
    activity: pd.DataFrame,
    today: dt.date,
    recent_weeks: int = 4,
    baseline_weeks: int = 8,
    min_posts: int = 4,
    min_drop: float = 0.2,
) -> list[Alert]:
    """An alert per channel whose engagement rate fell by ``min_drop`` (a share of it) or more.

    Both windows need ``min_posts`` posts, so two quiet weeks do not raise an alert; a drop of
    twice ``min_drop`` is critical.
    """
    recent = periods.Span(today - dt.timedelta(days=7 * recent_weeks - 1), today)
    baseline = periods.Span(recent.start - dt.timedelta(days=7 * baseline_weeks), recent.start - dt.timedelta(days=1))
    measured = periods.measured(activity)
    now = periods.channel_metrics(activity, measured & periods.between(activity["when"], recent))
    before = periods.channel_metrics(activity, measured & periods.between(activity["when"], baseline))
    joined = now.join(before, suffixes=("_now", "_before"), how="inner")
    enough = (joined["posts_now"] >= min_posts) & (joined["posts_before"] >= min_posts)
    drop = 1 - joined["engagement_rate_now"] / joined["engagement_rate_before"]
    falling = joined[enough & (joined["engagement_rate_before"] > 0) & (drop >= min_drop)]
    alerts = []
    for channel, row in falling.iterrows():
        params = {
            "channel": periods.channel_name(str(channel)),
            "before": periods.Num(row["engagement_rate_before"], 1, "percent"),
            "now": periods.Num(row["engagement_rate_now"], 1, "percent"),
            "recent_weeks": recent_weeks,
            "baseline_weeks": baseline_weeks,
            "posts": int(row["posts_now"]),
        }
        level = "critical" if drop[channel] >= 2 * min_drop else "warning"
        message = Message("alerts.engagement.falling", params)
        action = Message("alerts.engagement.action", {"channel": params["channel"]})
        alerts.append(Alert("engagement_falling", str(channel), level, message, action))
    return alerts


def all_alerts(
    orders: pd.DataFrame,
    activity: pd.DataFrame,
    goal_statuses: Iterable[Mapping[str, str]],
    today: dt.date,
) -> list[Alert]:
    """Every alert with the default rules, most urgent first (goals before customers before channels)."""
    alerts = [*goal_alerts(goal_statuses), *segment_alerts(orders, today), *engagement_alerts(activity, today)]
    return sorted(alerts, key=lambda a: LEVELS.index(a.level))
