"""The target area drawn on the Market map: polygon or circle by clicks on the map, what it holds, and
saving it under a name. Clicks come from the drawing map (``base.DRAW_MAP_KEY``), mounted only while
drawing."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from core.i18n import Message
from core.market import catchment
from core.market import view as market_page
from core.market.layers import areas as areas_mod
from core.plan import plan as plan_mod
from ui import fields
from ui import frame as frame_mod
from ui.frame import Frame
from ui.market import analysis as base
from ui.market import places as market_places


def draw_state(frame: Frame) -> dict[str, Any]:
    """The area being drawn (clicked points, a circle's centre), kept per plan for the session."""
    return st.session_state.setdefault(f"market:draw:{frame.token}", {"points": [], "centre": None, "seen": None})


def _take_click(frame: Frame, mode: str) -> None:
    """The drawing map's last click (st_folium keeps it under its key) becomes a point of the area, once."""
    state = draw_state(frame)
    click = (st.session_state.get(base.DRAW_MAP_KEY) or {}).get("last_clicked")
    if click == state["seen"]:
        return
    state["seen"] = click
    point = areas_mod.point_from_click(click)
    if point is None or mode == "off":
        return
    if mode == "polygon":
        state["points"].append(point)
    else:
        state["centre"] = point


def _undo(frame: Frame) -> None:
    state = draw_state(frame)
    if state["points"]:
        state["points"].pop()


SAVED_KEY = "market:area_saved"


def saved_note(frame: Frame) -> None:
    """The confirmation of an area just saved, where the user is (once)."""
    said = st.session_state.pop(SAVED_KEY, None)
    if said is not None:
        st.success(frame.msg_md(said), icon=":material/check_circle:")
        st.toast(frame.msg_md(said), icon=":material/check_circle:")


def _clear(frame: Frame) -> None:
    state = draw_state(frame)
    state["points"], state["centre"] = [], None
    st.session_state.pop("market:area_problem", None)


def _mode_changed(frame: Frame) -> None:
    """A new drawing map starts without the last click of the previous one."""
    st.session_state.pop(base.DRAW_MAP_KEY, None)
    draw_state(frame)["seen"] = None


def draw_controls(frame: Frame) -> str:
    t = frame.t
    st.session_state.setdefault(base.DRAW_KEY, "off")
    mode_col, second_col, clear_col = st.columns([5, 3, 3], vertical_alignment="bottom")
    mode = (
        mode_col.segmented_control(
            t("marketpage.draw.mode"),
            list(base.DRAW_MODES),
            format_func=lambda m: t(f"marketpage.draw.mode.{m}"),
            key=base.DRAW_KEY,
            on_change=_mode_changed,
            args=(frame,),
        )
        or "off"
    )
    if mode == "circle":
        second_col.number_input(
            t("marketpage.draw.radius"), min_value=0.1, max_value=1000.0, value=5.0, step=1.0, key=base.RADIUS_KEY,
            format=fields.number_format(st.session_state.get(base.RADIUS_KEY, 5.0)),
        )  # fmt: skip
    if mode == "polygon":
        second_col.button(
            t("marketpage.draw.undo"), on_click=_undo, args=(frame,), icon=":material/undo:", width="stretch"
        )
    if mode != "off":
        clear_col.button(
            t("marketpage.draw.clear"), on_click=_clear, args=(frame,), icon=":material/delete:", width="stretch"
        )
        st.caption(t(f"marketpage.draw.help.{mode}"))
    _take_click(frame, mode)
    return mode


def drawn(frame: Frame, mode: str) -> tuple[catchment.Circle | list[tuple[float, float]] | None, list[Message]]:
    state = draw_state(frame)
    if mode == "polygon":
        ring, problems = areas_mod.area_from_points(state["points"])
        return (ring or None), problems
    if mode == "circle":
        return areas_mod.circle_from_click(state["centre"], float(st.session_state.get(base.RADIUS_KEY, 5.0)))
    return None, []


def area_result(frame: Frame, loaded: base.Loaded, area: Any, problems: list[Message]) -> None:
    """What is inside the area being drawn, and saving it to the plan."""
    t = frame.t
    if area is None:
        for problem in problems:
            st.info(problem.render(frame.lang))
        return
    summary_ = base.area_summary_for(loaded.key, json.dumps(market_page.area_to_dict("", area)), loaded.analysis)
    base.figures(frame, market_page.area_figures(frame.lang, summary_), summary_)
    with st.form(frame.key("market:save_area"), clear_on_submit=False, border=True):
        st.text_input(
            t("marketpage.draw.name"),
            **fields.limit(
                frame.lang,
                80,
                t("marketpage.draw.name"),
                key=frame.key(base.NAME_KEY),
                form=True,
                placeholder=t("marketpage.draw.name_placeholder"),
            ),  # fmt: skip
        )
        kept = fields.keeping(frame.lang, {frame.key(base.NAME_KEY): (80, t("marketpage.draw.name"))}, _save_area)
        save_col, goal_col = st.columns(2)
        save_col.form_submit_button(
            t("marketpage.draw.save"), icon=":material/save:", on_click=kept, args=(frame, area)
        )
        goal_col.form_submit_button(
            t("marketpage.draw.save_goal"), icon=":material/flag:", on_click=kept, args=(frame, area, summary_)
        )
    problem = st.session_state.get("market:area_problem")
    if problem is not None:
        st.error(base.said(frame, problem))


def _save_area(frame: Frame, area: Any, goal_from: catchment.AreaSummary | None = None) -> None:
    """Save the drawn area under its name; with ``goal_from`` (its figures) also make it a goal."""
    name = " ".join(str(st.session_state.get(frame.key(base.NAME_KEY), "")).split())
    stored = list(frame.plan.get("areas") or [])
    problem = market_page.area_name_problem(name, stored)
    if problem is not None:
        st.session_state["market:area_problem"] = problem
        return
    if frame_mod.save(frame, [plan_mod.Change(("areas",), stored, stored + [market_page.area_to_dict(name, area)])]):
        # said under the map, where the save button was, and in a toast: at the top of the page it was off-screen
        st.session_state[SAVED_KEY] = Message("marketpage.draw.saved", {"name": name})
        if goal_from is not None:
            market_places.make_goal(frame, name, goal_from)
        _clear(frame)
        st.session_state[base.DRAW_KEY] = "off"
        st.session_state[frame.key(base.NAME_KEY)] = ""
