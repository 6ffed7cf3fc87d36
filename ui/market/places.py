"""The Market map page's lists: saved target areas, competitors and the business's other sites, and the
social audience by city (typed or pasted from the platforms' "top cities")."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from core import safe_text
from core.i18n import Message
from core.market import catchment
from core.market import view as market_page
from core.plan import plan as plan_mod
from ui import bind, fields, places, resources
from ui import frame as frame_mod
from ui.frame import Frame
from ui.market import analysis as base


def saved_areas(frame: Frame, loaded: base.Loaded) -> None:
    """The target areas saved to the plan, what each holds, and where they are used (goals)."""
    t = frame.t
    st.subheader(t("marketpage.areas.title"), anchor=False)
    stored = frame.plan.get("areas") or []
    if not stored:
        st.caption(t("marketpage.areas.none"))
        return
    for index, item in enumerate(stored):
        saved = market_page.area_from_dict(item)
        text, button = st.columns([6, 1], vertical_alignment="center")
        if saved is None:
            text.warning(t("marketpage.areas.broken", n=index + 1))
        else:
            summary_ = base.area_summary_for(
                loaded.key, json.dumps(market_page.area_to_dict("", saved.area)), loaded.analysis
            )
            values = market_page.area_figures(frame.lang, summary_)
            shape = (
                t("marketpage.areas.circle", km=market_page.in_words(frame.lang, [saved.area.radius_km], "km")[0])
                if isinstance(saved.area, catchment.Circle)
                else t("marketpage.areas.polygon", n=len(saved.area))
            )
            text.markdown(t("marketpage.areas.row", name=safe_text.for_markdown(saved.name), shape=shape, **values))
        button.button(
            t("timelinepage.import.remove"), key=f"market:area_remove{index}", icon=":material/delete:",
            on_click=base.remove_from, args=(frame, ("areas",), index), width="stretch",
        )  # fmt: skip
    st.caption(t("marketpage.areas.goal_hint", kind=t("goals.place.area")))
    st.page_link("pages/goals.py", label=t("step.goals"), icon=":material/flag:", query_params=frame.params)


def _find(town: str, hint: str) -> tuple[dict[str, Any] | None, Message | None]:
    """A town typed with an optional province, postcode or country, found offline."""
    gazetteer = resources.get_gazetteer()
    postcode, province = (hint, "") if hint.isdigit() else ("", hint)
    match = gazetteer.find(town=town, postcode=postcode, province=province)
    if match.status == "unplaced" and province:
        match = gazetteer.find(town=town, country=province)
    if match.status == "placed" and match.place is not None:
        return places.place_dict(match.place), None
    if match.status == "ambiguous":
        options = ", ".join(f"{p.name} ({p.province or p.country})" for p in match.candidates[:6])
        return None, Message("marketpage.place.ambiguous", {"town": town, "options": options})
    return None, Message("business.town_unplaced", {"town": town})


def _add_place(frame: Frame, section: tuple[str, ...], prefix: str) -> None:
    name = " ".join(str(st.session_state.get(f"{prefix}:name", "")).split())
    town = " ".join(str(st.session_state.get(f"{prefix}:town", "")).split())
    hint = str(st.session_state.get(f"{prefix}:hint", "")).strip()
    st.session_state.pop(f"{prefix}:problem", None)
    if not name or not town:
        st.session_state[f"{prefix}:problem"] = Message("marketpage.place.missing")
        return
    place, problem = _find(town, hint)
    if problem is not None:
        st.session_state[f"{prefix}:problem"] = problem
        return
    stored = plan_mod.get_in(frame.plan, section)
    if frame_mod.save(
        frame, [plan_mod.Change(section, stored, list(stored or []) + [market_page.place_entry(name, place)])]
    ):
        for field in ("name", "town", "hint"):
            st.session_state[f"{prefix}:{field}"] = ""


def place_list(frame: Frame, section: tuple[str, ...], what: str) -> None:
    """Competitors (``what="competitors"``) or the business's other sites: add by name and town, remove."""
    t, prefix = frame.t, f"w:market:{what}"
    st.markdown(f"**{t(f'marketpage.{what}.title')}**")
    st.caption(t(f"marketpage.{what}.help"))
    kept = {  # key: (most characters kept, label)
        f"{prefix}:name": (120, t(f"marketpage.{what}.name")),
        f"{prefix}:town": (120, t("business.town")),
        f"{prefix}:hint": (40, t("business.province")),
    }
    example = {f"{prefix}:town": t("business.town_placeholder")}
    narrow = {f"{prefix}:town", f"{prefix}:hint"}  # side by side: the example, or the limit, not both
    said = {
        key: fields.limit(
            frame.lang, *kept[key], key=key, placeholder=example.get(key), form=True, narrow=key in narrow
        )
        for key in kept
    }
    with st.form(f"market:{what}#form", border=True):
        st.text_input(kept[f"{prefix}:name"][1], **said[f"{prefix}:name"])
        town_col, hint_col = st.columns([2, 1])
        town_col.text_input(kept[f"{prefix}:town"][1], **said[f"{prefix}:town"])
        hint_col.text_input(kept[f"{prefix}:hint"][1], **said[f"{prefix}:hint"])
        st.form_submit_button(
            t("marketpage.place.add"),
            icon=":material/add_location_alt:",
            on_click=fields.keeping(frame.lang, kept, _add_place),
            args=(frame, section, prefix),
        )
    problem = st.session_state.get(f"{prefix}:problem")
    if problem is not None:
        st.error(base.said(frame, problem))
    stored = plan_mod.get_in(frame.plan, section) or []
    listed = market_page.places_frame(stored)
    if listed.empty:
        st.caption(t(f"marketpage.{what}.none"))
    for row in listed.itertuples(index=False):
        text, button = st.columns([5, 1], vertical_alignment="center")
        where = f"{row.town} ({row.province})" if row.province else row.town
        text.markdown(
            t("marketpage.place.row", name=safe_text.for_markdown(row.name), town=safe_text.for_markdown(where))
        )
        button.button(
            t("timelinepage.import.remove"), key=f"{prefix}:remove{row.entry}", icon=":material/delete:",
            on_click=base.remove_from, args=(frame, section, int(row.entry)), width="stretch",
        )  # fmt: skip


def audience(frame: Frame, loaded: base.Loaded) -> None:
    """Followers by city, typed from the platforms' insights, side by side with the customers."""
    t, lang = frame.t, frame.lang
    st.subheader(t("marketpage.followers.title"), anchor=False)
    st.caption(t("marketpage.followers.help"))
    stored = frame.plan.get("followers") or []
    key = "w:market:followers"
    # the editor (a grid that loads its own code) only when asked for, or when there is an audience already
    if not st.toggle(t("marketpage.followers.edit"), value=bool(stored), key="w:market:followers_on"):
        return
    editor, compared = st.columns([1, 2], gap="large")
    with editor:
        edited = st.data_editor(
            _editor_data(key, stored, lang),
            key=key,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                "city": st.column_config.TextColumn(
                    t("marketpage.col.city"), required=True, max_chars=80, help=fields.help_for(lang, 80)
                ),
                "followers": st.column_config.NumberColumn(t("marketpage.col.followers"), min_value=0),
            },
        )
        new = market_page.followers_from_table(edited)
        if new != stored:
            frame_mod.save(frame, [plan_mod.Change(("followers",), frame.plan.get("followers"), new)])
            stored = new
    with compared:
        if not stored:
            st.caption(t("marketpage.followers.none"))
            return
        table = base.audience_table(loaded.key, json.dumps(stored, sort_keys=True), loaded.analysis)
        base.table(frame, market_page.followers_table(lang, table))
        lost = table.loc[table["lat"].isna() & (table["followers"] > 0), "city"].tolist()
        if lost:
            st.caption(t("marketpage.followers.unplaced", cities=safe_text.for_markdown(", ".join(lost))))
        st.caption(t("marketpage.followers.map_hint"))


def _editor_data(key: str, stored: list[dict[str, Any]], lang: str) -> pd.DataFrame:
    return bind.editor_data(key, (stored, lang), lambda: market_page.followers_frame(stored))
