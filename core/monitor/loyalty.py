"""Do customers come back? Repeat rate, time between orders, monthly cohorts and RFM segments.

Everything is computed from the orders table (``customer_id``, ``date``, ``amount``) as of a
``today`` passed in: orders after ``today`` are ignored, so the same function answers "how did
things look 30 days ago" for the alerts.

RFM uses fixed rules for recency and frequency (days since the last order, number of orders)
rather than quintiles: with a few dozen customers, or most of them on one order, quintiles cut
through ties and move whenever other customers change, so a customer could change segment
without doing anything. Only the money spent is scored by rank (fifths), because what counts as
a big spender depends on the business.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.i18n import Message

TZ = "Europe/Rome"
GAP_EDGES: tuple[int, ...] = (7, 30, 90, 180, 365)  # upper ends (days, included) of the gap buckets
SEGMENTS: tuple[str, ...] = (
    "champions",
    "loyal",
    "promising",
    "new",
    "need_attention",
    "cannot_lose",
    "at_risk",
    "hibernating",
    "lost",
)


def orders_as_of(orders: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """``customer_id``, ``date`` (midnight, naive local) and ``amount`` of the orders up to ``today``."""
    date = pd.to_datetime(orders["date"])
    if date.dt.tz is not None:
        date = date.dt.tz_convert(TZ).dt.tz_localize(None)
    df = pd.DataFrame(
        {
            "customer_id": orders["customer_id"].astype(str).to_numpy(),
            "date": date.dt.normalize().to_numpy(),
            "amount": pd.to_numeric(orders["amount"], errors="coerce").fillna(0.0).to_numpy(dtype=float),
        }
    )
    return df[df["date"].notna() & (df["date"] <= pd.Timestamp(today))]


@dataclass(frozen=True)
class RepeatRate:
    customers: int
    repeat_customers: int  # customers with two or more orders
    rate: float | None  # None when there are no customers


def repeat_rate(orders: pd.DataFrame, today: dt.date) -> RepeatRate:
    """The share of customers who ordered at least twice."""
    counts = orders_as_of(orders, today)["customer_id"].value_counts()
    customers, repeat = int(len(counts)), int((counts >= 2).sum())
    return RepeatRate(customers, repeat, repeat / customers if customers else None)


@dataclass(frozen=True, eq=False)
class Gaps:
    """Days between a customer's consecutive orders, over all customers."""

    gaps: int
    median_days: float | None
    distribution: pd.DataFrame  # bucket ("8-30"), min_days, max_days, gaps, share


def _gap_days(df: pd.DataFrame) -> np.ndarray:
    df = df.sort_values(["customer_id", "date"], kind="stable")
    ids = df["customer_id"].to_numpy()
    dates = df["date"].to_numpy()
    same = ids[1:] == ids[:-1]
    return ((dates[1:] - dates[:-1]) / np.timedelta64(1, "D"))[same].astype(int)


def time_between_orders(orders: pd.DataFrame, today: dt.date, edges: tuple[int, ...] = GAP_EDGES) -> Gaps:
    """The median gap between orders and how the gaps spread over day buckets."""
    days = _gap_days(orders_as_of(orders, today))
    lows, highs = (0, *(e + 1 for e in edges)), (*edges, None)
    counts = np.bincount(np.searchsorted(np.asarray(edges), days, side="left"), minlength=len(lows))
    labels = [f"{lo}-{hi}" if hi is not None else f"{lo}+" for lo, hi in zip(lows, highs, strict=True)]
    distribution = pd.DataFrame(
        {
            "bucket": labels,
            "min_days": lows,
            "max_days": [np.nan if h is None else h for h in highs],
            "gaps": counts,
            "share": counts / len(days) if len(days) else np.zeros(len(lows)),
        }
    )
    median = float(np.median(days)) if len(days) else None
    return Gaps(int(len(days)), median, distribution)


def _month_number(dates: pd.Series) -> np.ndarray:
    return (dates.dt.year * 12 + dates.dt.month - 1).to_numpy()


@dataclass(frozen=True, eq=False)
class Cohorts:
    """``shares``: rows are cohorts ("2025-03", month of first order), columns months since (0, 1, ...).

    A cell is the share of the cohort's customers who ordered in that month; NaN where that
    month has not happened yet. ``customers``: the size of each cohort.
    """

    shares: pd.DataFrame
    customers: pd.Series


def cohorts(orders: pd.DataFrame, today: dt.date, max_months: int = 12) -> Cohorts:
    """Customers grouped by the month of their first order, and how many ordered again each month after."""
    df = orders_as_of(orders, today)
    month = _month_number(df["date"])
    first = pd.Series(month).groupby(df["customer_id"].to_numpy()).transform("min").to_numpy()
    pairs = pd.DataFrame({"customer": df["customer_id"].to_numpy(), "cohort": first, "since": month - first})
    pairs = pairs[pairs["since"] <= max_months].drop_duplicates()
    counts = pairs.groupby(["cohort", "since"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=range(max_months + 1), fill_value=0)
    sizes = counts[0]
    shares = counts.div(sizes, axis=0).astype(float)
    now = today.year * 12 + today.month - 1
    future = (shares.index.to_numpy()[:, None] + shares.columns.to_numpy()[None, :]) > now
    shares = shares.mask(future)
    labels = pd.Index([f"{c // 12}-{c % 12 + 1:02d}" for c in shares.index], name="cohort")
    shares.index, shares.columns.name = labels, "months_since"
    return Cohorts(shares, pd.Series(sizes.to_numpy(), index=labels, name="customers"))


@dataclass(frozen=True)
class RfmRules:
    """Score edges: recency 5 up to 30 days, 4 up to 90, ...; frequency 2 from 2 orders, ..., 5 from 6."""

    recency_days: tuple[int, int, int, int] = (30, 90, 180, 365)
    frequency_orders: tuple[int, int, int, int] = (2, 3, 4, 6)


DEFAULT_RULES = RfmRules()


def segment_of(r: np.ndarray, f: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The segment for each (recency, frequency, monetary) score triple, the first rule that matches."""
    rules = [
        ("champions", (r >= 4) & (f >= 4)),
        ("loyal", (r >= 3) & (f >= 3)),
        ("promising", (r >= 4) & (f == 2)),
        ("new", (r >= 4) & (f == 1)),
        ("need_attention", r == 3),
        ("cannot_lose", (r <= 2) & (f >= 3) & (m >= 4)),
        ("at_risk", (r <= 2) & (f >= 2)),
        ("hibernating", r == 2),
    ]
    return np.select([rule for _, rule in rules], [name for name, _ in rules], default="lost")


def rfm(orders: pd.DataFrame, today: dt.date, rules: RfmRules = DEFAULT_RULES) -> pd.DataFrame:
    """Per customer: recency_days, frequency, monetary, the r/f/m scores (1-5) and the segment."""
    df = orders_as_of(orders, today)
    per = df.groupby("customer_id", sort=True).agg(
        last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum")
    )
    recency = ((pd.Timestamp(today) - per["last"]) / pd.Timedelta(days=1)).to_numpy(dtype=int)
    frequency = per["frequency"].to_numpy(dtype=int)
    r = 5 - np.searchsorted(np.asarray(rules.recency_days), recency, side="left")
    f = 1 + np.searchsorted(np.asarray(rules.frequency_orders), frequency, side="right")
    # Fifths by rank, in integers so that 3 of 5 is exactly score 3; ties share the higher score.
    rank = per["monetary"].rank(method="max").to_numpy(dtype=int)
    n = max(len(per), 1)
    m = (5 * rank + n - 1) // n
    return pd.DataFrame(
        {
            "customer_id": per.index.to_numpy(),
            "recency_days": recency,
            "frequency": frequency,
            "monetary": per["monetary"].to_numpy(),
            "r": r,
            "f": f,
            "m": m,
            "segment": segment_of(r, f, m),
        }
    )


def segments(table: pd.DataFrame) -> pd.DataFrame:
    """Customers and revenue per segment (every segment, in the fixed order), from ``rfm(...)``."""
    grouped = table.groupby("segment").agg(customers=("customer_id", "size"), revenue=("monetary", "sum"))
    out = grouped.reindex(list(SEGMENTS), fill_value=0).rename_axis("segment").reset_index()
    out["customers"] = out["customers"].astype(int)
    out["revenue"] = out["revenue"].astype(float)
    total_customers, total_revenue = out["customers"].sum(), out["revenue"].sum()
    out["share_customers"] = out["customers"] / total_customers if total_customers else 0.0
    out["share_revenue"] = out["revenue"] / total_revenue if total_revenue else 0.0
    return out


def segment_label(segment: str) -> Message:
    """The segment's name ("At risk" / "A rischio")."""
    return Message(f"loyalty.segment.{segment}")


def segment_hint(segment: str) -> Message:
    """What the segment means and what to do with it, in a sentence."""
    return Message(f"loyalty.segment.{segment}.hint")
