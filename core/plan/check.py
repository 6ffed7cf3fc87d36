"""Every field of a plan document checked before it is stored: an uploaded plan replaces the open one
only when every page can show it, and a bad one is refused with the field and the reason.

``problem(doc)`` returns the first thing wrong as an ``i18n.Message`` (``None`` when the document is
sound); ``core.plan.validate`` raises it. Sections that have their own model are checked by it
(goals by ``core.goals.goals``, the editorial calendar by ``core.calendar.calendar``, offline actions by
``core.timeline.offline_actions``); the rest (business, places, target areas, competitors, audience) here.
Every number and date is bounded (``core.fields``: dates 2000-2099, counts up to a billion, posts a week
up to what the Business page allows), and every section has a plausible number of entries, so that a
plan accepted here can be formatted, dated and summed by every page without an overflow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core import fields, schema
from core.calendar import calendar
from core.goals import goals
from core.i18n import Message
from core.plan import audit
from core.samples import SLUGS
from core.timeline import offline_actions

PLACE_TEXTS: tuple[str, ...] = ("name", "comune_istat", "province", "region", "country")
TEXT_MAX = fields.TEXT_MAX
MAX_ENTRIES = {  # entries in a section: more than any business plans, few enough for every page to show
    "goals": 100,
    "areas": 200,
    "competitors": 500,
    "followers": 1000,
    "calendar": 2000,
    "offline": 2000,
    "business.sites": 100,
    "business.channels": 50,
}


def problem(doc: Mapping[str, Any]) -> Message | None:
    """What is wrong with the plan's fields, or ``None``; sections are known to have the right type."""
    for check in (
        _sizes,
        _top,
        _business,
        _channels,
        _selfcheck,
        _goals,
        _areas,
        _competitors,
        _followers,
        _calendar,
        _offline,
    ):
        found = check(doc)
        if found is not None:
            return found
    return None


def _field(name: str) -> Message:
    return Message("plan.err.field", {"field": name})


def _entry(section: str, row: int, reason: Message) -> Message:
    return Message("plan.err.entry", {"section": section, "row": row, "reason": reason})


def _text(value: Any, *, empty: bool = True) -> bool:
    return isinstance(value, str) and len(value) <= TEXT_MAX and (empty or bool(value.strip()))


def _valid(check: Any, value: Any, *bounds: float) -> bool:
    """Whether ``check`` (a ``core.fields`` function) takes ``value``."""
    try:
        check(value, "", *bounds)
    except fields.FieldError:
        return False
    return True


def _number(value: Any, low: float, high: float) -> bool:
    return _valid(fields.number, value, low, high)


def _coordinate(value: Any, bound: float) -> bool:
    return _valid(fields.coordinate, value, bound)


def _place(value: Any) -> bool:
    """A place as the town picker stores it: a name and coordinates, the other parts text."""
    return (
        isinstance(value, Mapping)
        and _text(value.get("name"), empty=False)
        and _coordinate(value.get("lat"), 90)
        and _coordinate(value.get("lon"), 180)
        and all(_text(value[k]) for k in PLACE_TEXTS if k in value)
        and isinstance(value.get("approx", False), bool)
    )


def _sizes(doc: Mapping[str, Any]) -> Message | None:
    business = doc.get("business", {})
    for name, limit in MAX_ENTRIES.items():
        entries = business.get(name[9:]) if name.startswith("business.") else doc.get(name)
        if isinstance(entries, list) and len(entries) > limit:
            return fields.FieldError(name, entries, "too_many", limit=limit).message
    return None


def _top(doc: Mapping[str, Any]) -> Message | None:
    if "created" in doc:
        try:
            fields.date(doc["created"], "created")
        except fields.FieldError as error:
            return error.message if error.problem == "date_range" else _field("created")
    if doc.get("sample") is not None and doc["sample"] not in SLUGS:
        return _field("sample")
    return None


def _business(doc: Mapping[str, Any]) -> Message | None:
    business = doc.get("business", {})
    if not _text(business.get("name", "")):
        return _field("business.name")
    sector = business.get("sector")
    if sector is not None and not (
        isinstance(sector, Mapping) and _text(sector.get("code"), empty=False) and _text(sector.get("title"))
    ):
        return _field("business.sector")
    town = business.get("town")
    if town is not None:
        if not (isinstance(town, Mapping) and all(isinstance(town.get(k), int | float) for k in ("lat", "lon"))):
            return _field("business.town")  # not a place at all
        if not _place(town):
            return Message("plan.err.place", {"field": "business.town"})  # a place, with a part wrong
    return _named_places(business.get("sites", []), "business.sites")


def _channels(doc: Mapping[str, Any]) -> Message | None:
    """The baseline audit: known channels with followers and posts per week not below 0; known markets."""
    business = doc.get("business", {})
    channels = business.get("channels", [])
    if not isinstance(channels, list):
        return _field("business.channels")
    for row, entry in enumerate(channels, start=1):
        if not isinstance(entry, Mapping) or entry.get("channel") not in schema.CHANNELS:
            return Message("plan.err.channel", {"row": row})
        for name, high in (("followers", fields.COUNT_MAX), ("posts_per_week", audit.POSTS_MAX)):
            if entry.get(name) is not None:
                try:
                    fields.number(entry[name], name, 0, high, whole=name == "followers")
                except fields.FieldError as error:
                    if error.problem in ("not_number", "negative"):
                        return Message("plan.err.channel_number", {"row": row, "field": name})
                    return _entry("business.channels", row, error.message)  # out of range: the message says it
    markets = business.get("markets", [])
    if not isinstance(markets, list) or any(m not in schema.MARKETS for m in markets):
        return _field("business.markets")
    return None


def _selfcheck(doc: Mapping[str, Any]) -> Message | None:
    for key, value in doc.get("selfcheck", {}).items():
        if isinstance(value, bool) or value not in (0, 1, 2):
            return Message("plan.err.selfcheck", {"question": str(key)[:40]})
    return None


def _named_places(entries: Any, section: str) -> Message | None:
    if not isinstance(entries, list):
        return _field(section)
    for row, entry in enumerate(entries, start=1):
        if not (isinstance(entry, Mapping) and _text(entry.get("name"), empty=False)):
            return _entry(section, row, Message("plan.err.no_name"))
        if not _place(entry.get("town")):
            return _entry(section, row, Message("plan.err.place", {"field": "town"}))
    return None


def _goals(doc: Mapping[str, Any]) -> Message | None:
    seen: set[str] = set()
    for n, raw in enumerate(doc.get("goals", []), start=1):
        try:
            goal = goals.Goal.from_dict(raw)
        except goals.GoalError as error:
            return Message("plan.err.goal", {"n": n, "reason": error.message})
        if goal.id in seen:
            return Message("plan.err.duplicate_id", {"section": "goals", "id": goal.id})
        seen.add(goal.id)
    return None


def _area(entry: Any) -> bool:
    if not (isinstance(entry, Mapping) and _text(entry.get("name"), empty=False)):
        return False
    circle, polygon = entry.get("circle"), entry.get("polygon")
    if (circle is None) == (polygon is None):
        return False
    if circle is not None:
        return (
            isinstance(circle, Mapping)
            and _coordinate(circle.get("lat"), 90)
            and _coordinate(circle.get("lon"), 180)
            and _number(circle.get("radius_km"), 0.001, 20_000)
        )
    return (
        isinstance(polygon, list)
        and 3 <= len(polygon) <= 10_000
        and all(
            isinstance(p, list) and len(p) == 2 and _coordinate(p[0], 180) and _coordinate(p[1], 90) for p in polygon
        )
    )


def _areas(doc: Mapping[str, Any]) -> Message | None:
    for row, entry in enumerate(doc.get("areas", []), start=1):
        if not _area(entry):
            return _entry("areas", row, Message("plan.err.area"))
    return None


def _competitors(doc: Mapping[str, Any]) -> Message | None:
    return _named_places(doc.get("competitors", []), "competitors")


def _followers(doc: Mapping[str, Any]) -> Message | None:
    for row, entry in enumerate(doc.get("followers", []), start=1):
        if not (isinstance(entry, Mapping) and _text(entry.get("city"), empty=False)):
            return _entry("followers", row, Message("plan.err.no_name"))
        if entry.get("followers") is not None:
            try:
                fields.number(entry["followers"], "followers", whole=True)
            except fields.FieldError as error:
                return _entry("followers", row, error.message)
    return None


def _calendar(doc: Mapping[str, Any]) -> Message | None:
    seen: set[str] = set()
    for row, raw in enumerate(doc.get("calendar", []), start=1):
        try:
            item = calendar.CalendarItem.from_dict(raw) if isinstance(raw, Mapping) else None
        except calendar.CalendarError as error:
            return _entry("calendar", row, error.message)
        if item is None:
            return _entry("calendar", row, Message("plan.err.not_object"))
        if item.id in seen:
            return Message("plan.err.duplicate_id", {"section": "calendar", "id": item.id})
        seen.add(item.id)
    return None


def _offline(doc: Mapping[str, Any]) -> Message | None:
    _, problems = offline_actions.parse(doc.get("offline", []))
    if problems:
        row, reason = problems[0]
        return _entry("offline", row, reason)
    return None
