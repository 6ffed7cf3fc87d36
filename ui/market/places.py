"""The Market map page's lists: saved target areas, competitors and the business's other sites, and the
social audience by city (typed or pasted from the platforms' "top cities")."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import streamlit as st

from core import i18n, safe_text
from core.goals import goals
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
        if saved is None:
            st.warning(t("marketpage.areas.broken", n=index + 1))
            summary_ = None
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
            st.markdown(t("marketpage.areas.row", name=safe_text.for_markdown(saved.name), shape=shape, **values))
            unknown = market_page.area_unknown(frame.lang, summary_)
            if unknown is not None:
                st.caption(safe_text.for_markdown(unknown.render(frame.lang)))
        goal_col, remove_col = st.columns(2)
        if saved is not None and summary_ is not None:
            goal_col.button(
                t("marketpage.areas.make_goal"), key=frame.key(f"market:area_goal{index}"), icon=":material/flag:",
                on_click=make_goal, args=(frame, saved.name, summary_), width="stretch",
            )  # fmt: skip
        remove_col.button(
            t("timelinepage.import.remove"), key=frame.key(f"market:area_remove{index}"), icon=":material/delete:",
            on_click=base.remove_from, args=(frame, ("areas",), index), width="stretch",
        )  # fmt: skip
    st.caption(t("marketpage.areas.goal_hint", kind=t("goals.place.area")))
    st.page_link("pages/goals.py", label=t("step.goals"), icon=":material/flag:", query_params=frame.params)


def make_goal(frame: Frame, name: str, summary: catchment.AreaSummary) -> None:
    """A goal on the area through the goal functions: more customers in it, from today's share of the
    customers surely inside (those of a comune the area cuts are said apart)."""
    today = dt.date.today()
    baseline = round(summary.share_customers, 4)
    stored = list(frame.plan.get("goals") or [])
    taken = {str(g.get("id")) for g in stored if isinstance(g, dict)}
    goal = goals.Goal.from_dict(
        {
            "id": next(f"g{n}" for n in range(1, len(taken) + 2) if f"g{n}" not in taken),
            "objective": "footfall",
            "title": frame.t("marketpage.areas.goal_title", name=name),
            "kpi": "share_in_area",
            "baseline": baseline,
            "target": None,
            "start": today.isoformat(),
            "deadline": goals.default_deadline(today).isoformat(),
            "place": {"kind": "area", "value": name},
        }
    )
    if frame_mod.save(frame, [plan_mod.Change(("goals",), frame.plan.get("goals"), [*stored, goal.to_dict()])]):
        values = market_page.area_figures(frame.lang, summary)
        params = {"name": name, "share": values["share_customers"], "customers": values["customers"],
                  "revenue": i18n.money(frame.lang, summary.revenue)}  # fmt: skip
        frame_mod.flash("success", Message("marketpage.areas.goal_made", params))
        unknown = market_page.area_unknown(frame.lang, summary)
        if unknown is not None:
            frame_mod.flash("info", unknown)


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
    t, prefix = frame.t, frame.key("market", what)
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
    key = frame.key("market:followers")
    # the editor (a grid that loads its own code) only when asked for, or when there is an audience already
    if not st.toggle(t("marketpage.followers.edit"), value=bool(stored), key=frame.key("market:followers_on")):
        return
    # one above the other: side by side, the grid got a third of the width and hid the city names
    edited = st.data_editor(
        _editor_data(key, stored, lang),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "city": st.column_config.TextColumn(
                t("marketpage.col.city"), required=True, max_chars=80, width="medium", help=fields.help_for(lang, 80)
            ),
            "followers": st.column_config.NumberColumn(t("marketpage.col.followers"), min_value=0, width="small"),
        },
    )
    new = market_page.followers_from_table(edited)
    if new != stored:
        frame_mod.save(frame, [plan_mod.Change(("followers",), frame.plan.get("followers"), new)])
        stored = new
    if not stored:
        st.caption(t("marketpage.followers.none"))
        return
    table = base.audience_table(loaded.key, json.dumps(stored, sort_keys=True), loaded.analysis)
    base.table(frame, market_page.followers_table(lang, table))
    lost = market_page.lost_cities(table)
    if lost:
        st.caption(t("marketpage.followers.unplaced", cities=safe_text.for_markdown(", ".join(lost))))
    st.caption(t("marketpage.followers.map_hint"))


def _editor_data(key: str, stored: list[dict[str, Any]], lang: str) -> pd.DataFrame:
    return bind.editor_data(key, (stored, lang), lambda: market_page.followers_frame(stored))
