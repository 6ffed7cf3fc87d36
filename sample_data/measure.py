"""KPI values measured on the generated tables, so that goal baselines and targets match the data.

Monthly KPIs are totals over the 30 days up to and including ``day`` (as in ``core.goals.kpis``);
``repeat_rate`` is the share of customers with two or more orders up to ``day``.
"""

from __future__ import annotations

import pandas as pd

WINDOW_DAYS = 30


def _window(when: pd.Series, day: str) -> pd.Series:
    end = pd.Timestamp(day) + pd.Timedelta(days=1)
    if when.dt.tz is not None:
        end = end.tz_localize(when.dt.tz)
    return (when >= end - pd.Timedelta(days=WINDOW_DAYS)) & (when < end)


def reach(activity: pd.DataFrame, platforms: tuple[str, ...], day: str) -> float:
    rows = activity[activity["platform"].isin(platforms) & _window(activity["when"], day)]
    return float(rows["reach"].sum())


def engagement_rate(activity: pd.DataFrame, platforms: tuple[str, ...], day: str) -> float | None:
    """Interactions over reach (views where reach is not reported) of the posts in the window."""
    rows = activity[activity["platform"].isin(platforms) & _window(activity["when"], day)]
    base = rows["reach"].fillna(rows["views"]).sum()
    return float(rows["interactions"].sum() / base) if base else None


def repeat_rate(orders: pd.DataFrame, day: str) -> float:
    counts = orders[orders["date"] <= pd.Timestamp(day)]["customer_id"].value_counts()
    return float((counts >= 2).mean())


def new_customers(customers: pd.DataFrame, day: str, abroad: bool | None = None) -> int:
    rows = customers[_window(customers["first_order"], day)]
    if abroad is not None:
        rows = rows[(rows["country"] != "IT") == abroad]
    return int(len(rows))


def on_pace(baseline: float, target: float, start: str, deadline: str, day: str, current: float) -> bool:
    """Whether ``current`` at ``day`` is at or past the straight line from baseline to target."""
    done = (pd.Timestamp(day) - pd.Timestamp(start)) / (pd.Timestamp(deadline) - pd.Timestamp(start))
    expected = baseline + (target - baseline) * done
    return current >= expected if target >= baseline else current <= expected
