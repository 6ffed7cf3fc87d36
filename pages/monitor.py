"""Monitor: results against goals, what changed, the customers who come back and where, what to do now."""

import datetime as dt

import streamlit as st

from core import i18n
from ui import frame as frame_mod
from ui import monitor as monitor_ui

frame = frame_mod.page("monitor")
t = frame.t
st.title(t("monitor.title"))
st.caption(t("monitor.lead"))
if not frame_mod.require_plan(frame):
    st.stop()
loaded = monitor_ui.load(frame, dt.date.today())
data = loaded.data
if data.activity.empty and data.orders.empty and data.customers.empty:
    st.info(t("monitor.no_data"), icon=":material/upload_file:")
else:
    st.caption(t("monitor.as_of", date=i18n.date(frame.lang, loaded.result.as_of)))

monitor_ui.board(frame, loaded)
monitor_ui.alerts(frame, loaded)
monitor_ui.period_comparison(frame, loaded)
monitor_ui.loyalty(frame, loaded)
monitor_ui.activity_links(frame, loaded)
st.divider()
monitor_ui.export(frame, loaded)
frame_mod.next_step(frame)
