"""A map drawn once per input hands the map component exactly what st_folium would, without rebuilding it."""

from __future__ import annotations

import re

import pytest
import streamlit_folium

from core import maps
from ui import map_view

IDS = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def component(monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs) or {})
    monkeypatch.setattr(map_view, "_cache", map_view.OrderedDict())
    return calls


def _same(call: dict) -> dict:
    """A call with folium's random element ids blanked (two builds of one map differ only there)."""
    return {k: IDS.sub("ID", v) if isinstance(v, str) else v for k, v in call.items() if k != "on_change"}


def test_the_component_gets_what_st_folium_sends_for_the_same_map(component):
    build = lambda: maps.business_map("Forno «da Gino»", 41.89, 12.53, lang="it", label="Roma")  # noqa: E731
    streamlit_folium.st_folium(build(), key="business_map", returned_objects=[], height=420, width="stretch")
    map_view.show("business_map", ("Forno «da Gino»", 41.89, 12.53, "it", "Roma"), build, height=420)
    by_st_folium, by_view = component
    assert _same(by_view) == _same(by_st_folium)
    assert by_view["key"] == by_st_folium["key"]  # the same component identity: the browser keeps the map


def test_a_map_is_built_once_for_the_same_inputs_and_again_for_new_ones(component):
    built = []

    def build(name: str):
        return lambda: built.append(name) or maps.business_map(name, 41.89, 12.53)

    for name in ("Forno", "Forno", "Forno", "Bar"):
        map_view.show("business_map", (name, 41.89, 12.53), build(name))
    assert built == ["Forno", "Bar"]
    assert len(component) == 4 and component[0]["script"] == component[2]["script"] != component[3]["script"]


def test_the_kept_maps_are_bounded(component, monkeypatch):
    monkeypatch.setattr(map_view, "MAX_MAPS", 3)
    for i in range(5):
        map_view.show("m", (i,), lambda: maps.base_map((41.9, 12.5), 5))
    assert len(map_view._cache) == 3


def test_layers_added_to_a_map_reach_the_component_as_st_folium_sends_them(component):
    import folium

    def build():
        m = maps.base_map((41.9, 12.5), 11)
        group = folium.FeatureGroup(name="Clienti")
        folium.CircleMarker((41.9, 12.5), radius=5, tooltip="Roma").add_to(group)
        return m, [group], folium.LayerControl(collapsed=True)

    m, groups, control = build()
    streamlit_folium.st_folium(
        m, key="market_map", feature_group_to_add=groups, layer_control=control, returned_objects=[], height=560
    )
    map_view.show("market_map", ("layers",), build, height=560, width=500)
    by_st_folium, by_view = component
    assert by_view["feature_group"] and "feature_group_feature_group_0" in by_view["feature_group"]
    assert _same(by_view) == _same(by_st_folium)
