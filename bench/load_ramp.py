"""The ramp: more and more participants typing on one page, each in its own plan, until p95 passes 1 s.

A participant opens ``/<page>?plan=<own token>&lang=..``, then, after a think time drawn from a
seeded generator, types a new business name and presses Enter (one rerun that saves to the
database), again and again. Tabs stay open from one step to the next, as people stay in a room.
Each step measures a window in which every tab keeps working; its latency = ``BackMsg`` sent →
``script_finished`` received, for the interactions that started in the window.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from websockets.exceptions import WebSocketException

from bench import load_profile
from bench.load_client import ProtocolError, Tab
from bench.load_proxy import Proxy, parse_access_log
from bench.load_stats import Step, next_sessions
from bench.servers import Server

OPENING_AT_ONCE = 4  # tabs opened concurrently when a step adds people
INTERACTION_TIMEOUT = 30.0
FAILURES = (ProtocolError, WebSocketException, OSError, TimeoutError)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds() -> float:
    """CPU seconds of every PostgreSQL process so far (all databases: other users of the server count too)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if "(postgres)" in text.split(" ", 2)[1]:
            fields = text.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def machine_busy_seconds() -> float:
    """CPU seconds every process on the machine used so far, all cores (``/proc/stat``: all but idle and iowait)."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


@dataclass
class Participant:
    index: int
    token: str
    tab: Tab
    rng: random.Random
    records: list[tuple[float, float | None, str, str]] = field(default_factory=list)  # (start, s, error, kind)
    last_saved: str | None = None
    busy_since: float | None = None
    dead: str = ""
    walker: load_profile.Walker | None = None  # the mixed profile's state; None: typing the name only
    position: int = 0

    async def _once(self, label: str, typed: int) -> tuple[str, object]:
        if self.walker is None:
            value = f"Forno {self.index}-{typed}"
            run = await self.tab.set_text(label, value, INTERACTION_TIMEOUT)
            if not run.exceptions:
                self.last_saved = value
            return "type the business name", run
        kind, run, advanced = await load_profile.perform(self.tab, self.walker, self.position)
        self.position += advanced
        return kind, run

    async def work(self, stop: asyncio.Event, label: str, think: tuple[float, float]) -> None:
        typed = 0
        while not stop.is_set() and not self.dead:
            try:
                await asyncio.wait_for(stop.wait(), self.rng.uniform(*think))
                return
            except TimeoutError:
                pass
            typed += 1
            start = self.busy_since = time.perf_counter()
            try:
                kind, run = await self._once(label, typed)
                error = "app error: " + ", ".join(run.exceptions) if run.exceptions else ""  # type: ignore[attr-defined]
                self.records.append((start, run.seconds, error, kind))  # type: ignore[attr-defined]
            except FAILURES as exc:
                self.dead = f"{type(exc).__name__}: {exc}"[:200]
                self.records.append((start, None, self.dead, "failed"))
            finally:
                self.busy_since = None


@dataclass
class Target:
    """Where tabs connect (a server or the proxy) and the processes that serve them."""

    base: str
    servers: list[Server]
    proxy: Proxy | None = None

    def rss_mb(self) -> float:
        return sum(s.rss_mb() for s in self.servers)

    def server_cpu(self) -> float:
        return sum(cpu_seconds(s.proc.pid) for s in self.servers)

    def proxy_cpu(self) -> float | None:
        return sum(cpu_seconds(p) for p in self.proxy.pids()) if self.proxy else None

    def spread(self, cookies: Sequence[str | None]) -> str:
        """Tabs per process behind the proxy, from the access log (health requests carry the route cookie)."""
        if self.proxy is None:
            return ""
        routes: dict[str, str] = {}
        for line in (self.proxy.folder / "access.log").read_text().splitlines():
            parts = line.split(" ", 3)
            if len(parts) == 4 and parts[1] != "-" and parts[2].strip('"') not in ("", "-"):
                routes[parts[2].strip('"')] = parts[1]
        ports = [f"127.0.0.1:{s.port}" for s in self.servers]
        counts = [sum(1 for c in cookies if c and routes.get(c) == port) for port in ports]
        return "/".join(str(c) for c in counts)

    def sticky(self) -> str:
        if self.proxy is None:
            return ""
        upgrades, routes, split = parse_access_log((self.proxy.folder / "access.log").read_text())
        per = ", ".join(f"{upstream.rsplit(':', 1)[1]}: {n}" for upstream, n in sorted(upgrades.items()))
        return f"websockets per process port: {per}; {routes} route cookies, {split} of them reached two processes"


@dataclass
class Ramp:
    target: Target
    page: str
    lang: str
    label: str  # the text box typed into
    new_plan: Callable[[], str]
    think: tuple[float, float] = (2.0, 5.0)
    seconds: float = 60.0
    seed: int = 7
    mixed: bool = False  # the mixed workshop profile (bench.load_profile) instead of typing the name only
    people: list[Participant] = field(default_factory=list)
    tasks: list[asyncio.Task] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def _join(self, index: int, opened: list[float], errors: list[str], gate: asyncio.Semaphore) -> None:
        async with gate:
            token = await asyncio.to_thread(self.new_plan)
            rng = random.Random(self.seed * 100_003 + index)
            position = rng.randrange(len(load_profile.PROFILE)) if self.mixed else 0
            page = load_profile.start_page(position) if self.mixed else self.page
            tab = Tab(self.target.base, f"/{page}", f"plan={token}&lang={self.lang}", locale=f"{self.lang}-IT")
            try:
                run = await tab.open(INTERACTION_TIMEOUT * 2)
            except FAILURES as exc:
                errors.append(f"open: {type(exc).__name__}: {exc}"[:200])
                return
            if run.exceptions or (not self.mixed and self.label not in tab.widgets):
                errors.append(f"open: app error {run.exceptions} or no {self.label!r}")
                return
            opened.append(run.seconds)
            person = Participant(index, token, tab, rng)
            if self.mixed:
                person.walker, person.position = load_profile.Walker(index), position
            self.people.append(person)
            self.tasks.append(asyncio.create_task(person.work(self.stop, self.label, self.think)))

    async def step(self, sessions: int, processes: int, rss_idle: float) -> Step:
        out = Step(processes, sessions, rss_idle_mb=rss_idle)
        gate = asyncio.Semaphore(OPENING_AT_ONCE)
        joining = range(len(self.people), sessions)
        await asyncio.gather(*(self._join(i, out.opens, out.errors, gate) for i in joining))
        await asyncio.sleep(2)
        start, client0 = time.perf_counter(), time.process_time()
        server0, proxy0, busy0 = self.target.server_cpu(), self.target.proxy_cpu(), machine_busy_seconds()
        pg0 = postgres_cpu_seconds()
        await asyncio.sleep(self.seconds)
        end = time.perf_counter()
        out.seconds = end - start
        out.client_cpu_s = time.process_time() - client0
        out.server_cpu_s = self.target.server_cpu() - server0
        proxy1 = self.target.proxy_cpu()
        out.proxy_cpu_s = None if proxy0 is None or proxy1 is None else proxy1 - proxy0
        out.postgres_cpu_s = max(0.0, postgres_cpu_seconds() - pg0)  # a backend that exits takes its time along
        ours = out.client_cpu_s + out.server_cpu_s + (out.proxy_cpu_s or 0) + out.postgres_cpu_s
        out.other_cpu_s = max(0.0, machine_busy_seconds() - busy0 - ours)
        out.rss_mb = self.target.rss_mb()
        waited = time.perf_counter()
        while any(p.busy_since is not None and p.busy_since <= end for p in self.people):
            if time.perf_counter() - waited > INTERACTION_TIMEOUT + 5:
                break
            await asyncio.sleep(0.1)
        for person in self.people:
            for started, seconds, error, kind in person.records:
                if start <= started <= end:
                    if error:
                        out.errors.append(error)
                    elif seconds is not None:
                        out.latencies.append(seconds)
                        out.kinds.setdefault(kind, []).append(seconds)
        out.spread = self.target.spread([p.tab.cookie("rotta_route") for p in self.people])
        return out

    async def run(
        self, planned: Sequence[int], processes: int, rss_idle: float, say: Callable[[str], None]
    ) -> list[Step]:
        steps: list[Step] = []
        while (sessions := next_sessions(planned, steps)) is not None:
            step = await self.step(sessions, processes, rss_idle)
            steps.append(step)
            p95 = "—" if step.p95 is None else f"{step.p95 * 1000:.0f} ms"
            say(f"  {sessions} sessions: {len(step.latencies)} interactions, p95 {p95}, {len(step.errors)} errors")
        return steps

    async def finish(self) -> list[Participant]:
        """Stop every tab after its current interaction and close it; the participants, to check their saves."""
        self.stop.set()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        for person in self.people:
            await person.tab.close()
        return list(self.people)
