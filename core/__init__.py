"""Rotta's domain: pure functions and data, no streamlit (a test checks)."""
