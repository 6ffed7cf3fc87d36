"""Workshop (facilitator): create a workshop, show its code and QR, open the room with the secret, present it."""

import datetime as dt
import re

import streamlit as st

from core import i18n, safe_text
from core.workshop import workshop
from ui import frame as frame_mod
from ui import presenter
from ui import room as room_ui

frame = frame_mod.page("workshop")
t = frame.t
store = room_ui.get_workshops()
room_id = st.query_params.get("room") or ""
ROOM_ID = re.compile(r"^[A-Za-z0-9_-]{16}$")  # workshop ids are 12 random bytes, URL-safe


def _create() -> None:
    st.title(t("workshoppage.title"))
    st.caption(t("workshoppage.lead"))
    if room_ui.rooms():
        st.markdown(f"**{t('workshoppage.your_rooms')}**")
        for known, title in room_ui.rooms().items():
            st.page_link(
                "pages/workshop.py",
                label=safe_text.for_markdown(title),
                icon=":material/groups:",
                query_params={"lang": frame.lang, "room": known},
            )
    with st.form("create_workshop"):
        st.subheader(t("workshop.create.heading"))
        title = st.text_input(t("workshop.create.title"), max_chars=workshop.TITLE_MAX)
        when, where, language = st.columns(3)
        date = when.date_input(t("workshop.create.date"), value=dt.date.today(), format="DD/MM/YYYY")
        place = where.text_input(t("workshop.create.place"), max_chars=workshop.PLACE_MAX)
        lang = language.selectbox(
            t("workshop.create.lang"), list(i18n.LANGS), index=list(i18n.LANGS).index(frame.lang),
            format_func=i18n.LANG_NAMES.get,
        )  # fmt: skip
        secret = st.text_input(t("workshop.create.secret"), type="password", max_chars=workshop.SECRET_MAX)
        st.caption(t("workshop.create.secret_help", min=workshop.SECRET_MIN))
        submitted = st.form_submit_button(t("workshop.create.button"), type="primary", icon=":material/add:")
    if not submitted:
        return
    try:
        made = store.create(title, date, place, lang, secret, room_ui.now())
    except workshop.WorkshopError as error:
        st.error(frame.msg(error.message))
        return
    room_ui.grant(made)
    frame_mod.flash("success", i18n.Message("workshoppage.created"))
    st.query_params["room"] = made.id
    st.rerun()


def _unlock(made: workshop.Workshop | None) -> None:
    """The secret prompt; an unknown room looks the same as a known one until the secret is checked."""
    st.title(t("workshop.name"))
    st.info(t("workshoppage.locked"), icon=":material/lock:")
    with st.form("room_access"):
        secret = st.text_input(t("workshop.room_access.input"), type="password", max_chars=workshop.SECRET_MAX)
        submitted = st.form_submit_button(t("workshop.room_access.button"), type="primary", icon=":material/lock_open:")
    if not submitted:
        return
    result = store.room_access(room_id, secret, room_ui.rate_id(), room_ui.now())
    if result.status == "ok" and made is not None:
        room_ui.grant(made)
        st.rerun()
    st.error(frame.msg(result.message))


def _set_presenting(on: bool) -> None:
    if on:
        st.query_params[presenter.PARAM] = "1"
    else:
        st.query_params.pop(presenter.PARAM, None)


def _close(made: workshop.Workshop) -> None:
    store.close(made.id, room_ui.now())
    frame_mod.flash("success", i18n.Message("workshop.close.done"))


def _facilitate(made: workshop.Workshop) -> None:
    is_open = workshop.is_open(made, room_ui.now())
    st.title(safe_text.for_markdown(made.title))
    status = t("workshoppage.status." + ("open" if is_open else "closed"))
    st.caption(presenter.details(frame, made))
    st.badge(
        status, icon=":material/lock_open:" if is_open else ":material/lock:", color="green" if is_open else "gray"
    )
    presenter.code_panel(frame, made)
    present, close, _rest = st.columns([1, 1, 2])
    present.button(
        t("workshoppage.present"),
        icon=":material/present_to_all:",
        on_click=_set_presenting,
        args=(True,),
        width="stretch",
    )
    if is_open:
        with close.popover(t("workshop.close.button"), icon=":material/lock:", width="stretch"):
            st.markdown(t("workshoppage.close.confirm"))
            st.button(t("workshoppage.close.yes"), key="close_yes", type="primary", on_click=_close, args=(made,))
    st.caption(t("workshoppage.room_link"))
    st.code(f"{presenter.app_base()}/workshop?room={made.id}&lang={frame.lang}", language=None, wrap_lines=True)
    st.divider()
    st.header(t("room.heading"))
    room_ui.live(frame, made, room_ui.view)
    st.divider()
    room_ui.export(frame, made)


if not room_id:
    _create()
    st.stop()
if not ROOM_ID.match(room_id):
    st.warning(t("workshoppage.missing"))
    st.page_link(
        "pages/workshop.py", label=t("workshoppage.new"), icon=":material/add:", query_params={"lang": frame.lang}
    )
    st.stop()
found = store.get(room_id)
if found is None or not room_ui.has_access(room_id):
    _unlock(found)
    st.stop()
presenter.chrome()
if presenter.active():
    presenter.show(frame, found)
    st.button(
        t("workshoppage.present_exit"), icon=":material/close_fullscreen:", on_click=_set_presenting, args=(False,)
    )
else:
    _facilitate(found)
