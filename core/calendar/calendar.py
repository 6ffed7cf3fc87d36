"""The editorial calendar: what the business plans to post or do, checked against what it did.

An item is a plain dict in the plan's ``calendar`` list; :meth:`CalendarItem.from_dict` validates
it and ``to_dict`` gives it back. :func:`planned_vs_done` matches each item to one actual post or
offline action; ``core.calendar.export`` writes the calendar as .ics and CSV.

Matching rule: an item matches a row of the activity table on the same channel (platform; the
``offline`` channel matches offline actions) whose Europe/Rome date is within ``MATCH_DAYS`` (1)
day of the item's date. Each row serves at most one item: among all such pairs, the closest in
time is taken first (the item's time, or noon when it has none), ties by item date, then id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core import fields, schema
from core.timeline import timeline

CHANNELS: tuple[str, ...] = (*schema.CHANNELS, timeline.OFFLINE)
STATUSES: tuple[str, ...] = ("planned", "done")
OUTCOMES: tuple[str, ...] = ("done", "marked_done", "missed", "no_data", "upcoming")
FIELDS: tuple[str, ...] = (
    "id", "date", "time", "channel", "title", "note", "goal", "place", "lat", "lon", "status",
)  # fmt: skip
MATCH_DAYS = 1
MAX_TITLE = 200
MAX_NOTE = 2000
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


CalendarError = fields.FieldError  # what ``CalendarItem.from_dict`` raises: one kind for every model's fields


@dataclass(frozen=True)
class CalendarItem:
    id: str
    date: dt.date
    channel: str  # CHANNELS
    title: str
    time: dt.time | None = None
    note: str = ""
    goal: str = ""  # id of the goal the item serves, "" for none
    place: str = ""
    lat: float | None = None
    lon: float | None = None
    status: str = "planned"  # STATUSES: "done" when the owner ticks it off

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CalendarItem:
        data = fields.mapping(data, "item", FIELDS)
        item_id = fields.identifier(data.get("id"), "id", _ID, "c1")
        lat, lon = fields.point(data)
        return cls(
            id=item_id,
            date=fields.date(data.get("date"), "date"),
            channel=fields.choice(data.get("channel"), "channel", CHANNELS),
            title=fields.text(data.get("title"), "title", MAX_TITLE, nonempty=True),
            time=fields.time(data.get("time"), "time"),
            note=fields.text(data.get("note"), "note", MAX_NOTE),
            goal=fields.text(data.get("goal"), "goal", 64),
            place=fields.text(data.get("place"), "place", MAX_TITLE),
            lat=lat,
            lon=lon,
            status=fields.choice(data.get("status", "planned"), "status", STATUSES),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "time": None if self.time is None else self.time.strftime("%H:%M"),
            "channel": self.channel,
            "title": self.title,
            "note": self.note,
            "goal": self.goal,
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "status": self.status,
        }

    def anchor(self) -> dt.datetime:
        """The item's moment for matching: its time, or noon of its day."""
        return dt.datetime.combine(self.date, self.time or dt.time(12, 0))


def items_from_dicts(data: Iterable[Mapping[str, Any]]) -> list[CalendarItem]:
    """Validate the plan's ``calendar`` list; ids must be unique."""
    items = [CalendarItem.from_dict(d) for d in data]
    fields.unique([i.id for i in items])
    return items


def next_id(items: Iterable[CalendarItem]) -> str:
    """``c<n>`` one past the highest ``c<n>`` in use (``c1`` for an empty calendar)."""
    numbers = [int(i.id[1:]) for i in items if re.fullmatch(r"c\d{1,9}", i.id)]
    return f"c{max(numbers, default=0) + 1}"


# --- Planned against done -------------------------------------------------------------------------

RESULT_COLUMNS: tuple[str, ...] = (
    "id", "date", "time", "channel", "title", "goal", "status", "outcome", "matched_when", "matched_text",
    "matched_link", "days_off",
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class PlannedVsDone:
    table: pd.DataFrame  # one row per item, RESULT_COLUMNS, in date order
    counts: dict[str, int]  # outcome -> number of items, every outcome present
    unplanned: int  # posts on the calendar's channels, within its dates, that no item planned


def _actions(activity: pd.DataFrame, items: Sequence[CalendarItem]) -> pd.DataFrame:
    """Posts and offline actions on the items' channels within their dates (+-MATCH_DAYS), local time."""
    channels = {i.channel for i in items}
    first = min(i.date for i in items) - dt.timedelta(days=MATCH_DAYS)
    last = max(i.date for i in items) + dt.timedelta(days=MATCH_DAYS + 1)
    when = activity["when"]
    tz = timeline.TZ if getattr(when.dt, "tz", None) is not None else None
    keep = (timeline.own_posts(activity) | (activity["platform"] == timeline.OFFLINE)) & activity["platform"].isin(
        channels
    )
    keep &= (when >= pd.Timestamp(first, tz=tz)) & (when < pd.Timestamp(last, tz=tz))
    rows = activity.loc[keep, ["when", "platform", "text", "link"]]
    rows = rows.assign(when=timeline.local_times(rows["when"]).astype("datetime64[s]"))
    return rows.sort_values("when", kind="stable").reset_index(drop=True)


def _coverage(activity: pd.DataFrame) -> dict[str, tuple[dt.date, dt.date]]:
    """Per platform, the first and last local date of any row: the days its imports cover."""
    rows = activity[["platform", "when"]]
    if rows.empty:
        return {}
    span = rows.groupby("platform")["when"].agg(["min", "max"])
    out = {}
    for platform, row in span.iterrows():
        low, high = timeline.local_times(pd.Series([row["min"], row["max"]]))
        out[str(platform)] = (low.date(), high.date())
    return out


def _match(items: Sequence[CalendarItem], actions: pd.DataFrame) -> dict[str, int]:
    """item id -> row of ``actions`` (sorted by time), closest pairs first, each row used once."""
    when = actions["when"].to_numpy(dtype="datetime64[s]")
    platform = actions["platform"].to_numpy(dtype=object)
    rows_of = {c: np.flatnonzero(platform == c) for c in {i.channel for i in items}}
    pairs = []
    for item in items:
        rows = rows_of[item.channel]
        low = np.datetime64(item.date - dt.timedelta(days=MATCH_DAYS), "s")
        high = np.datetime64(item.date + dt.timedelta(days=MATCH_DAYS + 1), "s")
        near = rows[np.searchsorted(when[rows], low) : np.searchsorted(when[rows], high)]
        gaps = np.abs((when[near] - np.datetime64(item.anchor(), "s")).astype(np.int64))
        # Only the k closest can be chosen when k-1 other items compete for the same rows.
        k = 1 + sum(1 for o in items if o.channel == item.channel and abs((o.date - item.date).days) <= 2 * MATCH_DAYS)
        if len(near) > k:
            keep = np.argpartition(gaps, k - 1)[:k]
            near, gaps = near[keep], gaps[keep]
        pairs += [(int(g), item.date, item.id, int(r)) for g, r in zip(gaps, near, strict=True)]
    matched: dict[str, int] = {}
    used: set[int] = set()
    for _, _, item_id, row in sorted(pairs):
        if item_id not in matched and row not in used:
            matched[item_id] = row
            used.add(row)
    return matched


def planned_vs_done(items: Sequence[CalendarItem], activity: pd.DataFrame, today: dt.date) -> PlannedVsDone:
    """Each item's outcome: done (a matching post), marked_done (ticked, no post found), upcoming
    (its +-1 day is not over), no_data (no import covers its day on that channel) or missed."""
    items = sorted(items, key=lambda i: (i.date, i.anchor(), i.id))
    if not items:
        empty = pd.DataFrame(columns=list(RESULT_COLUMNS))
        return PlannedVsDone(empty, dict.fromkeys(OUTCOMES, 0), 0)
    if activity.empty:  # nothing imported or done yet (a frame without columns): nothing to match, no day covered
        actions, matched, coverage = pd.DataFrame(), {}, {}
    else:
        actions = _actions(activity, items)
        matched = _match(items, actions)
        coverage = _coverage(activity.loc[activity["platform"].isin({i.channel for i in items})])
    rows = []
    for item in items:
        low, high = coverage.get(item.channel, (None, None))
        row = {
            **item.to_dict(),
            "matched_when": pd.NaT,
            "matched_text": "",
            "matched_link": "",
            "days_off": np.nan,
        }
        if item.id in matched:
            action = actions.iloc[matched[item.id]]
            row |= {"outcome": "done", "matched_when": action["when"], "matched_text": action["text"]}
            row |= {"matched_link": action["link"], "days_off": (action["when"].date() - item.date).days}
        elif item.status == "done":
            row["outcome"] = "marked_done"
        elif item.date + dt.timedelta(days=MATCH_DAYS) >= today:
            row["outcome"] = "upcoming"
        elif low is None or not low <= item.date <= high:
            row["outcome"] = "no_data"
        else:
            row["outcome"] = "missed"
        rows.append(row)
    table = pd.DataFrame(rows)[list(RESULT_COLUMNS)]
    counts = {o: int((table["outcome"] == o).sum()) for o in OUTCOMES}
    return PlannedVsDone(table, counts, len(actions) - len(matched))
