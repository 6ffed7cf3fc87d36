"""KPI values measured on the business's own data (activity, orders, customers), as weekly series.

This is where a goal meets real data: ``series(kpi, channels, data, start, today)`` gives one value
per week (the week's last day) in the KPI's unit, which ``core.tracking.track`` judges, and
``current`` gives today's value, which prefills a goal's baseline. Monthly ("flow") KPIs are totals
over the 30 days up to each point, as ``core.kpis`` defines them; levels are taken at the point.
KPIs whose data Rotta has not imported yet return ``None`` (the page says which file to import).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core import kpis

WINDOW = pd.Timedelta(days=30)
ACTIVITY_KPIS = {"reach": "reach", "link_clicks": "clicks"}  # KPI -> activity column summed over the window


@dataclass(frozen=True)
class Data:
    """The tables a plan has (empty frames when it has none)."""

    activity: pd.DataFrame = field(default_factory=pd.DataFrame)
    orders: pd.DataFrame = field(default_factory=pd.DataFrame)
    customers: pd.DataFrame = field(default_factory=pd.DataFrame)


def measurable(kpi_id: str, data: Data) -> bool:
    """Whether ``data`` holds what the KPI is computed from."""
    if kpi_id in ACTIVITY_KPIS or kpi_id == "engagement_rate":
        return not data.activity.empty
    if kpi_id in ("repeat_rate", "revenue"):
        return not data.orders.empty
    if kpi_id == "new_customers":
        return not data.customers.empty or not data.orders.empty
    return False


def _points(start: dt.date, today: dt.date) -> pd.DatetimeIndex:
    """Week ends from ``start`` to ``today`` (today included as the last point)."""
    points = pd.date_range(pd.Timestamp(start), pd.Timestamp(today), freq="7D")
    return points.append(pd.DatetimeIndex([pd.Timestamp(today)])).unique().sort_values()


def _window_sums(when: pd.Series, values: pd.DataFrame, points: pd.DatetimeIndex) -> pd.DataFrame:
    """Sums of ``values`` over the 30 days up to and including each point (vectorised with a cumulative sum)."""
    naive = when.dt.tz_convert("Europe/Rome").dt.tz_localize(None) if when.dt.tz is not None else when
    order = np.argsort(naive.to_numpy(), kind="stable")
    times = naive.to_numpy()[order]
    cumulative = np.vstack([np.zeros(values.shape[1]), np.nancumsum(values.to_numpy(dtype=float)[order], axis=0)])
    ends = np.searchsorted(times, (points + pd.Timedelta(days=1)).to_numpy(), side="left")
    starts = np.searchsorted(times, (points + pd.Timedelta(days=1) - WINDOW).to_numpy(), side="left")
    return pd.DataFrame(cumulative[ends] - cumulative[starts], index=points, columns=values.columns)


def _activity(data: Data, channels: tuple[str, ...]) -> pd.DataFrame:
    rows = data.activity
    rows = rows[~rows["kind"].isin(["daily", "offline", "event"])]
    return rows[rows["platform"].isin(channels)] if channels else rows


def series(kpi_id: str, channels: tuple[str, ...], data: Data, start: dt.date, today: dt.date) -> pd.Series | None:
    """The KPI, one value per week from ``start`` to ``today``; None when the data for it is missing."""
    if not measurable(kpi_id, data) or start > today:
        return None
    points = _points(start, today)
    if kpi_id in ACTIVITY_KPIS or kpi_id == "engagement_rate":
        rows = _activity(data, channels)
        if rows.empty:
            return None
        base = rows["reach"].where(rows["reach"].notna(), rows["views"])
        sums = _window_sums(rows["when"], pd.DataFrame({"reach": rows["reach"], "clicks": rows["clicks"],
                                                        "interactions": rows["interactions"], "base": base}), points)  # fmt: skip
        if kpi_id == "engagement_rate":
            return (sums["interactions"] / sums["base"].replace(0, np.nan)).rename(kpi_id)
        return sums[ACTIVITY_KPIS[kpi_id]].rename(kpi_id)
    orders = data.orders
    if kpi_id == "revenue":
        return _window_sums(orders["date"], orders[["amount"]], points)["amount"].rename(kpi_id)
    if kpi_id == "new_customers":
        firsts = orders.groupby("customer_id")["date"].min() if not orders.empty else data.customers["first_order"]
        firsts = pd.Series(firsts.to_numpy(), name="first")
        return _window_sums(firsts, pd.DataFrame({"n": np.ones(len(firsts))}), points)["n"].rename(kpi_id)
    if kpi_id == "repeat_rate":
        ordered = orders.sort_values("date")
        nth = ordered.groupby("customer_id").cumcount()
        firsts = ordered["date"][nth == 0].sort_values().to_numpy()
        seconds = ordered["date"][nth == 1].sort_values().to_numpy()
        edge = (points + pd.Timedelta(days=1)).to_numpy()
        customers = np.searchsorted(firsts, edge, side="left")
        repeat = np.searchsorted(seconds, edge, side="left")
        return pd.Series(np.where(customers > 0, repeat / np.maximum(customers, 1), np.nan), index=points, name=kpi_id)
    return None


def current(kpi_id: str, channels: tuple[str, ...], data: Data, today: dt.date) -> float | None:
    """The KPI's value today (for a baseline), or None."""
    values = series(kpi_id, channels, data, today, today)
    if values is None or values.dropna().empty:
        return None
    return float(values.dropna().iloc[-1])


def baseline_map(data: Data, channels: tuple[str, ...], today: dt.date) -> dict[str, dict[str, float]]:
    """Measured starting values in ``core.baselines``' shape: channel -> KPI -> value, ``business`` for own records."""
    result: dict[str, dict[str, float]] = {}
    for kpi_id, kpi in kpis.KPIS.items():
        targets = [c for c in channels if c in kpi.platforms] if kpi.platforms else ["business"]
        for target in targets:
            value = current(kpi_id, (target,) if kpi.platforms else (), data, today)
            if value is not None and not np.isnan(value):
                result.setdefault(target, {})[kpi_id] = value
    return result


def last_day(data: Data) -> dt.date | None:
    """The last day the data covers: the "as of" date of every measure (never a day with no data yet)."""
    ends = []
    if not data.activity.empty:
        ends.append(data.activity["when"].max().tz_convert("Europe/Rome").date())
    if not data.orders.empty:
        ends.append(pd.Timestamp(data.orders["date"].max()).date())
    return max(ends) if ends else None
