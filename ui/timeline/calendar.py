"""The Timeline page's editorial calendar: the editable table, what was planned against what was done,
and the calendar as .ics and .csv downloads.

The table itself (items <-> rows, validation) is ``core.calendar.table``; this module draws it and saves
the plan when every row is a valid item.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from core import geocode, i18n
from core.calendar import calendar
from core.calendar import export as calendar_export
from core.calendar import table as calendar_table
from core.plan import plan as plan_mod
from core.timeline import timeline
from ui import bind, fields, resources
from ui import frame as frame_mod
from ui.frame import Frame
from ui.timeline import activity as timeline_ui

CALENDAR_KEY = "calendar/table"  # with the plan: frame.key(CALENDAR_KEY)


@st.cache_data(show_spinner=False, max_entries=32)
def _planned(
    key: tuple[object, ...], items_json: str, today: dt.date, _source: timeline_ui.Source
) -> calendar.PlannedVsDone:
    items = [calendar.CalendarItem.from_dict(d) for d in json.loads(items_json)]
    return calendar.planned_vs_done(items, _source.activity, today)


def _find_town(text: str) -> geocode.Match:
    """The gazetteer's answer for a calendar place, loaded only when a row's place changed."""
    return resources.get_gazetteer().find(town=text)


def calendar_editor(frame: Frame) -> list[calendar.CalendarItem]:
    """The calendar as an editable table, saved when every row is valid; returns the stored items."""
    t, lang = frame.t, frame.lang
    stored = list(frame.plan.get("calendar") or [])
    items, bad = calendar_table.stored_items(stored)
    goals = calendar_table.goal_labels(frame.plan.get("goals") or [], lang)
    table = bind.editor_data(
        frame.key(CALENDAR_KEY), (stored, goals, lang), lambda: calendar_table.to_table(items, lang, goals)
    )
    edited = st.data_editor(
        table,
        key=frame.key(CALENDAR_KEY),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_order=[c for c in calendar_table.COLUMNS if c != "id"],
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
                help=fields.help_for(lang, 5, t("timelinepage.calendar.time_help")),
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
                help=fields.help_for(lang, calendar.MAX_TITLE),
                width="medium",
            ),
            "goal": st.column_config.SelectboxColumn(
                t("timeline.calendar.column.goal"), options=list(goals.values()), width="medium"
            ),
            "place": st.column_config.TextColumn(
                t("timeline.calendar.column.place"),
                max_chars=calendar.MAX_TITLE,
                help=fields.help_for(lang, calendar.MAX_TITLE),
            ),  # fmt: skip
            "note": st.column_config.TextColumn(
                t("timeline.calendar.column.note"),
                max_chars=calendar.MAX_NOTE,
                help=fields.help_for(lang, calendar.MAX_NOTE),
            ),  # fmt: skip
            "status": st.column_config.SelectboxColumn(
                t("timeline.calendar.column.status"),
                required=True,
                default=t("timeline.calendar.status.planned"),
                options=[t(f"timeline.calendar.status.{s}") for s in calendar.STATUSES],
            ),
        },
    )
    for row, problem in bad:
        reason = timeline_ui.named_fields(frame, problem)
        st.warning(frame.md("timelinepage.calendar.stored_problem", row=row, reason=reason))
    new, problems = calendar_table.from_table(edited, items, goals, lang, _find_town)
    for row, problem in problems:
        reason = timeline_ui.named_fields(frame, problem)
        st.error(frame.md("timelinepage.calendar.row_problem", row=row, reason=reason))
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
            "link": timeline_ui.web_links(table["matched_link"]),
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


def _downloads(frame: Frame, items: list[calendar.CalendarItem], goals: dict[str, str], today: dt.date) -> None:
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


def calendar_section(frame: Frame, source: timeline_ui.Source, today: dt.date) -> None:
    t, lang = frame.t, frame.lang
    st.caption(t("timelinepage.calendar.help"))
    items = calendar_editor(frame)
    if not items:
        st.caption(t("timelinepage.calendar.empty"))
        return
    goals = calendar_table.goal_labels(frame.plan.get("goals") or [], lang)
    _downloads(frame, items, goals, today)
    st.markdown(f"**{t('timelinepage.calendar.vs_title')}**")
    items_json = json.dumps([i.to_dict() for i in items], sort_keys=True)
    result = _planned(source.key, items_json, today, source)
    cells = st.columns(len(calendar.OUTCOMES))
    for cell, outcome in zip(cells, calendar.OUTCOMES, strict=True):
        cell.metric(t(f"timeline.calendar.outcome.{outcome}"), i18n.number(lang, result.counts[outcome]))
    _outcomes_table(frame, result.table, goals)
    st.caption(
        t("timeline.calendar.rule") + " " + t("timelinepage.calendar.unplanned", n=i18n.number(lang, result.unplanned))
    )
