"""The deliverable's market section: customers by comune and province, rings of distance around the
business, the customers whose distance is unknown by postcode, and the placed customers grouped for the
map. Counts and revenue only, never one customer.

The shapes (``Market``, ``Area``, ``Ring``, ``MapPoint``) are in ``core.deliverable.model``; the rings'
ladder is the Market map's (``core.market.catchment``), and so is the rule for the customers counted apart
(``core.market.placement``): placed only to the comune that holds the business, they have no distance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from core import i18n, schema
from core.deliverable import model
from core.market import catchment, market, placement
from core.market import summary as market_summary

POSTCODES = 10  # postcodes named in the sentence about the customers counted apart


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"deliverable.{key}", **params)


def unknown_distance(
    df: pd.DataFrame,
    center: tuple[float, float] | None,
    business_istat: str,
    comuni: pd.DataFrame | None,
    cells: pd.DataFrame | None,
) -> np.ndarray:
    """``placement.unknown_distance`` when the gazetteer's tables are given; without them, the customers
    of the business's own comune placed at its centre (the point most of them share)."""
    if comuni is not None:
        return placement.unknown_distance(df, center, comuni, cells, business_istat)
    codes = df["comune_istat"].fillna("").astype(str)
    mine = (codes == business_istat).to_numpy() & df["lat"].notna().to_numpy() & bool(business_istat)
    if center is None or not mine.any():
        return np.zeros(len(df), dtype=bool)
    points = df.loc[mine, ["lat", "lon"]].round(6)
    centre = points.value_counts().idxmax()
    same = (df["lat"].round(6).to_numpy() == centre[0]) & (df["lon"].round(6).to_numpy() == centre[1])
    return mine & same


def market_section(
    customers: pd.DataFrame,
    center: tuple[float, float] | None,
    lang: str,
    business_istat: str = "",
    comuni: pd.DataFrame | None = None,
    cells: pd.DataFrame | None = None,
) -> model.Market:
    if customers.empty:
        return model.Market(center=center)
    df = customers.reindex(columns=list(schema.CUSTOMER_COLUMNS))
    df["revenue"] = pd.to_numeric(df["revenue"], errors="coerce").fillna(0.0)
    df["orders"] = pd.to_numeric(df["orders"], errors="coerce").fillna(0)
    for name in ("lat", "lon"):
        df[name] = pd.to_numeric(df[name], errors="coerce")
    unknown = unknown_distance(df, center, business_istat, comuni, cells)
    facts = market_summary.facts(df, center, comuni, unknown)
    comuni_rows = tuple(
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
        # bands and beyond: their shares add up to 100%; the unknown and the unplaced are said in sentences
        table = catchment.rings(df, center, radii, unknown)
        table = table[~table["band"].isin(["unknown", "unplaced"])]
        rings = tuple(_ring(r, radii, lang) for r in table.to_dict("records"))
    placed = df[df["lat"].notna() & df["lon"].notna() & ~unknown]
    groups = placed.assign(lat=placed["lat"].round(4), lon=placed["lon"].round(4), town=placed["town"].astype(str))
    groups = groups.groupby(["lat", "lon"], sort=False).agg(customers=("town", "size"), name=("town", "first"))
    groups = groups.sort_values("customers", ascending=False, kind="stable").reset_index()
    points = tuple(
        model.MapPoint(float(r.lat), float(r.lon), int(r.customers), str(r.name)) for r in groups.itertuples()
    )
    sentences = [m.render(lang) for m in market_summary.messages(facts, lang)]
    if facts.apart:
        sentences.insert(_after_apart(sentences, facts, lang), postcodes_sentence(df[unknown], lang))
    return model.Market(
        facts.customers, facts.placed, facts.revenue, center, comuni_rows, provinces, rings, radii, points,
        tuple(sentences),
    )  # fmt: skip


def _after_apart(sentences: list[str], facts: market_summary.MarketFacts, lang: str) -> int:
    apart = i18n.Message("market.summary.apart", {"items": market_summary.apart_items(facts.apart, lang)})
    text = apart.render(lang)
    return sentences.index(text) + 1 if text in sentences else len(sentences)


def postcodes_sentence(apart: pd.DataFrame, lang: str, n: int = POSTCODES) -> str:
    """The customers counted apart by postcode: "By postcode: 00176 402 (30%, €40,120); ..." (top ``n``)."""
    table = market.by_postcode(apart).head(n)
    number, percent, money = i18n.number, i18n.percent, i18n.money
    items = "; ".join(
        i18n.t(lang, "market.summary.postcode_item", postcode=r.postcode or "—", customers=number(lang, r.customers),
               share=percent(lang, r.share_customers), revenue=money(lang, r.revenue))
        for r in table.itertuples()
    )  # fmt: skip
    return i18n.t(lang, "market.summary.by_postcode", items=items, shown=len(table), total=apart["postcode"].nunique())


def _ring(r: Mapping[str, Any], radii: Sequence[float], lang: str) -> model.Ring:
    if r["band"] == "outside":
        label, outer = _t(lang, "ring.outside", km=i18n.number(lang, radii[-1])), None
    else:
        inner, outer = i18n.number(lang, r["inner_km"]), float(r["outer_km"])
        label = _t(lang, "ring.band", inner=inner, outer=i18n.number(lang, outer))
    keys = ("share_customers", "cum_share_customers", "revenue", "share_revenue")
    return model.Ring(label, outer, int(r["customers"]), *(0.0 if pd.isna(r[k]) else float(r[k]) for k in keys))
