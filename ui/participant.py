"""A workshop participant on the Start page: the room block that opens it, and a plan that stays the room's.

A participant's plan is the room's plan (``WorkshopStore`` holds the membership). On the Start page
the participant first sees one compact block: the workshop's name, their pseudonym, where the room is
on the path, what the room sees of them and the consent switch, and "leave the workshop" as its own
action behind a confirmation. Loading a sample or starting again fills this same plan (after a
confirmation that says what it replaces) and keeps its place in the room; it never opens another.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core import samples
from core.i18n import Message
from core.plan import plan as plan_mod
from core.plan import selfcheck
from core.plan import store as store_mod
from core.workshop import room, workshop
from core.workshop.workshop import Workshop
from ui import frame as frame_mod
from ui import resources, room_compare
from ui import room as room_ui
from ui.frame import Frame

Seat = tuple[Workshop, int]  # the workshop joined and the participant's number in it
EMPTY = ""  # the pending choice of "start again from scratch"
FILLED_KEY = "participant_filled"  # (plan token, choice) just filled in: said in that card, where the finger is


def _where(frame: Frame, joined: Workshop, number: int) -> str:
    """Where the room is on the path now, from the database: "Business 2 · Goals 3 · you: Goals"."""
    the_room = room.summarise(room_ui.get_workshops().room_snapshot(joined.id), dt.date.today())
    counts = [
        frame.t("start.room.step_count", step=room_ui.step_name(frame, step), n=n)
        for step, n in the_room.at_step.items()
        if n
    ]
    if not counts:
        return frame.t("start.room.where_none")
    mine = next((p.step for p in the_room.people if p.number == number), None)
    if mine is not None:
        counts.append(frame.t("start.room.you_are_at", step=room_ui.step_name(frame, mine)))
    return frame.t("start.room.where", steps=" · ".join(counts))


def _share(frame: Frame, key: str) -> None:
    if key not in st.session_state:  # a switch of a page whose values were reset since
        return
    frame_mod.save(frame, [workshop.share_change(frame.plan or {}, bool(st.session_state[key]))])


def _leave(frame: Frame) -> None:
    if not frame_mod.is_shown(frame):
        frame_mod.flash("warning", Message("frame.other_plan"))
        return
    left = room_ui.get_workshops().leave(frame.token or "")
    if left is not None:
        frame_mod.flash("success", Message("start.room.left", {"title": left.title}))


def room_block(frame: Frame, joined: Seat) -> None:
    """The first thing on a participant's Start page: the workshop, the room, the consent, leaving."""
    made, number = joined
    t = frame.t
    with st.container(border=True, key=frame.key("room/block")):
        title = frame.md("workshoppage.consent.title", title=made.title)
        st.markdown(f"**:material/groups: {title}**  \n{t('start.room.you', n=number)}")
        st.caption(_where(frame, made, number))
        key = frame.key("room/share")
        if key not in st.session_state:
            st.session_state[key] = workshop.shares(frame.plan or {})
        st.toggle(t("workshop.share.label"), key=key, on_change=_share, args=(frame, key))
        shared = workshop.shares(frame.plan or {})
        st.caption(t("start.room.sees_shared") if shared else t("start.room.sees_private", n=number))
        room_compare.consent(frame)
        with st.popover(t("start.room.leave"), icon=":material/logout:"):
            st.markdown(t("start.room.leave_what"))
            st.button(
                t("start.room.leave_yes"), key=frame.key("room/leave"), on_click=_leave, args=(frame,), type="primary"
            )


def _pending_key(frame: Frame) -> str:
    return frame.key("room/pending")


def _ask(frame: Frame, choice: str) -> None:
    st.session_state[_pending_key(frame)] = choice


def _cancel(frame: Frame) -> None:
    st.session_state.pop(_pending_key(frame), None)


def _fill(frame: Frame, choice: str) -> None:
    """Replace the participant's plan with a sample (``choice``: its slug) or an empty plan; keep the room."""
    st.session_state.pop(_pending_key(frame), None)
    if not frame_mod.is_shown(frame) or frame.plan is None or not frame.token:
        frame_mod.flash("warning", Message("frame.other_plan"))
        return
    today = dt.date.today()
    if choice == EMPTY:
        replacement, done = plan_mod.new_plan(today), Message("start.room.emptied")
    else:
        sample = resources.get_sample(choice)
        replacement = plan_mod.from_sample(choice, *samples.in_language(sample, frame.lang), today)
        done = Message("start.room.filled", {"sample": samples.sample_names(frame.lang)[choice]})
    try:
        resources.get_store().replace(frame.token, workshop.refill(frame.plan, replacement), frame.version)
    except store_mod.StaleVersion:
        frame_mod.flash("warning", Message("start.room.stale"))
        return
    frame_mod.reset_widgets()
    st.session_state[FILLED_KEY] = (frame.token, choice, done)


def _current(frame: Frame) -> str:
    plan = frame.plan or {}
    return frame.t(  # escaped once, by the confirmation's ``frame.md``
        "start.room.current",
        name=(plan.get("business") or {}).get("name") or frame.t("frame.plan_unnamed"),
        answered=len(plan.get("selfcheck") or {}),
        total=len(selfcheck.QUESTIONS),
        goals=len(plan.get("goals") or []),
    )


def choice_button(frame: Frame, choice: str) -> None:
    """In a sample's card (``choice``: its slug) or the empty plan's (``EMPTY``): ask, then confirm in place."""
    t = frame.t
    filled = st.session_state.get(FILLED_KEY)
    if filled and filled[:2] == (frame.token, choice):
        st.success(frame.msg_md(st.session_state.pop(FILLED_KEY)[2]), icon=":material/check_circle:")
    if st.session_state.get(_pending_key(frame)) != choice:
        label, kind = (
            (t("start.room.fill_empty"), "primary") if choice == EMPTY else (t("start.room.fill_sample"), "secondary")
        )
        st.button(
            label, key=frame.key("room/ask", choice), on_click=_ask, args=(frame, choice), type=kind, width="stretch"
        )
        return
    if choice == EMPTY:
        st.warning(frame.md("start.room.confirm_empty", current=_current(frame)), icon=":material/warning:")
        yes = t("start.room.yes_empty")
    else:
        sample = samples.sample_names(frame.lang)[choice]
        st.warning(
            frame.md("start.room.confirm_sample", sample=sample, current=_current(frame)), icon=":material/warning:"
        )
        yes = t("start.room.yes_replace")
    st.button(
        yes, key=frame.key("room/yes", choice), on_click=_fill, args=(frame, choice), type="primary", width="stretch"
    )
    st.button(
        t("start.room.cancel"), key=frame.key("room/no", choice), on_click=_cancel, args=(frame,), width="stretch"
    )
