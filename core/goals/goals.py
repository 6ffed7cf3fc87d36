"""A goal of the plan: the model, its validation at the boundary, the pace it needs, the goal tree.

A goal is a plain dict inside the plan JSON; ``Goal.from_dict`` validates it and ``to_dict``
gives the same dict back. Validation checks the shape (ids, types, dates, ranges) and names the
bad field and value; whether the goal is a *good* goal is the SMART check's job (``core.goals.smart``).

The Goals step in core: ``kpis`` and ``objectives`` (catalogues), ``goals`` (this model),
``baselines`` (starting values from the audit), ``smart`` (the live check), ``vanity`` (presence
goals and their measurable version), ``goal_templates`` (ready goals per objective), ``tracking``
(progress, pace, light, forecast; reused by the Monitor step). Every message they return is an
``i18n.Message`` with plain params; pages render it with ``goal_text.render(lang, message)``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core import i18n, schema
from core.goals import kpis, objectives

PLACE_KINDS: tuple[str, ...] = ("market", "town", "province", "area")
FIELDS: tuple[str, ...] = (
    "id", "objective", "title", "kpi", "channels", "baseline", "target", "start", "deadline", "place",
    "actions", "owner",
)  # fmt: skip
_REQUIRED = ("id", "objective", "start")


class GoalError(ValueError):
    """A goal dict that does not fit the shape; ``message`` renders in either language."""

    def __init__(self, field: str, value: Any, problem: str, **params: Any) -> None:
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        self.field = field
        self.message = i18n.Message(f"goals.error.{problem}", {"field": field, "value": shown, **params})
        super().__init__(self.message.render("en"))


@dataclass(frozen=True)
class Place:
    kind: str = "market"  # PLACE_KINDS: the whole market, or one town, province or target area
    value: str = ""  # the town, province or area name; "" for the whole market


@dataclass(frozen=True)
class Goal:
    id: str
    objective: str
    title: str
    kpi: str | None
    channels: tuple[str, ...]
    baseline: float | None
    target: float | None
    start: dt.date
    deadline: dt.date | None
    place: Place = field(default_factory=Place)
    actions: tuple[str, ...] = ()
    owner: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Goal:
        """Validate a goal dict; missing optional keys take their empty value."""
        if not isinstance(data, Mapping):
            raise GoalError("goal", data, "not_object")
        unknown = sorted(set(data) - set(FIELDS))
        if unknown:
            raise GoalError(unknown[0], data[unknown[0]], "unknown_field", fields=", ".join(FIELDS))
        for name in _REQUIRED:
            if name not in data:
                raise GoalError(name, None, "missing")
        kpi = _choice(data, "kpi", kpis.KPIS, optional=True)
        return cls(
            id=_text(data, "id", nonempty=True),
            objective=_choice(data, "objective", objectives.OBJECTIVES),
            title=_text(data, "title"),
            kpi=kpi,
            channels=_channels(data.get("channels", [])),
            baseline=_number(data, "baseline", kpi),
            target=_number(data, "target", kpi),
            start=_start(data),
            deadline=_date(data, "deadline", optional=True),
            place=_place(data.get("place", {"kind": "market", "value": ""})),
            actions=_texts(data, "actions"),
            owner=_text(data, "owner"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "objective": self.objective,
            "title": self.title,
            "kpi": self.kpi,
            "channels": list(self.channels),
            "baseline": self.baseline,
            "target": self.target,
            "start": self.start.isoformat(),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "place": {"kind": self.place.kind, "value": self.place.value},
            "actions": list(self.actions),
            "owner": self.owner,
        }


def _text(data: Mapping[str, Any], name: str, nonempty: bool = False) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise GoalError(name, value, "not_text")
    if nonempty and not value.strip():
        raise GoalError(name, value, "empty")
    return value


def _texts(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoalError(name, value, "not_texts")
    return tuple(value)


def _choice(data: Mapping[str, Any], name: str, choices: Mapping[str, Any], optional: bool = False) -> Any:
    value = data.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str) or value not in choices:
        raise GoalError(name, value, "choice", choices=", ".join(choices))
    return value


def _channels(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise GoalError("channels", value, "not_list")
    for item in value:
        if item not in schema.CHANNELS:
            raise GoalError("channels", item, "choice", choices=", ".join(schema.CHANNELS))
    if len(set(value)) != len(value):
        raise GoalError("channels", value, "duplicate")
    return tuple(value)


def _number(data: Mapping[str, Any], name: str, kpi: str | None) -> float | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise GoalError(name, value, "not_number")
    low, high = kpis.KPIS[kpi].bounds if kpi else (0.0, None)
    if value < low or (high is not None and value > high):
        if high is None:
            raise GoalError(name, value, "negative")
        problem = "rate" if kpi and kpis.KPIS[kpi].unit == "rate" else "range"
        raise GoalError(name, value, problem, low=low, high=high, kpi=kpi)
    return value


def _date(data: Mapping[str, Any], name: str, optional: bool = False) -> dt.date | None:
    value = data.get(name)
    if value is None and optional:
        return None
    if isinstance(value, str) and len(value) == 10:  # YYYY-MM-DD only, not the other ISO spellings
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise GoalError(name, value, "date")


def _start(data: Mapping[str, Any]) -> dt.date:
    start = _date(data, "start")
    if start is None:  # not reached: _date refuses None when the date is not optional
        raise GoalError("start", None, "date")
    return start


def _place(value: Any) -> Place:
    if not isinstance(value, Mapping) or set(value) != {"kind", "value"}:
        raise GoalError("place", value, "not_place")
    if value["kind"] not in PLACE_KINDS:
        raise GoalError("place.kind", value["kind"], "choice", choices=", ".join(PLACE_KINDS))
    if not isinstance(value["value"], str):
        raise GoalError("place.value", value["value"], "not_text")
    return Place(value["kind"], value["value"])


def weeks_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / 7


def required_pace(goal: Goal, today: dt.date, current: float | None = None) -> float | None:
    """KPI units a week still needed to reach the target by the deadline, from ``current`` (or the baseline).

    Signed: negative for a KPI that should go down. None when the goal lacks a number or the time is up.
    """
    level = goal.baseline if current is None else current
    if level is None or goal.target is None or goal.deadline is None:
        return None
    weeks = weeks_between(max(today, goal.start), goal.deadline)
    if weeks <= 0:
        return None
    return (goal.target - level) / weeks


def default_deadline(start: dt.date) -> dt.date:
    """The last day of the third month after ``start``: a quarter, the usual first horizon of a goal."""
    month = start.month + 3
    year, month = start.year + (month - 1) // 12, (month - 1) % 12 + 1
    first_after = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)


def goal_tree(goals: Sequence[Goal], today: dt.date) -> list[dict[str, Any]]:
    """Objective -> goals -> KPI -> actions, in catalogue order, each goal with its weekly pace."""
    tree = []
    for objective in objectives.OBJECTIVES:
        members = [g for g in goals if g.objective == objective]
        if members:
            tree.append({"objective": objective, "goals": [_node(g, today) for g in members]})
    return tree


def _node(goal: Goal, today: dt.date) -> dict[str, Any]:
    return {
        "id": goal.id,
        "title": goal.title,
        "kpi": goal.kpi,
        "channels": list(goal.channels),
        "baseline": goal.baseline,
        "target": goal.target,
        "deadline": goal.deadline.isoformat() if goal.deadline else None,
        "place": {"kind": goal.place.kind, "value": goal.place.value},
        "owner": goal.owner,
        "actions": list(goal.actions),
        "pace": required_pace(goal, today),
    }
