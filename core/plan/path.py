"""The workshop path: Start, Business, Goals, Market map, Timeline, Monitor, Plan."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    id: str
    script: str  # path relative to the app folder
    icon: str


STEPS: tuple[Step, ...] = (
    Step("start", "app.py", ":material/home:"),
    Step("business", "pages/business.py", ":material/storefront:"),
    Step("goals", "pages/goals.py", ":material/flag:"),
    Step("market", "pages/market.py", ":material/map:"),
    Step("timeline", "pages/timeline.py", ":material/timeline:"),
    Step("monitor", "pages/monitor.py", ":material/monitoring:"),
    Step("plan", "pages/plan.py", ":material/description:"),
)


# Pages that are not steps of the path: the workshop room (facilitator) and joining one (participant).
EXTRA: tuple[Step, ...] = (
    Step("workshop", "pages/workshop.py", ":material/groups:"),
    Step("join", "pages/join.py", ":material/login:"),
)


def extra(existing_scripts: Iterable[str]) -> tuple[Step, ...]:
    """The pages outside the path that exist."""
    present = set(existing_scripts)
    return tuple(step for step in EXTRA if step.script in present)


def available(existing_scripts: Iterable[str]) -> tuple[Step, ...]:
    """The steps whose page exists (later issues add pages; only those appear)."""
    present = set(existing_scripts)
    return tuple(step for step in STEPS if step.script in present)


DATA_KINDS: tuple[str, ...] = ("activity", "customers")  # imported data that marks steps done (a sample has both)


def done(plan: dict[str, Any] | None, imported: Collection[str] = ()) -> set[str]:
    """Which steps the plan has completed, judged from its content and the kinds of data imported for it
    (``"customers"``, ``"activity"``; a sample business brings both).

    Market map: customers imported, or target areas or competitors set. Timeline: activity imported, or
    offline actions or an editorial calendar. Monitor: goals with a KPI and data to measure them on.
    The Plan step is the way out (its downloads are not recorded), so it is never marked done.
    """
    if plan is None:
        return set()
    data = set(DATA_KINDS) if plan.get("sample") else set(imported)
    finished: set[str] = set()
    if plan.get("selfcheck") and len(plan["selfcheck"]) >= 8:
        finished.add("start")
    business = plan.get("business") or {}
    if business.get("name") and business.get("town") and business.get("channels"):
        finished.add("business")
    goals = [g for g in plan.get("goals") or [] if isinstance(g, dict)]
    if goals:
        finished.add("goals")
    if "customers" in data or plan.get("areas") or plan.get("competitors"):
        finished.add("market")
    if "activity" in data or plan.get("offline") or plan.get("calendar"):
        finished.add("timeline")
    if data and any(g.get("kpi") for g in goals):
        finished.add("monitor")
    return finished
