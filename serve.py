"""Rotta's server with start-up warming: ``streamlit run serve.py`` (``make run`` does this).

The app is ``app.py`` and ``pages/`` as always; this adds Streamlit's start-up hook (``st.App``'s
lifespan), which runs every page once before the first request (``ui.warm``), so no participant pays
a cold page or a cold first town lookup. ``streamlit run app.py`` still works, warming in the
background on the first visit instead.
"""

import streamlit as st

from ui import warm

app = st.App("app.py", lifespan=warm.lifespan)
