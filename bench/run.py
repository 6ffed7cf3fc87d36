"""``python -m bench.run``: how fast every page is against a blank Streamlit page, plus importers and maps.

Starts Rotta's app and a blank page as two real ``streamlit run`` servers, opens every page of the
path in headless Chromium (fresh context per load, same browser, nothing but the app reachable),
alternating page and blank loads, and writes a Markdown table to ``<out>/<date>-<host>.md`` and
``<out>/latest.md``. Timings are reported, never asserted; budgets missed are shown as missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from playwright.sync_api import sync_playwright

from bench import datasets, load, measure, naive_map, pages, report, sections, servers
from bench import plans as plans_mod
from bench.report import MapResult, PageResult

REPO = Path(__file__).resolve().parent.parent
SECTIONS = ("pages", "importers", "map")
ON_REQUEST = ("load",)  # only when asked for (--sections load): minutes of load, see bench/load.py
METHOD = (
    "Ready = Streamlit's script run finished (`[data-testid=stApp][data-test-script-state=notRunning]`), no element "
    "still loading its code, every folium map drawn (a Leaflet layer in each `streamlit_folium` frame) and every Vega "
    "chart drawn (canvas or SVG); the time is `performance.now()` in the page, i.e. from the start of navigation. "
    "Each load uses a fresh browser context (cold cache) in the same Chromium; every request not to the app is "
    "aborted. After {warmup} warm-up pair(s), {runs} page loads and {runs} blank-page loads alternate (ABBA) so both "
    "see the same machine noise; ratio = median page / median blank of the same block. Pages are opened as "
    "`/<page>?plan=<token>&lang={lang}` with a plan made from the sample. Rerun = wall time of one rerun "
    "after the interaction shown on a real server (`bench.rerun --page`: message sent → script finished over "
    "Streamlit's websocket, median of {rerun_runs} after one warm-up). "
    "Payload = websocket frames received (decompressed) "
    "+ response bodies loaded by component frames (st_folium's page, Leaflet...), median per load. Server RSS = "
    "VmRSS of the app's server process after that page's loads (a fresh server for each page and size)."
)


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="sample,large", help="dataset sizes, comma-separated (sample,large)")
    p.add_argument("--pages", default="", help="step ids to measure, comma-separated (default: every existing page)")
    p.add_argument("--runs", type=int, default=5, help="measured loads per page (and as many of the blank page)")
    p.add_argument("--warmup", type=int, default=1, help="warm-up pairs per page, not counted")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results", help="folder for the Markdown results")
    p.add_argument("--timeout", type=float, default=60, help="seconds a page may take to be ready")
    p.add_argument("--rerun-runs", type=int, default=7, help="timed reruns per page (real server)")
    p.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"what to run, comma-separated ({','.join(SECTIONS + ON_REQUEST)}; load only when named)",
    )
    p.add_argument("--sample", default="forno", help="which sample business the pages open")
    p.add_argument("--lang", default="it", choices=("it", "en"))
    p.add_argument("--map-customers", type=int, default=10_000, help="customers on the naive and Rotta maps")
    p.add_argument("--map-runs", type=int, default=3, help="browser loads of each map (and of the blank page)")
    p.add_argument("--import-rows", type=int, default=100_000, help="rows of each imported file")
    p.add_argument("--work", type=Path, help="working folder (kept; generated data is reused); default: a temp folder")
    p.add_argument("--fail-on-miss", action="store_true", help="exit with status 1 when a budget is missed")
    args = p.parse_args(argv)
    args.sizes = [s for s in args.sizes.split(",") if s]
    args.sections = [s for s in args.sections.split(",") if s]
    for size in args.sizes:
        if size not in datasets.SIZES:
            p.error(f"unknown size {size!r}; sizes are {', '.join(datasets.SIZES)}")
    for section in args.sections:
        if section not in SECTIONS + ON_REQUEST:
            p.error(f"unknown section {section!r}; sections are {', '.join(SECTIONS + ON_REQUEST)}")
    if args.runs < 1:
        p.error("--runs must be at least 1")
    return args


def write(text: str, out: Path, when: dt.datetime, host: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    name = f"{when:%Y-%m-%d}-{re.sub(r'[^A-Za-z0-9_.-]+', '-', host)}.md"
    (out / name).write_text(text, encoding="utf-8")
    shutil.copyfile(out / name, out / "latest.md")
    return out / name


def generated_customers(args: argparse.Namespace, work: Path, cache: Path) -> tuple[Path | None, Path | None]:
    """The generated customers file (for importers and maps) and the placed customers the maps draw."""
    if "importers" not in args.sections and "map" not in args.sections:
        return None, None
    rows = max(args.import_rows, args.map_customers)
    generated = datasets.generate_large(work / f"customers-{rows}", args.sample, customers=rows, activity_rows=10_000)
    customers_csv = generated.folder / "customers.csv"
    if "map" not in args.sections:
        return customers_csv, None
    placed = naive_map.placed_customers(customers_csv, cache, args.map_customers)
    placed.to_csv(work / "map-customers.csv", index=False)
    return customers_csv, work / "map-customers.csv"


@dataclass
class Browsed:
    info: dict[str, str]
    pages: list[PageResult] | None = None
    maps: list[MapResult] | None = None
    blank_rss_mb: float | None = None
    blank_payload_kb: float | None = None
    notes: list[str] = field(default_factory=list)


def browse(args: argparse.Namespace, plans: plans_mod.Plans, work: Path, cache: Path, map_data: Path | None) -> Browsed:
    """Everything measured in the browser: the pages (app server) and the maps (blank server)."""
    out = Browsed(report.machine())
    if not plans.order and map_data is None:
        return out
    blank = servers.start_blank(work, map_data)
    try:
        with sync_playwright() as p:
            browser = measure.launch(p)
            out.info = report.machine(browser.version)
            if plans.order:
                print("pages:", flush=True)
                found = sections.run_pages(args, browser, blank, plans, work / "data", cache)
                out.pages, blank_payloads, refused = found
                out.blank_payload_kb = statistics.median(blank_payloads) / 1024 if blank_payloads else None
                out.notes.append(sections.refused_note(refused))
                out.blank_rss_mb = blank.rss_mb()  # before the map pages load folium into the blank server
            if map_data is not None:
                print("maps:", flush=True)
                out.maps = sections.run_maps(args, browser, blank, pd.read_csv(map_data))
            browser.close()
    finally:
        blank.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="rotta-bench-"))
    try:
        return _run(args, argv, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, argv: list[str] | None, work: Path) -> int:
    when, load_start = dt.datetime.now(), report.load_average()
    (work / "data").mkdir(parents=True, exist_ok=True)
    cache = servers.cache_dir_default()
    datasets.wait_for_samples()
    only = [p for p in args.pages.split(",") if p] or None
    page_list = pages.discover(REPO, only) if "pages" in args.sections else []
    plans = plans_mod.make_plans(args.sample, args.sizes, page_list, work, when.date(), REPO, cache)
    customers_csv, map_data = generated_customers(args, work, cache)
    seen = browse(args, plans, work, cache, map_data)
    if seen.pages is not None:
        print("reruns:", flush=True)
        sections.run_reruns(args, seen.pages, plans.rerun, work / "data", cache)
    imports, imports_note = None, ""
    if "importers" in args.sections and customers_csv is not None:
        print("importers:", flush=True)
        imports, imports_note = sections.run_importers(args, customers_csv, work / "files", cache)
    maps_note = (
        (
            f"{args.map_customers} customers of the generated `{args.sample}` sample, placed by `core.geocode`; "
            f"both maps on `core.maps.base_map`, shown with `st_folium` on a page of the blank server, rebuilt on "
            f"every run; median of {args.map_runs} runs."
        )
        if seen.maps is not None
        else ""
    )
    load_text = ""
    if "load" in args.sections:
        print("load:", flush=True)
        load_text = load.run(load.parse(["--lang", args.lang, "--out", str(args.out)]), "python -m bench.load")
    seen.info["load"] = f"{load_start} at the start, {report.load_average()} at the end"
    command = "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report.document(
        title_date=f"{when:%Y-%m-%d %H:%M}",
        info=seen.info,
        command=command.strip(),
        method=METHOD.format(warmup=args.warmup, runs=args.runs, lang=args.lang, rerun_runs=args.rerun_runs),
        pages=seen.pages,
        blank_rss_mb=seen.blank_rss_mb,
        blank_payload_kb=seen.blank_payload_kb,
        imports=imports,
        imports_note=imports_note,
        maps=seen.maps,
        maps_note=maps_note,
        notes=[n for n in seen.notes if n],
        extra=load_text,
    )
    path = write(text, args.out, when, seen.info["host"])
    print(text)
    print(f"written to {path} and {args.out / 'latest.md'}")
    missed = any(r.verdict().startswith("**NO**") for r in seen.pages or [])
    return 1 if args.fail_on_miss and missed else 0


if __name__ == "__main__":
    sys.exit(main())
