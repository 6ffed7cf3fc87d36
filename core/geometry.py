"""Plane and sphere geometry on numpy arrays: great-circle distance, convex hull, point in polygon."""

from __future__ import annotations

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    """Great-circle distance in km between arrays of points and one point."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def convex_hull(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Convex hull of points as an (k, 2) array of (x, y), counter-clockwise, not closed.

    Fewer than three distinct points come back as they are (a point or a segment).
    """
    pts = np.unique(np.column_stack([x, y]), axis=0)  # sorted by x, then y
    if len(pts) < 3:
        return pts
    pts = _drop_interior(pts)

    points = [(float(a), float(b)) for a, b in pts]  # plain floats: the loop is 10x faster than on numpy

    def half(seq: list[tuple[float, float]]) -> list[tuple[float, float]]:
        chain: list[tuple[float, float]] = []
        for p in seq:
            while len(chain) >= 2 and _cross(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(points), half(points[::-1])
    return np.array(lower[:-1] + upper[:-1])


def _cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _drop_interior(pts: np.ndarray) -> np.ndarray:
    """Akl-Toussaint: drop points strictly inside the polygon of the 8 extreme points, keep sort order."""
    x, y = pts[:, 0], pts[:, 1]
    keys = [x, x + y, y, y - x, -x, -x - y, -y, x - y]  # counter-clockwise directions
    idx = list(dict.fromkeys(int(np.argmax(k)) for k in keys))
    if len(idx) < 3:
        return pts
    poly = pts[idx]
    strictly_in = np.ones(len(pts), dtype=bool)
    for (x1, y1), (x2, y2) in zip(poly, np.roll(poly, -1, axis=0), strict=True):
        strictly_in &= (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) > 0
    return pts[~strictly_in]


def in_polygon(px: np.ndarray, py: np.ndarray, ring: np.ndarray) -> np.ndarray:
    if ring.ndim != 2 or ring.shape[1] != 2 or len(ring) < 3:
        raise ValueError(f"a polygon needs at least 3 (lon, lat) vertices, got {ring.tolist()}")
    if np.array_equal(ring[0], ring[-1]):
        ring = ring[:-1]
    result = np.zeros(len(px), dtype=bool)
    cand = np.flatnonzero(
        (px >= ring[:, 0].min()) & (px <= ring[:, 0].max()) & (py >= ring[:, 1].min()) & (py <= ring[:, 1].max())
    )  # NaN compares False, so unplaced rows are never candidates
    x, y = px[cand], py[cand]
    odd = np.zeros(len(cand), dtype=bool)
    edge = np.zeros(len(cand), dtype=bool)
    for (x1, y1), (x2, y2) in zip(ring, np.roll(ring, -1, axis=0), strict=True):
        crosses = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        odd ^= crosses & (x < x_at)
        cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
        tol = 1e-12 * max(abs(x2 - x1) + abs(y2 - y1), 1.0)
        edge |= (
            (np.abs(cross) <= tol) & (x >= min(x1, x2)) & (x <= max(x1, x2)) & (y >= min(y1, y2)) & (y <= max(y1, y2))
        )
    result[cand] = odd | edge
    return result
