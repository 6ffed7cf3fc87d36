"""Ready-to-edit good goals for an objective, prefilled from the Business step's audit.

A workshop room picks an objective and adds one of these in two or three clicks: the KPI that
measures it, the channel that reports it, today's value from the audit, an ambitious but plausible
target for the end of the quarter, and two first actions. Titles and actions are in ``lang``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from core import i18n, schema
from core.goals import baselines, goals, kpis
from core.goals import text as goal_text

TEMPLATES: dict[str, tuple[str, ...]] = {
    "local_awareness": ("followers_in_area", "gbp_views", "reach"),
    "footfall": ("gbp_directions", "gbp_calls", "new_customers"),
    "online_sales": ("revenue", "link_clicks"),
    "leads": ("leads", "gbp_calls"),
    "retention": ("repeat_rate",),
    "service": ("reply_rate", "rating"),
    "reputation": ("reviews", "rating"),
    "custom": (),
}  # every KPI here has two suggested actions: goals.action.<kpi>.1 and .2


def template_goals(
    objective_id: str,
    baseline_audit: baselines.Baselines,
    today: dt.date,
    lang: str,
    *,
    place: goals.Place | None = None,
    owner: str = "",
    taken_ids: Collection[str] = (),
) -> list[dict[str, Any]]:
    """One to three goal dicts for the objective (none for ``custom``), ids not in ``taken_ids``.

    ``baseline_audit`` is channel id (or ``"business"``) -> KPI id -> value, as in
    ``core.goals.baselines``; a KPI it lacks gets no baseline and no target, to fill in.
    """
    where = place or goals.Place()
    deadline = goals.default_deadline(today)
    weeks = goals.weeks_between(today, deadline)
    taken = set(taken_ids)
    result = []
    for kpi_id in TEMPLATES[objective_id]:
        channels = _channels(kpi_id, baseline_audit)
        baseline = baselines.baseline(kpi_id, channels, baseline_audit)
        target = kpis.suggested_target(kpi_id, baseline, weeks) if baseline is not None else None
        goal_id = _free_id(taken)
        taken.add(goal_id)
        goal = goals.Goal(
            id=goal_id,
            objective=objective_id,
            title=goal_text.goal_title(lang, kpi_id, where, target, deadline),
            kpi=kpi_id,
            channels=channels,
            baseline=baseline,
            target=target,
            start=today,
            deadline=deadline,
            place=where,
            actions=tuple(i18n.t(lang, f"goals.action.{kpi_id}.{n}") for n in (1, 2)),
            owner=owner,
        )
        result.append(goal.to_dict())
    return result


def _channels(kpi_id: str, audit: baselines.Baselines) -> tuple[str, ...]:
    """The channel whose audit figure for the KPI is largest; for business-wide KPIs, the two biggest channels."""
    platforms = kpis.KPIS[kpi_id].platforms
    if not platforms:
        ranked = sorted((c for c in audit if c in schema.CHANNELS), key=lambda c: -audit[c].get("followers", 0))
        return tuple(ranked[:2])
    with_data = [c for c in platforms if kpi_id in audit.get(c, {})]
    if with_data:
        return (max(with_data, key=lambda c: audit[c][kpi_id]),)
    return ("instagram",) if "instagram" in platforms else (platforms[0],)


def _free_id(taken: set[str]) -> str:
    n = 1
    while f"g{n}" in taken:
        n += 1
    return f"g{n}"


def added_as(template: Mapping[str, Any], goal_dicts: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The plan's goal this template was already added as (same objective, KPI and place), or None.

    A template is offered once: adding the same ready goal twice would only make two copies to keep in step.
    """
    for goal in goal_dicts:
        same = goal.get("objective") == template["objective"] and goal.get("kpi") == template["kpi"]
        if same and goal.get("place") == template["place"]:
            return goal
    return None
