"""The tables behind a plan: its own imports, or for a sample plan the sample's data where nothing was imported."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from core import geocode
from core.goals import measures
from core.timeline import offline_actions
from ui import resources
from ui.frame import Frame


@st.cache_resource(show_spinner=False, max_entries=32)
def _imported(token: str, kind: str, ids: tuple[int, ...]) -> pd.DataFrame | None:
    """Keyed by the plan's secret token and its import ids, so no other session can produce the key.

    A resource, not ``cache_data``: a million-row table is not copied in and out on every hit;
    callers only read it (every core function returns new frames).
    """
    return resources.get_datasets().frame(token, kind)


def data_key(frame: Frame) -> tuple[object, ...]:
    """What exactly the plan's tables are: its imports (under its secret token), its sample, its offline actions.

    Caches of anything computed from ``plan_data`` key on this, never on hashing large frames.
    """
    ids = tuple((e.kind, e.id) for e in resources.get_datasets().entries(frame.token)) if frame.token else ()
    offline = json.dumps((frame.plan or {}).get("offline") or [], sort_keys=True)
    mine = bool(ids) or offline != "[]"
    return (frame.token if mine else None, ids, (frame.plan or {}).get("sample"), offline)


@st.cache_resource(show_spinner=False)
def _placed_sample_customers(slug: str) -> pd.DataFrame:
    """A sample's customers geocoded once per process (public data, the same for everyone)."""
    return geocode.geocode_frame(resources.get_gazetteer(), resources.get_sample(slug).customers)


def plan_data(frame: Frame) -> measures.Data:
    tables: dict[str, pd.DataFrame] = {}
    if frame.token:
        entries = resources.get_datasets().entries(frame.token)
        for kind in ("customers", "orders", "activity"):
            ids = tuple(e.id for e in entries if e.kind == kind)
            if ids:
                tables[kind] = _imported(frame.token, kind, ids)
    slug = (frame.plan or {}).get("sample")
    if slug:
        sample = resources.get_sample(slug)
        tables.setdefault("activity", sample.activity)
        if "customers" not in tables:  # the sample's orders belong to the sample's customers only
            tables.setdefault("orders", sample.orders)
        tables.setdefault("customers", _placed_sample_customers(slug))
    actions, _ = offline_actions.parse((frame.plan or {}).get("offline") or [])
    if actions:  # the offline actions entered by hand join the activity table (the KPIs skip them)
        rows = offline_actions.to_activity(actions, frame.lang)
        tables["activity"] = offline_actions.with_actions(tables.get("activity"), rows)
    return measures.Data(**{k: v for k, v in tables.items() if v is not None})


def as_of(data: measures.Data, today: dt.date) -> dt.date:
    """Measure up to the last day the data covers, never past today."""
    last = measures.last_day(data)
    return min(today, last) if last else today
