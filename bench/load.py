"""``python -m bench.load``: how many participants one app process holds with interaction p95 under 1 s.

Starts Rotta's app (``streamlit run``, PostgreSQL in a throwaway schema), checks once that the
protocol client's interaction is the browser's (Chromium, ``bench.load_check``), then ramps up
participants speaking Streamlit's websocket protocol (``bench.load_client``), each on its own plan,
typing and saving with think times, until p95 reaches 1 s or something fails. Then the same with
two processes behind nginx (sticky sessions as in ``docs/deploy.md``). Writes
``<out>/load-latest.md`` and prints it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import load_check, load_profile, report, servers
from bench.load_proxy import Proxy, nginx_binary
from bench.load_ramp import Ramp, Target
from bench.load_report import document
from bench.load_stats import Step
from core import i18n, samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod

REPO = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("ROTTA_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
LABEL_KEY = "business.name"  # the text box every participant types into, on the business page


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    p.add_argument(
        "--steps",
        default="25,50,75,100,125,150,200,250,300",
        help="sessions per step (over all processes), comma-separated",
    )
    p.add_argument("--seconds", type=float, default=60, help="measured window of each step")
    p.add_argument("--think", default="2,5", help="think time range in seconds (uniform), e.g. 2,5")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--processes", default="1,2", help="which set-ups to ramp: 1 (one process), 2 (two behind nginx)")
    p.add_argument(
        "--profile",
        default="mixed",
        choices=("mixed", "typing"),
        help="mixed: the workshop profile along the path (bench.load_profile); typing: the business name only",
    )
    p.add_argument("--page", default="business", help="typing profile: the page with the business name box")
    p.add_argument("--lang", default="it", choices=("it", "en"))
    p.add_argument("--sample", default="forno", help="the sample business each participant's plan starts from")
    p.add_argument("--database-url", default=POSTGRES_URL, help="PostgreSQL server (a schema is made and dropped)")
    p.add_argument("--no-check", action="store_true", help="skip the Chromium check of the protocol client")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results", help="folder for load-latest.md")
    args = p.parse_args(argv)
    args.steps = [int(s) for s in args.steps.split(",") if s]
    args.think = tuple(float(s) for s in args.think.split(","))
    args.processes = [int(s) for s in args.processes.split(",") if s]
    if len(args.think) != 2 or not 0 <= args.think[0] <= args.think[1]:
        p.error("--think takes two numbers, low,high")
    if any(n not in (1, 2) for n in args.processes):
        p.error("--processes takes 1 and/or 2")
    if args.steps != sorted(args.steps) or not args.steps or args.steps[0] < 1:
        p.error("--steps must be increasing positive numbers")
    return args


def plan_maker(plans: store_mod.Store, slug: str, today: dt.date) -> Callable[[], str]:
    """A new plan per participant, from the sample's profile and goals (its data files are not read)."""
    folder = samples.ROOT / slug
    profile = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    goals = json.loads((folder / "goals.json").read_text(encoding="utf-8"))
    return lambda: plans.create(plan_mod.from_sample(slug, profile, goals, today))[0]


def goals_in_sample(slug: str) -> int:
    return len(json.loads((samples.ROOT / slug / "goals.json").read_text(encoding="utf-8")))


def start_servers(count: int, url: str, work: Path) -> list[servers.Server]:
    env = {
        "DATABASE_URL": url,
        "ROTTA_DATA_DIR": str(work),
        "ROTTA_CACHE_DIR": str(servers.cache_dir_default()),
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_urlsafe(32),  # the same for every process
    }
    started: list[servers.Server] = []
    try:
        for i in range(count):
            started.append(servers.Server(servers.APP, work / f"app-{count}-{i}.log", env))
    except Exception:
        for server in started:
            server.stop()
        raise
    return started


async def warm_up(server: servers.Server, ramp: Ramp) -> None:
    """One tab per process: open, the profile's interactions once (or three names), close: what a first user
    pays is paid before 'idle' is read."""
    from bench.load_client import Tab

    if ramp.mixed:
        tab = Tab(server.url, "/", f"plan={ramp.new_plan()}&lang={ramp.lang}")
        await tab.open()
        walker = load_profile.Walker(-1)
        position = 0
        while position < len(load_profile.PROFILE) + 1:
            _, _, advanced = await load_profile.perform(tab, walker, position)
            position += advanced
        await tab.close()
        return
    tab = Tab(server.url, f"/{ramp.page}", f"plan={ramp.new_plan()}&lang={ramp.lang}")
    await tab.open()
    for i in range(3):
        await tab.set_text(ramp.label, f"Riscaldamento {i}")
    await tab.close()


def verify(plans: store_mod.Store, last: list[tuple[str, str | None]]) -> str:
    """Every plan holds the last name its tab typed (the interactions really were saved)."""
    wrong = [
        token
        for token, value in last
        if value is not None and (plans.load(token) or ({}, 0))[0].get("business", {}).get("name") != value
    ]
    typed = sum(1 for _, value in last if value is not None)
    return f"{typed - len(wrong)} of {typed} plans hold the last name their tab typed" + (
        f" (wrong: {len(wrong)})" if wrong else ""
    )


def verify_profile(plans: store_mod.Store, people: list, goals_before: int) -> str:
    """Every plan holds every change its tab saved along the mixed profile (names, answers, goals)."""
    wrong: list[str] = []
    saves = 0
    for person in people:
        if person.walker is None or not person.walker.expect:
            continue
        saves += 1
        plan = (plans.load(person.token) or ({}, 0))[0]
        missing = load_profile.holds(plan, person.walker, goals_before)
        if missing:
            wrong.append(missing[0])
    text = f"{saves - len(wrong)} of {saves} plans hold every change their tab saved"
    return text + (f" (wrong: {len(wrong)}, e.g. {wrong[0]})" if wrong else "")


def ramp_setup(
    args: argparse.Namespace,
    count: int,
    url: str,
    work: Path,
    new_plan: Callable[[], str],
    say: Callable[[str], None],
) -> tuple[list[Step], list[str]]:
    label = i18n.t(args.lang, LABEL_KEY)
    plans = store_mod.Store(store_mod.make_engine(url))
    app = start_servers(count, url, work)
    proxy = Proxy(work / f"nginx-{count}", [s.port for s in app]) if count > 1 else None
    notes: list[str] = []
    try:
        target = Target(proxy.url if proxy else app[0].url, app, proxy)
        ramp = Ramp(
            target, args.page, args.lang, label, new_plan, args.think, args.seconds, args.seed, args.profile == "mixed"
        )
        if count == 1 and not args.no_check:
            say("checking the protocol client against Chromium")
            check = load_check.run(app[0].url, args.page, args.lang, label, plans, new_plan)
            notes.append(("Check passed. " if check.ok else "**Check FAILED.** ") + check.text)
            if args.profile == "mixed":
                kinds = load_check.check_kinds(app[0].url, args.lang, new_plan)
                failed = [k.text for k in kinds if not k.ok]
                notes.append(
                    f"Every kind of the profile against Chromium: {len(kinds) - len(failed)} of {len(kinds)} kinds "
                    "send the same rerun message (page hash, fragment, each widget's id and kind of value)"
                    + (f"; **FAILED**: {'; '.join(failed)}." if failed else ".")
                )

        async def go() -> list[Step]:
            for server in app:
                await warm_up(server, ramp)
            await asyncio.sleep(3)
            idle = target.rss_mb()
            try:
                return await ramp.run(args.steps, count, idle, say)
            finally:
                people = await ramp.finish()
                if ramp.mixed:
                    notes.append("Saved: " + verify_profile(plans, people, goals_in_sample(args.sample)) + ".")
                else:
                    notes.append("Saved: " + verify(plans, [(p.token, p.last_saved) for p in people]) + ".")

        steps = asyncio.run(go())
    finally:
        if proxy is not None:
            proxy.stop()
            notes.append("Sticky sessions: " + target.sticky() + ".")
        for server in app:
            server.stop()
        plans.engine.dispose()
    return steps, notes


def run(args: argparse.Namespace, command: str) -> str:
    """The whole load benchmark; returns the Markdown (also written to ``<out>/load-latest.md``)."""
    when, load_start = dt.datetime.now(), report.load_average()
    info = report.machine()
    if 2 in args.processes:
        version = subprocess.run([nginx_binary(), "-v"], capture_output=True, text=True).stderr.strip()
        info["nginx"] = version.split("/", 1)[-1]
    work = Path(tempfile.mkdtemp(prefix="rotta-load-"))
    os.chmod(work, 0o755)
    results: dict[int, tuple[list[Step], list[str]]] = {}
    try:
        with servers.scoped_database(args.database_url, "rotta_load") as url:
            plans = store_mod.Store(store_mod.make_engine(url))
            new_plan = plan_maker(plans, args.sample, when.date())
            for count in args.processes:
                print(f"{count} process(es):", flush=True)
                results[count] = ramp_setup(args, count, url, work, new_plan, lambda s: print(s, flush=True))
            plans.engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info["load"] = f"{load_start} at the start, {report.load_average()} at the end"
    text = document(args, info, results, command, when)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "load-latest.md").write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    started = time.monotonic()
    text = run(args, "python -m bench.load " + " ".join(argv if argv is not None else sys.argv[1:]))
    print(text)
    print(f"written to {args.out / 'load-latest.md'} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
