"""Market map: to whom and where the business sells, on a map with layers, in words and in tables."""

import streamlit as st

from ui import frame as frame_mod
from ui.market import analysis as market_base
from ui.market import customers_in as market_import
from ui.market import map as market_ui
from ui.market import places as market_places

frame = frame_mod.page("market")
t = frame.t
st.title(t("marketpage.title"))
st.caption(t("marketpage.lead"))
if not frame_mod.require_plan(frame):
    st.stop()
loaded = market_base.load(frame)
market_import.customers_in(frame, loaded)

st.header(t("marketpage.map.title"), anchor=False)
market_ui.metrics(frame, loaded)


@st.fragment
def layers_and_map() -> None:  # switching a layer or a ring reruns these alone, not the imports and lists
    choice, radii = market_ui.layer_choice(frame, loaded)
    market_ui.map_section(frame, loaded, choice, radii)
    market_places.saved_areas(frame, loaded)
    market_ui.tables(frame, loaded, radii)
    frame_mod.fragment_settled()


layers_and_map()

st.header(t("marketpage.places.title"), anchor=False)
competitors, sites = st.columns(2, gap="large")
with competitors:
    market_places.place_list(frame, ("competitors",), "competitors")
with sites:
    market_places.place_list(frame, ("business", "sites"), "sites")
market_places.audience(frame, loaded)
frame_mod.next_step(frame)
