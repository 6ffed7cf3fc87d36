"""One participant's plan as the room reads it: their step, band and (with consent) name and numbers.

``read`` takes what ``WorkshopStore.room_snapshot`` loads for one participant (a number and a plan,
never a token) and reads all of it, or raises one of ``UNREADABLE``: a plan stored around the door's
checks (a baseline of 1e308, a date in year 1, a 30-digit count, a section of the wrong type) is left
out of the room by ``room.summarise`` and counted, never a broken room view. A participant's business
name, town and private numbers are read only when ``plan["room"]["share"]`` is true.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.goals import goals, smart, vanity
from core.i18n import Message
from core.plan import path, selfcheck
from core.workshop import workshop

FINISHED = "finished"  # the "step" of a participant with no step left to do
INCOMPLETE = "incomplete"  # the band of a self-check not fully answered
# What a plan stored outside the checks of the door can raise while it is read (an overflow in a date or
# a suggested target, a number babel cannot format, a section of the wrong type): the plan is left out.
UNREADABLE: tuple[type[Exception], ...] = (
    ArithmeticError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError,
)  # fmt: skip
MAX_SHOWN = 10**15  # the largest follower count, baseline or target the room shows (babel formats it)

GoalNumbers = tuple[str, str | None, float | None, float | None]  # title, KPI, baseline, target
Place = tuple[tuple[str, str], tuple[float, float]]  # (town, province), (lat, lon)


@dataclass(frozen=True)
class Member:
    number: int  # 1, 2, 3... in joining order
    plan: dict[str, Any]
    imported: tuple[str, ...] = ()  # kinds of data imported for the plan ("customers", "activity")


@dataclass(frozen=True)
class Person:
    number: int
    step: str  # the next step of the path, or FINISHED
    done: tuple[str, ...]
    band: str  # a self-check band, or INCOMPLETE
    shared: bool
    name: str = ""  # this and the fields below stay empty unless the participant shares
    town: str = ""
    followers: tuple[tuple[str, float | None], ...] = ()  # (channel, followers)
    goals: tuple[GoalNumbers, ...] = ()
    places: tuple[tuple[str, str], ...] = ()  # each goal's place (kind, value), in the order of ``goals``

    @property
    def label(self) -> Message:
        return Message("room.participant", {"n": self.number})


@dataclass(frozen=True)
class Reading:
    """One participant's plan as the room reads it."""

    person: Person
    goals: tuple[goals.Goal, ...]
    weak: tuple[tuple[str, ...], ...]  # per goal: the SMART letters it fails and its vanity kind
    town: Place | None


def read(member: Member, today: dt.date) -> Reading:
    """Read one plan whole, or raise one of ``UNREADABLE``."""
    if not isinstance(member.plan, dict):
        raise TypeError("a plan is a JSON object")
    own = tuple(valid_goals(member.plan))
    weak = tuple(_weak(goal, today) for goal in own)
    person = _person(member, own)
    numbers = [n for _, n in person.followers if isinstance(n, int | float)]
    numbers += [n for _, _, baseline, target in person.goals for n in (baseline, target) if n is not None]
    if not all(math.isfinite(n) and abs(n) <= MAX_SHOWN for n in numbers):
        raise ValueError("a number the room would show is not a plausible count or amount")
    return Reading(person, own, weak, _town(member.plan))


def _weak(goal: goals.Goal, today: dt.date) -> tuple[str, ...]:
    """The SMART letters a goal fails, and its vanity kind if it is one."""
    found = vanity.vanity_check(goal, "en", today)
    return tuple(c.letter for c in smart.smart_check(goal, today) if not c.passed) + ((found.kind,) if found else ())


def _person(member: Member, own: Sequence[goals.Goal]) -> Person:
    plan = member.plan
    finished = path.done(plan, member.imported)
    step = next((s.id for s in path.STEPS if s.id not in finished), FINISHED)
    band = selfcheck.score(plan.get("selfcheck") or {}).band or INCOMPLETE
    done = tuple(s.id for s in path.STEPS if s.id in finished)
    if not workshop.shares(plan):
        return Person(member.number, step, done, band, shared=False)
    business = plan.get("business") or {}
    channels = business.get("channels") or []
    return Person(
        member.number, step, done, band, shared=True,
        name=str(business.get("name") or ""),
        town=str((business.get("town") or {}).get("name") or ""),
        followers=tuple((str(c.get("channel")), c.get("followers")) for c in channels if isinstance(c, dict)),
        goals=tuple((g.title, g.kpi, g.baseline, g.target) for g in own),
        places=tuple((g.place.kind, g.place.value) for g in own),
    )  # fmt: skip


def valid_goals(plan: dict[str, Any]) -> list[goals.Goal]:
    """The plan's valid goals (a goal that does not validate is left out of the room's counts)."""
    found = []
    for raw in plan.get("goals") or []:
        try:
            found.append(goals.Goal.from_dict(raw))
        except goals.GoalError:
            continue
    return found


def _town(plan: dict[str, Any]) -> Place | None:
    """The plan's town and where it is; None when it has none placed; raise when its place is impossible."""
    town = (plan.get("business") or {}).get("town")
    placed = isinstance(town, dict) and all(isinstance(town.get(k), int | float) for k in ("lat", "lon"))
    if not placed:
        return None
    lat, lon = float(town["lat"]), float(town["lon"])
    if not (abs(lat) <= 90 and abs(lon) <= 180):  # NaN and infinities fail too
        raise ValueError("a town's coordinates are not on Earth")
    return (str(town.get("name") or ""), str(town.get("province") or "")), (lat, lon)
