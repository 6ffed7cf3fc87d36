"""Join a workshop (participant): type the code from the screen, get a plan of one's own, land on Start."""

import streamlit as st

from core import i18n
from core.workshop import workshop
from ui import frame as frame_mod
from ui import room as room_ui

frame = frame_mod.page("join")
t = frame.t
CODE_KEY = "join_code"

st.title(t("workshop.join.heading"))
st.caption(t("join.lead"))
if CODE_KEY not in st.session_state:  # the QR code's link fills the code in
    st.session_state[CODE_KEY] = workshop.format_code(workshop.normalize_code(st.query_params.get("join")))
if frame.token:
    st.info(t("join.new_plan_note"), icon=":material/info:")

with st.form("join"):
    typed = st.text_input(t("workshop.join.input"), key=CODE_KEY, placeholder=t("join.placeholder"))
    st.caption(t("workshop.join.input_help"))
    submitted = st.form_submit_button(
        t("workshop.join.button"), type="primary", icon=":material/login:", width="stretch"
    )

if submitted:
    code = workshop.normalize_code(typed)
    if not code:
        st.warning(t("join.empty"))
    elif not workshop.is_well_formed(code):  # cannot be anybody's code: no store call, no try used up
        st.error(t("join.malformed", length=len(code), expected=workshop.CODE_LENGTH))
    else:
        result = room_ui.get_workshops().join(code, room_ui.rate_id(), room_ui.now())
        if result.status == "joined" and result.token:
            frame_mod.flash("success", i18n.Message("workshop.join.joined"))
            where = room_ui.landing(result.workshop_id)  # a late joiner lands on the room's current step
            st.switch_page(where, query_params={"lang": frame.lang, "plan": result.token})
        st.error(frame.msg(result.message), icon=":material/block:")

st.divider()
st.page_link(
    "pages/workshop.py", label=t("join.facilitator"), icon=":material/groups:", query_params={"lang": frame.lang}
)
