"""The editorial calendar as files: iCalendar (.ics) for calendar apps, CSV for spreadsheets.

User text never shapes the files: the ``icalendar`` package escapes every text value (a title
holding ``END:VEVENT`` stays inside its SUMMARY), and every CSV text cell, the goal titles taken from
the plan included, goes through ``safe_text.for_spreadsheet``: cleaned of invisible characters, and
given a leading apostrophe when a spreadsheet could run it as a formula.
Both functions return bytes; handing them to the user is the page's job.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

import icalendar

from core import i18n, safe_text
from core.calendar import calendar
from core.timeline import timeline

EVENT_MINUTES = 30  # an item with a time lasts half an hour in the exported calendar


def item_uid(namespace: str, item_id: str) -> str:
    """The item's UID in exported calendars: the same every export, different per business (namespace)."""
    digest = hashlib.sha256(f"{namespace}\x00{item_id}".encode()).hexdigest()[:32]
    return f"{digest}@rotta"


def _status(lang: str, status: str) -> str:
    return i18n.t(lang, f"timeline.calendar.status.{status}")


def to_ics(
    items: Sequence[calendar.CalendarItem],
    lang: str,
    *,
    now: dt.datetime,
    namespace: str,
    calendar_name: str = "",
    goal_titles: Mapping[str, str] | None = None,
) -> bytes:
    """An iCalendar file, one VEVENT per item; all text escaped by the ``icalendar`` package.

    ``now`` (tz-aware) is the DTSTAMP; ``namespace`` (e.g. the plan id) keeps UIDs apart between
    businesses; ``goal_titles`` maps goal ids to the titles shown in the description.
    """
    tz = ZoneInfo(timeline.TZ)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Rotta//Timeline//IT")
    cal.add("version", "2.0")
    if calendar_name:
        # An X- property is not typed as text by icalendar: make it one line and escape it as text.
        name = " ".join(safe_text.plain_text(calendar_name).split())
        cal.add("x-wr-calname", icalendar.vText(name))
    stamp = now.astimezone(dt.UTC)
    for item in items:
        event = icalendar.Event()
        event.add("uid", item_uid(namespace, item.id))
        event.add("dtstamp", stamp)
        if item.time is None:
            event.add("dtstart", item.date)
            event.add("dtend", item.date + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(item.date, item.time, tzinfo=tz)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
        channel = timeline.channel_label(lang, item.channel)
        event.add("summary", f"{channel}: {safe_text.plain_text(item.title)}")
        event.add("categories", [channel])
        event.add("description", _description(item, lang, goal_titles or {}))
        if item.place:
            event.add("location", safe_text.plain_text(item.place))
        if item.lat is not None and item.lon is not None:
            event.add("geo", (item.lat, item.lon))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def _description(item: calendar.CalendarItem, lang: str, goal_titles: Mapping[str, str]) -> str:
    lines = [safe_text.plain_text(item.note)] if item.note else []
    if item.goal:
        goal = goal_titles.get(item.goal) or item.goal
        lines.append(i18n.t(lang, "timeline.calendar.ics_goal", goal=safe_text.plain_text(goal)))
    lines.append(i18n.t(lang, "timeline.calendar.ics_status", status=_status(lang, item.status)))
    return "\n".join(lines)


def to_csv(items: Sequence[calendar.CalendarItem], lang: str, goal_titles: Mapping[str, str] | None = None) -> bytes:
    """The calendar as a spreadsheet file: UTF-8 with BOM; ``;`` and decimal comma in Italian.

    Every text cell (title, note, place, goal, channel, status) is neutralised; dates, times and
    coordinates are written by Rotta itself, so a negative longitude stays a number.
    """
    sep = ";" if lang == "it" else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    columns = ("date", "time", "channel", "title", "note", "goal", "place", "lat", "lon", "status")
    writer.writerow([i18n.t(lang, f"timeline.calendar.column.{c}") for c in columns])
    titles = goal_titles or {}
    for item in items:
        texts = [
            timeline.channel_label(lang, item.channel),
            item.title,
            item.note,
            titles.get(item.goal) or item.goal,
            item.place,
        ]
        coords = [
            "" if v is None else f"{v:.6f}".replace(".", "," if lang == "it" else ".") for v in (item.lat, item.lon)
        ]
        row = [item.date.isoformat(), "" if item.time is None else item.time.strftime("%H:%M")]
        row += (
            [safe_text.for_spreadsheet(t) for t in texts]
            + coords
            + [safe_text.for_spreadsheet(_status(lang, item.status))]
        )
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")
