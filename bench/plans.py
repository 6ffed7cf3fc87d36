"""The plans pages are opened with, stored in the app's database like a user's.

Sample size: ``core.plan.from_sample`` of a sample business; pages read the sample's tables through
the plan's ``sample``. Large size: the same plan plus the large generated tables stored as the
plan's imports through ``core.plan.datasets``, which is where ``ui.data.plan_data`` looks first. A page
is measured at large size when its script reads plan data (``ui.data``) or when
``LARGE_DATA_PATHS`` says how to give it the data; otherwise its large row says "n/a".
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from bench.datasets import LARGE_ACTIVITY_ROWS, LARGE_CUSTOMERS, Dataset, generate_large, open_store
from bench.pages import BenchPage
from core import geocode, samples
from core.plan import plan as plan_mod
from core.plan import store

Attach = Callable[[store.Store, str, Dataset, Path], None]  # (store, plan token, dataset, geocoder cache)
NO_LARGE_PATH = "n/a (page has no large-data path yet)"
READS_PLAN_DATA = re.compile(r"\bplan_data\b|from ui import[^\n]*\bdata\b|import ui\.data|from ui\.data import")


@functools.lru_cache(maxsize=2)
def _large_tables(folder: Path, cache_dir: Path) -> dict[str, pd.DataFrame]:
    """The dataset's tables as an import leaves them (customers placed by the geocoder), read once."""
    sample = samples.load_sample(folder.name, folder.parent)
    customers = geocode.geocode_frame(geocode.load_gazetteer(cache_dir), sample.customers)
    return {"customers": customers, "orders": sample.orders, "activity": sample.activity}


def attach_imports(plans: store.Store, token: str, dataset: Dataset, cache_dir: Path) -> None:
    """Store the dataset's customers, orders and activity as the plan's imports (``core.plan.datasets``)."""
    from core.plan import datasets as imported  # written alongside the harness; only needed at large size

    tables = imported.Datasets(plans.engine)
    for kind, frame in _large_tables(dataset.folder, cache_dir).items():
        tables.add(token, kind, "benchmark", f"{kind}.csv", frame)


# Step id -> how a plan gets the large data to that page, for pages the source check below misses.
LARGE_DATA_PATHS: dict[str, Attach] = {}


def _ui_modules(source: str) -> set[str]:
    """The ``ui`` modules a script imports (``from ui import a, b as c``, ``import ui.x``, ``from ui.x import``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "ui":
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ui."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("ui."))
    return names


def large_path(page: BenchPage, app_dir: Path) -> Attach | None:
    """How the page gets large data: ``LARGE_DATA_PATHS``, else plan imports when the page's script or a
    ``ui`` module it imports reads plan data; None when it has no such path."""
    if page.id in LARGE_DATA_PATHS:
        return LARGE_DATA_PATHS[page.id]
    script = (app_dir / page.script).read_text(encoding="utf-8")
    sources = [script] + [
        (app_dir / "ui" / f"{name}.py").read_text(encoding="utf-8")
        for name in sorted(_ui_modules(script))
        if (app_dir / "ui" / f"{name}.py").is_file()
    ]
    return attach_imports if any(READS_PLAN_DATA.search(s) for s in sources) else None


@dataclass
class Plans:
    """Plan tokens per (page, size), or why that size is n/a."""

    order: list[tuple[BenchPage, str]] = field(default_factory=list)  # every (page, size) asked for
    skipped: dict[tuple[BenchPage, str], str] = field(default_factory=dict)
    browser: dict[tuple[BenchPage, str], str] = field(default_factory=dict)
    rerun: dict[tuple[BenchPage, str], str] = field(default_factory=dict)  # separate: reruns save changes
    labels: dict[str, str] = field(default_factory=dict)


def make_plans(
    slug: str, sizes: list[str], page_list: list[BenchPage], work: Path, today: dt.date, app_dir: Path, cache: Path
) -> Plans:
    """Two plans per measurable (page, size) in ``work/data``; the large data is generated only if a page reads it."""
    sets = {"sample": Dataset("sample", slug), "large": Dataset("large", slug, work / "large-full")}
    out = Plans(labels={"sample": f"{slug}, {len(sets['sample'].load().customers)} customers"})
    out.labels["large"] = f"{slug} generated: {LARGE_CUSTOMERS} customers, {LARGE_ACTIVITY_ROWS} activity rows"
    paths = {page.id: large_path(page, app_dir) for page in page_list}
    if "large" in sizes and any(paths.values()):
        large = generate_large(work / "large-full", slug).load()
        out.labels["large"] = f"{slug} generated: {len(large.customers)} customers, {len(large.activity)} activity rows"
    db = open_store(work / "data")
    for page in page_list:
        for size in sizes:
            out.order.append((page, size))
            if size == "large" and paths[page.id] is None:
                out.skipped[(page, size)] = NO_LARGE_PATH
                continue
            for tokens in (out.browser, out.rerun):
                sample = sets[size].load()
                token = db.create(plan_mod.from_sample(slug, sample.profile, sample.goals, today))[0]
                if size == "large":
                    paths[page.id](db, token, sets[size], cache)
                tokens[(page, size)] = token
    return out
