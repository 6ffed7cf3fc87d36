"""A folium map drawn once per input: ``st_folium`` without building and rendering the map on every rerun.

``st_folium`` renders the whole map to HTML and JavaScript on every run (folium compiles each element's
output as a Jinja template), about 10 ms for the business map, more for the market map, while the map
changes only when what it shows changes. :func:`show` keeps what ``st_folium`` hands to its front-end
component, keyed by the map builder and every input it is built from, and hands it over again: the same
component call, so the browser sees the same map and keeps its view.

The key is the inputs themselves (public data or what the user typed), never a session: a session that
gives the same inputs gets the map it would have built.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import branca.colormap
import folium
import streamlit as st
import streamlit_folium

MAX_MAPS = 256  # rendered maps kept per process (a business map is ~10 KB)


@dataclass(frozen=True)
class Rendered:
    """What ``st_folium`` sends its component for one map, computed once."""

    script: str
    header: str
    html: str
    map_id: str
    bounds: Any
    zoom: Any
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    hash_key: str  # the component's key: st_folium's hash of the script and the widget key
    feature_group: str | None = None  # layers added without re-mounting the map (``feature_group_to_add``)
    layer_control: str | None = None


_cache: OrderedDict[Hashable, Rendered] = OrderedDict()
_lock = threading.Lock()


def _walk(element: Any) -> Iterable[Any]:
    if isinstance(element, branca.colormap.ColorMap | folium.elements.JSCSSMixin):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


Built = folium.Map | tuple[folium.Map, list[folium.FeatureGroup], folium.LayerControl | None]


def render(built: Built, key: str) -> Rendered:
    """What ``st_folium(m, key=key, feature_group_to_add=groups, layer_control=control)`` computes before
    calling its component (streamlit-folium 0.27's steps, in its order)."""
    m, groups, control = built if isinstance(built, tuple) else (built, None, None)
    m.get_root().render()
    m.render()
    html = streamlit_folium._get_html(m)
    header = streamlit_folium._get_header(m)
    script = streamlit_folium._get_map_string(m)
    map_id = streamlit_folium.get_full_id(m)
    try:
        bounds = m.get_bounds()
    except AttributeError:
        bounds = [[None, None], [None, None]]
    layers = None
    if groups is not None:
        layers = "".join(streamlit_folium._get_feature_group_string(g, map=m, idx=i) for i, g in enumerate(groups))
    control_js = streamlit_folium._get_layer_control_string(control, m) if control is not None else None
    css: list[str] = []
    js: list[str] = []
    for element in _walk(m):
        if isinstance(element, branca.colormap.ColorMap):
            raise ValueError("a colour legend needs d3 from the internet: Rotta's maps draw without one")
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return Rendered(
        script,
        header,
        html,
        map_id,
        bounds,
        m.options.get("zoom"),
        tuple(dict.fromkeys(css)),
        tuple(dict.fromkeys(js)),
        streamlit_folium.generate_js_hash(script, key, False),
        layers,
        control_js,
    )


def rendered(inputs: Hashable, key: str, build: Callable[[], Built]) -> Rendered:
    """The map ``build()`` makes from ``inputs``, rendered for ``key`` once per process (the last ``MAX_MAPS``)."""
    with _lock:
        hit = _cache.get(inputs)
        if hit is not None:
            _cache.move_to_end(inputs)
            return hit
    made = render(build(), key)
    with _lock:
        _cache[inputs] = made
        while len(_cache) > MAX_MAPS:
            _cache.popitem(last=False)
    return made


def _bounds(bounds: Any) -> dict[str, dict[str, Any]]:
    (south, west), (north, east) = bounds
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


def show(
    key: str,
    inputs: tuple[Hashable, ...],
    build: Callable[[], Built],
    *,
    height: int = 420,
    width: int | str | None = "stretch",
    returned_objects: list[str] | None = None,
) -> Any:
    """``st_folium(build(), key=key, ...)`` with the map built and rendered only when ``inputs`` change.

    ``build`` returns the map, or ``(map, feature groups, layer control)`` for ``st_folium``'s
    ``feature_group_to_add`` and ``layer_control``. ``inputs`` must name everything the map is built from
    (the builder's arguments, the language); ``build`` is called only on a miss. Returns what ``st_folium``
    returns."""
    returned = [] if returned_objects is None else list(returned_objects)
    made = rendered((getattr(build, "__qualname__", repr(build)), key, *inputs), key, build)
    defaults = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": _bounds(made.bounds),
        "zoom": made.zoom,
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }

    def _on_change() -> None:  # st_folium's own: the map's value under the caller's key as well
        st.session_state[key] = st.session_state.get(made.hash_key, {})

    return streamlit_folium._component_func(
        script=made.script,
        header=made.header,
        html=made.html,
        id=made.map_id,
        key=made.hash_key,
        height=height,
        width=width,
        returned_objects=returned,
        default={k: v for k, v in defaults.items() if k in returned},
        zoom=None,
        center=None,
        feature_group=made.feature_group,
        return_on_hover=False,
        layer_control=made.layer_control,
        pixelated=False,
        css_links=list(made.css_links),
        js_links=list(made.js_links),
        on_change=_on_change,
        wrap_longitude=False,
    )
