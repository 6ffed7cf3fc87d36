"""You and the room on a participant's page: their figures beside the room's quartiles, said in words.

The room's figures are read once per room change (``WorkshopStore.room_stamp`` names it: joins, leaves,
saves), not per participant per rerun; only contributors count (``core.workshop.compare``), and a
figure shows only once ``MIN_CONTRIBUTORS`` contribute to it.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core import i18n
from core.timeline import charts
from core.workshop import compare, compare_chart
from ui import frame as frame_mod
from ui import resources
from ui import room as room_ui
from ui.frame import Frame


@st.cache_data(max_entries=64, show_spinner=False)
def _pool(key: tuple[str, tuple[int, int, str]], today: dt.date) -> compare.Pool:
    """The contributors' values of one room as of its stamp: ``key`` is the room's id and ``room_stamp`` (joins,
    leaves and every save change it, so a cache entry holds exactly one state of one room)."""
    return compare.pool(resources.get_workshops().room_snapshot(key[0]), today)


def _room_key(workshop_id: str) -> tuple[str, tuple[int, int, str]]:
    return workshop_id, resources.get_workshops().room_stamp(workshop_id)


@st.cache_data(max_entries=512, show_spinner=False)
def _spec(figure: compare.Figure, lang: str) -> dict | None:
    """One figure's chart spec, built once per figure and language (building and validating one costs ms)."""
    drawn = compare_chart.chart(figure, lang)
    return None if drawn is None else charts.vega_spec(drawn)


def _consent(frame: Frame, key: str) -> None:
    if key not in st.session_state:  # a switch of a page whose values were reset since
        return
    frame_mod.save(frame, [compare.contribute_change(frame.plan or {}, bool(st.session_state[key]))])


def consent(frame: Frame) -> None:
    """The switch "my numbers may count, anonymously, in the room's figures", and what it shares."""
    key = frame.key("room/contribute")
    if key not in st.session_state:
        st.session_state[key] = compare.contributes(frame.plan or {})
    st.toggle(frame.t("compare.consent.label"), key=key, on_change=_consent, args=(frame, key))
    st.caption(frame.t("compare.consent.what", min=compare.MIN_CONTRIBUTORS))


def said(frame: Frame) -> tuple[str, ...]:
    """ "You and the room" in words for the plan's PDF (the note first, then every figure's sentences); empty
    outside a workshop."""
    seat = room_ui.seat(frame)
    if seat is None or frame.plan is None:
        return ()
    made, _ = seat
    today = dt.date.today()
    key = _room_key(made.id)
    room = _pool(key, today)
    note = frame.t("deliverable.room.note", title=made.title, date=i18n.date(frame.lang, today))
    sentences = [
        m.render(frame.lang)
        for figure in compare.compare(room, frame.plan, today)
        for m in compare_chart.sentences(figure, frame.lang)
    ]
    return (note, *dict.fromkeys(sentences))  # the section sentence repeats per figure: once is enough


def show(frame: Frame, step: str) -> None:
    """The figures of ``step`` for a participant (nothing outside a workshop or on a step without any)."""
    figures = compare.STEP_FIGURES.get(step)
    seat = room_ui.seat(frame) if figures else None
    if seat is None or frame.plan is None or figures is None:
        return
    made, _ = seat
    today = dt.date.today()
    key = _room_key(made.id)
    room = _pool(key, today)
    with st.container(border=True, key=frame.key("room/compare")):
        st.header(frame.t("compare.title"), anchor=False)
        st.caption(frame.t("compare.lead"))
        if not compare.contributes(frame.plan):
            st.caption(":material/info: " + frame.t("compare.consent.off"))
        for figure in compare.compare(room, frame.plan, today, figures):
            spec = _spec(figure, frame.lang)
            if spec is not None:
                st.vega_lite_chart(spec, width="stretch")
            for message in compare_chart.sentences(figure, frame.lang):
                st.markdown(frame.msg_md(message))
