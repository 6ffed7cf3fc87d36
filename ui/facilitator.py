"""The facilitator's screens of the Workshop page: create a workshop, open a room with its secret, run it.

The room's state comes first (live totals and sections, right under the title and one row of
actions); how to join (code card, QR, link) and the room's private address come below it, folded.
The private address never sits next to what is projected: presenter mode is opened by the public
code (``workshop.presenter_url``), here or in a new tab, and opens only in a browser that created the
room or opened it with the secret (``ui.room.has_access``), so the facilitator's access holds across
a reload and a second tab without the secret ever being in a link.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core import i18n, safe_text
from core.plan import path
from core.workshop import access, workshop
from core.workshop import pace as pace_mod
from core.workshop import room as room_mod
from core.workshop.store import WorkshopStore
from core.workshop.workshop import Workshop
from ui import fields, pace_banner, presenter
from ui import frame as frame_mod
from ui import room as room_ui
from ui.frame import Frame

PAGE = "pages/workshop.py"


def create(frame: Frame, store: WorkshopStore) -> None:
    """The form that creates a workshop (this browser may then open its room), and the rooms it may open."""
    t = frame.t
    st.title(t("workshoppage.title"))
    st.caption(t("workshoppage.lead"))
    mine = room_ui.rooms()
    if mine:
        st.markdown(f"**{t('workshoppage.your_rooms')}**")
        for made in mine:
            st.page_link(PAGE, label=safe_text.for_markdown(made.title), icon=":material/groups:",
                         query_params={"lang": frame.lang, "room": made.id})  # fmt: skip
    with st.form("create_workshop"):
        st.header(t("workshop.create.heading"))
        # no max_chars (it drops a longer paste whole, silently): the limit is said, and checked on creating
        title = st.text_input(
            t("workshop.create.title"), placeholder=fields.placeholder_for(frame.lang, workshop.TITLE_MAX)
        )
        when, where, language = st.columns(3)
        date = when.date_input(t("workshop.create.date"), value=dt.date.today(), format="DD/MM/YYYY")
        place = where.text_input(
            t("workshop.create.place"), placeholder=fields.placeholder_for(frame.lang, workshop.PLACE_MAX)
        )
        lang = language.selectbox(
            t("workshop.create.lang"), list(i18n.LANGS), index=list(i18n.LANGS).index(frame.lang),
            format_func=i18n.LANG_NAMES.get, placeholder=t("frame.choose"),
        )  # fmt: skip
        secret = st.text_input(
            t("workshop.create.secret"),
            type="password",
            placeholder=fields.placeholder_for(frame.lang, workshop.SECRET_MAX),
        )
        st.caption(t("workshop.create.secret_help", min=workshop.SECRET_MIN))
        submitted = st.form_submit_button(t("workshop.create.button"), type="primary", icon=":material/add:")
    if not submitted:
        return
    try:
        made = store.create(title, date, place, lang, secret, room_ui.now(), creator=room_ui.rate_id())
    except workshop.WorkshopError as error:
        st.error(frame.msg(error.message))
        return
    frame_mod.flash("success", i18n.Message("workshoppage.created"))
    st.query_params["room"] = made.id
    st.rerun()


def unlock(frame: Frame, store: WorkshopStore, room_id: str, made: Workshop | None) -> None:
    """The secret prompt; an unknown room looks the same as a known one until the secret is checked."""
    t = frame.t
    st.title(t("workshop.name"))
    st.info(t("workshoppage.locked"), icon=":material/lock:")
    with st.form("room_access"):
        secret = st.text_input(t("workshop.room_access.input"), type="password")
        submitted = st.form_submit_button(t("workshop.room_access.button"), type="primary", icon=":material/lock_open:")
    if not submitted:
        return
    result = store.room_access(room_id, secret, room_ui.rate_id(), room_ui.now())
    if result.status == "ok" and made is not None:
        st.rerun()
    st.error(frame.msg(result.message))


def presenter_locked(frame: Frame) -> None:
    """Presenter mode asked for in a browser that may not open the room: the same for any code."""
    st.title(frame.t("workshop.name"))
    st.info(frame.t("workshoppage.presenter_locked"), icon=":material/lock:")
    st.page_link(PAGE, label=frame.t("workshoppage.title"), icon=":material/groups:", query_params={"lang": frame.lang})


def present(made: Workshop, on: bool) -> None:
    """Switch this tab to presenter mode (named by the public code) and back to the room (named by its id)."""
    if on:
        st.query_params.pop("room", None)
        st.query_params[presenter.PARAM] = made.code
    else:
        st.query_params.pop(presenter.PARAM, None)
        st.query_params["room"] = made.id


def _close(made: Workshop) -> None:
    room_ui.get_workshops().close(made.id, room_ui.now())
    frame_mod.flash("success", i18n.Message("workshop.close.done"))


def _forget(made: Workshop) -> None:
    room_ui.get_workshops().forget(made.id, room_ui.rate_id())
    frame_mod.flash("info", i18n.Message("workshoppage.forgotten"))


def room(frame: Frame, made: Workshop) -> None:
    """The facilitator's room view: the title and one row of actions, then the room, live; the rest folded."""
    t = frame.t
    is_open = workshop.is_open(made, room_ui.now())
    st.title(safe_text.for_markdown(made.title), anchor=False)
    code = f"{t('workshop.code.label')}: **{workshop.format_code(made.code)}** · " if is_open else ""  # a closed
    state = t("workshoppage.status." + ("open" if is_open else "closed"))  # workshop's code lets nobody in
    badge = f":green-badge[:material/lock_open: {state}]" if is_open else f":gray-badge[:material/lock: {state}]"
    st.markdown(f"{code}{presenter.details(frame, made)} {badge}")
    with st.container(horizontal=True, gap="small"):
        st.button(t("workshoppage.present"), icon=":material/present_to_all:", on_click=present, args=(made, True))
        url = workshop.presenter_url(presenter.app_base(), made.code, frame.lang)
        st.link_button(t("workshoppage.present_tab"), url, icon=":material/open_in_new:",
                       help=t("workshoppage.present_tab_help"))  # fmt: skip
        if is_open:
            with st.popover(t("workshop.close.button"), icon=":material/lock:"):
                st.markdown(t("workshoppage.close.confirm"))
                st.button(t("workshoppage.close.yes"), key="close_yes", type="primary", on_click=_close, args=(made,))
    pace_control(frame, made)
    room_ui.live(frame, made, room_ui.view)
    st.divider()
    with st.expander(t("workshoppage.how_to_join"), icon=":material/qr_code_2:"):
        presenter.code_panel(frame, made)
    room_ui.export(frame, made)
    with st.expander(t("workshoppage.private.heading"), icon=":material/key:"):
        st.caption(t("workshoppage.room_link"))
        st.code(workshop.room_url(presenter.app_base(), made.id, frame.lang), language=None, wrap_lines=True)
        st.caption(t("workshoppage.private.browser", hours=int(access.GRANT / dt.timedelta(hours=1))))
        st.button(t("workshoppage.forget"), icon=":material/logout:", on_click=_forget, args=(made,))


def _set_pace(frame: Frame, made: Workshop, paused: bool) -> None:
    step = st.session_state.get("pace_step") or None
    minutes = st.session_state.get("pace_minutes")
    try:
        room_ui.get_workshops().set_pace(made.id, step, int(minutes) if minutes else None, paused, room_ui.now())
    except pace_mod.PaceError as error:
        frame_mod.flash("error", i18n.Message("pace.refused", {"reason": str(error)}))


@st.fragment(run_every=room_ui.REFRESH_S)
def pace_control(frame: Frame, made: Workshop) -> None:
    """The room's step and minutes, "look at the screen", and how many are on that step and have done it."""
    t = frame.t
    store = room_ui.get_workshops()
    now = store.pace(made.id)
    with st.container(border=True):
        st.markdown(f"**:material/directions_run: {t('pace.heading')}**")
        st.caption(t("pace.help"))
        steps = [s.id for s in path.STEPS]
        if "pace_step" not in st.session_state:
            st.session_state["pace_step"] = now.step if now is not None and now.step else ""
        with st.container(horizontal=True, gap="small", vertical_alignment="bottom"):
            st.selectbox(t("pace.step"), ["", *steps], key="pace_step", width=220, placeholder=t("frame.choose"),
                         format_func=lambda s: t("step." + s) if s else t("pace.step_none"))  # fmt: skip
            st.number_input(t("pace.minutes"), min_value=1, max_value=pace_mod.MAX_MINUTES, value=None, step=5,
                            key="pace_minutes", width=160)  # fmt: skip
            st.button(t("pace.set"), icon=":material/flag:", type="primary", on_click=_set_pace,
                      args=(frame, made, False))  # fmt: skip
            paused = now is not None and now.paused
            st.button(t("pace.resume") if paused else t("pace.pause"), icon=":material/visibility:",
                      on_click=_set_pace, args=(frame, made, not paused))  # fmt: skip
        if now is None or now.step is None:
            st.caption(t("pace.none_set"))
        else:
            left = pace_banner.left_text(frame.lang, now, room_ui.now())
            the_room = room_mod.summarise(store.room_snapshot(made.id), dt.date.today())
            at = sum(1 for p in the_room.people if p.step == now.step)
            done = sum(1 for p in the_room.people if now.step in p.done)
            st.markdown(t("pace.now_set", step=t("step." + now.step), left=left))
            st.caption(t("pace.counts", at=at, done=done, total=the_room.read))
        if now is not None and now.paused:
            st.caption(":material/pause_circle: " + t("pace.paused_state"))
