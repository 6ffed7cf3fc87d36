"""The tables behind a plan: its own imports, or for a sample plan the sample's data where nothing was imported.

Imported orders bring their customers: the customers table is the imported lists plus the buyers
in none of them (``core.importers.order_customers``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json

import pandas as pd
import streamlit as st

from core import geocode, importers
from core.goals import measures, where
from core.importers import order_customers
from core.market import catchment
from core.market import view as market_view
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


@st.cache_resource(show_spinner=False, max_entries=32)
def _shop(token: str, customer_ids: tuple[int, ...], order_ids: tuple[int, ...]) -> tuple[object, object]:
    """The plan's orders (each once) and its customers with the buyers they bring; keyed as ``_imported``."""
    customers = _imported(token, "customers", customer_ids) if customer_ids else None
    orders = _imported(token, "orders", order_ids) if order_ids else None
    orders = order_customers.unique_orders(orders) if orders is not None else None
    return order_customers.combined(customers, orders), orders


def plan_data(frame: Frame) -> measures.Data:
    tables: dict[str, pd.DataFrame] = {}
    if frame.token:
        entries = resources.get_datasets().entries(frame.token)
        ids = {kind: tuple(e.id for e in entries if e.kind == kind) for kind in ("customers", "orders", "activity")}
        if ids["activity"]:
            tables["activity"] = _imported(frame.token, "activity", ids["activity"])
        if ids["customers"] or ids["orders"]:
            customers, orders = _shop(frame.token, ids["customers"], ids["orders"])
            tables |= {k: v for k, v in (("customers", customers), ("orders", orders)) if v is not None}
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


def activity_spans(frame: Frame) -> tuple[importers.Span, ...]:
    """The days each platform's imported activity covers: what later files' dates without a year are read by."""
    if not frame.token:
        return ()
    entries = [e for e in resources.get_datasets().entries(frame.token) if e.kind == "activity"]
    table = _imported(frame.token, "activity", tuple(e.id for e in entries)) if entries else None
    if table is None or table.empty:
        return ()
    days = table["when"].dt.tz_convert("Europe/Rome").dt.date.groupby(table["platform"]).agg(["min", "max"])
    files = {e.platform: e.file for e in entries}  # the latest import of each platform names its days
    return tuple(importers.Span(str(p), files.get(p, ""), row["min"], row["max"]) for p, row in days.iterrows())


def _town_code(name: str) -> str | None:
    """A goal town's ISTAT code, found offline (None when the gazetteer cannot place it in Italy)."""
    match = resources.get_gazetteer().find(town=name)
    return match.place.comune_istat or None if match.status == "placed" and match.place is not None else None


def goal_places(plan: dict | None) -> where.Places:
    """The plan's saved target areas and its goals' towns: where its goals are tracked (``core.goals.where``)."""
    plan = plan or {}
    areas = {}
    for item in plan.get("areas") or []:
        saved = market_view.area_from_dict(item)
        if saved is not None:
            areas.setdefault(saved.name, functools.partial(catchment.inside, area=saved.area))
    towns = {}
    for raw in plan.get("goals") or []:
        place = raw.get("place") if isinstance(raw, dict) else None
        if isinstance(place, dict) and place.get("kind") == "town" and isinstance(place.get("value"), str):
            code = _town_code(place["value"])
            if code:
                towns[geocode.normalize_name(place["value"])] = code
    return where.Places(areas, towns)


def places_key(plan: dict | None) -> str:
    """What ``goal_places`` is made of, for cache keys: the saved areas and the goals' places."""
    plan = plan or {}
    goal_places_ = [g.get("place") for g in plan.get("goals") or [] if isinstance(g, dict)]
    return json.dumps([plan.get("areas") or [], goal_places_], sort_keys=True, default=str)
