"""Workshop (facilitator): create a workshop, open its room with the secret, run it, present it.

The link says what to show: nothing (create a workshop), ``room=<id>`` (the room, private) or
``present=<code>`` (presenter mode, named by the public code). A room and presenter mode open only in a
browser that created the room or opened it with its secret.
"""

import streamlit as st

from core.workshop import workshop
from ui import facilitator, presenter
from ui import frame as frame_mod
from ui import room as room_ui

frame = frame_mod.page("workshop")
t = frame.t
store = room_ui.get_workshops()
shown = st.query_params.get(presenter.PARAM)
room_id = st.query_params.get("room") or ""

if shown:
    made = store.by_code(shown)
    if made is None or not room_ui.has_access(made.id):
        facilitator.presenter_locked(frame)
        st.stop()
    presenter.chrome()
    presenter.show(frame, made)
    st.button(t("workshoppage.present_exit"), icon=":material/close_fullscreen:", on_click=facilitator.present,
              args=(made, False))  # fmt: skip
    st.stop()
if not room_id:
    facilitator.create(frame, store)
    st.stop()
if not workshop.is_room_id(room_id):
    st.warning(t("workshoppage.missing"))
    st.page_link(
        "pages/workshop.py", label=t("workshoppage.new"), icon=":material/add:", query_params={"lang": frame.lang}
    )
    st.stop()
found = store.get(room_id)
if found is None or not room_ui.has_access(room_id):
    facilitator.unlock(frame, store, room_id, found)
    st.stop()
presenter.chrome()  # unfolds the sidebar once, after presenter mode
facilitator.room(frame, found)
