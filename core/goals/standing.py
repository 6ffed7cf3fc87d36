"""Where a goal stands on the plan's data: the one computation of progress and pace.

The Goals page, the Monitor board, the Plan deliverable and the goal tree all ask ``standing`` and
show what it says, so a goal never reads "reached" on one screen and "pace needed" on another.
It measures the goal's KPI on ``data`` up to ``as_of`` (the last day the data covers, never the wall
clock) and judges it with ``core.goals.tracking.track``, whose rules tell a level from a rate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from core.goals import goals, kpis, measures, tracking, where
from core.i18n import Message

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class Standing:
    tracking: tracking.Tracking
    pace: float | None  # units a week still needed: None once reached, after the deadline or without numbers
    missing: tuple[str, ...] = ()  # the KPI's sources when its data is not imported
    where: Message | None = None  # how the goal's place was used (``core.goals.where``), when it needs saying

    @property
    def reached(self) -> bool:
        return self.tracking.message.key in ("goals.track.reached", "goals.track.reached_month")


def measured_from(goal: goals.Goal, as_of: dt.date) -> dt.date:
    """The first weekly point to measure: a week before the start, and landing on ``tracking.first_judged``."""
    first = tracking.first_judged(goal)
    since = first - WEEK * (math.ceil((first - goal.start).days / 7) + 1)
    return min(since, as_of - WEEK)


def standing(goal: goals.Goal, data: measures.Data, as_of: dt.date, places: where.Places | None = None) -> Standing:
    """The goal measured on ``data`` inside its place (``places``: the plan's areas and towns), judged on ``as_of``."""
    if goal.kpi is None:
        return Standing(tracking.track(goal, _empty(), as_of), None)
    scope = where.scope(goal, data, places or where.Places())
    found = _judged(goal, scope.data, as_of)
    return dataclasses.replace(found, where=scope.note)


def _judged(goal: goals.Goal, data: measures.Data, as_of: dt.date) -> Standing:
    assert goal.kpi is not None
    values = measures.series(goal.kpi, goal.channels, data, measured_from(goal, as_of), as_of)
    if values is None:
        sources = kpis.KPIS[goal.kpi].sources
        message = Message("goals.track.no_data", {"kpi": goal.kpi, "sources": sources})
        result = tracking.Tracking("no_data", None, None, None, None, None, 0.0, message)
        return Standing(result, _planned_pace(goal, as_of), sources)
    result = tracking.track(goal, values, as_of)
    return Standing(result, result.pace_needed)


def _planned_pace(goal: goals.Goal, as_of: dt.date) -> float | None:
    """Without data, the pace from the baseline: None when the baseline already meets the target."""
    if goal.kpi is None or goal.baseline is None or goal.target is None:
        return None
    if not kpis.improves(goal.kpi, goal.baseline, goal.target):
        return None
    return goals.required_pace(goal, as_of)


def _empty() -> pd.Series:
    """A series with no values, for goals that cannot be measured."""
    return pd.Series([], dtype=float, index=pd.DatetimeIndex([]))
