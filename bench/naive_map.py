"""The naive map (one folium ``Marker`` per customer) against Rotta's way (H3 hexagons, one GeoJSON layer).

Both start from ``core.maps.base_map`` (Leaflet served by the app, so both draw offline): the only
difference is how customers are drawn. Measured twice: in Python (build the map, render its HTML)
and in the browser, as a page of the blank server (``bench/blank/pages/map.py``).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import folium
import pandas as pd

from core import geocode, hexes, maps

HEX_RESOLUTION = 6  # ~36 km² cells: a town and its fields
LEVEL_COLOURS = {1: "#c6e3e8", 2: "#8cc7d1", 3: "#4fa6b5", 4: "#1b8294", 5: "#0b5563"}
MAP_COLUMNS = ("lat", "lon", "orders", "revenue")


def _centre(customers: pd.DataFrame) -> tuple[float, float]:
    return float(customers["lat"].median()), float(customers["lon"].median())


def naive(customers: pd.DataFrame) -> folium.Map:
    """One default ``folium.Marker`` per customer: what a first attempt does."""
    m = maps.base_map(_centre(customers), 7)
    for lat, lon in zip(customers["lat"], customers["lon"], strict=True):
        folium.Marker((lat, lon)).add_to(m)
    return m


def rotta(customers: pd.DataFrame) -> folium.Map:
    """Customers counted per H3 cell (``core.hexes``), drawn as one GeoJSON layer coloured by level."""
    m = maps.base_map(_centre(customers), 7)
    cells = hexes.hex_geojson(hexes.hexes(customers, HEX_RESOLUTION))
    folium.GeoJson(
        cells,
        style_function=lambda f: {
            "fillColor": LEVEL_COLOURS.get(f["properties"]["level"], "#cccccc"),
            "color": "#0b5563",
            "weight": 0.5,
            "fillOpacity": 0.6,
        },
    ).add_to(m)
    return m


def placed_customers(customers_csv: Path, cache_dir: Path, count: int) -> pd.DataFrame:
    """The first ``count`` placed customers of a generated customers file, with coordinates."""
    raw = pd.read_csv(customers_csv, dtype={"postcode": str, "province": str, "country": str}, keep_default_na=False)
    placed = geocode.geocode_frame(geocode.load_gazetteer(cache_dir), raw)
    placed = placed[placed["lat"].notna()].head(count)
    return placed[list(MAP_COLUMNS)].reset_index(drop=True)


def python_times(customers: pd.DataFrame, runs: int = 3) -> dict[str, dict[str, float]]:
    """Median seconds to build each map and to render its HTML, and the HTML's size in bytes."""
    out: dict[str, dict[str, float]] = {}
    for name, build in (("naive", naive), ("rotta", rotta)):
        builds, renders, size = [], [], 0
        for _ in range(runs):
            started = time.perf_counter()
            m = build(customers)
            built = time.perf_counter()
            html = m.get_root().render()
            builds.append(built - started)
            renders.append(time.perf_counter() - built)
            size = len(html.encode("utf-8"))
        out[name] = {"build_s": statistics.median(builds), "render_s": statistics.median(renders), "html_bytes": size}
    return out
