"""The tables behind a plan: a sample's data (shared, read-only) or, later, the plan's own imports."""

from __future__ import annotations

import datetime as dt

from core import measures
from ui import resources
from ui.frame import Frame


def plan_data(frame: Frame) -> measures.Data:
    slug = (frame.plan or {}).get("sample")
    if slug:
        sample = resources.get_sample(slug)
        return measures.Data(sample.activity, sample.orders, sample.customers)
    return measures.Data()


def as_of(data: measures.Data, today: dt.date) -> dt.date:
    """Measure up to the last day the data covers, never past today."""
    last = measures.last_day(data)
    return min(today, last) if last else today
