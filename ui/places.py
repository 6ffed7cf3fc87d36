"""A town picker: type a town (and a province or postcode if ambiguous), found offline, saved to the plan."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import streamlit as st

from core import geocode
from core.plan import plan as plan_mod
from ui import bind, fields, resources
from ui import frame as frame_mod
from ui.frame import Frame


def place_dict(place: geocode.Place) -> dict[str, Any]:
    data = asdict(place)
    return {k: data[k] for k in ("name", "comune_istat", "province", "region", "country", "lat", "lon", "approx")}


def _label(place: geocode.Place) -> str:
    where = ", ".join(p for p in (place.province_name or place.province, place.region, place.country) if p)
    return f"{place.name} ({where})"


def _stored_label(frame: Frame, stored: dict[str, Any]) -> str:
    province = stored.get("province") or stored.get("country", "")
    return frame.md(
        "business.town_found",
        name=stored.get("name", ""),
        province=province,
        region=stored.get("region") or stored.get("country", ""),
    )


def town_picker(frame: Frame, path: plan_mod.Path) -> dict[str, Any] | None:
    """Return the place stored at ``path`` after letting the user change it."""
    t = frame.t
    stored = plan_mod.get_in(frame.plan or {}, path)
    base = bind.key_for(frame, path)
    town_key, hint_key = base + "#town", base + "#hint"
    if town_key not in st.session_state:
        st.session_state[town_key] = (stored or {}).get("name", "")
        st.session_state[hint_key] = (stored or {}).get("province", "")
    col_town, col_hint = st.columns([2, 1])
    town = col_town.text_input(
        t("business.town"),
        **fields.limit(
            frame.lang, 120, t("business.town"), key=town_key, placeholder=t("business.town_placeholder"), narrow=True
        ),
    )  # fmt: skip
    hint = col_hint.text_input(
        t("business.province"), **fields.limit(frame.lang, 20, t("business.province"), key=hint_key, narrow=True)
    )
    hint = hint.strip()
    if not town.strip() or (stored and (town.strip(), hint) == (stored.get("name"), stored.get("province", ""))):
        if stored:  # unchanged: show what is stored, never re-geocode it (a sample's exact spot stays)
            st.caption(":material/location_on: " + _stored_label(frame, stored))
        return stored
    postcode, province = (hint, "") if hint.isdigit() else ("", hint)
    match = resources.get_gazetteer().find(town=town, postcode=postcode, province=province)
    chosen: geocode.Place | None = None
    if match.status == "placed" and match.place is not None:
        chosen = match.place
    elif match.status == "ambiguous":
        st.info(frame.md("business.town_ambiguous", town=town))
        candidates = list(match.candidates)
        pick = st.selectbox(
            t("business.town_pick"),
            range(len(candidates)),
            format_func=lambda i: _label(candidates[i]),
            index=None,
            key=base + "#pick",
            placeholder=t("frame.choose"),
        )
        chosen = candidates[pick] if pick is not None else None
    else:
        st.error(frame.md("business.town_unplaced", town=town))
    if chosen is not None:
        new = place_dict(chosen)
        if new != stored and frame_mod.save(frame, [plan_mod.Change(path, stored, new)]):
            stored = new
        st.caption(
            ":material/location_on: "
            + frame.md(
                "business.town_found",
                name=chosen.name,
                province=chosen.province or chosen.country,
                region=chosen.region or chosen.country,
            )
        )
        if chosen.approx:
            st.caption(t("business.town_approx"))
    return stored
