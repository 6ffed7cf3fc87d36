"""``python -m bench.first_visit``: no cold first visit. Each page's first visit after a fresh server start
against its warm visits, and the first town lookup against later ones.

For each page of the path: a fresh ``streamlit run`` server (ready when ``/_stcore/health`` answers,
i.e. after whatever start-up warming the app does), then one participant's tab opens the page on a
plan made from a sample (the first visit), then new tabs open it again (warm visits, median). Time =
the page request sent → ``script_finished`` over Streamlit's websocket (``bench.load_client``): the
server's part of the ready time, which is what a cold process adds. The lookup: on a fresh server, a
tab on Business types a town (the first lookup), then other towns (later lookups).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import pages as bench_pages
from bench import report, servers
from bench.load_client import Tab
from core.plan import store as store_mod

REPO = Path(__file__).resolve().parent.parent
LIMIT_S = 1.0  # a first visit may cost at most this much more than a warm one
TOWNS = ("Frascati", "Pomezia", "Tivoli", "Velletri", "Anzio")  # unambiguous comuni near Rome


@dataclass
class Visit:
    page: str
    first_s: float = 0.0
    warm_s: list[float] = field(default_factory=list)
    start_s: float = 0.0  # server start → healthy
    error: str = ""

    @property
    def warm(self) -> float:
        return statistics.median(self.warm_s) if self.warm_s else float("nan")

    @property
    def ok(self) -> bool:
        return not self.error and self.first_s - self.warm <= LIMIT_S


def _server(work: Path, name: str) -> tuple[servers.Server, float]:
    started = time.perf_counter()
    server = servers.Server(
        servers.APP,
        work / f"{name}.log",
        {"ROTTA_DATA_DIR": str(work / "data"), "ROTTA_CACHE_DIR": str(servers.cache_dir_default())},
    )
    return server, time.perf_counter() - started


async def _open(base: str, route: str, query: str) -> float:
    tab = Tab(base, route, query)
    try:
        run = await tab.open(timeout=120)
        if run.exceptions:
            raise RuntimeError(f"the page raised: {', '.join(run.exceptions)}")
        return run.seconds
    finally:
        await tab.close()


def visit(work: Path, page: bench_pages.BenchPage, token: str, lang: str, warm_runs: int) -> Visit:
    out = Visit(page.id)
    server, out.start_s = _server(work, f"visit-{page.id}")
    query = f"plan={token}&lang={lang}"
    try:
        out.first_s = asyncio.run(_open(server.url, page.route, query))
        out.warm_s = [asyncio.run(_open(server.url, page.route, query)) for _ in range(warm_runs)]
    except Exception as exc:  # noqa: BLE001 - reported in the table
        out.error = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        server.stop()
    return out


def lookups(work: Path, token: str, lang: str) -> tuple[float, list[float], float]:
    """(first lookup s, later lookups s, start s) on a fresh server: a town typed on Business."""
    server, start_s = _server(work, "lookup")

    async def go() -> tuple[float, list[float]]:
        tab = Tab(server.url, "/business", f"plan={token}&lang={lang}")
        await tab.open(timeout=120)
        times = []
        for town in TOWNS:
            run = await tab.set_text("", town, timeout=120, key="business/town#town")
            if run.exceptions:
                raise RuntimeError(f"the page raised: {', '.join(run.exceptions)}")
            times.append(run.seconds)
        await tab.close()
        return times[0], times[1:]

    try:
        first, later = asyncio.run(go())
    finally:
        server.stop()
    return first, later, start_s


def document(visits: list[Visit], lookup: tuple[float, list[float], float], command: str) -> str:
    first, later, _ = lookup
    rows = [
        "| page | first visit ms | warm visit ms (median) | difference ms | start → healthy s | ≤ 1 s over warm? |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for v in visits:
        if v.error:
            rows.append(f"| {v.page} | error: {v.error} | | | {v.start_s:.1f} | **no** |")
            continue
        diff = 1000 * (v.first_s - v.warm)
        verdict = "yes" if v.ok else "**no**"
        rows.append(
            f"| {v.page} | {1000 * v.first_s:.0f} | {1000 * v.warm:.0f} | {diff:.0f} | {v.start_s:.1f} | {verdict} |"
        )
    later_ms = statistics.median(later) * 1000 if later else float("nan")
    return "\n".join(
        [
            f"Command: `{command}`; 1-minute load average {report.load_average()}.",
            "",
            *rows,
            "",
            f"First town lookup after a fresh start: {1000 * first:.0f} ms; later lookups (median of {len(later)}): "
            f"{later_ms:.0f} ms.",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.first_visit", description=__doc__.splitlines()[0])
    p.add_argument("--pages", help="comma-separated step ids (default: every page of the path)")
    p.add_argument("--warm-runs", type=int, default=3)
    p.add_argument("--lang", default="it")
    p.add_argument("--sample", default="forno")
    p.add_argument("--out", type=Path, help="write the Markdown here too")
    args = p.parse_args(argv)
    from bench.load import plan_maker

    work = Path(tempfile.mkdtemp(prefix="rotta-first-"))
    (work / "data").mkdir()
    plans = store_mod.Store(store_mod.make_engine(store_mod.default_url(work / "data")))
    new_plan = plan_maker(plans, args.sample, dt.date.today())
    only = args.pages.split(",") if args.pages else None
    visits = []
    for page in bench_pages.discover(REPO, only):
        v = visit(work, page, new_plan(), args.lang, args.warm_runs)
        print(f"  {v.page}: first {1000 * v.first_s:.0f} ms, warm {1000 * v.warm:.0f} ms {v.error}", flush=True)
        visits.append(v)
    lookup = lookups(work, new_plan(), args.lang)
    plans.engine.dispose()
    command = "python -m bench.first_visit " + " ".join(argv if argv is not None else sys.argv[1:])
    text = document(visits, lookup, command.strip())
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
