"""``core.workshop.room_map``: the room's towns on one map, circles by count, names escaped, drawn offline."""

from __future__ import annotations

import re

import pytest

from core import i18n
from core.workshop import room_map
from core.workshop.room import Town

ROMA = Town("Roma", "RM", 41.8933, 12.4829, 4)
FORLI = Town("Forlì", "FC", 44.2225, 12.0408, 1)
ZURICH = Town("Zürich", "", 47.3769, 8.5417, 1)


def _html(m) -> str:
    return m.get_root().render()


@pytest.mark.parametrize(
    ("businesses", "most", "expected"),
    [
        (4, 4, room_map.MAX_RADIUS),
        (1, 4, room_map.MAX_RADIUS / 2),
        (1, 400, room_map.MIN_RADIUS),
        (0, 0, room_map.MIN_RADIUS),
    ],
)
def test_a_circles_area_is_proportional_to_its_businesses(businesses, most, expected):
    assert room_map.radius(businesses, most) == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_each_town_is_one_circle_with_its_name_and_count(lang):
    html = _html(room_map.towns_map([ROMA, FORLI, ZURICH], lang, tiles=False))
    assert len(re.findall(r"L\.circleMarker\(", html)) == 3
    for town in (ROMA, FORLI, ZURICH):
        assert room_map.label(lang, town) in html
    assert i18n.t(lang, "room.map.town", where="Roma (RM)", n=4) in html
    assert "Zürich ·" in html  # abroad: no province in brackets


def test_several_towns_are_fitted_and_one_town_is_centred_close():
    assert "fitBounds" in _html(room_map.towns_map([ROMA, FORLI], "en", tiles=False))
    single = _html(room_map.towns_map([FORLI], "en", tiles=False))
    assert "fitBounds" not in single and f'"zoom": {room_map.SINGLE_ZOOM}' in single.replace("zoom:", '"zoom":')


def test_the_busiest_towns_keep_their_names_written_and_the_rest_show_them_on_hover():
    towns = [Town(f"Comune {i}", "XX", 40 + i / 10, 12 + i / 10, 30 - i) for i in range(room_map.LABELLED + 3)]
    html = _html(room_map.towns_map(towns, "en", tiles=False))
    assert html.count('"permanent": true') == room_map.LABELLED


def test_an_empty_room_is_an_empty_map_of_italy():
    html = _html(room_map.towns_map([], "en", tiles=False))
    assert "circleMarker" not in html and "42.5" in html


def test_the_map_loads_nothing_from_the_internet_but_tiles():
    html = _html(room_map.towns_map([ROMA, FORLI], "it"))
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert all("tile.openstreetmap.org" in u or "openstreetmap.org/copyright" in u for u in urls), urls
