"""Timeline: what the business did, where and when, what worked, and the editorial calendar."""

import datetime as dt

import streamlit as st

from ui import frame as frame_mod
from ui import imports
from ui.timeline import activity as sections
from ui.timeline import calendar as timeline_calendar
from ui.timeline import offline as timeline_offline

frame = frame_mod.page("timeline")
t = frame.t
st.title(t("timelinepage.title"))
st.caption(t("timelinepage.lead"))
if not frame_mod.require_plan(frame):
    st.stop()
today = dt.date.today()

st.header(t("timelinepage.in.title"), anchor=False)
files, by_hand = st.columns(2, gap="large")
with files.container(border=True):
    st.markdown(f"**{t('timelinepage.import.expander')}**")
    entries = imports.import_section(frame, kinds=("activity",))
    if frame.plan.get("sample") and not entries:
        st.caption(t("timelinepage.import.sample_note"))
with by_hand.container(border=True):
    timeline_offline.offline_section(frame, today)

source = sections.Source(frame)
if sections.summary(frame, source):
    st.header(t("timelinepage.time.title"), anchor=False)
    sections.over_time(frame, source)
    st.header(t("timelinepage.when.title"), anchor=False)
    sections.when_it_works(frame, source)
    st.header(t("timelinepage.where.title"), anchor=False)
    sections.where(frame, source)
    st.header(t("timelinepage.worked.title"), anchor=False)
    sections.what_worked(frame, source)
else:
    st.info(t("timelinepage.no_activity"))

st.header(t("timelinepage.calendar.title"), anchor=False)
timeline_calendar.calendar_section(frame, source, today)
frame_mod.next_step(frame)
