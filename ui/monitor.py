"""The Monitor page's sections: goal board, alerts, months compared, loyalty and its map, links, export."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from core import i18n, safe_text
from core.goals import kpis, measures
from core.goals import text as goal_text
from core.monitor import board as monitor
from core.monitor import charts as monitor_charts
from core.monitor import map as monitor_map
from core.monitor import words
from core.timeline import charts
from ui import data as data_mod
from ui.frame import Frame

BADGES = {  # the traffic light: colour and icon of each status
    "on_track": ("green", ":material/check_circle:"),
    "at_risk": ("orange", ":material/warning:"),
    "off_track": ("red", ":material/error:"),
    "too_early": ("gray", ":material/schedule:"),
    "no_data": ("gray", ":material/help:"),
}
VERDICT_BOXES = {"on_track": st.success, "at_risk": st.warning, "thin": st.info, "no_goals": st.info}
ALERT_BOXES = {"critical": st.error, "warning": st.warning, "info": st.info}
MAP_HEIGHT = 480


@dataclass(frozen=True, eq=False)
class Loaded:
    data: measures.Data
    result: monitor.Monitor
    places: pd.DataFrame  # monitor_map.segment_places
    unplaced: int
    key: tuple[object, ...]  # what the result is made of: the plan's data key, its goals, the day measured to


@st.cache_resource(show_spinner=False, max_entries=16)
def _computed(
    key: tuple[object, ...], goals_json: str, as_of: dt.date, places_key: str, _data: measures.Data, _places: Any
) -> Loaded:
    """Keyed by the exact tables, goals and places, never by hashing large frames; the result is only read."""
    result = monitor.build(json.loads(goals_json), _data, as_of, _places)
    places, unplaced = pd.DataFrame(columns=list(monitor_map.PLACE_COLUMNS)), 0
    if result.loyalty is not None:
        places, unplaced = monitor_map.segment_places(result.loyalty.customers, _data.customers)
    return Loaded(_data, result, places, unplaced, (key, goals_json, as_of, places_key))


def load(frame: Frame, today: dt.date) -> Loaded:
    data = data_mod.plan_data(frame)
    goals_json = json.dumps(frame.plan.get("goals") or [], sort_keys=True)
    places_key, places = data_mod.places_key(frame.plan), data_mod.goal_places(frame.plan)
    return _computed(data_mod.data_key(frame), goals_json, data_mod.as_of(data, today), places_key, data, places)


@st.cache_data(show_spinner=False, max_entries=32)
def _chart_specs(key: tuple[object, ...], lang: str, _loaded: Loaded) -> dict[str, dict[str, Any]]:
    """The page's Vega-Lite specs, built and validated once per result and language (``key``: ``Loaded.key``)."""
    result, specs = _loaded.result, {}
    if result.loyalty is not None:
        specs["cohorts"] = charts.vega_spec(monitor_charts.cohort_heatmap(result.loyalty.cohorts, lang))
        specs["segments"] = charts.vega_spec(monitor_charts.segment_bars(result.loyalty.segments, lang))
    if result.links is not None and not result.links.weeks.empty:
        specs["links"] = charts.vega_spec(monitor_charts.activity_and_customers(result.links.weeks, lang))
    return specs


@st.cache_data(show_spinner=False, max_entries=32)
def _circle_rows(key: tuple[object, ...], lang: str, _loaded: Loaded) -> list[list[object]]:
    """The map's circles and their tooltips (``key``: ``Loaded.key``)."""
    return monitor_map.circle_rows(_loaded.places, lang)


def _goal_card(frame: Frame, row: monitor.BoardRow) -> None:
    t, lang = frame.t, frame.lang
    cells = words.cells(lang, row)
    with st.container(border=True):
        st.markdown(f"**{safe_text.for_markdown(words.title(lang, row))}**")
        st.caption(f":material/location_on: {safe_text.for_markdown(words.place(lang, row))}")
        color, icon = BADGES[row.status]
        badge = f":{color}-badge[{icon} {words.status_text(lang, row)}]"
        st.markdown(f"{badge} {kpis.name(lang, row.kpi)}" if row.kpi else badge)
        share = words.progress_share(row)
        if share is not None:
            st.progress(share, text=t("monitor.progress", pct=cells["progress"]))
        if row.kpi and row.status != "no_data":
            lines = [
                f"{t('monitor.col.current')}: **{cells['current']}** · {t('monitor.col.target')}: **{cells['target']}**"
            ]
            if not row.reached:
                needed, achieved = cells["pace_needed"], cells["pace_achieved"]
                lines.append(
                    f"{t('monitor.col.pace_needed')}: **{needed}** · {t('monitor.col.pace_achieved')}: **{achieved}**"
                )
            lines.append(f"{t('monitor.col.forecast')}: **{cells['forecast']}**")
            st.markdown("  \n".join(lines))
        text = goal_text.render(lang, row.message, escape=safe_text.for_markdown)
        if row.missing:
            st.info(text, icon=":material/upload_file:")
        else:
            st.caption(text)
        if row.where is not None:
            st.caption(goal_text.render(lang, row.where, escape=safe_text.for_markdown))


def board(frame: Frame, loaded: Loaded) -> None:
    result = loaded.result
    st.header(frame.t("monitor.board.title"))
    if not result.rows:
        st.info(frame.t("monitor.board.none"))
        return
    VERDICT_BOXES[result.verdict.key](result.verdict.message.render(frame.lang))
    columns = st.columns(2)
    for n, row in enumerate(result.rows):
        with columns[n % 2]:
            _goal_card(frame, row)


def alerts(frame: Frame, loaded: Loaded) -> None:
    st.header(frame.t("monitor.alerts.title"))
    if not loaded.result.alerts:
        st.success(frame.t("monitor.alerts.none"))
    for alert in loaded.result.alerts:
        level = frame.t(f"alerts.level.{alert.level}")
        action = frame.t("monitor.alerts.action", action=alert.action.render(frame.lang))
        ALERT_BOXES[alert.level](f"**{level}** · {alert.message.render(frame.lang)}  \n→ {action}")


def period_comparison(frame: Frame, loaded: Loaded) -> None:
    t, lang = frame.t, frame.lang
    comparison = loaded.result.comparison
    st.header(t("monitor.periods.title"))
    if comparison is None:
        st.info(t("monitor.periods.none"))
        return
    st.caption(words.spans_text(lang, comparison.spans))
    columns = st.columns(min(3, max(1, len(comparison.words))))
    for n, said in enumerate(comparison.words):
        with columns[n % len(columns)].container(border=True):
            st.markdown(f"**{words.channel(lang, said.channel)}**")
            st.markdown(f"**{t('monitor.periods.vs_last_month')}** {said.last_month.render(lang)}")
            st.markdown(f"**{t('monitor.periods.vs_last_year')}** {said.last_year.render(lang)}")
    with st.expander(t("monitor.periods.numbers"), icon=":material/table:"):
        # A Markdown table, not st.dataframe: the data grid's code (~1.5 MB of JavaScript) is the page's
        # heaviest download for a dozen rows of text (benchmark).
        table = words.period_table(lang, comparison)
        header = [t(f"monitor.periods.col.{c}") for c in table.columns]
        st.markdown(safe_text.markdown_table(header, table.to_numpy().tolist()))


def loyalty(frame: Frame, loaded: Loaded) -> None:
    t, lang = frame.t, frame.lang
    summary = loaded.result.loyalty
    st.header(t("monitor.loyalty.title"))
    if summary is None:
        st.info(t("monitor.loyalty.none"))
        return
    gap = summary.gaps.median_days
    left, middle, right = st.columns(3)
    left.metric(t("monitor.metric.repeat_rate"), i18n.percent(lang, summary.repeat.rate or 0.0))
    days = words.DASH if gap is None else t("monitor.metric.median_gap_value", days=i18n.number(lang, gap))
    middle.metric(t("monitor.metric.median_gap"), days)
    right.metric(t("monitor.metric.customers"), i18n.number(lang, summary.repeat.customers))
    st.caption(" ".join(words.loyalty_lines(lang, summary.repeat, summary.gaps)))
    st.markdown(f"**{t('monitor.cohorts.title')}**")
    st.caption(t("monitor.cohorts.help"))
    specs = _chart_specs(loaded.key, lang, loaded)
    st.vega_lite_chart(specs["cohorts"], width="stretch")
    st.markdown(f"**{t('monitor.segments.title')}**")
    st.caption(t("monitor.segments.help"))
    bars, actions = st.columns([1, 1], gap="large")
    bars.vega_lite_chart(specs["segments"], width="stretch")
    shown = words.segment_table(lang, summary.segments)
    lines = [
        f"- **{s}**: {a}" for s, n, a in zip(shown["segment"], shown["customers"], shown["action"], strict=True) if n
    ]
    actions.markdown(f"**{t('monitor.segments.actions')}**")
    actions.markdown("\n".join(lines))
    segment_map(frame, loaded)


def segment_map(frame: Frame, loaded: Loaded) -> None:
    t = frame.t
    st.markdown(f"**{t('monitor.map.title')}**")
    if loaded.places.empty:
        st.info(t("monitor.map.none"))
        return
    st.caption(t("monitor.map.help"))
    business = frame.plan.get("business") or {}
    town, name = business.get("town"), business.get("name") or t("frame.plan_unnamed")
    where = (name, float(town["lat"]), float(town["lon"])) if town else None
    m = monitor_map.segment_map(loaded.places, frame.lang, where, rows=_circle_rows(loaded.key, frame.lang, loaded))
    st_folium(m, key="monitor_map", returned_objects=[], height=MAP_HEIGHT, width="stretch")
    if loaded.unplaced:
        st.caption(t("monitor.map.unplaced", n=i18n.number(frame.lang, loaded.unplaced)))


def activity_links(frame: Frame, loaded: Loaded) -> None:
    t, lang = frame.t, frame.lang
    found = loaded.result.links
    st.header(t("monitor.links.title"))
    if found is None or found.weeks.empty:
        st.info(t("monitor.links.none"))
        return
    st.vega_lite_chart(_chart_specs(loaded.key, lang, loaded)["links"], width="stretch")
    st.markdown("\n".join(f"- {item.statement.render(lang)}" for item in found.found))
    st.caption(found.found[0].caveat.render(lang))


def export(frame: Frame, loaded: Loaded) -> None:
    name = (frame.plan.get("business") or {}).get("name") or ""
    text = monitor.summary_markdown(frame.lang, name, loaded.result)
    st.download_button(
        frame.t("monitor.export.button"),
        data=text,
        file_name=monitor.file_name(name, loaded.result.as_of),
        mime="text/markdown",
        help=frame.t("monitor.export.help"),
        icon=":material/download:",
        on_click="ignore",
    )
