"""The business's point on the Business page's map: a tap puts it where the business really is.

The point is stored in the plan as ``business.town``'s ``lat`` and ``lon`` (so every map and distance
that reads the business's place uses it) with ``"pinned": true``; changing the town starts again from
the new comune's centre. A point outside the chosen comune is refused (it would not be that town).
No offline source finds streets, so the point is set by tapping.
"""

from __future__ import annotations

import math
from typing import Any

import streamlit as st

from core import geometry, i18n, maps
from core.plan import plan as plan_mod
from ui import frame as frame_mod
from ui import map_view, resources
from ui.frame import Frame

OUTSIDE_KM = 1.5  # a tap farther than this from every sample point of the comune is outside it
PATH = ("business", "town")


def _centre(town: dict[str, Any]) -> tuple[float, float] | None:
    """The comune's centre from the gazetteer (the town picker's point), None abroad or unknown."""
    comuni = resources.get_gazetteer().comuni()
    row = comuni[comuni["istat"] == str(town.get("comune_istat") or "")]
    return None if row.empty else (float(row["lat"].iloc[0]), float(row["lon"].iloc[0]))


def _tapped(frame: Frame, key: str) -> tuple[float, float] | None:
    """The map's last tap, once (st_folium keeps it under the map's key across reruns)."""
    click = (st.session_state.get(key) or {}).get("last_clicked")
    seen_key = key + "#seen"
    if not click or click == st.session_state.get(seen_key):
        return None
    st.session_state[seen_key] = click
    try:
        return float(click["lat"]), float(click["lng"])
    except (KeyError, TypeError, ValueError):
        return None


def _save(frame: Frame, town: dict[str, Any], lat: float, lon: float, pinned: bool) -> None:
    new = {**town, "lat": round(lat, 6), "lon": round(lon, 6), "pinned": pinned}
    frame_mod.save(frame, [plan_mod.Change(PATH, town, new)])


def point_map(frame: Frame) -> None:
    """The map of the business: its point, set by a tap inside its comune, and a way back to the centre."""
    t = frame.t
    business = frame.plan.get("business") or {}
    town = business.get("town")
    st.markdown(f"**{t('maps.point.title')}**")
    if not town:
        lang = frame.lang
        map_view.show("business_map_empty", (lang,), lambda: maps.base_map(maps.ITALY, maps.ITALY_ZOOM, lang=lang))
        return
    key = frame.key("business_map")  # names the plan without its secret (keys reach the page as classes)
    tap = _tapped(frame, key)
    if tap is not None:
        gap = resources.get_gazetteer().distance_to_comune(str(town.get("comune_istat") or ""), *tap)
        if math.isfinite(gap) and gap > OUTSIDE_KM:
            st.warning(frame.md("maps.point.outside", town=town.get("name", ""), km=i18n.number(frame.lang, gap, 1)))
        else:
            _save(frame, town, *tap, pinned=True)
            town = (frame.plan.get("business") or {}).get("town") or town
    st.caption(t("maps.point.help"))
    name = business.get("name") or t("frame.plan_unnamed")
    where = (name, float(town["lat"]), float(town["lon"]), frame.lang, town.get("name", ""))
    map_view.show(
        key,
        where,
        lambda: maps.business_map(where[0], where[1], where[2], lang=where[3], label=where[4]),
        returned_objects=["last_clicked"],
    )
    centre = _centre(town)
    if town.get("pinned") is True and centre is not None:
        km = float(geometry.haversine_km(float(town["lat"]), float(town["lon"]), *centre))
        lat, lon = (i18n.number(frame.lang, float(town[k]), 4) for k in ("lat", "lon"))
        params = {"lat": lat, "lon": lon, "km": i18n.number(frame.lang, km, 1), "town": town.get("name", "")}
        st.caption(":material/location_on: " + frame.md("maps.point.set", **params))
        st.button(
            t("maps.point.reset"), icon=":material/my_location:", on_click=_save, args=(frame, town, *centre, False)
        )
    elif centre is not None:
        st.caption(frame.md("maps.point.at_centre", town=town.get("name", "")))
    st.caption(t("maps.point.no_search"))
