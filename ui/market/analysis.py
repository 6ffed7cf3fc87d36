"""What every section of the Market map page shares: the customers' analysis, the keys of its widgets and
maps, and the helpers that show its messages, tables and figures.

Analyses run once per version of the data (``_analysis``: keyed by the plan's customer imports under
its secret token, or by the sample's slug, never by hashing a large table); ``market_data_key`` says
which version. Sections: ``ui.market.map`` (layers, the map, the summary, the tables), ``ui.market.customers_in``
(customers in), ``ui.market.draw`` (the target area drawn on the map), ``ui.market.places`` (saved
areas, competitors and other sites, the audience by city).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from core import hexes, i18n, safe_text
from core.i18n import Message
from core.market import analysis as core_analysis
from core.market import catchment, market
from core.market import view as market_page
from core.plan import plan as plan_mod
from ui import data as data_mod
from ui import frame as frame_mod
from ui import imports, resources
from ui.frame import Frame

# streamlit-folium 0.27 reads returned_objects only when the map mounts (window.__GLOBAL_DATA__): the map
# that reports clicks, for drawing, is another component (another key), mounted while drawing only.
MAP_KEY, DRAW_MAP_KEY = "market_map", "market_map_draw"
MAP_HEIGHT = 560
DRAW_MODES = ("off", "polygon", "circle")
DRAW_KEY, RADIUS_KEY, NAME_KEY = "w:market:draw", "w:market:radius", "market:area_name"  # the name: frame.key(NAME_KEY)
BOXES = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}


@dataclass(frozen=True, eq=False)
class Loaded:
    key: tuple[object, ...]  # what exactly the customers are (see market_data_key)
    center: tuple[float, float] | None  # the business, when its town is known
    analysis: core_analysis.Analysis
    own: bool  # the customers come from the plan's imports (not from a sample)


@st.cache_resource(show_spinner=False)
def _comuni() -> pd.DataFrame:
    return resources.get_gazetteer().comuni()


def _cells() -> pd.DataFrame:
    return resources.get_gazetteer().cells()


def cells() -> pd.DataFrame:
    """The gazetteer's sample points of the comuni (their outlines on the map)."""
    return _cells()


def data_digest(loaded: Loaded) -> str:
    """A short name for exactly which customers and business point the page shows (widget keys)."""
    return hashlib.sha256(repr((loaded.key, loaded.center)).encode()).hexdigest()[:12]


def market_data_key(frame: Frame) -> tuple[object, ...]:
    """The plan's customer and order imports (under its secret token), else its sample: never a table's hash.
    Orders count: their buyers are customers (``ui.data.plan_data``)."""
    entries = resources.get_datasets().entries(frame.token) if frame.token else []
    ids = tuple(e.id for e in entries if e.kind in ("customers", "orders"))
    return (frame.token, ids, None) if ids else (None, (), (frame.plan or {}).get("sample"))


@st.cache_resource(show_spinner=False, max_entries=16)
def _analysis(key: tuple[object, ...], business: core_analysis.Business, _frame: Frame) -> core_analysis.Analysis:
    return core_analysis.analyse(data_mod.plan_data(_frame).customers, business, _comuni(), _cells())


@st.cache_data(show_spinner=False, max_entries=64)
def rings_for(
    key: tuple[object, ...], center: tuple[float, float], radii: tuple[float, ...], _a: core_analysis.Analysis
) -> pd.DataFrame:
    return core_analysis.rings(_a, center, radii)


@st.cache_resource(show_spinner=False, max_entries=16)
def hex_table(
    key: tuple[object, ...], center: tuple[float, float] | None, resolution: int, _a: core_analysis.Analysis
) -> pd.DataFrame:
    return hexes.hexes(market_page.hex_scope(_a.customers[~_a.unknown], center, resolution), resolution)


@st.cache_data(show_spinner=False, max_entries=256)
def area_summary_for(key: tuple[object, ...], area_json: str, _a: core_analysis.Analysis) -> catchment.AreaSummary:
    saved = market_page.area_from_dict(json.loads(area_json))
    return core_analysis.area_summary(_a, saved.area, _comuni(), _cells())


@st.cache_data(show_spinner=False, max_entries=64)
def audience_table(key: tuple[object, ...], followers_json: str, _a: core_analysis.Analysis) -> pd.DataFrame:
    followers = market_page.followers_frame(json.loads(followers_json))
    table = market.followers_vs_customers(followers, _a.by_comune)
    return market_page.with_places(table, resources.get_gazetteer())


def load(frame: Frame) -> Loaded:
    business = core_analysis.business_of(frame.plan or {})
    key = market_data_key(frame)
    return Loaded(key, business.point, _analysis(key, business, frame), own=key[0] is not None)


def said(frame: Frame, message: Message) -> str:
    """A message whose parameters may be messages; text from files shown as plain text, numbers localized."""
    params = {
        k: said(frame, v) if isinstance(v, Message) else safe_text.for_markdown(v) if isinstance(v, str) else v
        for k, v in message.params.items()
    }
    params = {
        k: i18n.number(frame.lang, v) if isinstance(v, int) and k in ("rows", "placed") else v
        for k, v in params.items()
    }
    if "platform" in params:
        params["platform"] = imports.platform_label(frame.lang, message.params["platform"])
    return i18n.t(frame.lang, message.key, **params)


def remove_from(frame: Frame, section: tuple[str, ...], index: int) -> None:
    stored = list(plan_mod.get_in(frame.plan, section) or [])
    if 0 <= index < len(stored):
        frame_mod.save(
            frame,
            [plan_mod.Change(section, plan_mod.get_in(frame.plan, section), stored[:index] + stored[index + 1 :])],
        )


def labels(frame: Frame, table: pd.DataFrame) -> dict[str, str]:
    return {c: frame.t(f"marketpage.col.{c}") for c in table.columns}


def figures(frame: Frame, values: dict[str, str], summary: catchment.AreaSummary | None = None) -> None:
    """A drawn area's figures (``market_page.area_figures``), two by two so long numbers fit; then what is
    estimated and who is counted apart."""
    t = frame.t
    shown = [
        ("customers", t("marketpage.area.of_all", share=values["share_customers"])),
        ("revenue", t("marketpage.area.of_all", share=values["share_revenue"])),
        ("residents", t("marketpage.area.comuni", n=values["comuni"])),
        ("per_1000", None),
    ]
    for row in (shown[:2], shown[2:]):
        for col, (name, note) in zip(st.columns(2), row, strict=True):
            col.metric(t(f"marketpage.area.{name}"), values[name], note, delta_color="off", delta_arrow="off")
    if summary is not None:
        unknown = market_page.area_unknown(frame.lang, summary)
        if unknown is not None:
            st.caption(safe_text.for_markdown(unknown.render(frame.lang)))
        if summary.residents_estimated:
            st.caption(t("marketpage.area.estimated"))


def table(frame: Frame, table: pd.DataFrame) -> None:
    """A short table in words, its columns named in the page's language: a Markdown table (no grid to load;
    its cells wrap on a phone, so there is no scrolling box that the keyboard could not reach). Every cell is
    escaped: names from files and users stay text."""
    named = labels(frame, table)
    header = [named[c] for c in table.columns]
    st.markdown(safe_text.markdown_table(header, table.astype(object).fillna("").to_numpy().tolist()))
