"""The Goals page's "add a goal" box: ready goals for an objective, each offered once, and a goal of one's own.

The box stays open after each add (``OPEN_KEY`` in the session), so a room can add two or three goals in a row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from core.goals import kpis, objectives
from core.goals import templates as goal_templates
from core.i18n import Message
from core.plan.plan import Change
from ui import frame as frame_mod
from ui import goal_editor, resources
from ui.frame import Frame

OPEN_KEY = "goals/add_open"  # with the plan: frame.key(OPEN_KEY)


def free_id(goal_dicts: list[dict[str, Any]]) -> str:
    taken = {g["id"] for g in goal_dicts}
    return next(f"g{n}" for n in range(1, len(taken) + 2) if f"g{n}" not in taken)


def add(frame: Frame, goal_dicts: list[dict[str, Any]], new: dict[str, Any]) -> None:
    """Add ``new`` to the plan's goals and select it; a ready goal already added is refused with a message."""
    st.session_state[frame.key(OPEN_KEY)] = True  # the box stays open for the next goal
    loaded = resources.get_store().load(frame.token) if frame.token else None
    stored = (loaded[0].get("goals") or []) if loaded else goal_dicts  # what another tab may have added meanwhile
    if new.get("kpi") and goal_templates.added_as(new, stored) is not None:  # a second tap, a stale page
        frame_mod.flash("warning", Message("goalspage.already", {"title": new["title"]}))
        return
    if frame_mod.save(frame, [Change(("goals",), goal_dicts, [*goal_dicts, new])]):
        st.session_state["goal_selected"] = new["id"]
        frame_mod.flash("success", Message("goalspage.added", {"title": new["title"] or "—"}))


def box(frame: Frame, goal_dicts: list[dict[str, Any]], today: dt.date) -> None:
    """The box, open at first when the plan has no goals, and open from the first add on.

    Opening or closing it needs no rerun (a tap on a ready goal right after opening it is never lost); its
    ``expanded`` stays the same once a goal was added, so the browser keeps it as the user left it."""
    opened = bool(st.session_state.get(frame.key(OPEN_KEY)))
    with st.expander(frame.t("goalspage.add"), expanded=opened or not goal_dicts, icon=":material/add_circle:"):
        add_section(frame, goal_dicts, today)


def add_section(frame: Frame, goal_dicts: list[dict[str, Any]], today: dt.date) -> None:
    t, lang = frame.t, frame.lang
    objective = st.selectbox(
        t("goalspage.objective"),
        list(objectives.OBJECTIVES),
        format_func=lambda o: objectives.name(lang, o),
        key="goals_objective",
        placeholder=t("frame.choose"),
    )
    st.caption(objectives.description(lang, objective))
    audit = goal_editor.audit_values(frame, today)
    taken = [g["id"] for g in goal_dicts]
    templates = goal_templates.template_goals(objective, audit, today, lang, taken_ids=taken)
    fresh = [g for g in templates if goal_templates.added_as(g, goal_dicts) is None]
    added = [g for g in templates if goal_templates.added_as(g, goal_dicts) is not None]
    columns = st.columns(max(1, len(templates)) + 1)
    for column, template in zip(columns, fresh + added, strict=False):
        with column.container(border=True):
            st.markdown(f"**{template['title']}**")
            st.caption(kpis.definition(lang, template["kpi"]))
            if template["target"] is None:
                st.caption(t("goalspage.target_to_set"))
            if template in added:
                st.caption(t("goalspage.added_before"))
            st.button(
                t("goalspage.add_this"),
                key=frame.key(f"add_{objective}_{template['kpi']}"),
                on_click=add,
                args=(frame, goal_dicts, template),
                disabled=template in added,
            )
    blank = {
        "id": free_id(goal_dicts), "objective": objective, "title": "", "kpi": None, "channels": [], "baseline": None,
        "target": None, "start": today.isoformat(), "deadline": None, "place": {"kind": "market", "value": ""},
        "actions": [], "owner": "",
    }  # fmt: skip
    with columns[-1].container(border=True):
        st.caption(t("goalspage.custom_none"))
        st.button(
            t("goalspage.add_custom"),
            key=frame.key(f"add_custom_{objective}"),
            on_click=add,
            args=(frame, goal_dicts, blank),
        )
