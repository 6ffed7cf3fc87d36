"""``python -m bench.soak``: does memory hold? 100 participants on one process for 30 minutes.

The participants of ``bench.load`` (the mixed workshop profile by default, each on its own plan, think
time 2-5 s) work on one app process (``serve.py``, PostgreSQL in a throwaway schema) for ``--minutes``;
the process's RSS is read every ``--every`` seconds. Warm-up = the first ``--warmup`` minutes (sessions
opening, caches filling). Memory holds when the RSS grows by at most 10 % from the end of the warm-up
to the end, and the sessions cost at most 1 MB each over the idle process. Writes
``<out>/soak-latest.md`` and prints it; every saved change is checked in the database at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import load, report, servers
from bench.load_ramp import FAILURES, Ramp, Target, cpu_seconds
from bench.load_stats import percentile
from core import i18n
from core.plan import store as store_mod

REPO = Path(__file__).resolve().parent.parent
GROWTH_LIMIT = 0.10  # RSS growth after the warm-up
PER_SESSION_MB = 1.0


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.splitlines()[0])
    p.add_argument("--sessions", type=int, default=100)
    p.add_argument("--minutes", type=float, default=30)
    p.add_argument("--warmup", type=float, default=5, help="minutes before the RSS baseline is read")
    p.add_argument("--every", type=float, default=30, help="seconds between RSS readings")
    p.add_argument("--think", default="2,5")
    p.add_argument("--profile", default="mixed", choices=("mixed", "typing"))
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--database-url", default=load.POSTGRES_URL)
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = p.parse_args(argv)
    args.think = tuple(float(s) for s in args.think.split(","))
    if args.warmup >= args.minutes:
        p.error("--warmup must be shorter than --minutes")
    return args


async def soak(args: argparse.Namespace, ramp: Ramp, server: servers.Server, say) -> dict:
    idle = server.rss_mb()
    opened: list[float] = []
    errors: list[str] = []
    gate = asyncio.Semaphore(4)
    await asyncio.gather(*(ramp._join(i, opened, errors, gate) for i in range(args.sessions)))
    say(f"  {len(ramp.people)} sessions open (idle RSS {idle:.0f} MB)")
    started = time.perf_counter()
    readings: list[tuple[float, float]] = []
    cpu0 = cpu_seconds(server.proc.pid)
    warm_cpu = warm_at = None
    while (elapsed := time.perf_counter() - started) < args.minutes * 60:
        await asyncio.sleep(min(args.every, args.minutes * 60 - elapsed))
        now = time.perf_counter() - started
        readings.append((now / 60, server.rss_mb()))
        if warm_at is None and now >= args.warmup * 60:
            warm_at, warm_cpu = now, cpu_seconds(server.proc.pid)
        say(f"  {now / 60:5.1f} min: RSS {readings[-1][1]:.0f} MB")
        if any(p.dead for p in ramp.people):
            break
    end = time.perf_counter() - started
    cpu1 = cpu_seconds(server.proc.pid)
    errors += [error for person in ramp.people for _, _, error, _ in person.records if error]
    after_warmup = [
        seconds
        for person in ramp.people
        for start, seconds, error, _ in person.records
        if not error and seconds is not None and warm_at is not None and start >= started + warm_at
    ]
    return {
        "idle": idle,
        "readings": readings,
        "warm_at_min": (warm_at or end) / 60,
        "end_min": end / 60,
        "interactions_after_warmup": len(after_warmup),
        "p50": percentile(after_warmup, 50) if after_warmup else None,
        "p95": percentile(after_warmup, 95) if after_warmup else None,
        "cpu_ms": 1000 * (cpu1 - (warm_cpu or cpu0)) / max(1, len(after_warmup)),
        "errors": errors,
        "opened": statistics.median(opened) if opened else None,
    }


def document(args: argparse.Namespace, out: dict, notes: list[str], command: str, load_avg: str) -> str:
    readings = out["readings"]
    base = next((rss for minute, rss in readings if minute >= out["warm_at_min"]), readings[-1][1])
    last = readings[-1][1]
    growth = (last - base) / base
    per_session = (last - out["idle"]) / args.sessions
    held = growth <= GROWTH_LIMIT and per_session <= PER_SESSION_MB and not out["errors"]
    rows = ["| minute | RSS MB |", "| --- | --- |", *(f"| {m:.1f} | {rss:.0f} |" for m, rss in readings)]
    p95 = "—" if out["p95"] is None else f"{1000 * out['p95']:.0f}"
    lines = [
        f"# Rotta soak: {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Command: `{command}`; 1-minute load average {load_avg}.",
        "",
        f"**{'Memory holds' if held else 'Memory does NOT hold'}**: {args.sessions} sessions ({args.profile} profile) "
        f"for {out['end_min']:.1f} min on one process. RSS idle {out['idle']:.0f} MB, after the {args.warmup:g}-minute "
        f"warm-up {base:.0f} MB, at the end {last:.0f} MB: growth {100 * growth:+.1f} % (limit +10 %), "
        f"{per_session:.2f} MB per session over idle (limit 1 MB). After the warm-up: "
        f"{out['interactions_after_warmup']} interactions, p95 {p95} ms, server CPU {out['cpu_ms']:.1f} ms per "
        f"interaction, {len(out['errors'])} errors.",
        "",
        *rows,
        "",
        *(f"- {n}" for n in notes),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    command = "python -m bench.soak " + " ".join(argv if argv is not None else sys.argv[1:])
    load_start = report.load_average()
    work = Path(tempfile.mkdtemp(prefix="rotta-soak-"))
    os.chmod(work, 0o755)
    notes: list[str] = []
    with servers.scoped_database(args.database_url, "rotta_soak") as url:
        plans = store_mod.Store(store_mod.make_engine(url))
        new_plan = load.plan_maker(plans, "forno", dt.date.today())
        env = {
            "DATABASE_URL": url,
            "ROTTA_DATA_DIR": str(work),
            "ROTTA_CACHE_DIR": str(servers.cache_dir_default()),
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_urlsafe(32),
        }
        server = servers.Server(servers.APP, work / "soak.log", env)
        try:
            target = Target(server.url, [server])
            label = i18n.t("it", load.LABEL_KEY)
            ramp = Ramp(target, "business", "it", label, new_plan, args.think, 0, args.seed, args.profile == "mixed")

            async def go() -> dict:
                try:
                    return await soak(args, ramp, server, lambda s: print(s, flush=True))
                finally:
                    people = await ramp.finish()
                    if ramp.mixed:
                        saved = load.verify_profile(plans, people, load.goals_in_sample("forno"))
                    else:
                        saved = load.verify(plans, [(p.token, p.last_saved) for p in people])
                    notes.append(f"Saved: {saved}.")

            try:
                out = asyncio.run(go())
            except FAILURES as exc:
                raise SystemExit(f"the soak failed: {exc}") from exc
        finally:
            server.stop()
            plans.engine.dispose()
    text = document(args, out, notes, command.strip(), f"{load_start} at the start, {report.load_average()} at the end")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "soak-latest.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
