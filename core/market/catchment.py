"""Where customers are, seen from the business: distances, rings, trade areas, drawn areas.

Every function takes the customers table (``core.schema.CUSTOMER_COLUMNS``); a customer is
*placed* when it has both ``lat`` and ``lon``. Unplaced customers are never dropped silently:
they get their own row in :func:`rings` and are counted apart everywhere else.
Coordinates are WGS84 degrees; points are ``(lat, lon)`` except drawn polygons, which arrive
from GeoJSON as ``(lon, lat)``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core import geometry

RING_LADDER: tuple[float, ...] = (1, 3, 5, 10, 25, 50, 100, 250, 500)  # km; four rings around the 80th percentile
DEFAULT_RADII: tuple[float, ...] = RING_LADDER[:4]  # km, when nothing says where the customers are
RING_COLUMNS: tuple[str, ...] = (
    "band",  # "0-1", "1-3", ..., "outside", "unplaced"
    "inner_km",
    "outer_km",  # inf for "outside", NaN for "unplaced"
    "customers",
    "share_customers",  # of all customers, placed or not: the column sums to 1
    "revenue",
    "share_revenue",
    "cum_share_customers",
    "cum_share_revenue",
)


@dataclass(frozen=True)
class TradeArea:
    """The smallest circle around the business holding ``share`` of the placed customers."""

    share: float  # asked for, e.g. 0.5
    radius_km: float
    customers: int  # inside the radius (ties at the edge included, so may exceed share)
    customer_share: float  # of placed customers
    revenue: float
    revenue_share: float  # of placed customers' revenue
    polygon: tuple[tuple[float, float], ...]  # convex outline of those customers, (lat, lon), open ring


@dataclass(frozen=True)
class Circle:
    """A circular area drawn on the map."""

    lat: float
    lon: float
    radius_km: float


Area = Circle | Sequence[tuple[float, float]]  # a Circle or a polygon of (lon, lat) vertices


@dataclass(frozen=True)
class AreaSummary:
    customers: int  # placed customers inside
    revenue: float
    orders: int
    share_customers: float  # of placed customers
    share_revenue: float  # of placed customers' revenue
    comuni: int  # comuni whose centre is inside
    residents: float  # population of those comuni (unknown populations count as 0)
    comuni_without_population: int
    per_1000: float  # customers per 1,000 residents, NaN when residents is 0


def _coords(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    return df["lat"].to_numpy(dtype=float), df["lon"].to_numpy(dtype=float)


def _revenue(df: pd.DataFrame) -> np.ndarray:
    return np.nan_to_num(df["revenue"].to_numpy(dtype=float), nan=0.0)


def _share(part: float | np.ndarray, total: float) -> float | np.ndarray:
    return part / total if total else part * np.nan


def distances_km(df: pd.DataFrame, lat: float, lon: float) -> np.ndarray:
    """Each customer's distance from (lat, lon) in km; NaN for unplaced customers."""
    lats, lons = _coords(df)
    return geometry.haversine_km(lats, lons, lat, lon)


def rings(df: pd.DataFrame, center: tuple[float, float], radii_km: Sequence[float] = DEFAULT_RADII) -> pd.DataFrame:
    """Customers and revenue per distance band (outer edge included), then outside, then unplaced."""
    radii = np.asarray(radii_km, dtype=float)
    if radii.size == 0 or radii[0] <= 0 or np.any(np.diff(radii) <= 0):
        raise ValueError(f"ring radii must be positive and increasing, got {list(radii_km)}")
    dist = distances_km(df, *center)
    placed = ~np.isnan(dist)
    band = np.full(len(df), radii.size + 1)  # last index = unplaced
    band[placed] = np.searchsorted(radii, dist[placed], side="left")
    n_bands = radii.size + 2
    counts = np.bincount(band, minlength=n_bands)
    revenue = np.bincount(band, weights=_revenue(df), minlength=n_bands)
    inner = np.concatenate([[0.0], radii, [np.nan]])
    outer = np.concatenate([radii, [np.inf, np.nan]])
    labels = [f"{a:g}-{b:g}" for a, b in zip(inner[:-2], outer[:-2], strict=True)] + ["outside", "unplaced"]
    total_c, total_r = counts.sum(), revenue.sum()
    out = pd.DataFrame(
        {
            "band": labels,
            "inner_km": inner,
            "outer_km": outer,
            "customers": counts.astype(int),
            "share_customers": _share(counts.astype(float), total_c),
            "revenue": revenue,
            "share_revenue": _share(revenue, total_r),
        }
    )
    out["cum_share_customers"] = out["share_customers"].cumsum()
    out["cum_share_revenue"] = out["share_revenue"].cumsum()
    return out[list(RING_COLUMNS)]


def trade_areas(df: pd.DataFrame, center: tuple[float, float], shares: Sequence[float] = (0.5, 0.7)) -> list[TradeArea]:
    """Customer-derived trade areas: for each share, the radius and outline of the nearest customers."""
    dist = distances_km(df, *center)
    placed = ~np.isnan(dist)
    n = int(placed.sum())
    if n == 0:
        return []
    dist_p, rev_p = dist[placed], _revenue(df)[placed]
    lats, lons = (a[placed] for a in _coords(df))
    sorted_d = np.sort(dist_p)
    total_rev = float(rev_p.sum())
    areas = []
    for share in shares:
        if not 0 < share <= 1:
            raise ValueError(f"a trade area share must be in (0, 1], got {share}")
        radius = float(sorted_d[max(int(np.ceil(share * n)) - 1, 0)])
        inside_r = dist_p <= radius
        hull = geometry.convex_hull(lons[inside_r], lats[inside_r])
        areas.append(
            TradeArea(
                share=float(share),
                radius_km=radius,
                customers=int(inside_r.sum()),
                customer_share=float(inside_r.sum() / n),
                revenue=float(rev_p[inside_r].sum()),
                revenue_share=float(_share(rev_p[inside_r].sum(), total_rev)),
                polygon=tuple((float(y), float(x)) for x, y in hull),
            )
        )
    return areas


def inside(df: pd.DataFrame, area: Area) -> np.ndarray:
    """Boolean mask of rows (with lat/lon columns) inside a Circle or a (lon, lat) polygon.

    Points on a polygon's edge or vertex count as inside; unplaced rows are never inside.
    """
    lats, lons = _coords(df)
    if isinstance(area, Circle):
        return geometry.haversine_km(lats, lons, area.lat, area.lon) <= area.radius_km
    return geometry.in_polygon(lons, lats, np.asarray(area, dtype=float))


def area_summary(df: pd.DataFrame, area: Area, comuni: pd.DataFrame | None) -> AreaSummary:
    """Customers, revenue and residents inside a drawn area (residents: comuni whose centre is inside)."""
    mask = inside(df, area)
    rev = _revenue(df)
    placed = df["lat"].notna().to_numpy() & df["lon"].notna().to_numpy()
    n_in, rev_in = int(mask.sum()), float(rev[mask].sum())
    if comuni is not None and len(comuni):
        pop = comuni["population"].to_numpy(dtype=float)[inside(comuni, area)]
        n_comuni, residents, unknown = len(pop), float(np.nansum(pop)), int(np.isnan(pop).sum())
    else:
        n_comuni, residents, unknown = 0, 0.0, 0
    return AreaSummary(
        customers=n_in,
        revenue=rev_in,
        orders=int(np.nansum(df["orders"].to_numpy(dtype=float)[mask])),
        share_customers=float(_share(n_in, float(placed.sum()))),
        share_revenue=float(_share(rev_in, float(rev[placed].sum()))),
        comuni=n_comuni,
        residents=residents,
        comuni_without_population=unknown,
        per_1000=n_in / residents * 1000 if residents else float("nan"),
    )


def default_radii(p80_km: float) -> tuple[float, ...]:
    """Four rings of the ladder, the outermost holding about 80% of the placed customers."""
    if not math.isfinite(p80_km):
        return DEFAULT_RADII
    outer = next((i for i, r in enumerate(RING_LADDER) if r >= p80_km), len(RING_LADDER) - 1)
    outer = max(outer, 3)
    return RING_LADDER[outer - 3 : outer + 1]
