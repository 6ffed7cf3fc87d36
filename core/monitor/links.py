"""Activity and results side by side, week by week, and an honest word on how they move together.

The weekly table counts posts, offline actions, new customers (first order that week) and
returning customers (ordered that week, first order in an earlier week). The statement is a
correlation over whole weeks: it says the two moved together, never that one caused the other,
and with few weeks it says the data is too thin to tell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.i18n import Message
from core.monitor import loyalty
from core.timeline import periods

MIN_WEEKS = 12
COLUMNS: tuple[str, ...] = ("posts", "offline_actions", "new_customers", "returning_customers")


def _local_day(when: pd.Series) -> pd.Series:
    if when.dt.tz is not None:
        when = when.dt.tz_convert(periods.TZ).dt.tz_localize(None)
    return when.dt.normalize()


def _monday(days: pd.Series) -> pd.Series:
    return days - pd.to_timedelta(days.dt.day_of_week, unit="D")


def weekly(activity: pd.DataFrame, orders: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """One row per ISO week where both sources have data, up to the last week that is over.

    Columns: ``week`` ("2025-W07"), ``week_start`` (Monday), posts, offline_actions,
    new_customers, returning_customers.
    """
    this_monday = pd.Timestamp(today) - pd.Timedelta(days=today.weekday())
    days = _local_day(activity["when"])
    offline = (activity["platform"] == "offline") | (activity["kind"] == "offline")
    posts = ~offline & (activity["kind"] != "daily")
    mondays = _monday(days)

    df = loyalty.orders_as_of(orders, today)
    order_mondays = _monday(df["date"])
    first = order_mondays.groupby(df["customer_id"].to_numpy()).transform("min")
    visits = pd.DataFrame({"c": df["customer_id"], "w": order_mondays, "new": order_mondays == first})
    visits = visits.drop_duplicates(["c", "w"])

    if not (len(activity) and len(df)):
        return _empty()
    start = max(mondays.min(), order_mondays.min())
    if start >= this_monday:
        return _empty()
    weeks = pd.date_range(start, this_monday - pd.Timedelta(days=7), freq="7D")
    out = pd.DataFrame(
        {
            "posts": mondays[posts].value_counts(),
            "offline_actions": mondays[offline].value_counts(),
            "new_customers": visits.loc[visits["new"], "w"].value_counts(),
            "returning_customers": visits.loc[~visits["new"], "w"].value_counts(),
        }
    )
    out = out.reindex(weeks, fill_value=0).fillna(0).astype(int)
    iso = weeks.isocalendar()
    out.insert(0, "week", [f"{y}-W{w:02d}" for y, w in zip(iso["year"], iso["week"], strict=True)])
    out.insert(1, "week_start", weeks.date)
    return out.reset_index(drop=True)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"week": [], "week_start": [], **{c: pd.Series([], dtype=int) for c in COLUMNS}})


@dataclass(frozen=True)
class CoOccurrence:
    """How two weekly columns moved together; ``correlation`` is None when it cannot be said."""

    x: str
    y: str
    weeks: int
    lag: int
    correlation: float | None
    thin: bool
    statement: Message
    caveat: Message


def co_occurrence(
    table: pd.DataFrame, x: str = "posts", y: str = "new_customers", lag: int = 0, min_weeks: int = MIN_WEEKS
) -> CoOccurrence:
    """Pearson correlation of ``x`` with ``y`` ``lag`` weeks later, in words, over the weeks of ``weekly``."""
    pairs = pd.DataFrame({"x": table[x].to_numpy(dtype=float), "y": table[y].shift(-lag).to_numpy(dtype=float)})
    pairs = pairs.dropna()
    weeks = len(pairs)
    names = {"x": periods.Term(f"links.column.{x}"), "y": periods.Term(f"links.column.{y}"), "weeks": weeks}
    caveat = Message("links.caveat")
    if weeks < min_weeks:
        statement = Message("links.thin", {**names, "needed": min_weeks})
        return CoOccurrence(x, y, weeks, lag, None, True, statement, caveat)
    if pairs["x"].std() == 0 or pairs["y"].std() == 0:
        return CoOccurrence(x, y, weeks, lag, None, False, Message("links.flat", names), caveat)
    r = float(np.corrcoef(pairs["x"], pairs["y"])[0, 1])
    later = Message("links.later_one" if lag == 1 else "links.later_many", {"lag": lag})
    relates = periods.Term(f"links.relation.{relation(r)}")
    params = {**names, "r": periods.Num(r, 2), "later": periods.Phrases((later,)), "relation": relates}
    statement = Message("links.statement_lag" if lag else "links.statement", params)
    return CoOccurrence(x, y, weeks, lag, r, False, statement, caveat)


def relation(r: float) -> str:
    """``none`` below 0.2 in size, ``weak`` below 0.5, else ``strong``; with the direction."""
    if abs(r) < 0.2:
        return "none"
    return ("weak" if abs(r) < 0.5 else "strong") + ("_together" if r > 0 else "_opposite")
