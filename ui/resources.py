"""Process-wide resources, built once per server process and shared by sessions (read-only or thread-safe)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import streamlit as st

from core import geocode, offline_assets, samples
from core.plan import datasets, store
from core.workshop.store import WorkshopStore

APP_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Where the embedded database and caches live: ``ROTTA_DATA_DIR`` or ``data/`` in the app folder."""
    path = Path(os.environ.get("ROTTA_DATA_DIR") or APP_DIR / "data")
    path.mkdir(parents=True, exist_ok=True)
    return path


@st.cache_resource(show_spinner=False)
def get_store() -> store.Store:
    url = os.environ.get("DATABASE_URL") or store.default_url(data_dir())
    return store.Store(store.make_engine(url))


@st.cache_resource(show_spinner=False)
def get_workshops() -> WorkshopStore:
    """Workshops beside the plans, in the same database (thread- and process-safe)."""
    return WorkshopStore(get_store())


@st.cache_resource(show_spinner=False)
def get_datasets() -> datasets.Datasets:
    return datasets.Datasets(get_store().engine)


@st.cache_resource(show_spinner=False)
def get_gazetteer() -> geocode.Gazetteer:
    cache = Path(os.environ.get("ROTTA_CACHE_DIR") or data_dir() / "cache")
    return geocode.load_gazetteer(cache_dir=cache)


@st.cache_resource(show_spinner=False)
def static_assets() -> list[Path]:
    """Copy Leaflet and friends from installed packages into ``static/`` so maps work offline."""
    return offline_assets.install(APP_DIR / "static")


@st.cache_resource(show_spinner=False)
def get_sample(slug: str) -> samples.Sample:
    """Sample businesses are public data, the same for every session."""
    return samples.load_sample(slug)


def existing_scripts() -> list[str]:
    """``app.py`` and the page scripts (read once: the server does not watch files, see config.toml)."""
    return list(_scripts())


@functools.cache
def _scripts() -> tuple[str, ...]:
    return ("app.py", *(f"pages/{p.name}" for p in sorted((APP_DIR / "pages").glob("*.py"))))
