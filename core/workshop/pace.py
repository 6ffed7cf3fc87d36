"""The room's pace: the step the facilitator has set for everyone, its minutes, and "look at the screen".

The facilitator sets it on the room view; every participant's phone reads it (one small row, by
``WorkshopStore.pace``) and shows a banner with one tap to that step and the time left, or a pause.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from core.plan import path

MAX_MINUTES = 180  # a step of a workshop longer than three hours is a typo


@dataclass(frozen=True)
class Pace:
    step: str | None  # a step of the path, or None: no step set
    minutes: int | None  # how long the step lasts from ``set_at``; None: no time given
    paused: bool  # "look at the screen": the phones show a pause
    set_at: dt.datetime  # naive UTC, like the workshop tables


class PaceError(ValueError):
    """A step that is not on the path, or minutes out of range."""


def check(step: str | None, minutes: int | None) -> None:
    """Refuse a step that is not on the path and minutes outside 1..MAX_MINUTES."""
    if step is not None and step not in {s.id for s in path.STEPS}:
        raise PaceError(f"no step {step!r} on the path")
    if minutes is not None and not (isinstance(minutes, int) and 1 <= minutes <= MAX_MINUTES):
        raise PaceError(f"minutes must be a whole number from 1 to {MAX_MINUTES}")


def minutes_left(pace: Pace, now: dt.datetime) -> int | None:
    """Whole minutes left on the step (rounded up, 0 once over); None when no time was given."""
    if pace.minutes is None:
        return None
    left = pace.set_at + dt.timedelta(minutes=pace.minutes) - now
    return max(0, math.ceil(left.total_seconds() / 60))
