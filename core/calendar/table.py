"""The editorial calendar as an editable table (one row per item), and the edited table back as calendar items.

Cells show what the owner reads: channel and status names in the plan's language, goals by title. Every
edited row is validated as a whole item before it is kept; a row that is not is reported with its number.
A place's coordinates are kept while its text is unchanged and looked up with the ``find_town`` passed in
(``Gazetteer.find``) only when the text changes, so re-reading an unchanged table never asks for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from core import geocode, i18n
from core.calendar import calendar
from core.i18n import Message
from core.timeline import timeline

COLUMNS: tuple[str, ...] = ("id", "date", "time", "channel", "title", "goal", "place", "note", "status")


def goal_labels(goal_dicts: Sequence[Mapping[str, Any]], lang: str) -> dict[str, str]:
    """Goal id -> its title (with the id after it when two goals share a title)."""
    titles = {g["id"]: (g.get("title") or "").strip() or i18n.t(lang, "goals.tree.untitled") for g in goal_dicts}
    repeated = {v for v in titles.values() if list(titles.values()).count(v) > 1}
    return {k: f"{v} ({k})" if v in repeated else v for k, v in titles.items()}


def stored_items(raw: Sequence[Any]) -> tuple[list[calendar.CalendarItem], list[tuple[int, Message]]]:
    """The plan's calendar as items, and (row, problem) for the stored entries that are not valid items."""
    items, problems = [], []
    for row, data in enumerate(raw, start=1):
        try:
            items.append(calendar.CalendarItem.from_dict(data))
        except calendar.CalendarError as error:
            problems.append((row, error.message))
    return items, problems


def status_label(lang: str, status: str) -> str:
    return i18n.t(lang, f"timeline.calendar.status.{status}")


def to_table(items: Sequence[calendar.CalendarItem], lang: str, goals: Mapping[str, str]) -> pd.DataFrame:
    """The items as the data editor shows them (``goals``: id -> label, as ``goal_labels`` gives)."""
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
            "status": status_label(lang, i.status),
        }
        for i in items
    ]
    # Typed even when empty, so the editor offers a date picker and text cells from the first row.
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.astype({**dict.fromkeys(COLUMNS, "str"), "date": "datetime64[s]"})


def from_table(
    edited: pd.DataFrame,
    items: Sequence[calendar.CalendarItem],
    goals: Mapping[str, str],
    lang: str,
    find_town: Callable[[str], geocode.Match],
) -> tuple[list[dict[str, Any]], list[tuple[int, Message]]]:
    """The calendar dicts the edited table holds, and (row, problem) for rows that are not valid items."""
    channels = {timeline.channel_label(lang, c): c for c in calendar.CHANNELS}
    statuses = {status_label(lang, s): s for s in calendar.STATUSES}
    goal_ids = {label: gid for gid, label in goals.items()}
    old = {i.id: i for i in items}
    taken = list(items)
    out, problems = [], []
    for row, record in enumerate(edited.to_dict("records"), start=1):
        cells = {name: _cell(record.get(name)) for name in COLUMNS}
        if all(cells[name] is None for name in COLUMNS if name not in ("id", "status")):
            continue  # a new row the user has not filled in yet
        item_id = cells["id"] or calendar.next_id(taken)
        place = str(cells["place"] or "").strip()
        lat, lon = _place(place, old.get(item_id), find_town)
        data = {
            "id": item_id,
            "date": _day_value(cells["date"]),
            "time": _time_value(cells["time"]),
            "channel": channels.get(cells["channel"], cells["channel"]),
            "title": cells["title"] or "",
            "note": cells["note"] or "",
            "goal": goal_ids.get(cells["goal"], cells["goal"] or ""),
            "place": place,
            "lat": lat,
            "lon": lon,
            "status": statuses.get(cells["status"], cells["status"] or "planned"),
        }
        try:
            item = calendar.CalendarItem.from_dict(data)
        except calendar.CalendarError as error:
            problems.append((row, error.message))
            continue
        taken.append(item)
        out.append(item.to_dict())
    return out, problems


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


def _place(
    text: str, old: calendar.CalendarItem | None, find_town: Callable[[str], geocode.Match]
) -> tuple[float | None, float | None]:
    """A place's coordinates: kept while its text is unchanged, else found when the text names one place."""
    if old is not None and old.place == text:
        return old.lat, old.lon
    if not text:
        return None, None
    match = find_town(text)
    return (match.place.lat, match.place.lon) if match.status == "placed" and match.place else (None, None)
