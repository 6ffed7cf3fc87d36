"""Which pages the benchmark opens (those of the path whose script exists) and their budgets.

New steps are picked up from ``core.plan.path`` with no change here: a page without an entry in
``BUDGETS`` is still measured and shown, with "no budget" in the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.plan import path

# Ratio of the page's ready time to the blank page's, by step and dataset size (the budgets).
BUDGETS: dict[str, dict[str, float]] = {
    "start": {"sample": 1.5},
    "business": {"sample": 1.5},
    "goals": {"sample": 1.5},
    "plan": {"sample": 1.5},
    "market": {"sample": 2.5, "large": 3.0},
    "timeline": {"sample": 2.0, "large": 3.0},
    "monitor": {"sample": 2.0, "large": 3.0},
}
RERUN_BUDGET_MS: dict[str, float] = {"sample": 150.0}  # server time of one rerun after an interaction


@dataclass(frozen=True)
class BenchPage:
    id: str  # the step id ("business")
    script: str  # relative to the app folder ("pages/business.py")
    route: str  # URL path ("/business"; "/" for the main script)

    def budget(self, size: str) -> float | None:
        return BUDGETS.get(self.id, {}).get(size)


def existing_scripts(app_dir: Path) -> list[str]:
    """The app's scripts as ``core.plan.path`` names them: ``app.py`` and ``pages/<name>.py``."""
    return ["app.py"] + sorted(f"pages/{p.name}" for p in (app_dir / "pages").glob("*.py"))


def route_of(script: str) -> str:
    """``app.py`` is served at ``/``; ``pages/x.py`` at ``/x``."""
    return "/" if script == "app.py" else "/" + Path(script).stem


def discover(app_dir: Path, only: Iterable[str] | None = None) -> list[BenchPage]:
    """The path's pages that exist, in path order; ``only`` keeps those step ids (unknown ids raise)."""
    pages = [BenchPage(s.id, s.script, route_of(s.script)) for s in path.available(existing_scripts(app_dir))]
    if only is None:
        return pages
    wanted = list(only)
    known = {p.id for p in pages}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise ValueError(f"no such page(s): {', '.join(unknown)}; the app has {', '.join(sorted(known))}")
    return [p for p in pages if p.id in wanted]
