"""Customers counted on an H3 hexagon grid, and the grid as compact GeoJSON for a map layer.

H3 resolutions (average cell): 5 ~ 253 km² (a province's corner), 6 ~ 36 km² (a town and its
fields), 7 ~ 5 km² (a neighbourhood). Unplaced customers are not on the grid.
"""

from __future__ import annotations

from typing import Any

import h3
import numpy as np
import pandas as pd

HEX_COLUMNS: tuple[str, ...] = ("cell", "customers", "revenue", "orders", "share_customers", "lat", "lon")
COORD_DECIMALS = 5  # ~1 m: finer than a hexagon needs, and it keeps the GeoJSON small


def hexes(df: pd.DataFrame, resolution: int) -> pd.DataFrame:
    """Placed customers per H3 cell: customers, revenue, orders, share of placed, cell centre."""
    if not 0 <= resolution <= 15:
        raise ValueError(f"H3 resolution must be between 0 and 15, got {resolution}")
    placed = df[df["lat"].notna() & df["lon"].notna()]
    if placed.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "cell" else float) for c in HEX_COLUMNS})
    # Many customers share a point (a comune's centre): index each distinct point once.
    points = pd.DataFrame({"lat": placed["lat"].to_numpy(float), "lon": placed["lon"].to_numpy(float)})
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(points))
    cells = np.array([h3.latlng_to_cell(lat, lon, resolution) for lat, lon in uniques])[codes]
    grouped = (
        pd.DataFrame(
            {
                "cell": cells,
                "revenue": placed["revenue"].to_numpy(float),
                "orders": placed["orders"].to_numpy(float),
            }
        )
        .groupby("cell", sort=False)
        .agg(customers=("cell", "size"), revenue=("revenue", "sum"), orders=("orders", "sum"))
        .reset_index()
    )
    grouped["share_customers"] = grouped["customers"] / len(placed)
    centres = np.array([h3.cell_to_latlng(c) for c in grouped["cell"]])
    grouped["lat"], grouped["lon"] = centres[:, 0], centres[:, 1]
    grouped["orders"] = grouped["orders"].astype(int)
    out = grouped.sort_values(["customers", "cell"], ascending=[False, True], ignore_index=True)
    return out[list(HEX_COLUMNS)]


def hex_geojson(df_hex: pd.DataFrame) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the cells from :func:`hexes`, for ``folium.GeoJson``.

    Properties: ``cell``, ``customers``, ``revenue`` (whole euros), ``share`` (of placed
    customers, 4 decimals) and ``level`` (1-5, quintile of customers among cells) so a layer can
    colour cells without a colour legend (which needs d3 from the internet).
    """
    levels = _levels(df_hex["customers"].to_numpy(float))
    features = []
    for row, level in zip(df_hex.itertuples(index=False), levels, strict=True):
        ring = [[round(lon, COORD_DECIMALS), round(lat, COORD_DECIMALS)] for lat, lon in h3.cell_to_boundary(row.cell)]
        ring.append(ring[0])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {
                    "cell": row.cell,
                    "customers": int(row.customers),
                    "revenue": round(float(row.revenue)),
                    "share": round(float(row.share_customers), 4),
                    "level": int(level),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _levels(counts: np.ndarray) -> np.ndarray:
    """1-5 by quintile of the counts (the busiest cells are 5; equal counts share a level)."""
    if counts.size == 0:
        return np.zeros(0, dtype=int)
    ranks = pd.Series(counts).rank(method="max", pct=True).to_numpy()
    return np.clip(np.ceil(ranks * 5), 1, 5).astype(int)
