"""The Goals page's first box: a goal written in one's own words, checked (SMART and vanity) as it is typed.

The text commits after a short pause (``live``) inside a fragment, so only this box reruns while typing;
adding the goal (as written, or its measurable version) reruns the page so the table shows it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from core import safe_text
from core.goals import goals, smart, vanity
from core.goals import text as goal_text
from ui import fields, goal_add, goal_editor
from ui.frame import Frame

DRAFT_KEY = "goals/draft"  # with the plan: frame.key(DRAFT_KEY)
ADDED_KEY = "goals_draft_added"  # set by an add: the whole page reruns to show the new goal
PAUSE = "400ms"  # a check after a short pause in typing: one rerun of the box per word, not per letter
MAX_CHARS = 200


def _md(frame: Frame, message: Any) -> str:
    """A check's message for Markdown: the owner's own words in it escaped."""
    return goal_text.render(frame.lang, message, escape=safe_text.for_markdown)


def _draft_goal(goal_dicts: list[dict[str, Any]], text: str, today: dt.date) -> dict[str, Any]:
    return {
        "id": goal_add.free_id(goal_dicts), "objective": "custom", "title": text.strip(), "kpi": None, "channels": [],
        "baseline": None, "target": None, "start": today.isoformat(), "deadline": None,
        "place": {"kind": "market", "value": ""}, "actions": [], "owner": "",
    }  # fmt: skip


def _add(frame: Frame, goal_dicts: list[dict[str, Any]], new: dict[str, Any]) -> None:
    goal_add.add(frame, goal_dicts, new)
    st.session_state[frame.key(DRAFT_KEY)] = ""
    st.session_state[ADDED_KEY] = True


@st.fragment
def box(frame: Frame, goal_dicts: list[dict[str, Any]], today: dt.date) -> None:
    """The box: a text field, then what the checks say about it and the two ways to add it."""
    if st.session_state.pop(ADDED_KEY, False):
        st.rerun()  # the whole page: the new goal joins the table and the details
    t, lang = frame.t, frame.lang
    with st.container(border=True):
        label = t("goalspage.draft.label")
        text = st.text_input(
            label,
            live=PAUSE,
            **fields.limit(
                lang, MAX_CHARS, label, key=frame.key(DRAFT_KEY), placeholder=t("goalspage.draft.example"), narrow=True
            ),
        )
        if not (text or "").strip():
            st.caption(t("goalspage.draft.hint"))
            return
        raw = _draft_goal(goal_dicts, text, today)
        goal = goals.Goal.from_dict(raw)
        found = vanity.vanity_check(goal, lang, today, goal_editor.audit_values(frame, today))
        if found is not None:
            st.warning(_md(frame, found.message) + "  \n" + _md(frame, found.proposal))
        lines = []
        for check in smart.smart_check(goal, today):
            icon = ":green[:material/check_circle:]" if check.passed else ":red[:material/cancel:]"
            name = t("goals.smart.letter." + check.letter)
            lines.append(f"{icon} **{check.letter} · {name}**: {_md(frame, check.reason)}")
        st.markdown("  \n".join(lines))
        st.caption(t("goalspage.draft.after"))
        left, right = st.columns(2)
        if found is not None:
            better = {**found.suggestion, "id": raw["id"]}
            left.button(
                t("goalspage.use_better_add"), key=frame.key("goals/draft_better"), type="primary",
                on_click=_add, args=(frame, goal_dicts, better), width="stretch",
            )  # fmt: skip
        right.button(
            t("goalspage.draft.add"), key=frame.key("goals/draft_add"), icon=":material/add:",
            on_click=_add, args=(frame, goal_dicts, raw), width="stretch",
        )  # fmt: skip
