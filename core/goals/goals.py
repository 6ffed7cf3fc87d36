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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core import fields, schema
from core.goals import kpis, objectives

PLACE_KINDS: tuple[str, ...] = ("market", "town", "province", "area")
FIELDS: tuple[str, ...] = (
    "id", "objective", "title", "kpi", "channels", "baseline", "target", "start", "deadline", "place",
    "actions", "owner",
)  # fmt: skip
_REQUIRED = ("id", "objective", "start")
LIMITS = {
    "id": 64,
    "title": fields.TEXT_MAX,
    "owner": fields.TEXT_MAX,
    "actions": fields.TEXT_MAX,
    "place": fields.TEXT_MAX,
}
MAX_ACTIONS = 50


GoalError = fields.FieldError  # what ``Goal.from_dict`` raises: one kind for every model's fields


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
        data = fields.mapping(data, "goal", FIELDS)
        fields.required(data, _REQUIRED)
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


# The goal's own rules on top of ``core.fields``: texts are kept as typed (a goal round-trips exactly),
# a number is bounded by its KPI, a place is a kind and a value.


def _text(data: Mapping[str, Any], name: str, nonempty: bool = False) -> str:
    return fields.text(data.get(name, ""), name, LIMITS[name], nonempty=nonempty, clean=False)


def _texts(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    return fields.texts(data.get(name, []), name, LIMITS[name], MAX_ACTIONS, clean=False)


def _choice(data: Mapping[str, Any], name: str, choices: Mapping[str, Any], optional: bool = False) -> Any:
    value = data.get(name)
    if value is None and optional:
        return None
    return fields.choice(value, name, choices)


def _channels(value: Any) -> tuple[str, ...]:
    channels = tuple(fields.choice(item, "channels", schema.CHANNELS) for item in fields.entries(value, "channels", 50))
    if len(set(channels)) != len(channels):
        raise GoalError("channels", value, "duplicate")
    return channels


def _number(data: Mapping[str, Any], name: str, kpi: str | None) -> float | None:
    """A baseline or target within its KPI's bounds (a share from 0 to 1, a rating from 1 to 5), else a count
    or an amount from 0 to ``fields.COUNT_MAX``."""
    value = data.get(name)
    if value is None:
        return None
    low, high = kpis.KPIS[kpi].bounds if kpi else (0.0, None)
    try:
        return fields.number(value, name, low, fields.COUNT_MAX if high is None else high)
    except fields.FieldError as error:
        if kpi and kpis.KPIS[kpi].unit == "rate" and error.problem in ("negative", "range"):
            raise GoalError(name, value, "share", kpi=kpi) from None
        raise


def _date(data: Mapping[str, Any], name: str, optional: bool = False) -> dt.date | None:
    value = data.get(name)
    if value is None and optional:
        return None
    return fields.date(value, name)


def _start(data: Mapping[str, Any]) -> dt.date:
    return fields.date(data.get("start"), "start")


def _place(value: Any) -> Place:
    if not isinstance(value, Mapping) or set(value) != {"kind", "value"}:
        raise GoalError("place", value, "not_place")
    kind = fields.choice(value["kind"], "place.kind", PLACE_KINDS)
    return Place(kind, fields.text(value["value"], "place.value", LIMITS["place"], clean=False))


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


def goal_tree(
    goals: Sequence[Goal], today: dt.date, paces: Mapping[str, float | None] | None = None
) -> list[dict[str, Any]]:
    """Objective -> goals -> KPI -> actions, in catalogue order, each goal with its weekly pace.

    ``paces`` (goal id -> pace still needed, as ``core.goals.standing`` measured it) wins over the pace
    from the baseline, so the tree says what the goal's progress says.
    """
    tree = []
    for objective in objectives.OBJECTIVES:
        members = [g for g in goals if g.objective == objective]
        if members:
            tree.append({"objective": objective, "goals": [_node(g, today, paces) for g in members]})
    return tree


def _node(goal: Goal, today: dt.date, paces: Mapping[str, float | None] | None) -> dict[str, Any]:
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
        "pace": paces[goal.id] if paces is not None and goal.id in paces else required_pace(goal, today),
    }
