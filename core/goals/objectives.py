"""The business objectives a goal serves, in plain words, and the KPIs that measure each one.

Texts: ``objectives.<id>.name`` and ``objectives.<id>.description`` in ``core/texts/kpis.py``.
The first KPI of each objective is the one proposed first (and the measurable version of a
vanity goal); ``custom`` is the owner's own objective, measured by any KPI of the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import i18n
from core.goals import kpis


@dataclass(frozen=True)
class Objective:
    id: str
    kpis: tuple[str, ...]  # best first
    local: bool  # about a place: goals for it should name the town, province or area


OBJECTIVES: dict[str, Objective] = {
    o.id: o
    for o in (
        Objective(
            "local_awareness", ("followers_in_area", "gbp_views", "reach", "profile_visits", "engagement_rate"), True
        ),
        Objective("footfall", ("gbp_directions", "gbp_calls", "new_customers", "share_in_area"), True),
        Objective("online_sales", ("revenue", "link_clicks", "new_customers", "repeat_rate"), False),
        Objective("leads", ("leads", "link_clicks", "gbp_calls", "profile_visits", "cost_per_lead"), False),
        Objective("retention", ("repeat_rate", "revenue", "engagement_rate", "reply_rate"), False),
        Objective("service", ("reply_rate", "rating", "reviews", "gbp_calls"), False),
        Objective("reputation", ("rating", "reviews", "engagement_rate", "reach"), False),
        Objective("custom", tuple(kpis.KPIS), False),
    )
}


def objective_kpis(objective_id: str) -> list[str]:
    """The KPIs that measure an objective, best first (every KPI for ``custom``)."""
    return list(OBJECTIVES[objective_id].kpis)


def name(lang: str, objective_id: str) -> str:
    return i18n.t(lang, f"objectives.{objective_id}.name")


def description(lang: str, objective_id: str) -> str:
    return i18n.t(lang, f"objectives.{objective_id}.description")
