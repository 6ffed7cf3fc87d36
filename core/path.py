"""The workshop path: Start, Business, Goals, Market map, Timeline, Monitor, Plan."""

from __future__ import annotations

from collections.abc import Iterable
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


def done(plan: dict[str, Any] | None) -> set[str]:
    """Which steps the plan has completed, judged from its content."""
    if not plan:
        return set()
    finished: set[str] = set()
    if plan.get("selfcheck") and len(plan["selfcheck"]) >= 8:
        finished.add("start")
    business = plan.get("business") or {}
    if business.get("name") and business.get("town") and business.get("channels"):
        finished.add("business")
    if plan.get("goals"):
        finished.add("goals")
    if plan.get("areas") or plan.get("customers_file"):
        finished.add("market")
    if plan.get("calendar") or plan.get("activity_file"):
        finished.add("timeline")
    return finished
