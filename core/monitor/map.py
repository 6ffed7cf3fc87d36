"""The Monitor step's map: where each RFM segment's customers are, one circle per segment and place.

Customers are placed at comune centres, so even 100,000 of them make a few hundred (place,
segment) pairs: :func:`segment_places` aggregates them, and the map draws one Leaflet
``circleMarker`` per pair from a JSON array (one folium element per circle would take seconds to
render). Each segment is its own layer, switched on and off in the layer control; circles are
drawn biggest first, so a small group at a busy place stays visible on top. The legend is plain
HTML (a branca colour scale would load d3 from the internet); every label is escaped.
"""

from __future__ import annotations

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from core import i18n, maps, safe_text
from core.monitor import loyalty
from core.monitor.charts import SEGMENT_COLORS

PLACE_COLUMNS: tuple[str, ...] = ("lat", "lon", "place", "segment", "customers", "revenue")
MIN_RADIUS, MAX_RADIUS = 4.0, 26.0  # px, for the smallest and the largest group of customers
MAX_SVG = 3000  # more circles than this are drawn on a canvas (fast), fewer as SVG paths (crisp)
BUSINESS_COLOR = "#222222"
_BOX = (
    "background: rgba(255, 255, 255, 0.93); color: #222; padding: 6px 9px; border-radius: 4px; "
    "font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);"
)
_SWATCH = "display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; "


def segment_places(rfm_table: pd.DataFrame, customers: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Customers and revenue per (place, segment), biggest first; and how many customers have no place.

    ``rfm_table`` comes from ``loyalty.rfm`` (``customer_id``, ``segment``, ``monetary``);
    ``customers`` is the geocoded customers table (``customer_id``, ``lat``, ``lon``, ``town``).
    """
    empty = pd.DataFrame(
        {c: pd.Series(dtype=float if c in ("lat", "lon", "revenue") else object) for c in PLACE_COLUMNS}
    )
    if rfm_table.empty or not {"customer_id", "lat", "lon"} <= set(customers.columns):
        return empty, len(rfm_table)
    known = customers.drop_duplicates("customer_id")
    known = known.set_index(known["customer_id"].astype(str))
    ids = rfm_table["customer_id"].astype(str)
    town = known["town"].astype(str) if "town" in known else pd.Series("", index=known.index)
    joined = pd.DataFrame(
        {
            "lat": pd.to_numeric(known["lat"], errors="coerce").reindex(ids).to_numpy(),
            "lon": pd.to_numeric(known["lon"], errors="coerce").reindex(ids).to_numpy(),
            "place": town.reindex(ids).fillna("").to_numpy(),
            "segment": rfm_table["segment"].to_numpy(),
            "revenue": rfm_table["monetary"].to_numpy(dtype=float),
        }
    )
    placed = joined.dropna(subset=["lat", "lon"])
    grouped = placed.groupby(["lat", "lon", "segment"], sort=False).agg(
        place=("place", "first"), customers=("segment", "size"), revenue=("revenue", "sum")
    )
    out = grouped.reset_index().sort_values(["customers", "segment"], ascending=[False, True], kind="stable")
    return out[list(PLACE_COLUMNS)].reset_index(drop=True), int(len(joined) - len(placed))


def radius(customers: pd.Series, largest: float) -> np.ndarray:
    """Circle radii with the area proportional to customers: MAX_RADIUS for ``largest``."""
    share = np.sqrt(customers.to_numpy(dtype=float) / max(largest, 1.0))
    return np.round(np.maximum(MIN_RADIUS, MAX_RADIUS * share), 1)


class _SegmentCircles(MacroElement):
    """Draws every (place, segment) circle into its segment's layer, in the order of ``rows``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var groups = {};
            {% for segment, group in this.groups %}groups[{{ segment|tojson }}] = {{ group }};
            {% endfor %}
            var colors = {{ this.colors|tojson }}, rows = {{ this.rows|tojson }};
            var renderer = {{ "L.canvas()" if this.canvas else "undefined" }};  // undefined: the map's SVG
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i], color = colors[r[3]];
                L.circleMarker([r[0], r[1]], {radius: r[2], color: color, weight: 1.5, opacity: 0.9,
                                              fillColor: color, fillOpacity: 0.45, renderer: renderer})
                    .bindTooltip(r[4], {sticky: true})
                    .addTo(groups[r[3]]);
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, groups: list[tuple[str, str]], rows: list[list[object]], canvas: bool):
        super().__init__()
        self._name = "SegmentCircles"
        self.groups, self.rows, self.canvas, self.colors = groups, rows, canvas, SEGMENT_COLORS


class _Legend(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "rotta-legend");
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "SegmentLegend"
        self.html = html


def layer_name(lang: str, segment: str, customers: int) -> str:
    """``At risk (151)``, escaped."""
    name = i18n.t(lang, f"loyalty.segment.{segment}")
    return safe_text.for_folium(i18n.t(lang, "monitor.map.layer", segment=name, n=i18n.number(lang, customers)))


def legend_html(counts: dict[str, int], lang: str) -> str:
    """The legend: every segment that has placed customers, its colour and how many."""
    lines = [f"<b>{safe_text.for_folium(i18n.t(lang, 'monitor.map.legend'))}</b>"]
    for segment, n in counts.items():
        swatch = f'<span style="{_SWATCH}background: {SEGMENT_COLORS[segment]};"></span>'
        lines.append(f"<div>{swatch}{layer_name(lang, segment, n)}</div>")
    return f'<div style="{_BOX}">' + "".join(lines) + "</div>"


def _tooltip(lang: str, place: str, n: int, segment: str, revenue: float) -> str:
    name, money = i18n.t(lang, f"loyalty.segment.{segment}"), i18n.money(lang, revenue)
    text = i18n.t(lang, "monitor.map.tooltip", place=place or "—", n=i18n.number(lang, n), segment=name, revenue=money)
    return safe_text.for_folium(text)


def _quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order]) / weights.sum()
    return float(values[order][min(int(np.searchsorted(cumulative, q)), len(values) - 1)])


def bounds(places: pd.DataFrame, share: float = 0.96) -> list[list[float]]:
    """The box around the places of the central ``share`` of customers: a few far away do not zoom the map out."""
    weights = places["customers"].to_numpy(dtype=float)
    low, high = (1 - share) / 2, 1 - (1 - share) / 2
    lat, lon = places["lat"].to_numpy(dtype=float), places["lon"].to_numpy(dtype=float)
    return [
        [_quantile(lat, weights, low), _quantile(lon, weights, low)],
        [_quantile(lat, weights, high), _quantile(lon, weights, high)],
    ]


def circle_rows(places: pd.DataFrame, lang: str) -> list[list[object]]:
    """One ``[lat, lon, radius, segment, tooltip]`` per (place, segment) of ``segment_places``, tooltips escaped.

    The slow part of the map (a formatted tooltip each): a page can keep it per data and language.
    """
    if places.empty:
        return []
    sizes = radius(places["customers"], float(places["customers"].max()))
    columns = (places[c].tolist() for c in PLACE_COLUMNS)
    return [
        [lat, lon, float(size), segment, _tooltip(lang, place, n, segment, revenue)]
        for lat, lon, place, segment, n, revenue, size in zip(*columns, sizes, strict=True)
    ]


def segment_map(
    places: pd.DataFrame,
    lang: str,
    business: tuple[str, float, float] | None = None,
    tiles: bool = True,
    rows: list[list[object]] | None = None,
) -> folium.Map:
    """The segments by place (``segment_places``), a layer each; the business (name, lat, lon) as a dark dot.

    ``rows``: ``circle_rows(places, lang)`` when the caller already has them."""
    if business:
        center = (business[1], business[2])
    elif not places.empty:
        center = (float(places["lat"].median()), float(places["lon"].median()))
    else:
        center = maps.ITALY
    m = maps.base_map(center, maps.ITALY_ZOOM if center == maps.ITALY else 12, lang=lang, tiles=tiles)
    totals = places.groupby("segment")["customers"].sum()
    counts = {s: int(totals[s]) for s in loyalty.SEGMENTS if s in totals.index}
    groups = [(s, folium.FeatureGroup(name=layer_name(lang, s, n)).add_to(m).get_name()) for s, n in counts.items()]
    if counts:
        rows = circle_rows(places, lang) if rows is None else rows
        m.add_child(_SegmentCircles(groups, rows, canvas=len(rows) > MAX_SVG))
        m.add_child(_Legend(legend_html(counts, lang)))
        folium.LayerControl(collapsed=True).add_to(m)
        south_west, north_east = bounds(places)
        if south_west != north_east:
            m.fit_bounds([south_west, north_east], padding=(20, 20), max_zoom=14)
    if business:  # last, so it is drawn above the circles
        dot = {
            "radius": 6,
            "color": "#ffffff",
            "weight": 2,
            "fill": True,
            "fill_color": BUSINESS_COLOR,
            "fill_opacity": 1,
        }
        folium.CircleMarker(location=business[1:], tooltip=safe_text.for_folium(business[0]), **dot).add_to(m)
    return m
