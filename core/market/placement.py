"""How precisely each customer is placed, and which distances that allows.

No source that installs here places Italian postcodes (CAP) apart inside a city (GeoNames' postal
file puts all of Rome's on one point), so an Italian customer is placed at the centre of their
comune (or of their frazione, when they wrote one). For a customer in a comune far from the
business that is a fair stand-in; for one in the business's own city it is not: the centre of Roma
says nothing of how far a customer in Roma lives from a bakery at the Pigneto. So a customer placed
at the centre of a comune that reaches *closer than halfway* to the business (its nearest point is
nearer than half the distance to its centre; the business's own comune always does) has an
**unknown distance**: rings, trade areas and "half your customers within X km" leave them out and
say so, and they are shown by postcode instead.

The comuni's extent comes from their sample points (``core.gazetteer.istat``: the centres of the
H3 cells inside each comune), ``Gazetteer.cells()``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core import geometry

HALFWAY = 0.5  # a comune whose nearest point is nearer than this share of its centre's distance "holds" the business


@dataclass(frozen=True)
class Apart:
    """Customers counted apart in one comune: their position inside it is unknown."""

    comune_istat: str
    name: str
    customers: int
    revenue: float


def at_comune_centre(df: pd.DataFrame, comuni: pd.DataFrame | None) -> np.ndarray:
    """Rows placed at the centre of their comune (not at a frazione, not abroad)."""
    if comuni is None or not len(comuni) or df.empty:
        return np.zeros(len(df), dtype=bool)
    centres = comuni.astype({"istat": str}).set_index("istat")[["lat", "lon"]]
    codes = df["comune_istat"].fillna("").astype(str)
    lat = codes.map(centres["lat"]).to_numpy(float)
    lon = codes.map(centres["lon"]).to_numpy(float)
    own_lat, own_lon = df["lat"].to_numpy(float), df["lon"].to_numpy(float)
    with np.errstate(invalid="ignore"):
        return (np.abs(own_lat - lat) < 1e-6) & (np.abs(own_lon - lon) < 1e-6)


def holding_comuni(
    istats: set[str], center: tuple[float, float], comuni: pd.DataFrame, cells: pd.DataFrame | None
) -> set[str]:
    """Those of ``istats`` that reach closer than halfway to ``center`` (see the module docstring)."""
    if not istats:
        return set()
    known = comuni.astype({"istat": str}).set_index("istat")
    codes = sorted(i for i in istats if i in known.index)
    lat, lon = known.loc[codes, "lat"].to_numpy(float), known.loc[codes, "lon"].to_numpy(float)
    to_centre = pd.Series(geometry.haversine_km(lat, lon, *center), index=codes)
    if cells is None or not len(cells):
        return set()
    mine = cells[cells["istat"].isin(codes)]
    nearest = pd.Series(
        geometry.haversine_km(mine["lat"].to_numpy(float), mine["lon"].to_numpy(float), *center),
        index=mine["istat"].to_numpy(),
    )
    nearest = nearest.groupby(level=0).min().reindex(codes)
    return {code for code in codes if nearest[code] < HALFWAY * to_centre[code] or to_centre[code] < 1e-9}


def unknown_distance(
    df: pd.DataFrame,
    center: tuple[float, float] | None,
    comuni: pd.DataFrame | None,
    cells: pd.DataFrame | None,
    business_istat: str = "",
) -> np.ndarray:
    """Customers whose distance from the business cannot be known: placed at the centre of a comune
    that holds the business (its own comune always)."""
    centred = at_comune_centre(df, comuni)
    if center is None or not centred.any():
        return np.zeros(len(df), dtype=bool)
    codes = df["comune_istat"].fillna("").astype(str).to_numpy()
    holding = holding_comuni(set(codes[centred]), center, comuni, cells) | ({business_istat} - {""})
    return centred & np.isin(codes, sorted(holding))


def apart(df: pd.DataFrame, unknown: np.ndarray, names: Mapping[str, str] | None = None) -> tuple[Apart, ...]:
    """The customers with an unknown distance, per comune, most first."""
    rows = df[unknown]
    if rows.empty:
        return ()
    codes = rows["comune_istat"].fillna("").astype(str)
    revenue = np.nan_to_num(rows["revenue"].to_numpy(float))
    table = pd.DataFrame({"istat": codes.to_numpy(), "town": rows["town"].fillna("").astype(str).to_numpy(),
                          "revenue": revenue})  # fmt: skip
    grouped = table.groupby("istat", sort=False).agg(
        customers=("istat", "size"), revenue=("revenue", "sum"), town=("town", "first")
    )
    grouped = grouped.sort_values(["customers", "revenue"], ascending=False, kind="stable")
    return tuple(
        Apart(str(code), (names or {}).get(str(code)) or str(r.town), int(r.customers), float(r.revenue))
        for code, r in grouped.iterrows()
    )
