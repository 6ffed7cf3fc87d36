"""Goals: from "being on social media" to measurable goals, with a live SMART check and the goal tree."""

import datetime as dt

import streamlit as st

from core.goals import goals
from core.goals import text as goal_text
from ui import frame as frame_mod
from ui import goal_add, goal_draft, goal_editor, room_compare

frame = frame_mod.page("goals")
t = frame.t
st.title(t("goalspage.title"))
st.caption(t("goalspage.lead"))
if not frame_mod.require_plan(frame):
    st.stop()
today = dt.date.today()
goal_dicts = list(frame.plan.get("goals") or [])

goal_draft.box(frame, goal_dicts, today)
goal_add.box(frame, goal_dicts, today)

st.header(t("goalspage.table"))
if not goal_dicts:
    st.info(t("goalspage.none"))
else:
    goal_editor.table(frame, goal_dicts, today)
    st.header(t("goalspage.detail"))
    goal_editor.detail(frame, goal_dicts, today)
    st.header(t("goalspage.tree"))
    st.caption(t("goalspage.tree_help"))
    valid = [goals.Goal.from_dict(g) for g in goal_dicts]
    paces = {g.id: goal_editor.goal_standing(frame, g, today).pace for g in valid}
    tree = goals.goal_tree(valid, today, paces)
    st.graphviz_chart(goal_text.tree_dot(frame.lang, tree), width="stretch")
room_compare.show(frame, "goals")  # in a workshop: you beside the room
frame_mod.next_step(frame)
