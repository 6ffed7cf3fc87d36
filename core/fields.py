"""Checking the fields of a document that comes from outside (a plan file, a table, a form): one way for all.

A goal, an editorial calendar item, an offline action and the plan itself are plain dicts. Their
models (``core.goals.goals``, ``core.calendar.calendar``, ``core.timeline.offline_actions``,
``core.plan.check``) read each field through these functions, which either return the value typed
or raise :class:`FieldError` naming the field, the value as found and what is wrong with it, with
one set of messages (``core/texts/fields.py``).

Every number and date is bounded to a plausible range, so that whatever passes can be formatted,
added to a date or compounded without an overflow: dates from ``FIRST_DAY`` to ``LAST_DAY``,
counts and amounts from 0 to ``COUNT_MAX``, and no number so close to zero (``TINY``) that a ratio
of two of them overflows. The messages say the range.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Mapping
from typing import Any

from core import safe_text
from core.i18n import Message

FIRST_DAY = dt.date(2000, 1, 1)  # before social networks: no plan has anything to say about it
LAST_DAY = dt.date(2099, 12, 31)
COUNT_MAX = 1_000_000_000  # followers, reach, euros: more than any account or small business has
TINY = 1e-6  # a number other than zero is at least this far from it (a millionth of a follower, of a euro)
TEXT_MAX = 10_000  # a name, a title: generous, but no megabyte strings on every page
SHOWN = 60  # characters of a bad value quoted in a message
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class FieldError(ValueError):
    """A field that does not fit; ``field`` names it, ``message`` says why in either language."""

    def __init__(self, field: str, value: Any, problem: str, **params: Any) -> None:
        self.field = field
        self.problem = problem
        self.message = Message(f"fields.{problem}", {"field": field, "value": shown(value), **params})
        super().__init__(self.message.render("en"))


def shown(value: Any) -> str:
    """``value`` as a message quotes it: its ``repr``, cut to ``SHOWN`` characters, never slow or failing
    (a 5,000-digit integer has no ``repr``, a nested list has a deep one)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"{'-' if value < 0 else ''}~10^{round(value.bit_length() * math.log10(2))}"
    if isinstance(value, str):
        text = repr(value[: SHOWN + 1])
    elif isinstance(value, Mapping | list | tuple | set):
        text = f"{type(value).__name__} of {len(value)}" if len(value) > 3 else _short(value)
    else:
        text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


def _short(value: Any) -> str:
    try:
        return repr(value)[: SHOWN + 1]
    except (RecursionError, ValueError):
        return type(value).__name__


# --- Shapes --------------------------------------------------------------------------------------


def mapping(value: Any, name: str, fields: Collection[str]) -> Mapping[str, Any]:
    """``value`` as an object holding only ``fields`` (an unknown field is refused, naming the known ones)."""
    if not isinstance(value, Mapping):
        raise FieldError(name, value, "not_object")
    unknown = sorted(str(k) for k in value if k not in fields)
    if unknown:
        raise FieldError(unknown[0][:SHOWN], value.get(unknown[0]), "unknown_field", fields=", ".join(fields))
    return value


def required(data: Mapping[str, Any], names: Collection[str]) -> None:
    for name in names:
        if name not in data:
            raise FieldError(name, None, "missing")


def entries(value: Any, name: str, limit: int) -> list[Any]:
    """A list of at most ``limit`` entries."""
    if not isinstance(value, list):
        raise FieldError(name, value, "not_list")
    if len(value) > limit:
        raise FieldError(name, value, "too_many", limit=limit)
    return value


def unique(ids: list[str], name: str = "id") -> None:
    """Each id once."""
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise FieldError(name, item_id, "duplicate_id")
        seen.add(item_id)


# --- Text ----------------------------------------------------------------------------------------


def text(value: Any, name: str, limit: int, *, nonempty: bool = False, clean: bool = True) -> str:
    """Text of at most ``limit`` characters (``None`` is empty); ``clean`` drops control, zero-width and
    bidi-override characters and the blanks around it (``safe_text.plain_text``)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise FieldError(name, value, "not_text")
    if clean:
        value = safe_text.plain_text(value).strip()
    if nonempty and not value.strip():
        raise FieldError(name, value, "empty")
    if len(value) > limit:
        raise FieldError(name, value, "too_long", limit=limit)
    return value


def texts(value: Any, name: str, limit: int, count: int, *, clean: bool = True) -> tuple[str, ...]:
    """A list of at most ``count`` texts of at most ``limit`` characters each."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FieldError(name, value, "not_texts")
    if len(value) > count:
        raise FieldError(name, value, "too_many", limit=count)
    return tuple(text(v, name, limit, clean=clean) for v in value)


def identifier(value: Any, name: str, pattern: re.Pattern[str], example: str) -> str:
    """An id matching ``pattern`` (``example`` shows one in the message)."""
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise FieldError(name, value, "bad_id", example=example)
    return value


def choice(value: Any, name: str, choices: Collection[str]) -> str:
    """One of ``choices`` (a list or an object from a file is none of them, and never a ``TypeError``)."""
    if not isinstance(value, str) or value not in choices:
        raise FieldError(name, value, "bad_choice", choices=", ".join(choices))
    return value


def flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise FieldError(name, value, "not_flag")
    return value


# --- Numbers -------------------------------------------------------------------------------------


def number(value: Any, name: str, low: float = 0, high: float = COUNT_MAX, *, whole: bool = False) -> int | float:
    """A finite number from ``low`` to ``high`` (``True`` is not one), not closer to zero than ``TINY``;
    with ``whole``, an integer (``1240.0`` is one, ``0.5`` followers are not).

    Integers are compared as integers: ``10**400`` is out of range, not an ``OverflowError``.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(name, value, "not_number")
    if isinstance(value, float) and not math.isfinite(value):
        raise FieldError(name, value, "not_number")
    if not low <= value <= high:
        if low == 0 and value < 0:
            raise FieldError(name, value, "negative")
        if low == 0 and high == COUNT_MAX:
            raise FieldError(name, value, "too_big")
        raise FieldError(name, value, "range", low=_plain(low), high=_plain(high))
    if whole and not float(value).is_integer():
        raise FieldError(name, value, "not_whole")
    if value and abs(value) < TINY:
        raise FieldError(name, value, "tiny")
    return value


def _plain(bound: float) -> int | float:
    """A bound as a message shows it: ``5`` rather than ``5.0``."""
    return int(bound) if float(bound).is_integer() else bound


def coordinate(value: Any, name: str, bound: float) -> float:
    """A latitude (``bound`` 90) or a longitude (180)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not -bound <= value <= bound:
        raise FieldError(name, value, "bad_coordinate", bound=_plain(bound))
    if isinstance(value, float) and not math.isfinite(value):  # NaN compares false to everything
        raise FieldError(name, value, "bad_coordinate", bound=_plain(bound))
    return float(value)


def point(data: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """``lat`` and ``lon`` of ``data``, both given or both missing."""
    lat, lon = data.get("lat"), data.get("lon")
    lat = None if lat is None else coordinate(lat, "lat", 90)
    lon = None if lon is None else coordinate(lon, "lon", 180)
    if (lat is None) != (lon is None):
        raise FieldError("lat" if lat is None else "lon", None, "half_place")
    return lat, lon


# --- Dates and times -----------------------------------------------------------------------------


def date(value: Any, name: str) -> dt.date:
    """A day from ``FIRST_DAY`` to ``LAST_DAY``, given as a ``date`` or as ``YYYY-MM-DD`` text only."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
    elif isinstance(value, str) and _DATE.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise FieldError(name, value, "bad_date") from None
    else:
        raise FieldError(name, value, "bad_date")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise FieldError(name, day.isoformat(), "date_range", first=FIRST_DAY.year, last=LAST_DAY.year)
    return day


_TYPED_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})")


def typed_date(value: str, name: str) -> dt.date | None:
    """A day as a person types it: ``31/03/2027`` (also with ``-`` or ``.``, a two-digit year meaning 20xx) or
    ``2027-03-31``; "" for none. Then as ``date``: from ``FIRST_DAY`` to ``LAST_DAY``."""
    text = value.strip()
    if not text:
        return None
    if _DATE.fullmatch(text):
        return date(text, name)
    found = _TYPED_DATE.fullmatch(text)
    if found is None:
        raise FieldError(name, value, "bad_typed_date")
    day, month, year = int(found[1]), int(found[2]), int(found[3])
    try:
        typed = dt.date(2000 + year if year < 100 else year, month, day)
    except ValueError:
        raise FieldError(name, value, "bad_typed_date") from None
    return date(typed, name)


def time(value: Any, name: str) -> dt.time | None:
    """A time of day as ``H:MM`` or ``HH:MM`` text (or a ``time``, seconds dropped); ``None`` or "" for none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    found = _TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise FieldError(name, value, "bad_time")
    return dt.time(int(found[1]), int(found[2]))
