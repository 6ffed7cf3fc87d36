"""Every map Rotta draws, fed the hostile corpus in every text it takes, renders it as inert text.

folium puts popup, tooltip and layer-name text raw into HTML and into JavaScript template literals
(see ../shared/notes/maps.md), so each builder must escape what users and files control. Each
builder below is rendered once per payload with that payload in all of its texts (names, towns,
post text, competitor names, labels), and the HTML (``m.get_root().render()``) is searched for
the payload's executable core. A builder module that appears later without being listed here
fails :func:`test_every_map_builder_module_is_listed_here`.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import folium
import numpy as np
import pandas as pd
import pytest

from core import hexes, maps, safe_text, static_map
from core.market import catchment
from core.market import view as market_page
from core.market.layers import areas as market_layers_areas
from core.market.layers import customers as market_layers_customers
from core.market.layers import legend as market_layers_legend
from core.market.layers import model as market_layers
from core.market.layers import places as market_layers_places
from core.monitor import map as monitor_map
from core.timeline import map as timeline_map
from core.workshop import room, room_map
from tests.hostile import conftest
from tests.hostile.corpus import EXECUTABLE, PAYLOADS

CORE = Path(__file__).resolve().parents[2] / "core"
ROME = (41.9, 12.5)
DANGEROUS = set("<>\"'`$\\&")  # a payload holding any of these must never appear raw
JINJA = re.compile(r"\{[{%#]")  # branca compiles map scripts as Jinja templates a second time

Build = Callable[[str], str]  # payload -> the rendered HTML (or SVG) of a map carrying it


def _render(m: folium.Map) -> str:
    return m.get_root().render()


def _on_market_map(*layers: folium.FeatureGroup) -> str:
    m = market_layers.market_map(ROME, 12)
    for layer in layers:
        layer.add_to(m)
    market_layers_legend.legend_layer(list(layers), "en").add_to(m)
    folium.LayerControl().add_to(m)
    return _render(m)


def _places(text: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"lat": [41.9, 41.95], "lon": [12.5, 12.45], "customers": [12, 3], "revenue": [250.0, 40.5],
         "town": [text, f"{text} 2"]}
    )  # fmt: skip


def _penetration_table(text: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"name": [text, "Roma", text], "province": [text, "RM", ""], "lat": [41.9, 41.95, 42.0],
         "lon": [12.5, 12.45, 12.4], "customers": [5, 0, 2], "revenue": [100.0, 0.0, 20.0],
         "population": [1000, 2000, np.nan], "per_1000": [5.0, 0.0, np.nan]}
    )  # fmt: skip


def business_map(text: str) -> str:
    return _render(maps.business_map(text, *ROME, label=text))


def base_map(text: str) -> str:
    return _render(maps.base_map(ROME, 10, lang="it"))


def market_map(text: str) -> str:
    return _render(market_layers.market_map(ROME, 10, lang="it"))


def business_layer(text: str) -> str:
    sites = [
        market_layers_customers.Site(text, *ROME, label=text),
        market_layers_customers.Site(text, 41.95, 12.4, text),
    ]
    return _on_market_map(market_layers_customers.business_layer(sites, "it"))


def customers_layer_clustered(text: str) -> str:
    places = market_layers_customers.customer_places(_places(text).assign(orders=1))
    return _on_market_map(market_layers_customers.customers_layer(places, "en", clustered=True))


def customers_layer_circles(text: str) -> str:
    return _on_market_map(market_layers_customers.customers_layer(_places(text), "it", clustered=False))


def heat_layer(text: str) -> str:
    return _on_market_map(market_layers_customers.heat_layer(_places(text), "en"))


def hexes_layer(text: str) -> str:
    customers = _places(text).assign(orders=1)
    return _on_market_map(market_layers_areas.hexes_layer(hexes.hexes(customers, 7), "en", "revenue"))


def rings_layer(text: str) -> str:
    customers = _places(text).assign(orders=1)
    return _on_market_map(market_layers_areas.rings_layer(catchment.rings(customers, ROME), ROME, "it"))


def trade_areas_layer(text: str) -> str:
    customers = pd.concat([_places(text), _places(text).assign(lat=[41.91, 41.8], lon=[12.55, 12.6])])
    areas = catchment.trade_areas(customers.assign(orders=1), ROME)
    return _on_market_map(market_layers_areas.trade_areas_layer(areas, ROME, "en"))


def target_area_layer(text: str) -> str:
    points = [(41.9, 12.5), (41.95, 12.5), (41.95, 12.6)]
    drawing = market_layers_areas.target_area_layer(points[:2], "en", label=text)  # not yet an area
    return _on_market_map(market_layers_areas.target_area_layer(points, "it", label=text), drawing)


def target_circle_layer(text: str) -> str:
    circle = catchment.Circle(*ROME, 2.0)
    return _on_market_map(market_layers_areas.target_circle_layer(circle, "en", label=text))


def comuni_layer(text: str) -> str:
    return _on_market_map(market_layers_places.comuni_layer(_penetration_table(text), "it"))


def penetration_layer(text: str) -> str:
    layer = market_layers_places.penetration_layer(_penetration_table(text), "en", center=ROME, empty_within_km=50)
    return _on_market_map(layer)


def followers_layer(text: str) -> str:
    table = pd.DataFrame(
        {"city": [text, text, "Roma"],
         "kind": ["audience_without_customers", "balanced", "customers_without_audience"],
         "lat": [41.9, 41.95, 42.0], "lon": [12.5, 12.45, 12.4], "share_followers": [0.5, 0.3, 0.0],
         "share_customers": [0.1, 0.3, 0.6]}
    )  # fmt: skip
    return _on_market_map(market_layers_places.followers_layer(table, "it"))


def competitors_layer(text: str) -> str:
    table = pd.DataFrame({"name": [text, text], "town": [text, ""], "lat": [41.9, 41.95], "lon": [12.5, 12.45]})
    return _on_market_map(market_layers_places.competitors_layer(table, "en"))


def legend_layer(text: str) -> str:
    """Layers named and labelled by the user (a page may name a layer after an area or a file)."""
    item = market_layers.LegendItem("#123456", text, "square")
    layer = market_layers.Layer(text, market_layers.LegendSection(text, (item,)))
    untitled = market_layers.Layer(text, market_layers.LegendSection("", (item,)))
    return _on_market_map(layer, untitled)


def segment_map(text: str) -> str:
    places = pd.DataFrame(
        {"lat": [41.9, 41.95], "lon": [12.5, 12.45], "place": [text, text],
         "segment": ["champions", "at_risk"], "customers": [4, 2], "revenue": [100.0, 30.0]}
    )  # fmt: skip
    return _render(monitor_map.segment_map(places, "it", business=(text, *ROME)))


def activity_map(text: str) -> str:
    when = [dt.datetime(2025, 1, 5, 10), dt.datetime(2025, 2, 5, 18), dt.datetime(2025, 3, 1, 9)]
    points = pd.DataFrame(
        {"when": when, "month": [dt.datetime(2025, m, 1) for m in (1, 2, 3)],
         "platform": ["facebook", "offline", "instagram"], "kind": ["post", "offline", text],
         "text": [text, text, text],
         "place": [text, text, ""], "lat": [41.9, 41.95, 42.0], "lon": [12.5, 12.45, 12.4]}
    )  # fmt: skip
    return _render(timeline_map.activity_map(points, ROME, "en", rings=[(1.0, text), (3.0, text)]))


def saved_areas_layer(text: str) -> str:
    areas = [
        market_page.SavedArea(text, catchment.Circle(*ROME, 1.5)),
        market_page.SavedArea(text, ((12.5, 41.9), (12.6, 41.9), (12.6, 42.0))),
    ]
    return _on_market_map(market_page.saved_areas_layer(areas, "it"))


def _market_inputs(text: str) -> market_page.MapInputs:
    """Inputs of every Market layer, shaped as the page computes them, carrying ``text`` everywhere."""
    customers = _places(text).assign(orders=1)
    competitors = pd.DataFrame({"name": [text], "town": [text], "lat": [41.92], "lon": [12.48]})
    followers = pd.DataFrame(
        {"city": [text], "kind": ["audience_without_customers"], "lat": [41.9], "lon": [12.5],
         "share_followers": [0.4], "share_customers": [0.0]}
    )  # fmt: skip
    inputs = market_page.MapInputs(
        center=ROME,
        sites=[market_layers_customers.Site(text, *ROME, label=text)],
        places=market_layers_customers.customer_places(customers),
        rings=catchment.rings(customers, ROME),
        trade_areas=catchment.trade_areas(customers, ROME),
        hexes=hexes.hexes(customers, 7),
        penetration=_penetration_table(text),
        local_km=30.0,
        competitors=competitors,
        followers=followers,
        areas=[market_page.SavedArea(text, catchment.Circle(*ROME, 1.0))],
    )
    return inputs


def build_layers(text: str) -> str:
    """Every layer of the Market page at once."""
    layers = market_page.build_layers(market_page.Choice(layers=market_page.LAYERS), _market_inputs(text), "en")
    assert len(layers) == len(market_page.LAYERS)
    return _on_market_map(*layers)


def full_map(text: str) -> str:
    """The whole Market map as the page hands it to the map component: the map, every layer, legend, control."""
    choice = market_page.Choice(layers=market_page.LAYERS)
    m, groups, control = market_page.full_map(choice, _market_inputs(text), "en", ROME, 12)
    assert len(groups) == len(market_page.LAYERS) + 1  # and the legend
    for group in groups:
        group.add_to(m)
    control.add_to(m)
    return _render(m)


def towns_map(text: str) -> str:
    towns = [room.Town(text, text, *ROME, 3), room.Town(text, "", 45.46, 9.19, 1)]
    return _render(room_map.towns_map(towns, "it"))


def static_svg(text: str) -> str:
    shape = static_map.layout([(41.9, 12.5, 5, text), (41.95, 12.45, 2, text)], ROME, [1, 3], 100, 80,
                              ring_labels=[text, text])  # fmt: skip
    svg = static_map.to_svg(shape, text)
    ElementTree.fromstring(svg)  # well-formed XML, or no viewer shows it
    return svg


# module -> its public builders, each with the function that renders it carrying a payload.
BUILDERS: dict[str, dict[str, Build]] = {
    "maps": {"base_map": base_map, "business_map": business_map},
    "market.layers.model": {"market_map": market_map},
    "market.layers.customers": {
        "business_layer": business_layer,
        "customers_layer": customers_layer_clustered,
        "customers_layer(clustered=False)": customers_layer_circles,
        "heat_layer": heat_layer,
    },
    "market.layers.areas": {
        "hexes_layer": hexes_layer,
        "rings_layer": rings_layer,
        "trade_areas_layer": trade_areas_layer,
        "target_area_layer": target_area_layer,
        "target_circle_layer": target_circle_layer,
    },
    "market.layers.places": {
        "comuni_layer": comuni_layer,
        "penetration_layer": penetration_layer,
        "followers_layer": followers_layer,
        "competitors_layer": competitors_layer,
    },
    "market.layers.legend": {"legend_layer": legend_layer},
    "market.view": {"saved_areas_layer": saved_areas_layer, "build_layers": build_layers, "full_map": full_map},
    "monitor.map": {"segment_map": segment_map},
    "workshop.room_map": {"towns_map": towns_map},
    "timeline.map": {"activity_map": activity_map},
    "static_map": {"layout": static_svg, "to_svg": static_svg},
}
# Builders that take no text at all from users or files (numbers and fixed labels only): rendered
# with the others, but there is no payload to look for in them.
NO_USER_TEXT = {"base_map", "market_map", "heat_layer", "hexes_layer", "rings_layer", "trade_areas_layer"}
# Public functions of builder modules that return map pieces but are helpers, not builders.
HELPERS = {"localize_group": "points a group's plugin links at local files; used inside the layer builders"}
MAP_TYPES = re.compile(r"\b(folium\.Map|Map|Layer|folium\.FeatureGroup|FeatureGroup|StaticMap)\b")
CASES = [(f"{module}.{name}", build) for module, found in BUILDERS.items() for name, build in found.items()]


def _forms(text: str) -> set[str]:
    """How a piece of escaped text can appear in the page: as is, or inside JSON (ASCII or not, HTML-safe)."""
    forms = {text}
    for ascii_only in (True, False):
        encoded = json.dumps(text, ensure_ascii=ascii_only)[1:-1]
        forms.add(encoded)
        forms.add(
            encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
        )
    return forms


def _shown(payload: str, page: str, svg: bool) -> bool:
    probe = payload.replace("\x00", "")[:40]  # long texts may be cut; NUL is dropped on purpose
    escaped = html.escape(probe, quote=True) if svg else safe_text.for_folium(probe)
    return any(form in page for form in _forms(escaped))


def _raw_problems(payload: str, page: str, svg: bool) -> list[str]:
    """What of ``payload`` reached ``page`` in a form the browser would run (an SVG has no script context)."""
    cores = [core for core in EXECUTABLE if not svg or core.startswith("<")]
    found = [core for core in cores if core.lower() in page.lower()]
    found += re.findall(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", page, flags=re.I)
    special = (set("<>\"'&") if svg else DANGEROUS) & set(payload) or (not svg and JINJA.search(payload))
    if special and payload.replace("\x00", "") in page:
        found.append(f"the payload itself, unescaped: {payload[:60]!r}")
    return found


@pytest.mark.parametrize("payload_name", sorted(PAYLOADS))
@pytest.mark.parametrize(("builder", "build"), CASES, ids=[c[0] for c in CASES])
def test_every_map_shows_hostile_text_as_text_and_never_runs_it(builder, build, payload_name):
    payload, svg = PAYLOADS[payload_name], builder.startswith("static_map")
    page = build(payload)  # a Jinja tag in the text would raise here, or be evaluated (and not be shown)
    conftest.COUNTS["maps rendered with a payload"] += 1
    assert _raw_problems(payload, page, svg) == []
    name = builder.split("(")[0].rsplit(".", 1)[1]
    if name not in NO_USER_TEXT:
        assert _shown(payload, page, svg), f"{builder} did not show {payload_name}"


@pytest.mark.parametrize(
    "text",
    [
        "{{ 7*7 }}",
        "{% raw %}",
        "{# x",
        "a{",
        "{{{",
        "{{ cycler.__init__.__globals__.os.getpid() }}",
        "${x}",
        "{x}",
    ],
)
def test_for_folium_output_can_never_open_a_jinja_tag(text):
    escaped = safe_text.for_folium(text)
    assert not JINJA.search(escaped) and not escaped.endswith("{")
    assert html.unescape(escaped) == text  # the browser still shows exactly what was typed


def test_a_business_name_is_never_run_on_the_server_as_a_template():
    page = business_map("{{ cycler.__init__.__globals__.os.getpid() }}")
    assert "__globals__" in page and str(__import__("os").getpid()) not in page.split("__globals__")[0][-40:]


def _imports_folium(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in ("folium", "branca") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("folium", "branca"):
            return True
    return False


def _module(path: Path) -> str:
    """``core/market/layers/areas.py`` -> ``market.layers.areas``."""
    return ".".join(path.relative_to(CORE).with_suffix("").parts)


def test_every_map_builder_module_is_listed_here():
    modules = [p for p in CORE.rglob("*.py") if p.name != "__init__.py" and p.parent.name not in ("texts", "importers")]
    named = {_module(p) for p in modules if "map" in p.stem or p.parent == CORE / "market" / "layers"}
    drawing = {_module(p) for p in modules if _imports_folium(p)} - {"offline_assets"}
    assert named | drawing == set(BUILDERS), "list the new map module's builders in BUILDERS"


@pytest.mark.parametrize("module_name", sorted(BUILDERS))
def test_every_public_builder_of_a_map_module_is_listed_here(module_name):
    module = __import__(f"core.{module_name}", fromlist=["_"])
    public = {
        name
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__ and not name.startswith("_")
        and (MAP_TYPES.search(str(fn.__annotations__.get("return", ""))) or name == "to_svg")
    }  # fmt: skip
    listed = {name.split("(")[0] for name in BUILDERS[module_name]}
    assert public - set(HELPERS) == listed
