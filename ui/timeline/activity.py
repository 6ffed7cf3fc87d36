"""The Timeline page's sections: the data at a glance, over time, when it works, where, what worked.

The offline-action form is ``ui.timeline.offline``, the editorial calendar ``ui.timeline.calendar``; both
use ``Source`` and ``named_fields`` from here.

Every aggregate is cached under keys that say exactly what the activity table is made of, so a
rerun on a million rows reads small cached tables and never touches the big one (read only on a
miss). ``Source.posts_key`` (the plan's imports under its secret token, its sample) keys what is
computed from the platforms' rows alone: over time, when it works, what worked ignore offline
actions by definition (``timeline.own_posts``, ``timeline.over_time``), so adding one recomputes
only ``Source.key`` (+ the offline actions and the language their text is written in). The charts'
Vega-Lite specs are cached the same way (``charts.vega_spec``): a rerun sends them without touching altair.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from core import i18n, maps, safe_text
from core.goals import measures
from core.i18n import Message
from core.market import catchment
from core.timeline import charts, timeline
from core.timeline import map as timeline_map
from core.timeline import posts as timeline_posts
from ui import data as data_mod
from ui import resources
from ui.frame import Frame

MAP_HEIGHT = 480
TOP_N = 5
BEST_BOX = {"ok": st.info, "thin": st.warning}


class Source:
    """The plan's tables, read only when a cached result is missing."""

    def __init__(self, frame: Frame):
        self.frame = frame
        ids = tuple((e.kind, e.id) for e in resources.get_datasets().entries(frame.token)) if frame.token else ()
        # The token goes in whenever the plan has data of its own, so no other plan can produce the key.
        self.posts_key = (frame.token if ids else None, ids, (frame.plan or {}).get("sample"))
        offline = json.dumps((frame.plan or {}).get("offline") or [], sort_keys=True)
        self.key = (
            (frame.token, *self.posts_key[1:], offline, frame.lang)
            if offline != "[]"
            else (*self.posts_key, frame.lang)
        )
        self._data: measures.Data | None = None

    @property
    def data(self) -> measures.Data:
        if self._data is None:
            self._data = data_mod.plan_data(self.frame)
        return self._data

    @property
    def activity(self) -> pd.DataFrame:
        return self.data.activity


# ---- cached aggregates (small results; ``_source`` is not hashed, ``key`` says what it holds) -----------


@st.cache_data(show_spinner=False, max_entries=32)
def _summary(key: tuple[object, ...], _source: Source) -> dict[str, Any]:
    activity = _source.activity
    if activity.empty:
        return {"rows": 0}
    when = timeline.local_times(activity["when"])
    posts = timeline.own_posts(activity)
    platforms = timeline.platform_order(set(activity.loc[posts, "platform"]))
    return {
        "rows": len(activity),
        "first": when.min().date(),
        "last": when.max().date(),
        "post_platforms": platforms,
    }


@st.cache_data(show_spinner=False, max_entries=32)
def _over_time(key: tuple[object, ...], period: str, _source: Source) -> pd.DataFrame:
    return timeline.over_time(_source.activity, period)


@st.cache_data(show_spinner=False, max_entries=32)
def _offline(key: tuple[object, ...], _source: Source) -> pd.DataFrame:
    return timeline.offline_actions(_source.activity)


@st.cache_data(show_spinner=False, max_entries=32)
def _best_times(key: tuple[object, ...], platforms: tuple[str, ...], _source: Source) -> timeline_posts.BestTimes:
    return timeline_posts.best_times(_source.activity, platforms=platforms or None)


@st.cache_data(show_spinner=False, max_entries=32)
def _top(key: tuple[object, ...], by: str | None, _source: Source) -> timeline_posts.TopPosts:
    return timeline_posts.top_posts(_source.activity, n=TOP_N, by=by)


@st.cache_data(show_spinner=False, max_entries=32)
def _engagement(key: tuple[object, ...], by: str, _source: Source) -> pd.DataFrame:
    return timeline_posts.engagement_by(_source.activity, by, min_reach=timeline_posts.MIN_REACH)


@st.cache_data(show_spinner=False, max_entries=32)
def _points(key: tuple[object, ...], _source: Source) -> tuple[pd.DataFrame, int, int]:
    """The map's points, how many rows have a place, and how many own posts have none."""
    activity = _source.activity
    placed = activity["lat"].notna() & activity["lon"].notna()
    mapped = timeline.own_posts(activity) | (activity["platform"] == timeline.OFFLINE)
    posts = timeline.own_posts(activity)
    points = timeline_map.map_points(activity)
    return points, int((placed & mapped).sum()), int((posts & ~placed).sum())


@st.cache_data(show_spinner=False, max_entries=32)
def _rings(key: tuple[object, ...], center: tuple[float, float], _source: Source) -> pd.DataFrame:
    customers = _source.data.customers
    if customers.empty or "lat" not in customers:
        return pd.DataFrame()
    return catchment.rings(customers, center, catchment.DEFAULT_RADII)


# ---- chart specs: built and validated once per key (``charts.vega_spec``), drawn with st.vega_lite_chart ----


@st.cache_data(show_spinner=False, max_entries=32)
def _over_time_spec(
    key: tuple[object, ...],
    metric: str,
    period: str,
    goals_json: str,
    lang: str,
    _series: pd.DataFrame,
    _offline_actions: pd.DataFrame,
    shown: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """``key``: ``Source.key``, which says what ``_series`` (for ``period``) and ``_offline_actions`` are."""
    goals = json.loads(goals_json)
    chart = charts.results_over_time(_series, lang, metric, period, goals=goals, offline=_offline_actions, shown=shown)
    return charts.vega_spec(chart)


@st.cache_data(show_spinner=False, max_entries=32)
def _hour_spec(key: tuple[object, ...], platforms: tuple[str, ...], lang: str, _source: Source) -> dict[str, Any]:
    return charts.vega_spec(charts.engagement_by_hour(_best_times(key, platforms, _source), lang))


@st.cache_data(show_spinner=False, max_entries=32)
def _groups_spec(key: tuple[object, ...], lang: str, _source: Source) -> dict[str, Any] | None:
    """Engagement per format and per channel, one chart above the other (one Vega view, not two)."""
    summaries = [(by, _engagement(key, by, _source)) for by in ("kind", "platform")]
    if all(summary.empty for _, summary in summaries):
        return None
    return charts.vega_spec(charts.engagement_by_groups(summaries, lang))


# ---- the data at a glance -----------------------------------------------------------------------------


def summary(frame: Frame, source: Source) -> bool:
    """One line on what the activity table covers; False when there is no activity at all."""
    facts = _summary(source.key, source)
    if not facts["rows"]:
        return False
    lang = frame.lang
    first, last = i18n.date(lang, facts["first"]), i18n.date(lang, facts["last"])
    st.caption(frame.t("timelinepage.as_of", first=first, last=last, rows=i18n.number(lang, facts["rows"])))
    return True


# ---- validation messages, as the offline form and the calendar table name their fields -----------------


def named_fields(frame: Frame, message: Message, form: str = "") -> str:
    """A validation message with its field named as the form (``form``: its text prefix) or the calendar's
    columns name it, instead of the plan's field id. Plain text: shown through ``frame.md`` (or a flash),
    which escapes it for Markdown."""
    field = str(message.params.get("field", ""))
    for key in (f"{form}.{field}" if form else "", f"timeline.calendar.column.{field}"):
        if key in i18n.TEXTS:
            return frame.msg(Message(message.key, {**message.params, "field": frame.t(key)}))
    return frame.msg(message)


# ---- Over time -----------------------------------------------------------------------------------------


def _default_metric(goal_dicts: list[dict[str, Any]]) -> str:
    """The measure of the first goal that can be drawn (so its target shows), else reach."""
    for goal in goal_dicts:
        metric = timeline.KPI_METRICS.get(str(goal.get("kpi")))
        if metric in timeline.METRICS and goal.get("target") is not None:
            return metric
    return "reach"


@st.fragment
def over_time(frame: Frame, source: Source) -> None:
    """The chart over time: a metric, a period and a zoom rerun this part alone (nothing else reads them)."""
    t, lang = frame.t, frame.lang
    goal_dicts = list(frame.plan.get("goals") or [])
    left, right = st.columns([2, 1])
    metrics = list(timeline.METRICS)
    if st.session_state.get("timeline_metric") not in metrics:
        st.session_state["timeline_metric"] = _default_metric(goal_dicts)
    metric = left.selectbox(
        t("timelinepage.time.metric"),
        metrics,
        key="timeline_metric",
        format_func=lambda m: t(f"timeline.metric.{m}"),
        placeholder=t("frame.choose"),
    )
    period = (
        right.segmented_control(
            t("timelinepage.time.period"),
            list(timeline.PERIODS),
            default="week",
            key="timeline_period",
            format_func=lambda p: t(f"timeline.period.{p}"),
        )
        or "week"
    )
    goals_json = json.dumps(goal_dicts, sort_keys=True, default=str)
    series, offline = _over_time(source.posts_key, period, source), _offline(source.key, source)
    shown = _period_shown(frame, series, period)
    spec = _over_time_spec(source.key, metric, period, goals_json, lang, series, offline, shown)
    st.vega_lite_chart(spec, width="stretch")
    targets = timeline.target_lines(goal_dicts, metric, period)
    if targets.empty:
        st.caption(t("timelinepage.time.help") + " " + t("timelinepage.time.no_goal"))
    else:
        titles = ", ".join(f"«{title}»" if lang == "it" else f"“{title}”" for title in targets["title"])
        st.caption(
            t("timelinepage.time.help") + " " + t("timelinepage.time.goals", titles=safe_text.for_markdown(titles))
        )


def _period_shown(frame: Frame, series: pd.DataFrame, period: str) -> tuple[str, str] | None:
    """The period the chart zooms to, from a slider (keyboard: Tab to an end, then the arrow keys); None when
    the data covers a single period or the whole of it is shown."""
    starts = sorted({pd.Timestamp(s).date() for s in series["start"]}) if len(series) else []
    if len(starts) < 2:
        return None
    first, last = starts[0], starts[-1]
    chosen = st.slider(
        frame.t("timelinepage.time.range"),
        min_value=first,
        max_value=last,
        value=(first, last),
        step=dt.timedelta(days=7 if period == "week" else 1),
        format="DD/MM/YYYY" if frame.lang == "it" else "D MMM YYYY",
        key=f"timeline_range:{period}:{first}:{last}",  # other data, another range: a slider of its own
    )
    if tuple(chosen) == (first, last):
        return None
    return chosen[0].isoformat(), chosen[1].isoformat()


# ---- When it works -------------------------------------------------------------------------------------


def when_it_works(frame: Frame, source: Source) -> None:
    t, lang = frame.t, frame.lang
    platforms = list(_summary(source.key, source).get("post_platforms") or [])
    chosen: list[str] = platforms
    if len(platforms) > 1:
        chosen = (
            st.pills(
                t("timelinepage.when.channels"),
                platforms,
                selection_mode="multi",
                default=platforms,
                key="timeline_when_channels:" + ",".join(platforms),
                format_func=lambda p: timeline.channel_label(lang, p),
            )
            or platforms
        )
    shown = tuple(p for p in platforms if p in chosen)
    best = _best_times(source.posts_key, shown, source)
    chart_col, text_col = st.columns([3, 2], gap="large")
    with chart_col:
        st.vega_lite_chart(_hour_spec(source.posts_key, shown, lang, source), width="stretch")
    with text_col:
        BEST_BOX[best.status](frame.msg(best.message))
        st.markdown(f"**{t('timelinepage.when.suggestions')}**")
        st.markdown("\n".join(f"- {frame.msg(s)}" for s in best.suggestions))


# ---- Where ---------------------------------------------------------------------------------------------


def _ring_labels(frame: Frame, rings: pd.DataFrame) -> list[tuple[float, str]]:
    lang = frame.lang
    out = []
    for km in catchment.DEFAULT_RADII:
        label = frame.t("timelinepage.where.ring", km=i18n.number(lang, km))
        row = rings[rings["outer_km"] == km] if not rings.empty else rings
        if not rings.empty and len(row):
            share = float(row["cum_share_customers"].iloc[0])
            label = frame.t("market_layers.label.ring", km=i18n.number(lang, km), customers=i18n.percent(lang, share))
        out.append((float(km), label))
    return out


def where(frame: Frame, source: Source) -> None:
    t, lang = frame.t, frame.lang
    points, placed, unplaced = _points(source.key, source)
    town = (frame.plan.get("business") or {}).get("town")
    if town:
        center = (float(town["lat"]), float(town["lon"]))
        rings = _ring_labels(frame, _rings(source.posts_key, center, source))
    else:
        center = (float(points["lat"].mean()), float(points["lon"].mean())) if len(points) else maps.ITALY
        rings = []
    st.caption(t("timelinepage.where.help"))
    if points.empty:
        st.info(t("timelinepage.where.none"))
    else:
        st.caption(
            t(
                "timelinepage.where.count",
                shown=i18n.number(lang, len(points)),
                placed=i18n.number(lang, placed),
                unplaced=i18n.number(lang, unplaced),
            )
        )
    if not town:
        st.caption(t("timelinepage.where.no_town"))
    m = timeline_map.activity_map(points, center, lang, rings=rings, zoom=13 if town else 6)
    st_folium(m, key="timeline_map", returned_objects=[], height=MAP_HEIGHT, width="stretch")


# ---- What worked ---------------------------------------------------------------------------------------


def web_links(links: pd.Series) -> pd.Series:
    """Web links only (a link column opens them); anything else, or none, is an empty cell."""
    links = links.fillna("").astype(str)
    return links.where(links.str.startswith(("https://", "http://")), "")


def _posts_table(frame: Frame, table: pd.DataFrame) -> None:
    """Posts as a Markdown table, their text escaped (shown as written), numbers written the way the language
    writes them, the post opened by a link. Not st.dataframe: a data grid for five rows costs the browser more
    than the rest of the section (benchmark)."""
    t, lang = frame.t, frame.lang
    names = ("text", "when", "platform", "kind", "reach", "engagement_rate", "link")
    label = safe_text.for_markdown(t("timelinepage.worked.open"))
    rows = [
        (
            row.text,
            f"{i18n.date(lang, pd.Timestamp(row.when).date())} {pd.Timestamp(row.when):%H:%M}",
            timeline.channel_label(lang, row.platform),
            timeline.kind_label(lang, row.kind),
            i18n.number(lang, row.reach),
            i18n.percent(lang, row.engagement_rate, 1),
            timeline.markdown_link(row.link, label),  # Markdown already: an http(s) link, encoded
        )
        for row in table.itertuples(index=False)
    ]
    header = [t(f"timeline.column.{n}") for n in names]
    st.markdown(safe_text.markdown_table(header, rows, keep={names.index("link")}))


def what_worked(frame: Frame, source: Source) -> None:
    t, lang = frame.t, frame.lang
    groups = {"all": None, "kind": "kind", "platform": "platform"}
    labels = {
        "all": t("timelinepage.worked.all"),
        "kind": t("timelinepage.worked.by_kind"),
        "platform": t("timelinepage.worked.by_platform"),
    }
    choice = (
        st.segmented_control(
            t("timelinepage.worked.group"),
            list(groups),
            default="all",
            key="timeline_worked_by",
            format_func=labels.get,
        )
        or "all"
    )
    st.caption(t("timelinepage.worked.help", min_reach=i18n.number(lang, timeline_posts.MIN_REACH)))
    top = _top(source.posts_key, groups[choice], source)
    if top.top.empty:
        st.info(t("timelinepage.worked.none"))
    else:
        st.markdown(f"**{t('timelinepage.worked.top')}**")
        _posts_table(frame, top.top)
        if not top.bottom.empty:
            st.markdown(f"**{t('timelinepage.worked.bottom')}**")
            _posts_table(frame, top.bottom)
    spec = _groups_spec(source.posts_key, lang, source)
    if spec is not None:
        st.vega_lite_chart(spec, width="stretch")
