"""The baseline: the lightest page Streamlit can serve (a title and one line of text)."""

import streamlit as st

st.title("Rotta")
st.write("A blank page: the baseline every Rotta page is measured against.")
