"""Where customers are, seen from the business: distances, rings, trade areas, drawn areas.

Every function takes the customers table (``core.schema.CUSTOMER_COLUMNS``); a customer is
*placed* when it has both ``lat`` and ``lon``. Unplaced customers are never dropped silently:
they get their own row in :func:`rings` and are counted apart everywhere else; so are the customers
whose distance is unknown (``unknown``, see ``core.market.placement``): placed at the centre of the
comune that holds the business, they have a place but no distance.
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
from core.market import placement

RING_LADDER: tuple[float, ...] = (1, 3, 5, 10, 25, 50, 100, 250, 500)  # km; four rings around the 80th percentile
DEFAULT_RADII: tuple[float, ...] = RING_LADDER[:4]  # km, when nothing says where the customers are
RING_COLUMNS: tuple[str, ...] = (
    "band",  # "0-1", "1-3", ..., "outside", "unknown", "unplaced"
    "inner_km",
    "outer_km",  # inf for "outside", NaN for "unknown" and "unplaced"
    "customers",
    "share_customers",  # of the customers with a distance (bands and outside sum to 1); NaN for the last two
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
    customers: int  # customers surely inside (their place is inside, or their whole comune is)
    revenue: float
    orders: int
    share_customers: float  # of placed customers
    share_revenue: float  # of placed customers' revenue
    comuni: int  # comuni with some of their area inside
    residents: float  # residents of those comuni, each weighted by the share of its area inside
    comuni_without_population: int
    per_1000: float  # customers per 1,000 residents; NaN when residents is 0 or some customers are unknown
    residents_estimated: bool = False  # some comune is cut by the area: residents are an estimate
    unknown: tuple[placement.Apart, ...] = ()  # customers of comuni cut by the area: inside or not, unknown


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


def _unknown(df: pd.DataFrame, unknown: np.ndarray | None) -> np.ndarray:
    return np.zeros(len(df), dtype=bool) if unknown is None else np.asarray(unknown, dtype=bool)


def rings(
    df: pd.DataFrame,
    center: tuple[float, float],
    radii_km: Sequence[float] = DEFAULT_RADII,
    unknown: np.ndarray | None = None,
) -> pd.DataFrame:
    """Customers and revenue per distance band (outer edge included), then outside, then the customers
    whose distance is unknown, then the unplaced; shares are of the customers with a distance."""
    radii = np.asarray(radii_km, dtype=float)
    if radii.size == 0 or radii[0] <= 0 or np.any(np.diff(radii) <= 0):
        raise ValueError(f"ring radii must be positive and increasing, got {list(radii_km)}")
    dist = distances_km(df, *center)
    unknown_ = _unknown(df, unknown)
    placed = ~np.isnan(dist) & ~unknown_
    band = np.full(len(df), radii.size + 2)  # last index = unplaced
    band[unknown_] = radii.size + 1
    band[placed] = np.searchsorted(radii, dist[placed], side="left")
    n_bands = radii.size + 3
    counts = np.bincount(band, minlength=n_bands)
    revenue = np.bincount(band, weights=_revenue(df), minlength=n_bands)
    inner = np.concatenate([[0.0], radii, [np.nan, np.nan]])
    outer = np.concatenate([radii, [np.inf, np.nan, np.nan]])
    labels = [f"{a:g}-{b:g}" for a, b in zip(inner[:-3], outer[:-3], strict=True)]
    labels += ["outside", "unknown", "unplaced"]
    total_c, total_r = counts[:-2].sum(), revenue[:-2].sum()
    counted = np.arange(n_bands) < n_bands - 2
    out = pd.DataFrame(
        {
            "band": labels,
            "inner_km": inner,
            "outer_km": outer,
            "customers": counts.astype(int),
            "share_customers": np.where(counted, _share(counts.astype(float), total_c), np.nan),
            "revenue": revenue,
            "share_revenue": np.where(counted, _share(revenue, total_r), np.nan),
        }
    )
    out["cum_share_customers"] = out["share_customers"].cumsum()
    out["cum_share_revenue"] = out["share_revenue"].cumsum()
    return out[list(RING_COLUMNS)]


def trade_areas(
    df: pd.DataFrame,
    center: tuple[float, float],
    shares: Sequence[float] = (0.5, 0.7),
    unknown: np.ndarray | None = None,
) -> list[TradeArea]:
    """Customer-derived trade areas: for each share, the radius and outline of the nearest customers
    (of those with a known distance)."""
    dist = distances_km(df, *center)
    placed = ~np.isnan(dist) & ~_unknown(df, unknown)
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


def comune_shares(cells: pd.DataFrame | None, area: Area) -> pd.Series:
    """Share of each comune's sample points inside the area, by ISTAT code (comuni not reached: absent)."""
    if cells is None or not len(cells):
        return pd.Series(dtype=float)
    hit = inside(cells, area)
    codes = cells["istat"].to_numpy()
    reached = np.unique(codes[hit])
    mine = np.isin(codes, reached)
    return pd.Series(hit[mine]).groupby(codes[mine]).mean()


def area_summary(
    df: pd.DataFrame, area: Area, comuni: pd.DataFrame | None, cells: pd.DataFrame | None = None
) -> AreaSummary:
    """Customers, revenue and residents inside a drawn area. Residents are each reached comune's
    residents times the share of its area inside; customers placed at the centre of a comune count
    inside when the whole comune is, and apart (``unknown``) when the area cuts it. Without ``cells``
    a comune counts whole when its centre is inside."""
    rev = _revenue(df)
    placed = df["lat"].notna().to_numpy() & df["lon"].notna().to_numpy()
    mask = inside(df, area)
    unknown_rows = np.zeros(len(df), dtype=bool)
    residents, n_comuni, missing, estimated = 0.0, 0, 0, False
    if comuni is not None and len(comuni):
        if cells is not None and len(cells):
            shares = comune_shares(cells, area)
        else:
            hit = inside(comuni, area)
            shares = pd.Series(1.0, index=comuni["istat"].astype(str).to_numpy()[hit])
        pop = comuni.astype({"istat": str}).set_index("istat")["population"].astype(float)
        pop = pop[~pop.index.duplicated()].reindex(shares.index)
        residents = float(np.nansum(pop.to_numpy() * shares.to_numpy()))
        n_comuni, missing = len(shares), int(pop.isna().sum())
        estimated = bool(((shares > 0) & (shares < 1)).any())
        centred = placement.at_comune_centre(df, comuni)
        share_of_row = df["comune_istat"].fillna("").astype(str).map(shares).fillna(0.0).to_numpy(float)
        mask = np.where(centred, share_of_row >= 1.0, mask)
        unknown_rows = centred & (share_of_row > 0) & (share_of_row < 1)
    n_in, rev_in = int(mask.sum()), float(rev[mask].sum())
    names = {} if comuni is None else dict(zip(comuni["istat"].astype(str), comuni["name"].astype(str), strict=False))
    unknown = placement.apart(df, unknown_rows, names)
    return AreaSummary(
        customers=n_in,
        revenue=rev_in,
        orders=int(np.nansum(df["orders"].to_numpy(dtype=float)[mask])),
        share_customers=float(_share(n_in, float(placed.sum()))),
        share_revenue=float(_share(rev_in, float(rev[placed].sum()))),
        comuni=n_comuni,
        residents=residents,
        comuni_without_population=missing,
        per_1000=n_in / residents * 1000 if residents and not unknown else float("nan"),
        residents_estimated=estimated,
        unknown=unknown,
    )


def default_radii(p80_km: float) -> tuple[float, ...]:
    """Four rings of the ladder, the outermost holding about 80% of the placed customers."""
    if not math.isfinite(p80_km):
        return DEFAULT_RADII
    outer = next((i for i, r in enumerate(RING_LADDER) if r >= p80_km), len(RING_LADDER) - 1)
    outer = max(outer, 3)
    return RING_LADDER[outer - 3 : outer + 1]
