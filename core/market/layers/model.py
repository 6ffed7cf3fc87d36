"""Shared pieces of the Market map's layers, and the map they go on.

Each layer builder (``market_layers_customers``, ``market_layers_areas``,
``market_layers_places``, ``market_layers_legend``) returns a :class:`Layer`: a
``folium.FeatureGroup`` that also carries its legend section, meant for
``st_folium(m, feature_group_to_add=[...], layer_control=...)`` on a map from :func:`market_map`.
Switching layers then swaps feature groups inside the mounted map instead of re-mounting it.
Three facts of ``st_folium`` shape these modules:

* it loads the map's JS/CSS files once, when it mounts: a group added later that needs a plugin
  (clusters, heat) only works if the map carried that plugin from the start, so
  :func:`market_map` preloads them, and :func:`localize_group` points each group's own links at
  the local copies (``st_folium`` collects them after the map itself was localized);
* when the groups change it removes the old ones with ``map.removeLayer``, so anything a group
  adds outside itself (a control) would stay: the legend is a layer that adds its control when
  shown and removes it when hidden; it also keeps every old group in ``window.feature_group``,
  which :class:`ForgetRemovedGroups` (inside every :class:`Layer`) empties of them;
* folium popups need jQuery, which the map does not load: layers use tooltips only.

Every text from users or imported files goes through ``safe_text.for_folium``; data for the
browser is written with ``tojson`` (which also escapes ``<``, ``>``, ``&`` and ``'``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import folium
import numpy as np
from branca.element import Element, MacroElement
from folium import plugins
from folium.elements import JSCSSMixin
from folium.template import Template

from core import i18n, maps, offline_assets, safe_text

COORD_DECIMALS = 5  # ~1 m, and a smaller page
MAX_RADIUS_PX = 28.0  # the busiest place's circle; others scale by area (sqrt of the count)
MIN_RADIUS_PX = 3.0


@dataclass(frozen=True)
class LegendItem:
    color: str  # "#rrggbb" from this package's palettes
    label: str  # plain text, escaped when drawn
    shape: str = "circle"  # circle | ring | thick_ring | square | line | dashed | diamond


@dataclass(frozen=True)
class LegendSection:
    title: str  # plain text
    items: tuple[LegendItem, ...]


class ForgetRemovedGroups(MacroElement):
    """streamlit-folium 0.27 takes the old groups off the map when the layers change, but keeps
    them all in ``window.feature_group``: every change would leak thousands of markers. This runs
    inside the new groups' script, after the old ones were removed, and keeps those on the map."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        if (window.feature_group) {
            window.feature_group = window.feature_group.filter(function (g) { return g._map; });
        }
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ForgetRemovedGroups"


class Layer(folium.FeatureGroup):
    """A feature group with its section of the legend (``None`` when it needs none); the
    section's empty title stands for the layer's ``title`` (its name as plain text)."""

    def __init__(self, name: str, legend: LegendSection | None = None):
        super().__init__(name=safe_text.for_folium(name))
        self.title = name
        self.legend = legend
        self.add_child(ForgetRemovedGroups())


class _PluginAssets(JSCSSMixin, MacroElement):
    """Nothing drawn: it makes the map load the cluster and heat plugins when it mounts."""

    _template = Template("{% macro script(this, kwargs) %}{% endmacro %}")
    default_js = plugins.MarkerCluster.default_js + plugins.HeatMap.default_js
    default_css = plugins.MarkerCluster.default_css

    def __init__(self) -> None:
        super().__init__()
        self._name = "PluginAssets"


def market_map(center: tuple[float, float], zoom: int, *, tiles: bool = True, lang: str = "en") -> folium.Map:
    """``maps.base_map`` that also loads the plugins any market layer may need, from the app, and
    draws circles, outlines and hexagons on one canvas (thousands of SVG shapes are slow, and
    of several stacked canvases only the top one would answer the mouse)."""
    m = maps.base_map(center, zoom, tiles=tiles, lang=lang)
    m.options["prefer_canvas"] = True
    m.add_child(_PluginAssets(), name="plugin_assets")
    return offline_assets.localize(m)


def walk(element: Element) -> Iterator[Element]:
    """The element and everything inside it, depth first."""
    yield element
    for child in element._children.values():
        yield from walk(child)


def localize_group(group: folium.FeatureGroup, prefix: str = offline_assets.VENDOR_URL_PREFIX) -> folium.FeatureGroup:
    """Point the plugin files a group links at Rotta's own copies (``st_folium`` collects them
    after the map was localized). Raises ``offline_assets.UnshippedAssetError`` otherwise."""
    for element in walk(group):
        if isinstance(element, JSCSSMixin):
            for attr in ("default_js", "default_css"):
                links = []
                for name, url in getattr(type(element), attr):
                    if url not in offline_assets.LOCAL_COPIES:
                        raise offline_assets.UnshippedAssetError(
                            f"{type(element).__name__} needs {url}, which Rotta does not serve offline"
                        )
                    links.append((name, f"{prefix}/{offline_assets.LOCAL_COPIES[url]}"))
                setattr(element, attr, links)
    return group


class PointsElement(MacroElement):
    """Many circle markers from a compact data array (one folium element per point is far too
    slow past a few thousand); on a :func:`market_map` they go on its canvas.
    Rows: ``[lat, lon, radius_px, fill, tip]``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var rows = {{ this.rows|tojson }}, style = {{ this.style|tojson }};
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i], options = Object.assign({}, style, {radius: r[2], fillColor: r[3]});
                var c = L.circleMarker([r[0], r[1]], options);
                if (r[4]) { c.bindTooltip(r[4], {sticky: true}); }
                group.addLayer(c);
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list[Any]], style: dict[str, Any]):
        super().__init__()
        self._name = "Points"
        self.rows = rows
        self.style = style


def coord(value: float) -> float:
    """A coordinate rounded for the page (~1 m)."""
    return round(float(value), COORD_DECIMALS)


def share(lang: str, value: float) -> str:
    """A share as a whole percent, with one decimal under 10% so small shares do not read as 0%."""
    return i18n.percent(lang, value, 1 if 0 < value < 0.1 else 0)


def number_formatter(lang: str, decimals: int = 0) -> Callable[[float], str]:
    """``i18n.number(lang, value, decimals)`` for thousands of values (babel takes ~30 µs a call)."""
    return _formatter(decimals, lambda v: i18n.number(lang, v, decimals))


def money_formatter(lang: str) -> Callable[[float], str]:
    """``i18n.money(lang, value)`` for thousands of values."""
    return _formatter(2, lambda v: i18n.money(lang, v))


def _formatter(decimals: int, slow: Callable[[float], str]) -> Callable[[float], str]:
    # babel is asked once for the separators and the currency's place; the digits are rounded
    # as babel rounds them (half to even on the shortest decimal form of the float).
    sample = slow(1234567.0)
    found = re.search(r"1(\D)234\D567(?:(\D)0+)?", sample)
    if found is None:
        return slow
    seps = str.maketrans({",": found.group(1), ".": found.group(2) or ""})
    before, after = sample[: found.start()], sample[found.end() :]
    quantum = Decimal(1).scaleb(-decimals)

    def fmt(value: float) -> str:
        if not (math.isfinite(value) and 0 <= value < 1e15):
            return slow(value)
        digits = f"{Decimal(repr(float(value))).quantize(quantum, ROUND_HALF_EVEN):,.{decimals}f}"
        return before + digits.translate(seps) + after

    return fmt


def place_tips(lang: str, names: Sequence[str], customers: Sequence[float], revenue: Sequence[float]) -> list[str]:
    """Escaped tooltips "name: N customers, €X" (without the name when it is empty)."""
    number, money = number_formatter(lang), money_formatter(lang)
    tips = []
    for name, count, amount in zip(names, customers, revenue, strict=True):
        key = "market_layers.tip.place" if str(name).strip() else "market_layers.tip.place_unnamed"
        text = i18n.t(lang, key, name=name, customers=number(count), revenue=money(amount))
        tips.append(safe_text.for_folium(text))
    return tips


def radius_px(values: np.ndarray, biggest: float, max_px: float = MAX_RADIUS_PX) -> np.ndarray:
    """Circle radii with areas proportional to ``values`` (the ``biggest`` gets ``max_px``)."""
    if not biggest > 0:
        return np.full(len(values), MIN_RADIUS_PX)
    return np.round(np.maximum(MIN_RADIUS_PX, max_px * np.sqrt(np.clip(values, 0, None) / biggest)), 1)
