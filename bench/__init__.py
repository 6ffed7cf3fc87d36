"""Rotta's benchmark harness: every page against a blank Streamlit page, importers, the naive map.

Run ``python -m bench.run`` (see ``bench/README.md``). Nothing here is imported by the app.
"""
