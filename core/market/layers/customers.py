"""Market map layers of the business and its customers: sites, customer clusters or circles, heat.

Customers are drawn per *place* (:func:`customer_places`): they are placed at comune centres, so
100,000 customers are a few thousand points, and one element per customer would not draw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
import h3
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium import plugins
from folium.elements import JSCSSMixin
from folium.template import Template

from core import i18n, maps, safe_text
from core.market import placement
from core.market.layers import model as market_layers
from core.market.layers.model import Layer, LegendItem, LegendSection, coord

BUSINESS_COLOR = maps.BUSINESS_COLOR
SITE_COLOR = "#e0675c"
CUSTOMER_COLOR = "#1f6fb2"
PLACE_COLUMNS: tuple[str, ...] = ("lat", "lon", "customers", "revenue", "town")
HEAT_GRADIENT = {0.2: "#2c7bb6", 0.45: "#abd9e9", 0.65: "#ffffbf", 0.85: "#fdae61", 1.0: "#d7191c"}
LABEL_STYLE = "white-space: normal; width: max-content; max-width: 240px;"  # long names wrap
PLACE_STYLE = (  # one place's count bubble, centred on the place
    "transform: translate(-50%, -50%); width: max-content; min-width: 14px; padding: 0 5px; height: 22px; "
    f"border-radius: 13px; border: 2px solid #fff; background: {CUSTOMER_COLOR}; color: #fff; "
    "text-align: center; font: bold 11px/22px sans-serif; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);"
)
BROWSER_LOCALES = {"it": "it-IT", "en": "en-GB"}  # for numbers formatted in the browser


@dataclass(frozen=True)
class Site:
    """A place where the business sells: the business itself first, then its other sites."""

    name: str
    lat: float
    lon: float
    label: str = ""  # a line under the name (address, "shop", "market stall")


class _PlaceClusters(JSCSSMixin, MacroElement):
    """Places as count bubbles that merge into clusters showing the sum of their customers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var rows = {{ this.rows|tojson }}, locale = {{ this.locale|tojson }};
            var place = {{ this.style|tojson }};
            function text(n) { return n.toLocaleString(locale); }
            function size(n) { return n < 100 ? "small" : (n < 1000 ? "medium" : "large"); }
            var clusters = L.markerClusterGroup({
                chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 60,
                iconCreateFunction: function (cluster) {
                    var n = 0, kids = cluster.getAllChildMarkers();
                    for (var i = 0; i < kids.length; i++) { n += kids[i].options.customers; }
                    return L.divIcon({html: "<div><span>" + text(n) + "</span></div>", iconSize: [40, 40],
                                      className: "marker-cluster marker-cluster-" + size(n)});
                }
            });
            var markers = [];
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i];
                var icon = L.divIcon({html: "<div style='" + place + "'>" + text(r[2]) + "</div>",
                                      className: "rotta-place", iconSize: [0, 0]});
                var m = L.marker([r[0], r[1]], {customers: r[2], icon: icon});
                m.bindTooltip(r[3]);
                markers.push(m);
            }
            clusters.addLayers(markers);
            group.addLayer(clusters);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )
    default_js = plugins.MarkerCluster.default_js
    default_css = plugins.MarkerCluster.default_css

    def __init__(self, rows: list[list[Any]], locale: str):
        super().__init__()
        self._name = "PlaceClusters"
        self.rows = rows
        self.locale = locale
        self.style = PLACE_STYLE


def customer_places(df: pd.DataFrame) -> pd.DataFrame:
    """Placed customers grouped by identical coordinates (they sit at comune centres, so 100,000
    customers are a few thousand places), most customers first; ``town`` is the commonest spelling."""
    placed = df[df["lat"].notna() & df["lon"].notna()]
    if placed.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "town" else float) for c in PLACE_COLUMNS})
    work = pd.DataFrame(
        {
            # rounded as drawn, so points a source wrote with more decimals still meet
            "lat": np.round(placed["lat"].to_numpy(float), market_layers.COORD_DECIMALS),
            "lon": np.round(placed["lon"].to_numpy(float), market_layers.COORD_DECIMALS),
            "town": placed["town"].fillna("").astype(str).str.strip().to_numpy(),
            "revenue": np.nan_to_num(placed["revenue"].to_numpy(float)),
        }
    )
    out = work.groupby(["lat", "lon"], sort=False).agg(customers=("town", "size"), revenue=("revenue", "sum"))
    spelled = work.groupby(["lat", "lon", "town"], sort=False).size().sort_values(ascending=False, kind="stable")
    towns = spelled.reset_index().drop_duplicates(["lat", "lon"]).set_index(["lat", "lon"])["town"]
    out["town"] = towns.reindex(out.index).to_numpy()
    out = out.reset_index().sort_values(["customers", "revenue"], ascending=False, kind="stable", ignore_index=True)
    return out[list(PLACE_COLUMNS)]


APART_COLOR = "#6a3d9a"
APART_POSTCODES = 8  # postcodes named in a comune's tooltip


def apart_outline(cells: pd.DataFrame, istat: str) -> dict[str, Any] | None:
    """The outline of a comune from its sample points (the union of their H3 cells) as GeoJSON."""
    mine = cells[cells["istat"].astype(str) == istat]
    if mine.empty:
        return None
    resolution = 8 if len(mine) < 4000 else 7
    ids = {h3.latlng_to_cell(float(a), float(b), resolution) for a, b in zip(mine["lat"], mine["lon"], strict=True)}
    return h3.cells_to_geo(sorted(ids))


def apart_tip(lang: str, apart: placement.Apart, postcodes: pd.DataFrame) -> str:
    """ "Roma: 1,361 customers, position inside the city unknown. By postcode: 00176 402, ..." escaped."""
    number = market_layers.number_formatter(lang)
    mine = postcodes[postcodes["comune_istat"].astype(str) == apart.comune_istat] if len(postcodes) else postcodes
    shown = mine.head(APART_POSTCODES)
    items = ", ".join(f"{p or '—'} {number(c)}" for p, c in zip(shown["postcode"], shown["customers"], strict=True))
    text = i18n.t(lang, "market_layers.tip.apart", name=apart.name, customers=number(apart.customers))
    if items:
        text += " " + i18n.t(lang, "market_layers.tip.apart_postcodes", items=items)
    return safe_text.for_folium(text)


def add_apart(layer: Layer, apart: Sequence[placement.Apart], cells: pd.DataFrame, postcodes: pd.DataFrame,
              lang: str) -> None:  # fmt: skip
    """The comuni whose customers have no known position inside: their outline, dashed, named on hover,
    with the customers by postcode; and a legend line for them."""
    drawn = False
    for item in apart:
        outline = apart_outline(cells, item.comune_istat)
        if outline is None:
            continue
        style = {"color": APART_COLOR, "weight": 2, "dashArray": "6 4", "fillColor": APART_COLOR, "fillOpacity": 0.06}
        folium.GeoJson(
            outline, style_function=lambda _f, s=style: s, tooltip=folium.Tooltip(apart_tip(lang, item, postcodes))
        ).add_to(layer)
        drawn = True
    if drawn and layer.legend is not None:
        extra = LegendItem(APART_COLOR, i18n.t(lang, "market_layers.legend.apart"), "dashed")
        layer.legend = LegendSection(layer.legend.title, (*layer.legend.items, extra))


def business_layer(sites: Sequence[Site], lang: str) -> Layer:
    """The business (first site, name always shown) and its other sites (name on hover)."""
    legend = [LegendItem(BUSINESS_COLOR, i18n.t(lang, "market_layers.legend.business"))]
    if len(sites) > 1:
        legend.append(LegendItem(SITE_COLOR, i18n.t(lang, "market_layers.legend.site")))
    layer = Layer(i18n.t(lang, "market_layers.layer.business"), LegendSection("", tuple(legend)))
    for i, site in enumerate(sites):
        if not (math.isfinite(site.lat) and math.isfinite(site.lon)):
            continue
        text = f"<b>{safe_text.for_folium(site.name)}</b>"
        if site.label:
            text += f"<br>{safe_text.for_folium(site.label)}"
        main = i == 0
        size, border, color = (22, 3, BUSINESS_COLOR) if main else (16, 2, SITE_COLOR)
        dot = (  # an icon, not a canvas circle, so it stays above every other layer
            f"width: {size}px; height: {size}px; border-radius: 50%; background: {color}; "
            f"border: {border}px solid #fff; box-sizing: border-box; transform: translate(-50%, -50%); "
            "box-shadow: 0 1px 4px rgba(0, 0, 0, 0.5);"
        )
        folium.Marker(
            location=(site.lat, site.lon),
            icon=folium.DivIcon(html=f'<div style="{dot}"></div>', icon_size=(0, 0)),
            tooltip=folium.Tooltip(
                text, style=LABEL_STYLE, sticky=False, permanent=main, direction="top", offset=(0, -size // 2)
            ),
        ).add_to(layer)
    return layer


def customers_layer(
    places: pd.DataFrame,
    lang: str,
    *,
    clustered: bool = True,
    apart: Sequence[placement.Apart] = (),
    cells: pd.DataFrame | None = None,
    postcodes: pd.DataFrame | None = None,
) -> Layer:
    """Customers per place (from :func:`customer_places`): count bubbles merging into clusters
    when ``clustered``, else one circle per place sized by its customers; then the comuni of the
    customers counted ``apart`` (:func:`add_apart`)."""
    tips = market_layers.place_tips(lang, places["town"].tolist(), places["customers"], places["revenue"])
    lats, lons = places["lat"].map(coord).tolist(), places["lon"].map(coord).tolist()
    counts = places["customers"].astype(int).tolist()
    label = i18n.t(lang, f"market_layers.legend.customers_{'clusters' if clustered else 'circles'}")
    item = LegendItem(CUSTOMER_COLOR, label, "circle")
    layer = Layer(i18n.t(lang, "market_layers.layer.customers"), LegendSection("", (item,)))
    if clustered:
        rows = [list(r) for r in zip(lats, lons, counts, tips, strict=True)]
        layer.add_child(_PlaceClusters(rows, BROWSER_LOCALES[lang]))
    else:
        radii = market_layers.radius_px(np.asarray(counts, float), float(max(counts, default=0))).tolist()
        rows = [[a, b, r, CUSTOMER_COLOR, tip] for a, b, r, tip in zip(lats, lons, radii, tips, strict=True)]
        style = {"color": "#ffffff", "weight": 1, "fillOpacity": 0.7}
        layer.add_child(market_layers.PointsElement(rows, style))
    if apart and cells is not None:
        add_apart(layer, apart, cells, postcodes if postcodes is not None else pd.DataFrame(), lang)
    return market_layers.localize_group(layer)


def heat_layer(places: pd.DataFrame, lang: str, *, radius: int = 22, full_from_zoom: int = 6) -> Layer:
    """Where customers are densest: a heat map weighted by customers per place.

    Weights are scaled so the 90th-percentile place is full strength, so a single big town
    does not wash out every other one; points keep full strength from zoom ``full_from_zoom``
    (Leaflet.heat otherwise fades them at every zoom level below its ``max_zoom``).
    """
    counts = places["customers"].to_numpy(float)
    top = float(np.percentile(counts, 90)) if len(counts) else 1.0
    weights = np.round(np.minimum(counts / max(top, 1.0), 1.0), 3)
    data = [[coord(a), coord(b), float(w)] for a, b, w in zip(places["lat"], places["lon"], weights, strict=True)]
    item = LegendItem(HEAT_GRADIENT[1.0], i18n.t(lang, "market_layers.legend.heat"), "square")
    layer = Layer(i18n.t(lang, "market_layers.layer.heat"), LegendSection("", (item,)))
    plugins.HeatMap(
        data, radius=radius, blur=18, min_opacity=0.3, max_zoom=full_from_zoom, gradient=HEAT_GRADIENT
    ).add_to(layer)
    return market_layers.localize_group(layer)
