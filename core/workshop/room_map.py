"""The room's businesses on one map, by town: a circle a town, its area proportional to the businesses
there, the town and the count on hover and always written beside the biggest ones.

It names no one: only towns and counts, which the room view shows for everyone (a participant's
business name stays private unless they share it). Town names come from the participants' plans,
so every label is escaped for folium. Drawn on ``maps.base_map``: offline, the circles and labels
show without tiles.
"""

from __future__ import annotations

from collections.abc import Sequence

import folium

from core import i18n, maps, safe_text
from core.workshop.room import Town

COLOR = "#1565c0"
MIN_RADIUS, MAX_RADIUS = 6.0, 28.0  # px, for one business and for the town with most
LABELLED = 8  # towns whose name stays written on the map (the rest on hover): a projector stays readable
SINGLE_ZOOM = 11  # one town: close enough to see it, far enough to see where it is


def radius(businesses: int, most: int) -> float:
    """Area proportional to the businesses: ``MAX_RADIUS`` for the town with most, never below ``MIN_RADIUS``."""
    share = (max(businesses, 0) / max(most, 1)) ** 0.5
    return round(max(MIN_RADIUS, MAX_RADIUS * share), 1)


def label(lang: str, town: Town) -> str:
    """``Forlì (FC) · 3 attività``: plain text, not yet escaped."""
    where = f"{town.name} ({town.province})" if town.province else town.name
    return i18n.t(lang, "room.map.town", where=where, n=town.businesses)


def towns_map(towns: Sequence[Town], lang: str, *, tiles: bool = True) -> folium.Map:
    """The room's towns (``room.Room.towns``, most businesses first) on one map fitted to them."""
    placed = [t for t in towns if -90 <= t.lat <= 90 and -180 <= t.lon <= 180]
    if len(placed) == 1:
        m = maps.base_map((placed[0].lat, placed[0].lon), SINGLE_ZOOM, tiles=tiles, lang=lang)
    else:
        m = maps.base_map(maps.ITALY, maps.ITALY_ZOOM, tiles=tiles, lang=lang)
    if not placed:
        return m
    most = max(t.businesses for t in placed)
    layer = folium.FeatureGroup(name=safe_text.for_folium(i18n.t(lang, "room.towns.heading")))
    for rank, town in enumerate(placed):
        text = safe_text.for_folium(label(lang, town))
        size = radius(town.businesses, most)
        folium.CircleMarker(
            location=(town.lat, town.lon),
            radius=size,
            color="#ffffff",
            weight=2,
            fill=True,
            fill_color=COLOR,
            fill_opacity=0.75,
            tooltip=folium.Tooltip(text, permanent=rank < LABELLED, direction="right", offset=(round(size), 0)),
        ).add_to(layer)
    layer.add_to(m)
    if len(placed) > 1:
        lats, lons = [t.lat for t in placed], [t.lon for t in placed]
        bounds = [(min(lats), min(lons)), (max(lats), max(lons))]
        # room on the right for the names written beside the circles
        m.fit_bounds(bounds, padding_top_left=(40, 40), padding_bottom_right=(200, 40), max_zoom=SINGLE_ZOOM)
    return m
