"""Offline actions entered by hand (a fair, a tasting, a flyer drop...), kept in the plan's ``offline`` list.

An action is a plain dict (``FIELDS``): ``id``, ``date`` (ISO), ``time`` ("HH:MM" or None), ``kind``
(``KINDS``), ``place`` (a name), ``lat``/``lon`` (from the offline geocoder, or None) and ``note``.
:func:`to_activity` turns actions into rows of the activity table (``core.schema.ACTIVITY_COLUMNS``)
with platform ``offline`` and kind ``event`` or ``offline``, so the over-time chart, the map and the
editorial calendar treat them like the offline rows of an import; the KPIs never count them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core import fields, i18n, schema
from core.timeline import timeline

# The owner's kind of action -> the activity table's kind (events are things people come to).
KINDS: dict[str, str] = {
    "fair": "event",
    "market_stall": "event",
    "tasting": "event",
    "shop_event": "event",
    "workshop": "event",
    "flyers": "offline",
    "poster": "offline",
    "press": "offline",
    "sponsorship": "offline",
    "other": "offline",
}
FIELDS: tuple[str, ...] = ("id", "date", "time", "kind", "place", "lat", "lon", "note")
MAX_PLACE = 200
MAX_NOTE = 500
NO_TIME = dt.time(12, 0)  # an action without a time sits at noon, as calendar items do when matched
TYPED_COLUMNS: tuple[str, ...] = (
    "when",
    "platform",
    "kind",
    "text",
    "link",
    "place",
)  # kept as the table has them
_ID = re.compile(r"o\d{1,9}")


OfflineError = fields.FieldError  # what ``OfflineAction.from_dict`` raises: one kind for every model's fields


@dataclass(frozen=True)
class OfflineAction:
    id: str
    date: dt.date
    kind: str  # KINDS
    time: dt.time | None = None
    place: str = ""
    lat: float | None = None
    lon: float | None = None
    note: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], today: dt.date | None = None) -> OfflineAction:
        """Validate a stored or new action; with ``today``, a date after it is refused (plan it instead)."""
        data = fields.mapping(data, "action", FIELDS)
        action_id = fields.identifier(data.get("id"), "id", _ID, "o1")
        day = fields.date(data.get("date"), "date")
        if today is not None and day > today:
            raise OfflineError("date", day.isoformat(), "future")
        kind = fields.choice(data.get("kind"), "kind", KINDS)
        lat, lon = fields.point(data)
        return cls(
            id=action_id,
            date=day,
            kind=kind,
            time=fields.time(data.get("time"), "time"),
            place=fields.text(data.get("place"), "place", MAX_PLACE),
            lat=lat,
            lon=lon,
            note=fields.text(data.get("note"), "note", MAX_NOTE),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "time": None if self.time is None else self.time.strftime("%H:%M"),
            "kind": self.kind,
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "note": self.note,
        }


def parse(data: Iterable[Any]) -> tuple[list[OfflineAction], list[tuple[int, i18n.Message]]]:
    """The plan's ``offline`` list: the valid actions, and (row from 1, problem) for the others."""
    actions: list[OfflineAction] = []
    problems: list[tuple[int, i18n.Message]] = []
    seen: set[str] = set()
    for row, item in enumerate(data, start=1):
        try:
            action = OfflineAction.from_dict(item)
            if action.id in seen:
                raise OfflineError("id", action.id, "duplicate_id")
        except fields.FieldError as error:
            problems.append((row, error.message))
            continue
        seen.add(action.id)
        actions.append(action)
    return actions, problems


def next_id(actions: Iterable[OfflineAction]) -> str:
    """``o<n>`` one past the highest in use (``o1`` for none)."""
    return f"o{max((int(a.id[1:]) for a in actions), default=0) + 1}"


def new_action(
    actions: Iterable[OfflineAction],
    today: dt.date,
    *,
    date: dt.date | None,
    kind: str | None,
    time: dt.time | None = None,
    place: Mapping[str, Any] | None = None,
    note: str = "",
) -> dict[str, Any]:
    """A validated dict for a new action (``place``: name, lat, lon, or None); raises OfflineError."""
    data = {
        "id": next_id(actions),
        "date": None if date is None else date.isoformat(),
        "time": None if time is None else time.strftime("%H:%M"),
        "kind": kind,
        "place": (place or {}).get("name", ""),
        "lat": (place or {}).get("lat"),
        "lon": (place or {}).get("lon"),
        "note": note,
    }
    return OfflineAction.from_dict(data, today=today).to_dict()


def kind_label(lang: str, kind: str) -> str:
    return i18n.t(lang, f"timelinepage.offline.kind.{kind}")


def describe(action: OfflineAction, lang: str) -> str:
    """The action as one line of text: "Fair: note" (the kind alone without a note)."""
    label = kind_label(lang, action.kind)
    return f"{label}: {action.note}" if action.note else label


def to_activity(actions: Iterable[OfflineAction], lang: str) -> pd.DataFrame:
    """Rows of the activity table (``when`` tz-aware Europe/Rome), one per action, metrics missing."""
    actions = list(actions)
    local = pd.Series([dt.datetime.combine(a.date, a.time or NO_TIME) for a in actions], dtype="datetime64[us]")
    when = local.dt.tz_localize(timeline.TZ, ambiguous=False, nonexistent="shift_forward")
    frame = pd.DataFrame(
        {
            "when": when,
            "platform": pd.Series([timeline.OFFLINE] * len(actions), dtype="str"),
            "kind": pd.Series([KINDS[a.kind] for a in actions], dtype="str"),
            "text": pd.Series([describe(a, lang) for a in actions], dtype="str"),
            "link": pd.Series([""] * len(actions), dtype="str"),
            "place": pd.Series([a.place for a in actions], dtype="str"),
            "lat": pd.Series([np.nan if a.lat is None else a.lat for a in actions], dtype=float),
            "lon": pd.Series([np.nan if a.lon is None else a.lon for a in actions], dtype=float),
        }
    )
    for column in schema.ACTIVITY_COLUMNS[8:]:
        frame[column] = np.nan
    return frame[list(schema.ACTIVITY_COLUMNS)]


def with_actions(activity: pd.DataFrame | None, rows: pd.DataFrame) -> pd.DataFrame:
    """``activity`` with the hand-entered ``rows`` appended (their ``when`` in the same type)."""
    if activity is None or activity.empty:
        return rows.reset_index(drop=True)
    if rows.empty:
        return activity
    when = activity["when"]
    if getattr(when.dt, "tz", None) is None:
        rows = rows.assign(when=timeline.local_times(rows["when"]))
    shared = [c for c in TYPED_COLUMNS if c in activity.columns]
    rows = rows.reindex(columns=activity.columns).astype({c: activity[c].dtype for c in shared})
    return pd.concat([activity, rows], ignore_index=True)
