"""Starting values for goals from the Business step's channel audit.

The baseline map is channel id (or ``"business"`` for the business's own records) -> KPI id ->
value: ``{"instagram": {"followers": 1240}, "business": {"repeat_rate": 0.22}}``. The audit gives
followers; the page can merge more values into it (from imports, with
``tracking.baseline_from_series``) before prefilling goals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from core import schema
from core.goals import kpis

Baselines = Mapping[str, Mapping[str, float]]


def from_audit(channels: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """The plan's ``business.channels`` list (``core.plan.audit`` rows) as a baseline map of followers."""
    result: dict[str, dict[str, float]] = {}
    for row in channels:
        channel, followers = row.get("channel"), row.get("followers")
        if channel in schema.CHANNELS and isinstance(followers, int | float) and not isinstance(followers, bool):
            result[channel] = {"followers": followers}
    return result


def baseline(kpi_id: str, channels: Sequence[str], values: Baselines) -> float | None:
    """The starting value of a KPI on the chosen channels, or None where the map has no figure.

    Counts and euros add up over the channels; a rate, a score or a lower-is-better KPI is taken
    only when exactly one channel has it (averaging them would need their weights).
    """
    kpi = kpis.KPIS[kpi_id]
    if not kpi.platforms:
        return values.get("business", {}).get(kpi_id)
    found = [values[c][kpi_id] for c in channels if kpi_id in values.get(c, {})]
    if not found:
        return None
    if kpi.unit in ("count", "eur") and kpi.higher_is_better:
        return sum(found)
    return found[0] if len(found) == 1 else None
