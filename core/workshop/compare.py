"""You and the room: one participant's figures beside the room's anonymised distribution.

A figure (the self-check score, posts a week, followers, channels in use, goals written, goals that
pass SMART) is compared only over the participants who agreed that their numbers may count,
anonymously, in the room's figures (``plan["room"]["contribute"]``, its own consent, apart from showing
one's name): a participant who does not contribute changes no figure. A distribution is shown only when
at least ``MIN_CONTRIBUTORS`` participants contribute to it, and only as its quartiles (never a value
with its owner, never a list of values). Among businesses like the participant's (the same ATECO
section: C manufacturing, G trade, I food and lodging...) the same rule holds on its own: under
``MIN_CONTRIBUTORS`` in the section, the whole room only. The participant's own value is always theirs,
read from their own plan, whether they contribute or not.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from core import sectors
from core.goals import smart
from core.plan import plan as plan_mod
from core.plan import selfcheck
from core.workshop import participant

MIN_CONTRIBUTORS = 5  # fewer contributors than this: the figure is not shown
FIGURES: tuple[str, ...] = ("selfcheck", "posts_week", "followers", "channels", "goals", "smart_goals")
STEP_FIGURES: dict[str, tuple[str, ...]] = {  # the figures that teach something on each step
    "start": ("selfcheck",),
    "business": ("posts_week", "followers", "channels"),
    "goals": ("goals", "smart_goals"),
}


@dataclass(frozen=True)
class Spread:
    """A distribution as the room may see it: how many contribute, and its quartiles."""

    count: int
    q1: float
    median: float
    q3: float


@dataclass(frozen=True)
class Figure:
    id: str
    own: float | None  # the participant's value; None when their plan does not give it yet
    room: Spread | None  # None under MIN_CONTRIBUTORS
    room_count: int  # contributors with a value (shown as "not enough participants yet: 3 of 5")
    sector: Spread | None  # among the same ATECO section; None under MIN_CONTRIBUTORS there
    sector_count: int
    section: str | None  # the participant's ATECO section letter, None without a sector


@dataclass(frozen=True)
class Pool:
    """Every contributor's values: (ATECO section, value) per figure. Built once per room change."""

    values: dict[str, tuple[tuple[str | None, float], ...]]
    contributors: int


def contributes(plan: dict[str, Any]) -> bool:
    """Whether the plan's owner agreed that their numbers may count, anonymously, in the room's figures."""
    return plan_mod.get_in(plan, ("room", "contribute")) is True


def contribute_change(plan: dict[str, Any], yes: bool) -> plan_mod.Change:
    """The change that sets the consent to count in the room's figures (apply it with ``Store.apply``)."""
    return plan_mod.Change(("room", "contribute"), plan_mod.get_in(plan, ("room", "contribute")), bool(yes))


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _total(numbers: list[float]) -> float | None:
    """A sum the room may show: None for none, or beyond a plausible count (a plan stored around the door)."""
    total = sum(numbers)
    return total if numbers and math.isfinite(total) and abs(total) <= participant.MAX_SHOWN else None


def values(plan: dict[str, Any], today: dt.date) -> dict[str, float | None]:
    """The figures of one plan (None where the plan does not give one yet)."""
    business = plan.get("business") if isinstance(plan.get("business"), dict) else {}
    channels = [c for c in business.get("channels") or [] if isinstance(c, dict)]
    answers = plan.get("selfcheck") if isinstance(plan.get("selfcheck"), dict) else {}
    result = selfcheck.score(answers)
    posts = [n for n in (_number(c.get("posts_per_week")) for c in channels) if n is not None]
    followers = [n for n in (_number(c.get("followers")) for c in channels) if n is not None]
    own_goals = participant.valid_goals(plan)
    return {
        "selfcheck": float(result.score) if result.band is not None else None,
        "posts_week": _total(posts),
        "followers": _total(followers),
        "channels": float(len(channels)) if channels else None,
        "goals": float(len(own_goals)),
        "smart_goals": float(sum(all(c.passed for c in smart.smart_check(g, today)) for g in own_goals)),
    }


def section(plan: dict[str, Any]) -> str | None:
    """The ATECO section letter of the plan's sector, None without one."""
    sector = (plan.get("business") or {}).get("sector") if isinstance(plan.get("business"), dict) else None
    code = sector.get("code") if isinstance(sector, dict) else None
    return sectors.section(code) if isinstance(code, str) else None


def pool(members: Iterable[participant.Member], today: dt.date) -> Pool:
    """The contributors' values, per figure; a plan that cannot be read is left out, like in the room."""
    found: dict[str, list[tuple[str | None, float]]] = {f: [] for f in FIGURES}
    contributors = 0
    for member in members:
        plan = member.plan
        if not isinstance(plan, dict) or not contributes(plan):
            continue
        try:
            own, letter = values(plan, today), section(plan)
        except participant.UNREADABLE:
            continue
        contributors += 1
        for figure, value in own.items():
            if value is not None:
                found[figure].append((letter, value))
    return Pool({f: tuple(v) for f, v in found.items()}, contributors)


def spread(numbers: Sequence[float]) -> Spread | None:
    """Quartiles (Excel's QUARTILE.INC, linear between the ordered values), None under MIN_CONTRIBUTORS."""
    if len(numbers) < MIN_CONTRIBUTORS:
        return None
    q1, median, q3 = statistics.quantiles(numbers, n=4, method="inclusive")
    return Spread(len(numbers), q1, median, q3)


def compare(room: Pool, plan: dict[str, Any], today: dt.date, figures: Sequence[str] = FIGURES) -> list[Figure]:
    """The participant's own figures beside the room's and, where enough share their section, the section's."""
    own = values(plan, today)
    letter = section(plan)
    found = []
    for figure in figures:
        everyone = [v for _, v in room.values[figure]]
        alike = [v for s, v in room.values[figure] if letter is not None and s == letter]
        found.append(Figure(figure, own[figure], spread(everyone), len(everyone), spread(alike), len(alike), letter))
    return found
