import math
import re

import folium
import pytest
from folium import plugins

from core import i18n, maps, offline_assets

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "Bar `Da Gino`",
    "</script><script>alert(1)</script>",
    "C:\\bar\\",
    "nul\x00byte",
]


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def _remote_urls(html: str) -> set[str]:
    return set(re.findall(r"""(?:https?:)?//[^\s"'`<>)\\]+""", html))


def test_a_base_map_reaches_the_internet_only_for_tiles_and_the_attribution_link():
    html = _html(maps.base_map((45.46, 9.19), 12))

    assert offline_assets.external_urls(html) == []
    assert _remote_urls(html) == {
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://www.openstreetmap.org/copyright",
    }


def test_a_map_without_tiles_has_no_tile_layer_no_note_and_a_max_zoom():
    m = maps.base_map((45.46, 9.19), 12, tiles=False)
    html = _html(m)

    assert _remote_urls(html) == set()
    assert "L.tileLayer" not in html
    assert "tileerror" not in html
    assert m.options["maxZoom"] == maps.MAX_ZOOM


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_tiles_offline_note_is_written_in_the_maps_language(lang):
    note = i18n.t(lang, "maps.tiles_offline")
    html = _html(maps.base_map((45.46, 9.19), 12, lang=lang))

    assert note.strip()
    assert f"div.textContent = {note!r}".replace("'", '"') in html


def test_the_tiles_offline_note_differs_between_italian_and_english():
    assert i18n.t("it", "maps.tiles_offline") != i18n.t("en", "maps.tiles_offline")


def test_the_note_appears_only_on_the_tile_layers_error_event():
    m = maps.base_map((45.46, 9.19), 12)
    html = _html(m)
    layer = next(child for child in m._children.values() if isinstance(child, folium.TileLayer))

    assert f'{layer.get_name()}.on("tileerror"' in html
    assert "note.addTo(map)" in html.split('.on("tileerror"')[1]


def test_plugins_added_after_base_map_are_served_locally_when_the_map_renders():
    m = maps.base_map((45.46, 9.19), 12)
    plugins.MarkerCluster([(45.4, 9.1), (45.5, 9.2)]).add_to(m)
    folium.Marker((45.46, 9.19), popup=folium.Popup("x")).add_to(m)

    assert offline_assets.external_urls(_html(m)) == []
    assert all(url.startswith(offline_assets.VENDOR_URL_PREFIX) for url in offline_assets.asset_urls(m))


def test_rendering_a_map_with_a_colour_legend_fails_loudly():
    m = maps.base_map((45.46, 9.19), 12)
    m.add_child(__import__("branca").colormap.LinearColormap(["red", "blue"], vmin=0, vmax=1))

    with pytest.raises(offline_assets.UnshippedAssetError):
        _html(m)


def test_the_business_is_a_filled_circle_at_its_coordinates_labelled_with_its_name():
    html = _html(maps.business_map("Trattoria Città", 45.4642, 9.19, label="Your business"))

    assert re.search(r"L\.circleMarker\(\s*\[45\.4642, 9\.19\]", html)
    assert '"fill": true' in html
    assert "<b>Trattoria Città</b><br>Your business" in html
    assert '"permanent": true' in html
    assert offline_assets.external_urls(html) == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_business_name_or_label_never_reaches_the_html_unescaped(hostile):
    html = _html(maps.business_map(hostile, 45.46, 9.19, label=hostile))

    assert hostile not in html
    assert "\x00" not in html
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", "")
    assert "${alert" not in html


def test_a_backslash_in_a_name_is_shown_as_a_character_reference():
    html = _html(maps.business_map("C:\\bar", 45.46, 9.19))

    assert "C:&#92;bar" in html


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 9.0), (45.0, -181.0), (math.nan, 9.0), (45.0, math.inf)])
def test_a_business_outside_the_globe_is_refused_with_its_coordinate(lat, lon):
    with pytest.raises(ValueError, match="itude"):
        maps.business_map("Bar", lat, lon)


def test_the_background_is_openstreetmaps_tiles_with_their_attribution():
    html = _html(maps.base_map((41.9, 12.5), 12))
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in html
    assert "openstreetmap.org/copyright" in html and '"maxNativeZoom": 19' in html


def test_the_tile_provider_catalogue_is_searched_once_not_for_every_map(monkeypatch):
    import xyzservices

    maps.base_map((41.9, 12.5), 12)
    searched = []
    real = xyzservices.providers.query_name
    monkeypatch.setattr(xyzservices.providers, "query_name", lambda name: searched.append(name) or real(name))
    for lat in (41.9, 45.4, 40.8):
        maps.business_map("Forno", lat, 12.5)
    assert searched == []
