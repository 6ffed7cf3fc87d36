"""KPI values measured on the business's own data (activity, orders, customers), as weekly series.

This is where a goal meets real data: ``series(kpi, channels, data, start, today)`` gives one value
per week (the week's last day) in the KPI's unit, which ``core.tracking.track`` judges, and
``current`` gives today's value, which prefills a goal's baseline. Monthly ("flow") KPIs are totals
over the 30 days up to each point, as ``core.goals.kpis`` defines them; levels are taken at the point.
KPIs whose data Rotta has not imported yet return ``None`` (the page says which file to import).

Where each KPI comes from in the activity table:

- reach, link clicks, engagement rate: the posts (daily series would count the same people twice);
- profile visits: per platform, its daily series when it has one, else the visits its posts brought;
- Google profile views, calls, direction requests: the Business Profile reports, each a total for a
  period and dated its first day, one value per report (a month's total, not a weekly one);
- followers: only their daily change is imported (``follows``), so the series is the followers
  gained up to each point, from whatever day; ``core.goals.tracking`` adds it to the goal's baseline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.goals import kpis

WINDOW = pd.Timedelta(days=30)
REPORT_AGE = pd.Timedelta(days=31)  # a monthly report still describes the 31 days from its first day
ACTIVITY_KPIS = {"reach": "reach", "link_clicks": "clicks"}  # KPI -> activity column summed over the window
VISIT_KPIS = {"profile_visits": "profile_visits"}  # summed over the window, daily series first
REPORT_KPIS = {"gbp_views": "views", "gbp_calls": "calls", "gbp_directions": "directions"}
GAINED_KPIS = {"followers": "follows"}  # levels the data give only as changes: see core.goals.tracking
_COLUMN_KPIS = {**VISIT_KPIS, **REPORT_KPIS, **GAINED_KPIS}


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
    if kpi_id in _COLUMN_KPIS:
        column = _COLUMN_KPIS[kpi_id]
        return column in data.activity and bool(data.activity[column].notna().any())
    if kpi_id in ("repeat_rate", "revenue"):
        return not data.orders.empty
    if kpi_id == "new_customers":
        return not data.customers.empty or not data.orders.empty
    if kpi_id == "share_in_area":  # only for a goal on a place: core.goals.where marks the customers inside
        return "in_place" in data.customers.columns and not data.customers.empty
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


def _reporting(data: Data, kpi_id: str, channels: tuple[str, ...]) -> pd.DataFrame:
    """The rows that report the KPI's column on its platforms (among ``channels`` when given).

    Per platform, its daily series when it has one, else its posts: both describe the same days.
    """
    kpi = kpis.KPIS[kpi_id]
    column = _COLUMN_KPIS[kpi_id]
    rows = data.activity
    platforms = [p for p in (channels or kpi.platforms) if p in kpi.platforms]
    rows = rows[rows[column].notna() & rows["platform"].isin(platforms) & ~rows["kind"].isin(["offline", "event"])]
    daily = rows["kind"].eq("daily")
    return rows[daily | ~rows["platform"].isin(set(rows.loc[daily, "platform"]))]


def _days(when: pd.Series) -> pd.Series:
    """Italian calendar days, without a zone."""
    naive = when.dt.tz_convert("Europe/Rome").dt.tz_localize(None) if when.dt.tz is not None else when
    return naive.dt.normalize()


def _reports(rows: pd.DataFrame, column: str, start: dt.date, today: dt.date) -> pd.Series:
    """Each report's total (all its locations), dated its first day: those still describing ``start`` or later.

    One value per report, not per week: repeating a monthly total every week would look like a flat trend.
    """
    days = _days(rows["when"])
    since = pd.Timestamp(start) - REPORT_AGE
    mask = (days > since) & (days <= pd.Timestamp(today))
    totals = rows.loc[mask, column].groupby(days[mask]).sum().sort_index().astype(float)
    totals.index = pd.DatetimeIndex(totals.index)
    return totals


def _gained(rows: pd.DataFrame, column: str, points: pd.DatetimeIndex) -> np.ndarray:
    """Everything ``column`` added up to the end of each point's day; NaN before the first day it reports."""
    days = _days(rows["when"])
    order = np.argsort(days.to_numpy(), kind="stable")
    times = days.to_numpy()[order]
    cumulative = np.concatenate([[0.0], np.cumsum(rows[column].to_numpy(dtype=float)[order])])
    ends = np.searchsorted(times, points.to_numpy(), side="right")
    return np.where(points.to_numpy() >= times[0], cumulative[ends], np.nan)


def _column_series(
    kpi_id: str, channels: tuple[str, ...], data: Data, start: dt.date, today: dt.date
) -> pd.Series | None:
    rows = _reporting(data, kpi_id, channels)
    if rows.empty:
        return None
    column = _COLUMN_KPIS[kpi_id]
    if kpi_id in REPORT_KPIS:
        return _reports(rows, column, start, today).rename(kpi_id)
    points = _points(start, today)
    if kpi_id in GAINED_KPIS:
        values = _gained(rows, column, points)
    else:
        values = _window_sums(rows["when"], rows[[column]], points)[column].to_numpy()
    return pd.Series(values, index=points, name=kpi_id, dtype=float)


def series(kpi_id: str, channels: tuple[str, ...], data: Data, start: dt.date, today: dt.date) -> pd.Series | None:
    """The KPI, one value per week from ``start`` to ``today``; None when the data for it is missing.

    For ``GAINED_KPIS`` the values are what was gained up to each point, not a level; ``REPORT_KPIS``
    have one value per report instead of one per week.
    """
    if not measurable(kpi_id, data) or start > today:
        return None
    if kpi_id in _COLUMN_KPIS:
        return _column_series(kpi_id, channels, data, start, today)
    points = _points(start, today)
    if kpi_id in ACTIVITY_KPIS or kpi_id == "engagement_rate":
        rows = _activity(data, channels)
        if rows.empty:
            return None
        base = rows["reach"].where(rows["reach"].notna(), rows["views"])
        parts = pd.DataFrame(
            {"reach": rows["reach"], "clicks": rows["clicks"], "interactions": rows["interactions"], "base": base}
        )
        sums = _window_sums(rows["when"], parts, points)
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
    if kpi_id == "share_in_area":
        return _share_in_place(data, points).rename(kpi_id)
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


def _share_in_place(data: Data, points: pd.DatetimeIndex) -> pd.Series:
    """Of the customers who had bought by each point, the share inside the goal's place (``in_place``)."""
    customers = data.customers
    firsts = pd.to_datetime(customers["first_order"]) if "first_order" in customers else pd.Series(pd.NaT)
    if not data.orders.empty:  # the orders say when each customer first bought, where they have them
        from_orders = data.orders.groupby(data.orders["customer_id"].astype(str))["date"].min()
        firsts = customers["customer_id"].astype(str).map(from_orders).fillna(firsts)
    firsts = pd.to_datetime(firsts).to_numpy()
    inside = customers["in_place"].to_numpy(dtype=bool)
    known = ~pd.isna(firsts)
    edge = (points + pd.Timedelta(days=1)).to_numpy()
    everyone = np.sort(firsts[known])
    within = np.sort(firsts[known & inside])
    total = np.searchsorted(everyone, edge, side="left")
    kept = np.searchsorted(within, edge, side="left")
    return pd.Series(np.where(total > 0, kept / np.maximum(total, 1), np.nan), index=points)


def current(kpi_id: str, channels: tuple[str, ...], data: Data, today: dt.date) -> float | None:
    """The KPI's value today (for a baseline), or None (always for ``GAINED_KPIS``: a change is no level)."""
    if kpi_id in GAINED_KPIS:
        return None
    values = series(kpi_id, channels, data, today, today)
    if values is None or values.dropna().empty:
        return None
    return float(values.dropna().iloc[-1])


def baseline_map(data: Data, channels: tuple[str, ...], today: dt.date) -> dict[str, dict[str, float]]:
    """Measured starting values in the shape of ``core.goals.baselines``: channel -> KPI -> value,
    ``business`` for own records."""
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
