"""The Timeline page's sections: offline actions, over time, when it works, where, what worked, the calendar.

Every aggregate is cached under keys that say exactly what the activity table is made of, so a
rerun on a million rows reads small cached tables and never touches the big one (read only on a
miss). ``Source.posts_key`` (the plan's imports under its secret token, its sample) keys what is
computed from the platforms' rows alone: over time, when it works, what worked ignore offline
actions by definition (``timeline.own_posts``, ``timeline.over_time``), so adding one recomputes
only ``Source.key`` (+ the offline actions and the language their text is written in).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from core import (
    calendar,
    calendar_export,
    catchment,
    charts,
    i18n,
    measures,
    offline_actions,
    timeline,
    timeline_map,
    timeline_posts,
)
from core import plan as plan_mod
from core.i18n import Message
from ui import bind, imports, places, resources
from ui import data as data_mod
from ui import frame as frame_mod
from ui.frame import Frame

MAP_HEIGHT = 480
RING_KM = (1, 3, 5, 10)
TOP_N = 5
OFFLINE_KEY = "w:offline_new"
CALENDAR_KEY = "w:calendar/table"
CALENDAR_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "time",
    "channel",
    "title",
    "goal",
    "place",
    "note",
    "status",
)
BEST_BOX = {"ok": st.info, "thin": st.warning}


class Source:
    """The plan's tables, read only when a cached result is missing."""

    def __init__(self, frame: Frame):
        self.frame = frame
        ids = (
            tuple((e.kind, e.id) for e in resources.get_datasets().entries(frame.token))
            if frame.token
            else ()
        )
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
def _best_times(
    key: tuple[object, ...], platforms: tuple[str, ...], _source: Source
) -> timeline_posts.BestTimes:
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
    return catchment.rings(customers, center, RING_KM)


@st.cache_data(show_spinner=False, max_entries=32)
def _planned(
    key: tuple[object, ...], items_json: str, today: dt.date, _source: Source
) -> calendar.PlannedVsDone:
    items = [calendar.CalendarItem.from_dict(d) for d in json.loads(items_json)]
    return calendar.planned_vs_done(items, _source.activity, today)


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


# ---- Activity in: offline actions entered by hand ------------------------------------------------------


def named_fields(frame: Frame, message: Message, form: str = "") -> str:
    """A validation message with its field named as the form (``form``: its text prefix) or the calendar's
    columns name it, instead of the plan's field id."""
    field = str(message.params.get("field", ""))
    for key in (f"{form}.{field}" if form else "", f"timeline.calendar.column.{field}"):
        if key in i18n.TEXTS:
            return imports.plain(frame.msg(Message(message.key, {**message.params, "field": frame.t(key)})))
    return imports.plain(frame.msg(message))


def _resolve(town: str, hint: str, pick: int | None) -> tuple[str, dict[str, Any] | None, list[Any]]:
    """The place typed in the form: ("none" | "placed" | "ambiguous" | "unplaced", place dict, candidates)."""
    if not town.strip():
        return "none", None, []
    hint = hint.strip()
    postcode, province = (hint, "") if hint.isdigit() else ("", hint)
    match = resources.get_gazetteer().find(town=town, postcode=postcode, province=province)
    if match.status == "placed" and match.place is not None:
        return "placed", places.place_dict(match.place), []
    if match.status == "ambiguous":
        candidates = list(match.candidates)
        chosen = places.place_dict(candidates[pick]) if pick is not None and pick < len(candidates) else None
        return ("placed" if chosen else "ambiguous"), chosen, candidates
    return "unplaced", None, []


def _field(name: str) -> str:
    return f"{OFFLINE_KEY}#{name}"


def _pick_key(town: str, hint: str) -> str:
    """The "which one?" choice belongs to the town typed: a new town asks again."""
    return _field(f"pick:{town.strip().lower()}|{hint.strip().lower()}")


def _add_offline(frame: Frame, today: dt.date) -> None:
    state = st.session_state
    town, hint = state.get(_field("town"), ""), state.get(_field("hint"), "")
    status, place, _ = _resolve(town, hint, state.get(_pick_key(town, hint)))
    if status in ("ambiguous", "unplaced"):
        frame_mod.flash("error", Message("timelinepage.offline.unplaced_refused", {"town": town.strip()}))
        return
    stored = list((frame.plan or {}).get("offline") or [])
    actions, _ = offline_actions.parse(stored)
    try:
        new = offline_actions.new_action(
            actions,
            today,
            date=state.get(_field("date")),
            kind=state.get(_field("kind")),
            time=state.get(_field("time")),
            place=place,
            note=state.get(_field("note"), ""),
        )
    except offline_actions.OfflineError as error:
        reason = named_fields(frame, error.message, "timelinepage.offline")
        frame_mod.flash("error", Message("timelinepage.offline.invalid", {"reason": reason}))
        return
    if frame_mod.save(frame, [plan_mod.Change(("offline",), stored, [*stored, new])]):
        what = offline_actions.kind_label(frame.lang, new["kind"])
        day = i18n.date(frame.lang, dt.date.fromisoformat(new["date"]))
        frame_mod.flash("success", Message("timelinepage.offline.added", {"what": what, "day": day}))
        for key in [k for k in state if str(k).startswith((_field("pick:"), _field("town"), _field("hint")))]:
            del state[key]
        for name in ("note", "time"):
            state.pop(_field(name), None)


def _remove_offline(frame: Frame, action_id: str) -> None:
    stored = list((frame.plan or {}).get("offline") or [])
    kept = [a for a in stored if not (isinstance(a, dict) and a.get("id") == action_id)]
    if frame_mod.save(frame, [plan_mod.Change(("offline",), stored, kept)]):
        frame_mod.flash("info", Message("timelinepage.offline.removed"))


def offline_section(frame: Frame, today: dt.date) -> None:
    """The form that adds an offline action (its place found offline), and the actions entered so far."""
    t, lang = frame.t, frame.lang
    actions, problems = offline_actions.parse((frame.plan or {}).get("offline") or [])
    st.markdown(f"**{t('timelinepage.offline.expander')}**")
    st.caption(t("timelinepage.offline.help"))
    when, hour, kind = st.columns(3)
    if _field("date") not in st.session_state:
        st.session_state[_field("date")] = today
    when.date_input(t("timelinepage.offline.date"), key=_field("date"), max_value=today, format="DD/MM/YYYY")
    hour.time_input(t("timelinepage.offline.time"), key=_field("time"), value=None, step=900)
    kind.selectbox(
        t("timelinepage.offline.kind"),
        list(offline_actions.KINDS),
        key=_field("kind"),
        format_func=lambda k: offline_actions.kind_label(lang, k),
    )
    town_col, hint_col = st.columns([3, 2])
    town = town_col.text_input(
        t("timelinepage.offline.town"),
        key=_field("town"),
        max_chars=120,
        placeholder=t("timelinepage.offline.town_placeholder"),
    )
    hint = hint_col.text_input(
        t("timelinepage.offline.hint"), key=_field("hint"), max_chars=20, help=t("business.province")
    )
    status, place, candidates = _resolve(town, hint, st.session_state.get(_pick_key(town, hint)))
    if candidates:
        st.info(t("business.town_ambiguous", town=town))
        labels = [f"{c.name} ({c.province or c.country}, {c.region or c.country})" for c in candidates]
        st.selectbox(
            t("business.town_pick"),
            range(len(candidates)),
            format_func=labels.__getitem__,
            index=None,
            key=_pick_key(town, hint),
        )
    if status == "unplaced":
        st.error(t("business.town_unplaced", town=town))
    if place is not None:
        found = t(
            "business.town_found",
            name=place["name"],
            province=place["province"] or place["country"],
            region=place["region"] or place["country"],
        )
        st.caption(":material/location_on: " + imports.plain(found))
    st.text_input(
        t("timelinepage.offline.note"),
        key=_field("note"),
        max_chars=offline_actions.MAX_NOTE,
        placeholder=t("timelinepage.offline.note_placeholder"),
    )
    st.button(
        t("timelinepage.offline.add"),
        key="offline_add",
        icon=":material/add_circle:",
        type="primary",
        on_click=_add_offline,
        args=(frame, today),
    )
    for row, problem in problems:
        st.warning(
            t(
                "timelinepage.offline.bad_row",
                row=row,
                reason=named_fields(frame, problem, "timelinepage.offline"),
            )
        )
    if actions:
        st.markdown(f"**{t('timelinepage.offline.list')}**")
    for action in sorted(actions, key=lambda a: (a.date, a.time or offline_actions.NO_TIME), reverse=True):
        text, button = st.columns([5, 1], vertical_alignment="center")
        day = i18n.date(lang, action.date) + (f" {action.time:%H:%M}" if action.time else "")
        where = imports.plain(action.place) if action.place else t("timelinepage.offline.no_place")
        what = imports.plain(offline_actions.describe(action, lang))
        text.markdown(t("timelinepage.offline.row", day=day, what=what, place=where))
        button.button(
            t("timelinepage.offline.remove"),
            key=f"remove_offline_{action.id}",
            icon=":material/delete:",
            on_click=_remove_offline,
            args=(frame, action.id),
            width="stretch",
        )


# ---- Over time -----------------------------------------------------------------------------------------


def _default_metric(goal_dicts: list[dict[str, Any]]) -> str:
    """The measure of the first goal that can be drawn (so its target shows), else reach."""
    for goal in goal_dicts:
        metric = timeline.KPI_METRICS.get(str(goal.get("kpi")))
        if metric in timeline.METRICS and goal.get("target") is not None:
            return metric
    return "reach"


def over_time(frame: Frame, source: Source) -> None:
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
    series = _over_time(source.posts_key, period, source)
    chart = charts.results_over_time(
        series, lang, metric, period, goals=goal_dicts, offline=_offline(source.key, source)
    )
    st.altair_chart(chart, width="stretch")
    targets = timeline.target_lines(goal_dicts, metric, period)
    if targets.empty:
        st.caption(t("timelinepage.time.help") + " " + t("timelinepage.time.no_goal"))
    else:
        titles = ", ".join(f"«{title}»" if lang == "it" else f"“{title}”" for title in targets["title"])
        st.caption(
            t("timelinepage.time.help") + " " + t("timelinepage.time.goals", titles=imports.plain(titles))
        )


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
    best = _best_times(source.posts_key, tuple(p for p in platforms if p in chosen), source)
    chart_col, text_col = st.columns([3, 2], gap="large")
    with chart_col:
        st.altair_chart(charts.engagement_by_hour(best, lang), width="stretch")
    with text_col:
        BEST_BOX[best.status](frame.msg(best.message))
        st.markdown(f"**{t('timelinepage.when.suggestions')}**")
        st.markdown("\n".join(f"- {frame.msg(s)}" for s in best.suggestions))


# ---- Where ---------------------------------------------------------------------------------------------


def _ring_labels(frame: Frame, rings: pd.DataFrame) -> list[tuple[float, str]]:
    lang = frame.lang
    out = []
    for km in RING_KM:
        label = frame.t("timelinepage.where.ring", km=i18n.number(lang, km))
        row = rings[rings["outer_km"] == km] if not rings.empty else rings
        if not rings.empty and len(row):
            share = float(row["cum_share_customers"].iloc[0])
            label = frame.t(
                "market_layers.label.ring", km=i18n.number(lang, km), customers=i18n.percent(lang, share)
            )
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
        center = (float(points["lat"].mean()), float(points["lon"].mean())) if len(points) else (42.5, 12.5)
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


def _link(links: pd.Series) -> pd.Series:
    """Web links only (a link column opens them); anything else, or none, is an empty cell."""
    links = links.fillna("").astype(str)
    return links.where(links.str.startswith(("https://", "http://")), "")


def _posts_table(frame: Frame, table: pd.DataFrame) -> None:
    """Posts as plain text (never Markdown or HTML), numbers written the way the language writes them."""
    t, lang = frame.t, frame.lang
    shown = table.assign(
        platform=[timeline.channel_label(lang, p) for p in table["platform"]],
        kind=[timeline.kind_label(lang, k) for k in table["kind"]],
        reach=[i18n.number(lang, r) for r in table["reach"]],
        engagement_rate=[i18n.percent(lang, r, 1) for r in table["engagement_rate"]],
        link=_link(table["link"]),
    )
    column = lambda name: t(f"timeline.column.{name}")  # noqa: E731
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "text": st.column_config.TextColumn(column("text"), width="medium"),
            "when": st.column_config.DatetimeColumn(
                column("when"), format="DD/MM/YYYY HH:mm" if lang == "it" else "D MMM YYYY, HH:mm"
            ),
            "platform": st.column_config.TextColumn(column("platform")),
            "kind": st.column_config.TextColumn(column("kind")),
            "reach": st.column_config.TextColumn(column("reach")),
            "engagement_rate": st.column_config.TextColumn(column("engagement_rate")),
            "link": st.column_config.LinkColumn(column("link"), display_text=t("timelinepage.worked.open")),
        },
    )


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
    by_kind, by_platform = st.columns(2, gap="large")
    for column, by in ((by_kind, "kind"), (by_platform, "platform")):
        summary_table = _engagement(source.posts_key, by, source)
        if not summary_table.empty:
            column.altair_chart(charts.engagement_by_group(summary_table, lang, by), width="stretch")


# ---- Editorial calendar --------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    """A data-editor cell as a plain value: None for every kind of blank, dates as ``date``."""
    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _day_value(value: Any) -> Any:
    """A date cell as a ``date`` (ISO text, timestamps too); anything else is left for the validator."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return value


def _time_value(value: Any) -> Any:
    """A time cell as "HH:MM" (the editor may send "08:30:00.000" or a time)."""
    if isinstance(value, dt.datetime | dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str) and re.match(r"^\d{1,2}:\d{2}", value.strip()):
        return value.strip()[: value.strip().index(":") + 3]
    return value


def _goal_labels(frame: Frame) -> dict[str, str]:
    """Goal id -> its title (with the id after it when two goals share a title)."""
    titles = {
        g["id"]: (g.get("title") or "").strip() or frame.t("goals.tree.untitled")
        for g in frame.plan.get("goals") or []
    }
    repeated = {v for v in titles.values() if list(titles.values()).count(v) > 1}
    return {k: f"{v} ({k})" if v in repeated else v for k, v in titles.items()}


def _stored_items(frame: Frame) -> tuple[list[calendar.CalendarItem], list[tuple[int, Message]]]:
    items, problems = [], []
    for row, data in enumerate(frame.plan.get("calendar") or [], start=1):
        try:
            items.append(calendar.CalendarItem.from_dict(data))
        except calendar.CalendarError as error:
            problems.append((row, error.message))
    return items, problems


def _calendar_table(frame: Frame, items: list[calendar.CalendarItem], goals: dict[str, str]) -> pd.DataFrame:
    t, lang = frame.t, frame.lang
    rows = [
        {
            "id": i.id,
            "date": i.date,
            "time": None if i.time is None else i.time.strftime("%H:%M"),
            "channel": timeline.channel_label(lang, i.channel),
            "title": i.title,
            "goal": goals.get(i.goal, i.goal) or None,
            "place": i.place,
            "note": i.note,
            "status": t(f"timeline.calendar.status.{i.status}"),
        }
        for i in items
    ]
    # Typed even when empty, so the editor offers a date picker and text cells from the first row.
    table = pd.DataFrame(rows, columns=list(CALENDAR_COLUMNS))
    return table.astype({**dict.fromkeys(CALENDAR_COLUMNS, "str"), "date": "datetime64[s]"})


def _place(text: str, old: calendar.CalendarItem | None) -> tuple[float | None, float | None]:
    """A calendar place's coordinates: kept while its text is unchanged, else found offline when unique."""
    if old is not None and old.place == text:
        return old.lat, old.lon
    if not text:
        return None, None
    match = resources.get_gazetteer().find(town=text)
    return (match.place.lat, match.place.lon) if match.status == "placed" and match.place else (None, None)


def _calendar_from_table(
    frame: Frame, edited: pd.DataFrame, items: list[calendar.CalendarItem], goals: dict[str, str]
) -> tuple[list[dict[str, Any]], list[tuple[int, Message]]]:
    """The calendar dicts the edited table holds, and (row, problem) for rows that are not valid items."""
    lang = frame.lang
    channels = {timeline.channel_label(lang, c): c for c in calendar.CHANNELS}
    statuses = {frame.t(f"timeline.calendar.status.{s}"): s for s in calendar.STATUSES}
    goal_ids = {label: gid for gid, label in goals.items()}
    old = {i.id: i for i in items}
    taken = list(items)
    out, problems = [], []
    for row, record in enumerate(edited.to_dict("records"), start=1):
        cells = {name: _cell(record.get(name)) for name in CALENDAR_COLUMNS}
        if all(cells[name] is None for name in CALENDAR_COLUMNS if name not in ("id", "status")):
            continue  # a new row the user has not filled in yet
        item_id = cells["id"] or calendar.next_id(taken)
        place = str(cells["place"] or "").strip()
        lat, lon = _place(place, old.get(item_id))
        data = {
            "id": item_id,
            "date": cells["date"],
            "time": cells["time"],
            "channel": channels.get(cells["channel"], cells["channel"]),
            "title": cells["title"] or "",
            "note": cells["note"] or "",
            "goal": goal_ids.get(cells["goal"], cells["goal"] or ""),
            "place": place,
            "lat": lat,
            "lon": lon,
            "status": statuses.get(cells["status"], cells["status"] or "planned"),
        }
        data["date"], data["time"] = _day_value(data["date"]), _time_value(data["time"])
        try:
            item = calendar.CalendarItem.from_dict(data)
        except calendar.CalendarError as error:
            problems.append((row, error.message))
            continue
        taken.append(item)
        out.append(item.to_dict())
    return out, problems


def calendar_editor(frame: Frame) -> list[calendar.CalendarItem]:
    """The calendar as an editable table, saved when every row is valid; returns the stored items."""
    t, lang = frame.t, frame.lang
    stored = list(frame.plan.get("calendar") or [])
    items, bad = _stored_items(frame)
    goals = _goal_labels(frame)
    table = bind.editor_data(
        CALENDAR_KEY, (stored, goals, lang), lambda: _calendar_table(frame, items, goals)
    )
    edited = st.data_editor(
        table,
        key=CALENDAR_KEY,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_order=[c for c in CALENDAR_COLUMNS if c != "id"],
        column_config={
            "date": st.column_config.DateColumn(
                t("timeline.calendar.column.date"),
                required=True,
                format="DD/MM/YYYY" if lang == "it" else "D MMM YYYY",
            ),
            "time": st.column_config.TextColumn(
                t("timeline.calendar.column.time"),
                max_chars=5,
                validate=r"^\d{1,2}:\d{2}$",
                help=t("timelinepage.calendar.time_help"),
            ),
            "channel": st.column_config.SelectboxColumn(
                t("timeline.calendar.column.channel"),
                required=True,
                options=[timeline.channel_label(lang, c) for c in calendar.CHANNELS],
            ),
            "title": st.column_config.TextColumn(
                t("timeline.calendar.column.title"),
                required=True,
                max_chars=calendar.MAX_TITLE,
                width="medium",
            ),
            "goal": st.column_config.SelectboxColumn(
                t("timeline.calendar.column.goal"), options=list(goals.values()), width="medium"
            ),
            "place": st.column_config.TextColumn(
                t("timeline.calendar.column.place"), max_chars=calendar.MAX_TITLE
            ),
            "note": st.column_config.TextColumn(
                t("timeline.calendar.column.note"), max_chars=calendar.MAX_NOTE
            ),
            "status": st.column_config.SelectboxColumn(
                t("timeline.calendar.column.status"),
                required=True,
                default=t("timeline.calendar.status.planned"),
                options=[t(f"timeline.calendar.status.{s}") for s in calendar.STATUSES],
            ),
        },
    )
    for row, problem in bad:
        reason = named_fields(frame, problem)
        st.warning(t("timelinepage.calendar.stored_problem", row=row, reason=reason))
    new, problems = _calendar_from_table(frame, edited, items, goals)
    for row, problem in problems:
        reason = named_fields(frame, problem)
        st.error(t("timelinepage.calendar.row_problem", row=row, reason=reason))
    if problems:
        st.caption(t("timelinepage.calendar.not_saved"))
    elif new != [i.to_dict() for i in items]:
        kept = [stored[row - 1] for row, _ in bad]  # items the table cannot show stay in the plan as they are
        if frame_mod.save(frame, [plan_mod.Change(("calendar",), stored, new + kept)]):
            st.rerun()
    return items


def _outcomes_table(frame: Frame, table: pd.DataFrame, goals: dict[str, str]) -> None:
    t, lang = frame.t, frame.lang
    shown = pd.DataFrame(
        {
            "date": [i18n.date(lang, dt.date.fromisoformat(d)) for d in table["date"]],
            "channel": [timeline.channel_label(lang, c) for c in table["channel"]],
            "title": table["title"],
            "outcome": [t(f"timeline.calendar.outcome.{o}") for o in table["outcome"]],
            "matched": timeline.short_text(table["matched_text"]),
            "link": _link(table["matched_link"]),
            "goal": [goals.get(g, g) for g in table["goal"]],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "date": st.column_config.TextColumn(t("timeline.calendar.column.date")),
            "channel": st.column_config.TextColumn(t("timeline.calendar.column.channel")),
            "title": st.column_config.TextColumn(t("timeline.calendar.column.title"), width="medium"),
            "outcome": st.column_config.TextColumn(t("timelinepage.calendar.col_outcome")),
            "matched": st.column_config.TextColumn(t("timelinepage.calendar.col_matched"), width="medium"),
            "link": st.column_config.LinkColumn(
                t("timelinepage.calendar.col_link"), display_text=t("timelinepage.worked.open")
            ),
            "goal": st.column_config.TextColumn(t("timeline.calendar.column.goal"), width="medium"),
        },
    )


def _downloads(
    frame: Frame, items: list[calendar.CalendarItem], goals: dict[str, str], today: dt.date
) -> None:
    t, lang = frame.t, frame.lang
    business = (frame.plan.get("business") or {}).get("name") or ""
    stem = (
        plan_mod.file_name(business, today.isoformat()).removesuffix(".json")
        + "-"
        + t("timelinepage.calendar.file_word")
    )
    ics = calendar_export.to_ics(
        items,
        lang,
        now=dt.datetime.now(dt.UTC),
        namespace=frame.token or "",
        goal_titles=goals,
        calendar_name=t("timelinepage.calendar.ics_name", name=business or t("frame.plan_unnamed")),
    )
    left, right = st.columns(2)
    left.download_button(
        t("timelinepage.calendar.download_ics"),
        data=ics,
        file_name=stem + ".ics",
        mime="text/calendar",
        icon=":material/event:",
        on_click="ignore",
        width="stretch",
    )
    right.download_button(
        t("timelinepage.calendar.download_csv"),
        data=calendar_export.to_csv(items, lang, goals),
        file_name=stem + ".csv",
        mime="text/csv",
        icon=":material/table:",
        on_click="ignore",
        width="stretch",
    )


def calendar_section(frame: Frame, source: Source, today: dt.date) -> None:
    t, lang = frame.t, frame.lang
    st.caption(t("timelinepage.calendar.help"))
    items = calendar_editor(frame)
    if not items:
        st.caption(t("timelinepage.calendar.empty"))
        return
    goals = _goal_labels(frame)
    _downloads(frame, items, goals, today)
    st.markdown(f"**{t('timelinepage.calendar.vs_title')}**")
    items_json = json.dumps([i.to_dict() for i in items], sort_keys=True)
    result = _planned(source.key, items_json, today, source)
    cells = st.columns(len(calendar.OUTCOMES))
    for cell, outcome in zip(cells, calendar.OUTCOMES, strict=True):
        cell.metric(t(f"timeline.calendar.outcome.{outcome}"), i18n.number(lang, result.counts[outcome]))
    _outcomes_table(frame, result.table, goals)
    st.caption(
        t("timeline.calendar.rule")
        + " "
        + t("timelinepage.calendar.unplanned", n=i18n.number(lang, result.unplanned))
    )
