"""The room's pace on a participant's phone: a banner with one tap to the step the facilitator set.

A fragment that reruns by itself every few seconds and reads one small row (``WorkshopStore.pace``):
never the page, so nothing the participant is typing is lost. Drawn by the frame on every page of a
plan that is in a workshop.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from core import i18n
from core.plan import path
from core.workshop import pace as pace_mod
from ui import resources

REFRESH_S = 4  # the facilitator's step reaches every phone within this many seconds (and one rerun)


def _workshop_of(plan: dict[str, Any] | None) -> str | None:
    room = (plan or {}).get("room")
    found = room.get("workshop") if isinstance(room, dict) else None
    return found if isinstance(found, str) and found else None


def left_text(lang: str, pace: pace_mod.Pace, now: dt.datetime) -> str:
    """ ", 12 minutes left" / ", time is up" / "" (no minutes given)."""
    left = pace_mod.minutes_left(pace, now)
    if left is None:
        return ""
    return i18n.t(lang, "pace.left", n=left) if left > 0 else i18n.t(lang, "pace.over")


def banner(lang: str, plan: dict[str, Any] | None, here: str, params: dict[str, str]) -> None:
    """The banner of a participant's page ``here``; nothing outside a workshop."""
    workshop_id = _workshop_of(plan)
    if workshop_id is not None:
        _banner(lang, workshop_id, here, params)


@st.fragment(run_every=REFRESH_S)
def _banner(lang: str, workshop_id: str, here: str, params: dict[str, str]) -> None:
    pace = resources.get_workshops().pace(workshop_id)
    if pace is None:
        return
    if pace.paused:
        st.warning(i18n.t(lang, "pace.banner.paused"), icon=":material/visibility:")
        return
    step = next((s for s in path.STEPS if s.id == pace.step), None)
    if step is None:
        return
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    left = left_text(lang, pace, now)
    name = i18n.t(lang, "step." + step.id)
    if step.id == here:
        st.caption(":material/groups: " + i18n.t(lang, "pace.banner.here", left=left))
        return
    with st.container(border=True):
        st.markdown(":material/groups: " + i18n.t(lang, "pace.banner.go", step=name, left=left))
        st.page_link(step.script, label=i18n.t(lang, "pace.banner.link", step=name), icon=step.icon,
                     query_params=params)  # fmt: skip
