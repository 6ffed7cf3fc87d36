"""A goal's place applied to the data: a goal set on a town, a province, a target area or a market is
tracked on the customers and orders there.

Customers are placed by their geocoded comune (``comune_istat``) and point (``lat``/``lon``); a customer's
orders go where the customer is. A town is matched by its ISTAT code (``Places.towns``, resolved by the
caller's gazetteer) or, failing that, by the name the customer gave; a province by its sigla; a saved
target area (a circle or a drawn polygon, as the caller's test of a point) by the customer's point; the
"abroad" market by the country.
Platform metrics (reach, followers, profile views...) come for the whole account with no place: the goal
is tracked on all of it and ``Scope.note`` says so in one sentence, never silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core import geocode
from core.goals import goals, kpis, measures
from core.i18n import Message

CUSTOMER_SOURCES = frozenset({"customers", "orders"})  # KPIs measured on the business's own records


@dataclass(frozen=True)
class Places:
    """What the plan's places are: its saved target areas by name, each as the test of which rows (with ``lat`` and
    ``lon``) lie inside it (``core.market.catchment.inside``), and the ISTAT code of each goal town."""

    areas: Mapping[str, Callable[[pd.DataFrame], np.ndarray]] = field(default_factory=dict)
    towns: Mapping[str, str] = field(default_factory=dict)  # geocode.normalize_name(town) -> comune ISTAT code


@dataclass(frozen=True, eq=False)
class Scope:
    data: measures.Data  # the tables the goal is measured on
    note: Message | None = None  # one sentence on how the place was used, when it needs saying
    customers: int | None = None  # customers inside the place (None when the goal is on the whole market)


def is_placed(place: goals.Place) -> bool:
    """Whether the goal is about one place rather than the whole market."""
    if place.kind == "market":
        return place.value == "abroad"
    return bool(place.value.strip())


def scope(goal: goals.Goal, data: measures.Data, places: Places) -> Scope:
    """The tables ``goal`` is measured on, and what to say about its place."""
    if goal.kpi is None or not is_placed(goal.place):
        return Scope(data)
    kpi = kpis.KPIS[goal.kpi]
    params = {"kpi": goal.kpi, "place": goal.place.value.strip()}
    abroad = "_abroad" if goal.place.kind == "market" else ""
    if not set(kpi.sources) <= CUSTOMER_SOURCES:
        return Scope(data, Message(f"goals.where.account{abroad}", params))
    customers = _customers(data)
    if customers.empty:
        return Scope(data)
    mask = _inside(goal.place, customers, places)
    if mask is None:
        return Scope(data, Message("goals.where.unknown", {**params, "place_kind": goal.place.kind}))
    kept = set(customers.loc[mask, "customer_id"].astype(str))
    if goal.kpi == "share_in_area":  # a share of all customers: keep them all, mark those inside
        marked = data.customers.assign(in_place=data.customers["customer_id"].astype(str).isin(kept))
        return Scope(measures.Data(data.activity, data.orders, marked), Message("goals.where.share", params), len(kept))
    orders = data.orders[data.orders["customer_id"].astype(str).isin(kept)] if not data.orders.empty else data.orders
    mine = data.customers[data.customers["customer_id"].astype(str).isin(kept)] if not data.customers.empty else None
    tables = measures.Data(data.activity, orders, data.customers if mine is None else mine)
    return Scope(tables, Message(f"goals.where.customers{abroad}", {**params, "customers_n": len(kept)}), len(kept))


def _customers(data: measures.Data) -> pd.DataFrame:
    """The customers with their place: the customers table (geocoded), as every customer's place comes from it."""
    needed = {"customer_id", "country"}
    return data.customers if needed <= set(data.customers.columns) else pd.DataFrame()


def _inside(place: goals.Place, customers: pd.DataFrame, places: Places) -> np.ndarray | None:
    """Which customers are in ``place``; None when Rotta does not know the place."""
    if place.kind == "market":  # "abroad"
        return customers["country"].fillna("").astype(str).str.upper().ne("IT").to_numpy()
    value = place.value.strip()
    if place.kind == "area":
        area = places.areas.get(value)
        if area is None or not {"lat", "lon"} <= set(customers.columns):
            return None
        return np.asarray(area(customers), dtype=bool)
    if place.kind == "province":
        return _column(customers, "province").str.upper().eq(value.upper()).to_numpy()
    code = places.towns.get(geocode.normalize_name(value))
    if code and "comune_istat" in customers.columns:
        return _column(customers, "comune_istat").eq(code).to_numpy()
    names = _column(customers, "town").map(geocode.normalize_name)
    found = names.eq(geocode.normalize_name(value)).to_numpy()
    return found if found.any() else None


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    return df[name].fillna("").astype(str) if name in df.columns else pd.Series("", index=df.index)
