"""Market map layers about areas: H3 hexagons, distance rings, trade areas, the area the owner draws.

Leaflet.draw is not served offline, so a target area is drawn by clicking: the page keeps the
clicked points (``st_folium(..., returned_objects=["last_clicked"])``, read with
:func:`point_from_click`), shows them with :func:`target_area_layer` and, once
:func:`area_from_points` accepts them, passes the polygon to ``catchment.area_summary``. A
circular area is one click and a radius (:func:`circle_from_click`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import folium
import pandas as pd

from core import hexes, i18n, safe_text
from core.market import catchment
from core.market.layers import model as market_layers
from core.market.layers.model import Layer, LegendItem, LegendSection

LEVEL_COLORS = ("#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")  # level 1 (fewest) to 5
RING_COLOR = "#424242"
TRADE_AREA_COLORS = ("#6a3d9a", "#9e77c2", "#c2a5cf")  # first, second, third share asked for
TARGET_COLOR = "#ef6c00"
KM_PER_DEG_LAT = math.pi / 180 * 6371.0088
_RING_LABEL = (
    "white-space: nowrap; transform: translate(-50%, -100%); font: 11px/1.3 sans-serif; color: #222; "
    "background: rgba(255, 255, 255, 0.85); padding: 1px 4px; border-radius: 3px; width: max-content;"
)


def _levels(values: pd.Series) -> list[int]:
    """1-5 by quintile (as ``hexes.hex_geojson`` does for customers), for any measure."""
    ranks = values.rank(method="max", pct=True).fillna(0).to_numpy()
    return [min(5, max(1, math.ceil(r * 5))) for r in ranks]


def hexes_layer(df_hex: pd.DataFrame, lang: str, measure: str = "customers") -> Layer:
    """Cells from ``hexes.hexes`` coloured by level 1-5 of ``measure`` (customers or revenue)."""
    if measure not in ("customers", "revenue"):
        raise ValueError(f"hexagons can show customers or revenue, not {measure!r}")
    geo = hexes.hex_geojson(df_hex)
    levels = _levels(df_hex[measure].astype(float)) if measure == "revenue" else None
    number, money = market_layers.number_formatter(lang), market_layers.money_formatter(lang)
    percent = market_layers.number_formatter(lang, 1)
    customers = [number(v) for v in df_hex["customers"]]
    revenue = [money(v) for v in df_hex["revenue"].round()]  # as hex_geojson rounds it
    shares = [percent(v * 100) + "%" for v in df_hex["share_customers"].round(4)]  # as i18n.percent
    for i, feature in enumerate(geo["features"]):
        text = i18n.t(lang, "market_layers.tip.hex", customers=customers[i], share=shares[i], revenue=revenue[i])
        level = levels[i] if levels is not None else feature["properties"]["level"]
        feature["properties"] = {"level": level, "tip": safe_text.for_folium(text)}
    section = LegendSection(
        i18n.t(lang, f"market_layers.legend.hexes_{measure}"),
        tuple(
            LegendItem(color, i18n.t(lang, f"market_layers.legend.level_{n}"), "square")
            for n, color in enumerate(LEVEL_COLORS, start=1)
        ),
    )
    layer = Layer(i18n.t(lang, f"market_layers.layer.hexes_{measure}"), section)
    folium.GeoJson(
        geo,
        style_function=lambda f: {
            "fillColor": LEVEL_COLORS[f["properties"]["level"] - 1],
            "color": "#ffffff",
            "weight": 0.5,
            "fillOpacity": 0.6,
        },
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(layer)
    return layer


def rings_layer(rings: pd.DataFrame, center: tuple[float, float], lang: str) -> Layer:
    """Circles at each ring's outer radius (``catchment.rings``), labelled with the share of
    customers and revenue inside (of all customers, placed or not)."""
    item = LegendItem(RING_COLOR, i18n.t(lang, "market_layers.legend.rings"), "dashed")
    layer = Layer(i18n.t(lang, "market_layers.layer.rings"), LegendSection("", (item,)))
    for row in rings[rings["outer_km"].map(lambda v: math.isfinite(float(v)))].itertuples(index=False):
        km = i18n.number(lang, row.outer_km, 0 if float(row.outer_km).is_integer() else 1)
        shares = {
            "km": km,
            "customers": market_layers.share(lang, _nan0(row.cum_share_customers)),
            "revenue": market_layers.share(lang, _nan0(row.cum_share_revenue)),
        }
        folium.Circle(
            location=center,
            radius=float(row.outer_km) * 1000,
            color=RING_COLOR,
            weight=1.5,
            dash_array="6 5",
            fill=False,
            tooltip=safe_text.for_folium(i18n.t(lang, "market_layers.tip.ring", **shares)),
        ).add_to(layer)
        label = safe_text.for_folium(i18n.t(lang, "market_layers.label.ring", **shares))
        folium.Marker(
            location=(center[0] + float(row.outer_km) / KM_PER_DEG_LAT, center[1]),
            icon=folium.DivIcon(html=f'<div style="{_RING_LABEL}">{label}</div>', icon_size=(0, 0)),
            interactive=False,
        ).add_to(layer)
    return layer


def _nan0(value: float) -> float:
    return 0.0 if math.isnan(value) else float(value)


def trade_areas_layer(areas: Sequence[catchment.TradeArea], center: tuple[float, float], lang: str) -> Layer:
    """Outlines of the customers nearest the business (at ``center``) holding each share
    (``catchment.trade_areas``); an area of fewer than three distinct customers has no outline
    and is drawn as a circle of its radius around the business instead."""
    items, shapes = [], []
    for i, area in enumerate(areas):
        color = TRADE_AREA_COLORS[min(i, len(TRADE_AREA_COLORS) - 1)]
        params = {
            "share": i18n.percent(lang, area.share),
            "km": i18n.number(lang, area.radius_km, 1),
            "customers": i18n.number(lang, area.customers),
            "revenue_share": market_layers.share(lang, area.revenue_share),
        }
        items.append(LegendItem(color, i18n.t(lang, "market_layers.legend.trade_area", **params), "square"))
        shapes.append((area, color, safe_text.for_folium(i18n.t(lang, "market_layers.tip.trade_area", **params))))
    layer = Layer(i18n.t(lang, "market_layers.layer.trade_areas"), LegendSection("", tuple(items)))
    for area, color, tip in reversed(shapes):  # the widest first, so the smaller ones stay on top
        style = {"color": color, "weight": 2, "fill": True, "fill_color": color, "fill_opacity": 0.12}
        if len(area.polygon) >= 3:
            folium.Polygon(locations=list(area.polygon), tooltip=tip, **style).add_to(layer)
        else:
            radius = max(area.radius_km, 0.05) * 1000  # customers at the door: still visible
            folium.Circle(location=center, radius=radius, tooltip=tip, **style).add_to(layer)
    return layer


def point_from_click(value: Mapping[str, float] | None) -> tuple[float, float] | None:
    """``(lat, lon)`` from ``st_folium``'s ``last_clicked`` (``{"lat": .., "lng": ..}``), or None."""
    if not value:
        return None
    try:
        lat, lon = float(value["lat"]), float(value["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    lon = (lon + 180) % 360 - 180  # Leaflet lets the world repeat sideways
    return (lat, lon) if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 else None


_Pt = tuple[float, float]


def _segments_cross(a: _Pt, b: _Pt, c: _Pt, d: _Pt) -> bool:
    """Whether segments ab and cd meet (touching counts)."""

    def orient(p: _Pt, q: _Pt, r: _Pt) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    def on(p: _Pt, q: _Pt, r: _Pt) -> bool:  # r on segment pq, given the three are collinear
        return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if (o1 > 0) != (o2 > 0) and (o3 > 0) != (o4 > 0) and 0 not in (o1, o2, o3, o4):
        return True
    return any(o == 0 and on(p, q, r) for o, p, q, r in ((o1, a, b, c), (o2, a, b, d), (o3, c, d, a), (o4, c, d, b)))


def area_from_points(
    points: Sequence[tuple[float, float]],
) -> tuple[list[tuple[float, float]], list[i18n.Message]]:
    """The polygon (``(lon, lat)`` vertices, open ring) for clicked ``(lat, lon)`` points, or no
    vertices and the problems: fewer than 3 distinct points, all in a line, sides that cross."""
    ring: list[tuple[float, float]] = []
    for lat, lon in points:
        vertex = (round(float(lon), 7), round(float(lat), 7))
        if not ring or ring[-1] != vertex:  # a double click adds the same point twice
            ring.append(vertex)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    distinct = len(set(ring))
    if distinct < 3:
        return [], [i18n.Message("market_layers.area.too_few", {"count": distinct})]
    (x0, y0), (x1, y1) = ring[0], next(v for v in ring if v != ring[0])
    if all(abs((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) < 1e-12 for x, y in ring):
        return [], [i18n.Message("market_layers.area.flat")]
    n = len(ring)
    edges = [(ring[i], ring[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):  # neighbours share a vertex
                continue
            if _segments_cross(*edges[i], *edges[j]):
                return [], [i18n.Message("market_layers.area.crossing", {"first": i + 1, "second": j + 1})]
    return ring, []


def circle_from_click(
    point: tuple[float, float] | None, radius_km: float
) -> tuple[catchment.Circle | None, list[i18n.Message]]:
    """A circular area around a clicked point, or None and what is missing."""
    if point is None:
        return None, [i18n.Message("market_layers.area.no_centre")]
    if not (math.isfinite(radius_km) and radius_km > 0):
        return None, [i18n.Message("market_layers.area.bad_radius")]
    return catchment.Circle(point[0], point[1], float(radius_km)), []


def target_area_layer(points: Sequence[tuple[float, float]], lang: str, label: str = "") -> Layer:
    """The area being drawn: numbered vertices, the sides so far and, once valid, the filled polygon."""
    name = i18n.t(lang, "market_layers.layer.target")
    item = LegendItem(TARGET_COLOR, i18n.t(lang, "market_layers.legend.target"), "square")
    layer = Layer(name, LegendSection("", (item,)))
    ring, problems = area_from_points(points)
    tip = safe_text.for_folium(label or name)
    if ring:
        folium.Polygon(
            [(lat, lon) for lon, lat in ring], color=TARGET_COLOR, weight=3, fill_opacity=0.15, tooltip=tip
        ).add_to(layer)
    elif len(points) >= 2:
        folium.PolyLine(list(points), color=TARGET_COLOR, weight=3, dash_array="4 6").add_to(layer)
    if problems:
        tip = safe_text.for_folium(problems[0].render(lang))
    rows = [
        [market_layers.coord(lat), market_layers.coord(lon), 6, TARGET_COLOR, f"{i} · {tip}"]
        for i, (lat, lon) in enumerate(points, start=1)
    ]
    layer.add_child(market_layers.PointsElement(rows, {"color": "#ffffff", "weight": 2, "fillOpacity": 1}))
    return layer


def target_circle_layer(circle: catchment.Circle, lang: str, label: str = "") -> Layer:
    """A circular target area (:func:`circle_from_click`), its centre marked."""
    name = i18n.t(lang, "market_layers.layer.target")
    item = LegendItem(TARGET_COLOR, i18n.t(lang, "market_layers.legend.target"), "square")
    layer = Layer(name, LegendSection("", (item,)))
    tip = safe_text.for_folium(label or name)
    folium.Circle(
        (circle.lat, circle.lon),
        radius=circle.radius_km * 1000,
        color=TARGET_COLOR,
        weight=3,
        fill_opacity=0.15,
        tooltip=tip,
    ).add_to(layer)
    folium.CircleMarker((circle.lat, circle.lon), radius=5, color="#ffffff", weight=2, fill=True,
                        fill_color=TARGET_COLOR, fill_opacity=1, tooltip=tip).add_to(layer)  # fmt: skip
    return layer
