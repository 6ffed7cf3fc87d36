"""The deliverable's market section: customers by comune and province, rings of distance around the
business, and the placed customers grouped for the map. Counts and revenue only, never one customer.

The shapes (``Market``, ``Area``, ``Ring``, ``MapPoint``) are in ``core.deliverable.model``; the rings'
ladder is the Market map's (``core.market.catchment``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from core import i18n, schema
from core.deliverable import model
from core.market import catchment, market
from core.market import summary as market_summary


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"deliverable.{key}", **params)


def market_section(customers: pd.DataFrame, center: tuple[float, float] | None, lang: str) -> model.Market:
    if customers.empty:
        return model.Market(center=center)
    df = customers.reindex(columns=list(schema.CUSTOMER_COLUMNS))
    df["revenue"] = pd.to_numeric(df["revenue"], errors="coerce").fillna(0.0)
    df["orders"] = pd.to_numeric(df["orders"], errors="coerce").fillna(0)
    for name in ("lat", "lon"):
        df[name] = pd.to_numeric(df[name], errors="coerce")
    facts = market_summary.facts(df, center, None)
    comuni = tuple(
        model.Area("comune", str(r["town"]), str(r["province"]), str(r["country"]), int(r["customers"]),
                         float(r["revenue"]), float(r["share_customers"]), float(r["share_revenue"]))
        for r in market.by_comune(df).to_dict("records")
    )  # fmt: skip
    provinces = tuple(
        model.Area("province", str(r["province"]), str(r["province"]), str(r["country"]), int(r["customers"]),
                         float(r["revenue"]), float(r["share_customers"]), float(r["share_revenue"]))
        for r in market.by_province(df).to_dict("records")
    )  # fmt: skip
    rings: tuple[model.Ring, ...] = ()
    radii: tuple[float, ...] = ()
    if center is not None:
        radii = catchment.default_radii(facts.p80_km)
        rings = tuple(_ring(r, radii, lang) for r in catchment.rings(df, center, radii).to_dict("records"))
    placed = df[df["lat"].notna() & df["lon"].notna()]
    groups = placed.assign(lat=placed["lat"].round(4), lon=placed["lon"].round(4), town=placed["town"].astype(str))
    groups = groups.groupby(["lat", "lon"], sort=False).agg(customers=("town", "size"), name=("town", "first"))
    groups = groups.sort_values("customers", ascending=False, kind="stable").reset_index()
    points = tuple(
        model.MapPoint(float(r.lat), float(r.lon), int(r.customers), str(r.name)) for r in groups.itertuples()
    )
    sentences = tuple(m.render(lang) for m in market_summary.messages(facts, lang))
    return model.Market(
        facts.customers, facts.placed, facts.revenue, center, comuni, provinces, rings, radii, points, sentences
    )


def _ring(r: Mapping[str, Any], radii: Sequence[float], lang: str) -> model.Ring:
    if r["band"] == "unplaced":
        label, outer = _t(lang, "ring.unplaced"), None
    elif r["band"] == "outside":
        label, outer = _t(lang, "ring.outside", km=i18n.number(lang, radii[-1])), None
    else:
        inner, outer = i18n.number(lang, r["inner_km"]), float(r["outer_km"])
        label = _t(lang, "ring.band", inner=inner, outer=i18n.number(lang, outer))
    keys = ("share_customers", "cum_share_customers", "revenue", "share_revenue")
    return model.Ring(label, outer, int(r["customers"]), *(0.0 if pd.isna(r[k]) else float(r[k]) for k in keys))
