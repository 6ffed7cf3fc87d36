"""The Monitor's shared shapes: one goal on the board. The board builds it; its words and charts read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.i18n import Message


@dataclass(frozen=True)
class BoardRow:
    """One goal on the board; ``missing`` names the KPI's sources when its data is not imported."""

    goal_id: str
    title: str
    kpi: str | None
    status: str  # tracking.STATUSES
    current: float | None
    target: float | None
    progress: float | None
    pace_needed: float | None
    pace_achieved: float | None
    forecast_date: dt.date | None  # for a goal already reached: the day it was reached
    message: Message
    missing: tuple[str, ...] = ()
    place: tuple[str, str] = ("market", "")  # the goal's place: kind and value (core.goals.goals.Place)
    where: Message | None = None  # how the place was used in tracking it (core.goals.where)

    @property
    def reached(self) -> bool:
        return self.message.key in ("goals.track.reached", "goals.track.reached_month")
