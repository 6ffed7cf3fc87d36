"""Tracking a goal against its data: current value, progress, pace needed vs achieved, traffic light, forecast.

The series is the goal's KPI by date, in the KPI's unit (a level, or for a monthly KPI the total
of the 30 days up to each date), as the Monitor step computes it from the imports. The pace
achieved is the least-squares slope of the values since the goal's start, in units a week; the
forecast extends that straight line from the last value. Fewer than ``MIN_WEEKS`` weeks or
``MIN_POINTS`` values: "too early", never a guess. When the data swing so much that one standard
error of the slope would change the light, the goal is "at risk" and says the data are unsteady.
For KPIs the data give only as changes (followers, from the new follows of each day:
``measures.GAINED_KPIS``) the level is the goal's baseline plus what was gained since its start.

Two kinds of KPI, two rules. A *level* (followers, the repeat rate, the rating) is read at a date:
its current value is the last one, reached as soon as it meets the target. A *rate* (a total per
month such as new customers or reach, or a monthly share such as the engagement rate) is read over
its last 30 days: the current value is the latest month's, and a month counts towards the goal only
once it lies wholly after the start (``first_judged``), so a goal is never "reached" on its start date
by the month before it. A reached goal needs no pace.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.goals import goals, kpis, measures
from core.i18n import Message

MIN_WEEKS = 4  # a month of weekly values: less cannot tell a trend from a good week
MIN_POINTS = 4
AT_RISK = 0.7  # achieving at least 70% of the pace needed is "at risk", less is "off track"
STATUSES: tuple[str, ...] = ("on_track", "at_risk", "off_track", "too_early", "no_data")


@dataclass(frozen=True)
class Tracking:
    status: str  # STATUSES
    current: float | None  # the last value since the start
    progress: float | None  # 0 at the baseline, 1 at the target (can go below 0 or above 1)
    pace_needed: float | None  # units a week still needed from the current value to the target
    pace_achieved: float | None  # units a week achieved since the start (slope)
    forecast_date: dt.date | None  # when the target is reached at the achieved pace; None if never
    weeks_of_data: float
    message: Message


def clean(series: pd.Series) -> pd.Series:
    """Numeric values by calendar date, sorted, without gaps marked NaN; the last value of a day wins."""
    if not isinstance(series.index, pd.DatetimeIndex):
        raise TypeError(f"the KPI series needs dates as its index, not {type(series.index).__name__}")
    values = pd.to_numeric(series, errors="raise").astype(float)
    index = series.index.tz_localize(None) if series.index.tz is not None else series.index
    values.index = index.normalize()
    values = values.dropna().sort_index()
    return values[~values.index.duplicated(keep="last")]


def slope(series: pd.Series) -> tuple[float, float]:
    """Least-squares slope in units a week, and its standard error (0 for a perfect line)."""
    x = (series.index - series.index[0]).days.to_numpy(dtype=float) / 7
    y = series.to_numpy(dtype=float)
    b, a = np.polyfit(x, y, 1)
    spread = float(((x - x.mean()) ** 2).sum())
    residual = float(((y - (a + b * x)) ** 2).sum())
    se = math.sqrt(residual / (len(x) - 2) / spread) if len(x) > 2 else 0.0
    return round(float(b), 9), se  # rounding drops the float noise of a flat line (1e-13, not 0)


def baseline_from_series(series: pd.Series, start: dt.date) -> float | None:
    """The value at the start (the last one on or before it, else the first after it), to prefill a baseline."""
    values = clean(series)
    if values.empty:
        return None
    before = values[values.index <= pd.Timestamp(start)]
    return float(before.iloc[-1] if not before.empty else values.iloc[0])


def _level(pace: float, sign: int, needed: float) -> str:
    achieved = sign * pace
    return "on_track" if achieved >= needed else "at_risk" if achieved >= AT_RISK * needed else "off_track"


def from_gains(gained: pd.Series, baseline: float, start: dt.date) -> pd.Series:
    """A level from what was gained up to each date: ``baseline`` on ``start``, plus the gains since."""
    values = clean(gained)
    at_start = baseline_from_series(values, start)
    return values if at_start is None else values - at_start + baseline


def is_rate(kpi_id: str) -> bool:
    """Whether the KPI is read over a period (a total or a share of the last 30 days), not as a level at a date."""
    return kpis.KPIS[kpi_id].period == "month"


def first_judged(goal: goals.Goal) -> dt.date:
    """The first day whose KPI value describes only time since the goal's start.

    A level: the start. A rate: the end of its first 30 days (a report, dated its first day, from the start).
    """
    if goal.kpi is None or not is_rate(goal.kpi) or goal.kpi in measures.REPORT_KPIS:
        return goal.start
    return goal.start + measures.WINDOW.to_pytimedelta() - dt.timedelta(days=1)


def _incomplete(goal: goals.Goal) -> Message:
    """What the goal lacks to be tracked: the KPI first, else its target and/or deadline."""
    if goal.kpi is None:
        return Message("goals.track.incomplete")
    missing = [name for name, value in (("target", goal.target), ("deadline", goal.deadline)) if value is None]
    return Message(f"goals.track.incomplete_{'_'.join(missing)}", {"kpi": goal.kpi})


def track(goal: goals.Goal, series: pd.Series, today: dt.date) -> Tracking:
    """Where a goal stands on ``today`` given its KPI series (gains, for ``measures.GAINED_KPIS``)."""
    values = clean(series)
    values = values[values.index <= pd.Timestamp(today)]
    if goal.kpi in measures.GAINED_KPIS:
        if goal.baseline is None:
            message = Message("goals.track.needs_baseline", {"kpi": goal.kpi})
            return Tracking("no_data", None, None, None, None, None, 0.0, message)
        values = from_gains(values, goal.baseline, goal.start)
    if goal.kpi is None or goal.target is None or goal.deadline is None:
        current = float(values.iloc[-1]) if not values.empty else None
        return Tracking("no_data", current, None, None, None, None, 0.0, _incomplete(goal))
    if today < goal.start:
        message = Message("goals.track.not_started", {"start_date": goal.start})
        return Tracking("too_early", None, None, goals.required_pace(goal, today), None, None, 0.0, message)
    window = values[values.index >= pd.Timestamp(goal.start)]
    kpi = kpis.KPIS[goal.kpi]
    if window.empty:
        message = Message("goals.track.no_data", {"kpi": goal.kpi, "sources": kpi.sources})
        return Tracking("no_data", None, None, None, None, None, 0.0, message)
    current = float(window.iloc[-1])
    baseline = goal.baseline if goal.baseline is not None else baseline_from_series(values, goal.start)
    assert baseline is not None
    progress = _progress(baseline, current, goal.target)
    weeks = (window.index[-1] - window.index[0]).days / 7
    params = {
        "kpi": goal.kpi, "current_val": current, "target_val": goal.target, "deadline_date": goal.deadline,
        "progress_pct": progress,
    }  # fmt: skip
    judged = window[window.index >= pd.Timestamp(first_judged(goal))]
    if judged.empty:  # a rate whose first month since the start is not over: nothing to judge it by yet
        needed = goals.required_pace(goal, today, current) if kpis.improves(goal.kpi, current, goal.target) else None
        message = Message("goals.track.first_month", {**params, "first_date": first_judged(goal)})
        return Tracking("too_early", current, progress, needed, None, None, weeks, message)
    if not kpis.improves(goal.kpi, current, goal.target):
        reached = judged[[not kpis.improves(goal.kpi, v, goal.target) for v in judged]].index[0].date()
        key = "goals.track.reached_month" if is_rate(goal.kpi) else "goals.track.reached"
        message = Message(key, {**params, "reached_date": reached})
        return Tracking("on_track", current, progress, None, None, reached, weeks, message)
    enough = weeks >= MIN_WEEKS and len(window) >= MIN_POINTS
    achieved, se = slope(window) if enough else (None, 0.0)
    if today >= goal.deadline:
        message = Message("goals.track.missed", params)
        return Tracking("off_track", current, progress, None, achieved, None, weeks, message)
    needed = goals.required_pace(goal, today, current)
    assert needed is not None
    if achieved is None:
        message = _too_early(weeks, len(window))
        return Tracking("too_early", current, progress, needed, None, None, weeks, message)
    forecast = _forecast(window.index[-1].date(), current, goal.target, achieved)
    params.update(achieved_delta=achieved, forecast_date=forecast)
    sign = 1 if kpi.higher_is_better else -1
    params["needed_delta"] = needed
    low, high = _level(achieved - sign * se, sign, sign * needed), _level(achieved + sign * se, sign, sign * needed)
    if low != high:
        status, key = "at_risk", "goals.track.unsteady"
        params["spread_delta"] = se
    else:
        status = low
        key = f"goals.track.{status}" if forecast or status == "on_track" else "goals.track.stalled"
    return Tracking(status, current, progress, needed, achieved, forecast, weeks, Message(key, params))


def _progress(baseline: float, current: float, target: float) -> float:
    if target == baseline:
        return 1.0
    return (current - baseline) / (target - baseline)


def _forecast(last: dt.date, current: float, target: float, pace: float) -> dt.date | None:
    """The date the straight line from ``current`` at ``pace`` a week meets ``target``; None if it never does."""
    if pace == 0 or (target - current) / pace < 0:
        return None
    weeks = (target - current) / pace
    if weeks > kpis.MAX_WEEKS:
        return None
    return last + dt.timedelta(days=math.ceil(weeks * 7))


def _too_early(weeks: float, points: int) -> Message:
    whole = math.floor(weeks)
    if whole < 1:
        return Message("goals.track.too_early_days", {"days_n": round(weeks * 7), "min_n": MIN_WEEKS})
    key = "goals.track.too_early_one" if whole == 1 else "goals.track.too_early"
    if whole >= MIN_WEEKS:  # enough weeks but too few values
        return Message("goals.track.too_few", {"points_n": points, "min_n": MIN_POINTS})
    return Message(key, {"weeks_n": whole, "min_n": MIN_WEEKS})
