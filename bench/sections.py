"""The parts of a benchmark run: pages in the browser, reruns, maps, importers."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from playwright.sync_api import Browser

from bench import importers, measure, naive_map, report, servers
from bench.plans import Plans
from bench.report import MapResult, PageResult

REPO = Path(__file__).resolve().parent.parent


def run_pages(
    args: argparse.Namespace, browser: Browser, blank: servers.Server, plans: Plans, data_dir: Path, cache: Path
) -> tuple[list[PageResult], list[float], Counter[str]]:
    """Every (page, size): browser loads alternating with the blank page, then the server's RSS.

    Each (page, size) gets a fresh app server, so its RSS is that page's alone and no page runs on
    caches another page filled; the warm-up pair pays the server's first-run costs.

    Returns the rows, the blank page's payloads (bytes) and the outside hosts that were refused.
    """
    results, blank_payloads, refused = [], [], Counter()
    for page, size in plans.order:
        result = PageResult(page, size, dataset=plans.labels[size])
        results.append(result)
        if (page, size) in plans.skipped:
            result.skipped = plans.skipped[(page, size)]
            continue
        token = plans.browser[(page, size)]
        app = servers.start_app(data_dir, cache)
        try:
            target = (f"{app.url}{page.route}?plan={token}&lang={args.lang}", app.url)
            loads, blanks = measure.alternate(
                browser, (f"{blank.url}/", blank.url), target, args.runs, args.warmup, args.timeout * 1000
            )
            result.rss_mb = app.rss_mb()
        finally:
            app.stop()
        ok = [x for x in loads if x.ready_ms is not None]
        result.ready = measure.spread(x.ready_ms for x in ok)
        result.blank = measure.spread(x.ready_ms for x in blanks if x.ready_ms is not None)
        result.not_ready = len(loads) - len(ok)
        result.errors = [x.error for x in loads if x.error]
        if ok:
            result.payload_kb = statistics.median(x.payload_bytes for x in ok) / 1024
            result.ws_kb = statistics.median(x.ws_bytes for x in ok) / 1024
            result.component_kb = statistics.median(x.component_bytes for x in ok) / 1024
        result.maps = max((x.maps for x in ok), default=0)
        result.charts = max((x.charts for x in ok), default=0)
        result.phases, result.blank_phases = measure.median_phases(ok), measure.median_phases(blanks)
        blank_payloads += [x.payload_bytes for x in blanks if x.ready_ms is not None]
        refused.update(urlsplit(u).netloc for x in loads + blanks for u in x.blocked)
        row = report.page_row(result)
        print(f"  {page.id:<10} {size:<7} {row[2]} ms, blank {row[4]} ms, ratio {row[5]}", flush=True)
    return results, blank_payloads, refused


def run_reruns(args: argparse.Namespace, results: list[PageResult], tokens: dict, data_dir: Path, cache: Path) -> None:
    """Server time of a rerun after one interaction, per measured page (each in its own process)."""
    env = {
        **os.environ,
        "ROTTA_DATA_DIR": str(data_dir),
        "ROTTA_CACHE_DIR": str(cache),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    env.pop("DATABASE_URL", None)
    for result in results:
        if result.skipped:
            continue
        token = tokens[(result.page, result.size)]
        command = [
            sys.executable,
            "-m",
            "bench.rerun",
            "--page",
            result.page.id,
            "--script",
            result.page.script,
            f"--token={token}",  # a token may start with "-"
            "--lang",
            args.lang,
            "--runs",
            str(args.rerun_runs),
        ]
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
        try:
            out = json.loads(done.stdout)
        except json.JSONDecodeError:
            out = {"error": (done.stderr.strip().splitlines() or ["no output"])[-1][:200]}
        if "error" in out:
            result.rerun_error = out["error"]
        else:
            result.rerun, result.interaction = measure.spread(out["ms"]), out["interaction"]
        print(f"  {result.page.id:<10} {result.size:<7} rerun {report.page_row(result)[6]} ms", flush=True)


def refused_note(hosts: Counter[str]) -> str:
    if not hosts:
        return ""
    listed = ", ".join(f"{h} ×{n}" for h, n in hosts.most_common())
    return f"Requests to other hosts refused during the page and blank loads (the benchmark is offline): {listed}."


def run_maps(
    args: argparse.Namespace, browser: Browser, blank: servers.Server, customers: pd.DataFrame
) -> list[MapResult]:
    times = naive_map.python_times(customers, runs=args.map_runs)
    out = []
    for kind in ("rotta", "naive"):
        target = (f"{blank.url}/map?kind={kind}", blank.url)
        loads, blanks = measure.alternate(
            browser, (f"{blank.url}/", blank.url), target, args.map_runs, 1, max(args.timeout, 300) * 1000
        )
        ok = [x.ready_ms for x in loads if x.ready_ms is not None]
        out.append(
            MapResult(
                kind,
                **times[kind],
                ready=measure.spread(ok),
                blank=measure.spread(x.ready_ms for x in blanks if x.ready_ms is not None),
                not_ready=len(loads) - len(ok),
            )
        )
        print(f"  map {kind}: {report.map_row(out[-1])[4]} ms", flush=True)
    return out


def run_importers(args: argparse.Namespace, customers_csv: Path, files: Path, cache: Path) -> tuple[list, str]:
    try:
        import core.importers  # noqa: F401 - only checks that the importers exist
    except ImportError as exc:
        return [], f"Not available: `core.importers` cannot be imported ({exc})."
    files.mkdir(parents=True, exist_ok=True)
    cases = [
        (
            f"customers, Shopify export ({args.import_rows} rows, geocoded)",
            importers.write_shopify(customers_csv, files / "customers_export.csv", args.import_rows),
        ),
        (
            f"Meta Business Suite posts export ({args.import_rows} rows)",
            importers.write_meta(files / "facebook_posts_views.csv", args.import_rows),
        ),
    ]
    rows = []
    for name, path in cases:
        rows.append((name, args.import_rows, importers.run_case(importers.Case(name, path), cache)))
        print(f"  import {name}: {rows[-1][2]}", flush=True)
    return rows, ""
