"""A map of the benchmark's customers on the blank server: ``?kind=naive`` or ``?kind=rotta``.

``naive`` is what a first attempt does (one folium ``Marker`` per customer); ``rotta`` is how Rotta
draws customers (H3 hexagons in one GeoJSON layer). Both are rebuilt on every run, as a page
without caching would. The customers come from the CSV named by ``ROTTA_BENCH_MAP_DATA``.
"""

import os
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from bench import naive_map
from core import offline_assets

offline_assets.install(Path(__file__).resolve().parent.parent / "static")
kind = st.query_params.get("kind", "rotta")
customers = pd.read_csv(os.environ["ROTTA_BENCH_MAP_DATA"])
m = naive_map.naive(customers) if kind == "naive" else naive_map.rotta(customers)
st_folium(m, key=f"map_{kind}", returned_objects=[], height=500, use_container_width=True)
