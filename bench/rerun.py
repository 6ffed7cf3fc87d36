"""What a real ``streamlit run`` server pays for one interaction: wall ms and server CPU ms, per kind.

A participant's tab (``bench.load_client``, Streamlit's own websocket protocol) on a freshly started app
server does each interaction of the mixed workshop profile (``bench.load_profile``) again and again,
one at a time: wall = message sent → ``script_finished``; CPU = the server process's CPU time (every
thread: the script, the event loop that serialises and sends, Streamlit's collection after each run,
whatever the configuration makes it) over the interactions, less what the idle server uses, divided by
their number. AppTest is not used: it skips the post-script collection and the websocket, so it
misses what the server really pays.

    python -m bench.rerun                       # the whole profile, 20 of each kind: a table and JSON
    python -m bench.rerun --kinds "type the business name" --runs 40
    python -m bench.rerun --page business --script pages/business.py --token T   # one page (bench.run)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import load_profile, servers
from bench.load_client import Run, Tab
from bench.load_ramp import cpu_seconds

REPO = Path(__file__).resolve().parent.parent
SETTLE_S = 0.25  # after script_finished: the post-run work (collection, sending) ends before the next
IDLE_PROBE_S = 3.0


@dataclass
class Kind:
    """One kind of interaction measured ``runs`` times after a warm-up."""

    kind: str
    page: str
    wall_ms: list[float] = field(default_factory=list)
    cpu_ms: float = 0.0  # mean per interaction, idle server subtracted
    messages: int = 0
    kb: float = 0.0
    weight: int = 1  # how often the profile's loop does it
    error: str = ""

    @property
    def wall_p50(self) -> float | None:
        return statistics.median(self.wall_ms) if self.wall_ms else None

    @property
    def wall_p95(self) -> float | None:
        if not self.wall_ms:
            return None
        ordered = sorted(self.wall_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class CpuMeter:
    """CPU seconds of one process over a stretch, less the idle server's own background use."""

    def __init__(self, pid: int):
        self.pid = pid
        self.idle_per_s = 0.0

    async def probe_idle(self, seconds: float = IDLE_PROBE_S) -> None:
        c0, t0 = cpu_seconds(self.pid), time.perf_counter()
        await asyncio.sleep(seconds)
        self.idle_per_s = max(0.0, (cpu_seconds(self.pid) - c0) / (time.perf_counter() - t0))

    def start(self) -> tuple[float, float]:
        return cpu_seconds(self.pid), time.perf_counter()

    def spent(self, mark: tuple[float, float]) -> float:
        return max(0.0, cpu_seconds(self.pid) - mark[0] - self.idle_per_s * (time.perf_counter() - mark[1]))


async def repeat(meter: CpuMeter, runs: int, once: Callable[[], Awaitable[Run]]) -> tuple[list[float], float, Run]:
    """``runs`` interactions one at a time; (wall ms each, CPU ms per interaction, the last run)."""
    walls, last = [], None
    mark = meter.start()
    for _ in range(runs):
        last = await once()
        if last.exceptions:
            raise RuntimeError(f"the page raised: {', '.join(last.exceptions)}")
        walls.append(last.seconds * 1000)
        await asyncio.sleep(SETTLE_S)
    assert last is not None
    return walls, 1000 * meter.spent(mark) / runs, last


async def measure_kind(
    base: str, meter: CpuMeter, token: str, lang: str, action: load_profile.Action, is_open: bool, runs: int
) -> Kind:
    """``action`` (or the tap that opens its page, when ``is_open``) ``runs`` times on one tab."""
    kind = Kind(load_profile.open_kind(action.page) if is_open else action.kind, action.page)
    walker = load_profile.Walker(0, max_goals=runs + 1)  # every "add a goal" adds one
    if is_open:
        # Taps between the page and another one; only the taps onto the page are timed.
        other = "business" if action.page != "business" else ""
        tab = Tab(base, f"/{other}", f"plan={token}&lang={lang}", locale=f"{lang}-IT")
        await tab.open()

        await tab.go(action.page)  # warm-up
        walls, opens = [], []
        for _ in range(runs):
            await tab.go(other)
            await asyncio.sleep(SETTLE_S)
            mark_back = meter.start()
            run = await tab.go(action.page)
            if run.exceptions:
                raise RuntimeError(f"the page raised: {', '.join(run.exceptions)}")
            walls.append(run.seconds * 1000)
            await asyncio.sleep(SETTLE_S)
            opens.append(meter.spent(mark_back))
        kind.wall_ms, kind.cpu_ms = walls, 1000 * statistics.fmean(opens)
        kind.messages, kind.kb = run.messages, run.bytes / 1024
        await tab.close()
        return kind
    tab = Tab(base, f"/{action.page}", f"plan={token}&lang={lang}", locale=f"{lang}-IT")
    await tab.open()
    await action.act(tab, walker)  # warm-up
    walls, cpu, last = await repeat(meter, runs, lambda: action.act(tab, walker))
    kind.wall_ms, kind.cpu_ms, kind.messages, kind.kb = walls, cpu, last.messages, last.bytes / 1024
    await tab.close()
    return kind


def profile_kinds() -> list[tuple[load_profile.Action, bool, int]]:
    """Each kind of the profile once, with how often the loop does it: actions, and the taps that open a page."""
    seen: dict[str, tuple[load_profile.Action, bool, int]] = {}
    previous = load_profile.PROFILE[-1].page
    for action in load_profile.PROFILE:
        if action.page != previous:
            name = load_profile.open_kind(action.page)
            entry = seen.get(name)
            seen[name] = (action, True, (entry[2] if entry else 0) + 1)
        if action.act is not load_profile.stay:
            entry = seen.get(action.kind)
            seen[action.kind] = (action, False, (entry[2] if entry else 0) + 1)
        previous = action.page
    return list(seen.values())


def weighted_median(kinds: list[Kind]) -> float | None:
    """The CPU ms of the profile's median interaction: kinds weighted by how often the loop does them."""
    values = sorted(v for k in kinds if not k.error for v in [k.cpu_ms] * k.weight)
    return statistics.median(values) if values else None


def table(kinds: list[Kind]) -> str:
    def ms(v: float | None) -> str:
        return "—" if v is None else f"{v:.0f}"

    lines = [
        "| interaction | per loop | wall p50 ms | wall p95 ms | server CPU ms | messages | KB sent |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for k in kinds:
        if k.error:
            lines.append(f"| {k.kind} | {k.weight} | error: {k.error} | | | | |")
            continue
        lines.append(
            f"| {k.kind} | {k.weight} | {ms(k.wall_p50)} | {ms(k.wall_p95)} | {k.cpu_ms:.1f} | {k.messages} | "
            f"{k.kb:.0f} |"
        )
    return "\n".join(lines)


def run_profile(args: argparse.Namespace) -> dict:
    if not args.database_url:
        return _run_profile(args, "")
    with servers.scoped_database(args.database_url, "rotta_rerun") as url:
        return _run_profile(args, url)


def _run_profile(args: argparse.Namespace, database_url: str) -> dict:
    from bench.load import plan_maker
    from core.plan import store as store_mod

    work = Path(tempfile.mkdtemp(prefix="rotta-rerun-"))
    url = database_url or store_mod.default_url(work)
    plans = store_mod.Store(store_mod.make_engine(url))
    new_plan = plan_maker(plans, args.sample, dt.date.today())
    env = {"ROTTA_DATA_DIR": str(work), "ROTTA_CACHE_DIR": str(servers.cache_dir_default())}
    if database_url:
        env["DATABASE_URL"] = database_url
    server = servers.Server(servers.APP, work / "server.log", env)
    kinds: list[Kind] = []
    try:
        meter = CpuMeter(server.proc.pid)

        async def go() -> None:
            await asyncio.sleep(1)
            await meter.probe_idle()
            for action, is_open, weight in profile_kinds():
                name = load_profile.open_kind(action.page) if is_open else action.kind
                if args.kinds and name not in args.kinds:
                    continue
                try:
                    kind = await measure_kind(server.url, meter, new_plan(), args.lang, action, is_open, args.runs)
                except Exception as exc:  # noqa: BLE001 - reported in the table
                    kind = Kind(name, action.page, error=f"{type(exc).__name__}: {exc}"[:200])
                kind.weight = weight
                kinds.append(kind)
                print(f"  {kind.kind}: CPU {kind.cpu_ms:.1f} ms, wall p50 {kind.wall_p50 or 0:.0f} ms", flush=True)

        asyncio.run(go())
        rss = server.rss_mb()
    finally:
        server.stop()
        plans.engine.dispose()
    median = weighted_median(kinds)
    return {
        "kinds": [asdict(k) | {"wall_p50": k.wall_p50, "wall_p95": k.wall_p95} for k in kinds],
        "cpu_ms_median": median,
        "idle_cpu_percent": 100 * meter.idle_per_s,
        "rss_mb": rss,
        "table": table(kinds),
    }


TYPICAL: dict[str, str] = {  # page -> the profile's interaction measured for it by bench.run
    "start": "answer a self-check question",
    "business": "type the business name",
    "goals": "edit a goal",
    "market": "switch a map layer",
    "timeline": "filter the Timeline",
}


def run_page(args: argparse.Namespace) -> dict:
    """One page on a real server using the app's data folder (``ROTTA_DATA_DIR``): its typical interaction."""
    data_dir = Path(os.environ.get("ROTTA_DATA_DIR") or tempfile.mkdtemp())
    server = servers.start_app(data_dir, servers.cache_dir_default())
    try:
        meter = CpuMeter(server.proc.pid)
        kind_name = TYPICAL.get(args.page)
        action = next((a for a in load_profile.PROFILE if a.kind == kind_name), None)
        route = "" if args.script == "app.py" else Path(args.script).stem

        async def go() -> dict:
            await meter.probe_idle(1.5)
            if action is not None:
                kind = await measure_kind(server.url, meter, args.token, args.lang, action, False, args.runs)
            else:  # a page with no profile action: the tap that opens it
                opening = load_profile.Action(load_profile.open_kind(route), route, load_profile.stay)
                kind = await measure_kind(server.url, meter, args.token, args.lang, opening, True, args.runs)
            return {"interaction": kind.kind, "ms": kind.wall_ms, "cpu_ms": kind.cpu_ms}

        return asyncio.run(go())
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rerun", description=__doc__.splitlines()[0])
    parser.add_argument("--page", help="one step id (start, business...): its typical interaction, JSON out")
    parser.add_argument("--script", help="with --page: app.py or pages/<name>.py")
    parser.add_argument("--token", help="with --page: the plan to open (in ROTTA_DATA_DIR's database)")
    parser.add_argument("--lang", default="it")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sample", default="forno")
    parser.add_argument("--kinds", type=lambda s: [k.strip() for k in s.split(",") if k.strip()], default=[])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("ROTTA_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
        help="PostgreSQL server (a schema is made and dropped); '' for SQLite in a temporary folder",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.page:
        try:
            out = run_page(args)
        except Exception as exc:  # noqa: BLE001 - reported in the table, never hidden
            out = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        json.dump(out, sys.stdout)
        return 0
    out = run_profile(args)
    print(out["table"])
    median = out["cpu_ms_median"]
    print(f"\nmedian server CPU per interaction over the profile: {median:.1f} ms" if median is not None else "")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
