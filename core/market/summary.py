"""The answer to "to whom and where do I sell", in numbers (:func:`facts`) and in words (:func:`summary`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from babel import Locale

from core import geometry, i18n
from core.market import catchment, market, placement

TOP = 3
NEARBY_KM = (10.0, 30.0)  # "nearby" = the 80th-percentile customer distance, kept within these bounds
GAP_MIN_POPULATION = 2000  # smaller comuni are too small for a gap to mean much
# Herfindahl thresholds of the US merger guidelines (1,500 and 2,500 on their 0-10,000 scale).
HHI_MODERATE, HHI_CONCENTRATED = 0.15, 0.25


@dataclass(frozen=True)
class Place:
    name: str
    customers: int
    share: float  # of all customers
    revenue_share: float  # of all revenue


@dataclass(frozen=True)
class Gap:
    """A nearby comune with fewer customers per resident than the local average."""

    istat: str
    name: str
    population: float
    customers: int
    per_1000: float
    missing: float  # customers it would have at the local average, minus those it has
    distance_km: float


@dataclass(frozen=True)
class MarketFacts:
    customers: int
    placed: int  # with coordinates
    revenue: float
    top_comuni: tuple[Place, ...]
    top_provinces: tuple[Place, ...]
    median_km: float  # of placed customers from the business; NaN without a location
    p80_km: float
    top3_share: float  # share of all customers in the top 3 comuni
    hhi: float  # sum of squared comune shares among customers whose comune or town is known
    abroad: int
    abroad_share: float
    top_countries: tuple[tuple[str, int], ...]  # (ISO code, customers), abroad only
    local_radius_km: float
    local_per_1000: float  # customers per 1,000 residents of comuni within local_radius_km; NaN if unknown
    gaps: tuple[Gap, ...]
    unknown_population: int  # comuni near the business whose population is unknown
    apart: tuple[placement.Apart, ...] = ()  # customers with no known distance (placed only to the business's city)


def facts(
    df: pd.DataFrame,
    center: tuple[float, float] | None,
    comuni: pd.DataFrame | None,
    unknown: np.ndarray | None = None,
) -> MarketFacts:
    """The numbers behind the summary; ``center`` and ``comuni`` may be None (those parts stay empty).
    Customers flagged ``unknown`` (``placement.unknown_distance``) have no distance: they are left out
    of the median and the 80th percentile and listed in ``apart``."""
    n = len(df)
    revenue = float(np.nansum(df["revenue"].to_numpy(float)))
    comuni_df = market.by_comune(df)
    known = comuni_df[(comuni_df["comune_istat"] != "") | (comuni_df["town"].str.strip() != "")]
    if comuni is not None and len(comuni):
        official = comuni.astype({"istat": str}).set_index("istat")["name"]
        known = known.assign(town=known["comune_istat"].map(official).fillna(known["town"]))
    provinces = market.by_province(df)
    provinces = provinces[provinces["province"].str.strip() != ""]
    dist = catchment.distances_km(df, *center) if center else np.full(n, np.nan)
    unknown_ = np.zeros(n, dtype=bool) if unknown is None else np.asarray(unknown, dtype=bool)
    dist = np.where(unknown_, np.nan, dist)
    names = {} if comuni is None else dict(zip(comuni["istat"].astype(str), comuni["name"].astype(str), strict=False))
    placed = int((df["lat"].notna() & df["lon"].notna()).sum())
    has_dist = bool(np.isfinite(dist).any())
    countries = df["country"].fillna("").astype(str).str.upper()
    abroad = countries[(countries != "IT") & (countries != "")].value_counts()
    shares = known["customers"].to_numpy(float) / known["customers"].sum() if len(known) else np.zeros(0)
    p80 = float(np.nanpercentile(dist, 80)) if has_dist else math.nan
    radius = float(np.clip(p80 if has_dist else NEARBY_KM[0], *NEARBY_KM))
    rate, gaps, unknown_near = _gaps(comuni_df, comuni, center, radius)
    return MarketFacts(
        customers=n,
        placed=placed,
        revenue=revenue,
        top_comuni=_places(known, "town"),
        top_provinces=_places(provinces, "province"),
        median_km=float(np.nanmedian(dist)) if has_dist else math.nan,
        p80_km=p80,
        top3_share=float(known["share_customers"].head(TOP).sum()) if n else math.nan,
        hhi=float((shares**2).sum()) if len(shares) else math.nan,
        abroad=int(abroad.sum()),
        abroad_share=float(abroad.sum() / n) if n else math.nan,
        top_countries=tuple((str(k), int(v)) for k, v in abroad.head(TOP).items()),
        local_radius_km=radius,
        local_per_1000=rate,
        gaps=gaps,
        unknown_population=unknown_near,
        apart=placement.apart(df, unknown_, names),
    )


def _places(table: pd.DataFrame, name_col: str) -> tuple[Place, ...]:
    return tuple(
        Place(str(r[name_col]), int(r["customers"]), float(r["share_customers"]), float(r["share_revenue"]))
        for _, r in table.head(TOP).iterrows()
    )


def _gaps(
    comuni_df: pd.DataFrame, comuni: pd.DataFrame | None, center: tuple[float, float] | None, radius: float
) -> tuple[float, tuple[Gap, ...], int]:
    if center is None or comuni is None or not len(comuni):
        return math.nan, (), 0
    table = market.penetration(comuni_df, comuni).table
    dist = geometry.haversine_km(table["lat"].to_numpy(float), table["lon"].to_numpy(float), *center)
    near = table[dist <= radius].assign(distance_km=dist[dist <= radius])
    known = near[near["population"].notna()]
    residents = float(known["population"].sum())
    rate = float(known["customers"].sum() / residents * 1000) if residents else math.nan
    unknown = int(near["population"].isna().sum())
    if not rate > 0:  # no residents known (NaN), or no customers nearby: no average to fall short of
        return rate, (), unknown
    low = known[(known["population"] >= GAP_MIN_POPULATION) & (known["per_1000"] < rate / 2)]
    low = low.assign(missing=low["population"] * rate / 1000 - low["customers"])
    low = low[low["missing"] >= 1].sort_values("missing", ascending=False, kind="stable").head(TOP)
    gaps = tuple(
        Gap(
            str(r.comune_istat),
            str(r.name),
            float(r.population),
            int(r.customers),
            float(r.per_1000),
            float(r.missing),
            float(r.distance_km),
        )
        for r in low.itertuples(index=False)
    )
    return rate, gaps, unknown


def apart_items(apart: tuple[placement.Apart, ...], lang: str) -> str:
    """ "1,361 in Roma", or "1,361 in Roma and 12 in Ciampino": the customers counted apart."""
    parts = [i18n.t(lang, "market.summary.apart_item", customers=i18n.number(lang, a.customers), name=a.name)
             for a in apart]  # fmt: skip
    if len(parts) == 1:
        return parts[0]
    return i18n.t(lang, "market.summary.and", first=", ".join(parts[:-1]), last=parts[-1])


def concentration_level(hhi: float) -> str:
    """``spread``, ``moderate`` or ``concentrated``."""
    if hhi >= HHI_CONCENTRATED:
        return "concentrated"
    return "moderate" if hhi >= HHI_MODERATE else "spread"


def summary(
    df: pd.DataFrame, center: tuple[float, float] | None, comuni: pd.DataFrame | None, lang: str
) -> list[i18n.Message]:
    """The market in a few sentences, numbers already formatted for ``lang`` (render with that lang)."""
    return messages(facts(df, center, comuni), lang)


def _pct(lang: str, share: float) -> str:
    """Whole percent, with one decimal under 10% so small shares do not read as 0%."""
    return i18n.percent(lang, share, 1 if 0 < share < 0.1 else 0)


def _km(lang: str, value: float) -> str:
    return i18n.number(lang, value, 1 if value < 10 else 0)


def messages(f: MarketFacts, lang: str) -> list[i18n.Message]:
    """The sentences for facts already computed; parameters are formatted for ``lang``."""
    M, num, pct = i18n.Message, i18n.number, _pct
    if not f.customers:
        return [M("market.summary.no_customers")]
    out = []
    common = {"customers": num(lang, f.customers), "revenue": i18n.money(lang, f.revenue)}
    if f.placed == f.customers:
        out.append(M("market.summary.overview_all_placed", common))
    else:
        counts = {"placed": num(lang, f.placed), "unplaced": num(lang, f.customers - f.placed)}
        out.append(M("market.summary.overview", common | counts))
    for key, places in (
        ("market.summary.top_comuni", f.top_comuni),
        ("market.summary.top_provinces", f.top_provinces),
    ):
        if places:
            items = "; ".join(
                i18n.t(
                    lang,
                    "market.summary.item",
                    name=p.name,
                    share=pct(lang, p.share),
                    revenue_share=pct(lang, p.revenue_share),
                )
                for p in places
            )
            out.append(M(key, {"items": items}))
    if f.apart:
        out.append(M("market.summary.apart", {"items": apart_items(f.apart, lang)}))
    if not math.isnan(f.median_km):
        key = "market.summary.distance_others" if f.apart else "market.summary.distance"
        out.append(M(key, {"median": _km(lang, f.median_km), "p80": _km(lang, f.p80_km)}))
    if not math.isnan(f.hhi) and f.hhi > 0:
        level = i18n.t(lang, f"market.summary.level_{concentration_level(f.hhi)}")
        equivalent = 1 / f.hhi
        params = {
            "n": num(lang, min(TOP, len(f.top_comuni))),
            "top3": pct(lang, f.top3_share),
            "hhi": num(lang, f.hhi, 2),
            "level": level,
            "equivalent": num(lang, equivalent, 1 if equivalent < 10 else 0),
        }
        out.append(M("market.summary.concentration", params))
    if f.abroad:
        names = Locale.parse(lang).territories
        countries = ", ".join(
            i18n.t(lang, "market.summary.country_item", country=names.get(code, code), customers=num(lang, c))
            for code, c in f.top_countries
        )
        params = {"abroad": num(lang, f.abroad), "share": pct(lang, f.abroad_share), "countries": countries}
        out.append(M("market.summary.abroad", params))
    else:
        out.append(M("market.summary.no_abroad"))
    if f.local_per_1000 > 0:  # NaN (no comuni or location) and 0 (no customers nearby) say nothing
        local = {"radius": _km(lang, f.local_radius_km), "rate": num(lang, f.local_per_1000, 2)}
        if f.gaps:
            items = "; ".join(
                i18n.t(
                    lang,
                    "market.summary.gap_item",
                    name=g.name,
                    population=num(lang, g.population),
                    customers=num(lang, g.customers),
                    missing=num(lang, g.missing),
                )
                for g in f.gaps
            )
            out.append(M("market.summary.gaps", local | {"items": items}))
        else:
            out.append(M("market.summary.no_gaps", local))
    if f.unknown_population == 1:
        out.append(M("market.summary.unknown_population_one"))
    elif f.unknown_population:
        out.append(M("market.summary.unknown_population", {"count": num(lang, f.unknown_population)}))
    return out
