"""Map builders: folium maps that draw with no internet, ready for ``st_folium``.

Every builder returns a map whose JS/CSS come from the app itself (see ``core.offline_assets``).
Only the OpenStreetMap background tiles come from the internet; when they cannot be loaded the
map says so in its own language and everything drawn on it still works.
"""

from __future__ import annotations

import functools
import math

import folium
import xyzservices
from folium.template import Template

from core import i18n, offline_assets, safe_text

ITALY: tuple[float, float] = (42.5, 12.5)  # the centre of a map of all Italy
ITALY_ZOOM = 5

MAX_ZOOM = 19  # OpenStreetMap's deepest level; also needed by clusters when there are no tiles
BUSINESS_ZOOM = 15
BUSINESS_COLOR = "#b3261e"
_LABEL_STYLE = "white-space: normal; width: max-content; max-width: 240px;"  # long names wrap


@functools.cache
def _osm() -> xyzservices.TileProvider:
    """OpenStreetMap's tile provider, looked up once: ``TileLayer("OpenStreetMap")`` flattens xyzservices'
    whole catalogue (about a thousand providers) on every map, half of the business map's build."""
    return xyzservices.providers.query_name("OpenStreetMap Mapnik")


class _OfflineMap(folium.Map):
    """A folium map that localizes its asset links again when rendered.

    Layers and plugins added after :func:`base_map` returned are thus pointed at the local
    files too (``st_folium`` renders the map before it collects the links to load).
    """

    def render(self, **kwargs: object) -> None:
        offline_assets.localize(self)
        super().render(**kwargs)


class _TilesOfflineNote(folium.MacroElement):
    """A note that appears on the map when its background tiles fail to load (no internet).

    It stays hidden while any tile has loaded, so one failed tile on a working network does not
    raise it, and it goes away if tiles start loading later.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var note = L.control({position: "bottomleft"});
            note.onAdd = function () {
                var div = L.DomUtil.create("div", "rotta-tiles-offline");
                div.setAttribute("role", "status");
                div.textContent = {{ this.text|tojson }};
                div.style.cssText = {{ this.style|tojson }};
                return div;
            };
            var loaded = false, shown = false;
            {{ this.layer.get_name() }}.on("tileload", function () {
                loaded = true;
                if (shown) { note.remove(); shown = false; }
            });
            {{ this.layer.get_name() }}.on("tileerror", function () {
                if (!loaded && !shown) { note.addTo(map); shown = true; }
            });
        })();
        {% endmacro %}
        """
    )

    style = (
        "background: rgba(255, 255, 255, 0.92); color: #222; padding: 4px 8px; border-radius: 4px; "
        "font: 12px/1.35 sans-serif; max-width: 260px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);"
    )

    def __init__(self, layer: folium.TileLayer, text: str):
        super().__init__()
        self._name = "TilesOfflineNote"
        self.layer = layer
        self.text = text


def _check_point(lat: float, lon: float) -> None:
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise ValueError(f"latitude {lat!r} is not between -90 and 90")
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise ValueError(f"longitude {lon!r} is not between -180 and 180")


def base_map(center: tuple[float, float], zoom: int, *, tiles: bool = True, lang: str = "en") -> folium.Map:
    """An empty map served offline, with OpenStreetMap tiles when ``tiles`` (these need internet)."""
    _check_point(*center)
    # folium passes max_zoom to its own tile layer only; the map itself needs maxZoom (clusters do).
    m = _OfflineMap(location=list(center), zoom_start=zoom, tiles=None, maxZoom=MAX_ZOOM)
    if tiles:
        layer = folium.TileLayer(_osm(), name="openstreetmap", max_zoom=MAX_ZOOM).add_to(m)
        _TilesOfflineNote(layer, i18n.t(lang, "maps.tiles_offline")).add_to(m)
    return offline_assets.localize(m)


def business_map(name: str, lat: float, lon: float, *, lang: str = "en", label: str = "") -> folium.Map:
    """The business as a filled circle, its name (and ``label`` under it) always shown beside it."""
    _check_point(lat, lon)
    m = base_map((lat, lon), BUSINESS_ZOOM, lang=lang)
    text = f"<b>{safe_text.for_folium(name)}</b>"
    if label:
        text += f"<br>{safe_text.for_folium(label)}"
    folium.CircleMarker(
        location=(lat, lon),
        radius=11,
        color="#ffffff",
        weight=3,
        fill=True,
        fill_color=BUSINESS_COLOR,
        fill_opacity=0.95,
        tooltip=folium.Tooltip(
            text, style=_LABEL_STYLE, sticky=False, permanent=True, direction="top", offset=(0, -12)
        ),
    ).add_to(m)
    return offline_assets.localize(m)
