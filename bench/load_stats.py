"""The load ramp's arithmetic and its Markdown: percentiles, the stop rule, memory per session."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

LIMIT_S = 1.0  # interaction latency p95 must stay under this

STEP_COLUMNS = (
    "processes",
    "sessions",
    "interactions",
    "per s",
    "p50 ms",
    "p95 ms",
    "max ms",
    "errors",
    "server RSS MB (idle → now)",
    "MB per session",
    "server CPU %",
    "server CPU ms per interaction",
    "PostgreSQL CPU %",
    "client CPU %",
    "other CPU %",
    "first load p50 ms",
    "p95 < 1 s?",
)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation between the closest ranks (NumPy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} outside 0-100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def per_session_mb(rss_now_mb: float, rss_idle_mb: float, sessions: int) -> float:
    """Memory each session adds: (RSS with ``sessions`` open − RSS of the warmed, idle server) / sessions."""
    if sessions <= 0:
        raise ValueError("per-session memory needs at least one session")
    return (rss_now_mb - rss_idle_mb) / sessions


@dataclass
class Step:
    """One step of the ramp: ``sessions`` tabs interacting for a window of ``seconds``."""

    processes: int
    sessions: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, interactions started in the window
    errors: list[str] = field(default_factory=list)
    opens: list[float] = field(default_factory=list)  # first-load run time of the tabs opened for this step
    rss_idle_mb: float = 0.0  # summed over the processes
    rss_mb: float = 0.0
    server_cpu_s: float = 0.0  # summed over the processes, during the window
    client_cpu_s: float = 0.0
    proxy_cpu_s: float | None = None
    postgres_cpu_s: float = 0.0  # every postgres process (the server is shared with other users)
    other_cpu_s: float = 0.0  # everything else on the machine (PostgreSQL, other programs)
    spread: str = ""  # sessions per process behind the proxy, e.g. "22/18"
    kinds: dict[str, list[float]] = field(default_factory=dict)  # latencies by kind of interaction

    @property
    def p50(self) -> float | None:
        return percentile(self.latencies, 50) if self.latencies else None

    @property
    def p95(self) -> float | None:
        return percentile(self.latencies, 95) if self.latencies else None

    @property
    def ok(self) -> bool:
        """p95 under the limit, no error, and something was measured."""
        return not self.errors and self.p95 is not None and self.p95 < LIMIT_S

    @property
    def mb_per_session(self) -> float:
        return per_session_mb(self.rss_mb, self.rss_idle_mb, self.sessions)


def should_stop(step: Step) -> bool:
    """The ramp stops at the first step that is not ``ok`` (p95 ≥ 1 s, an error, or no interaction)."""
    return not step.ok


def largest_ok(steps: Sequence[Step]) -> Step | None:
    """The largest step that passed, counting only steps before the first failure."""
    best = None
    for step in steps:
        if not step.ok:
            break
        if best is None or step.sessions > best.sessions:
            best = step
    return best


def next_sessions(steps_planned: Sequence[int], done: Sequence[Step]) -> int | None:
    """The next number of sessions to try, or None when the ramp is over (planned steps used up or a failure)."""
    if done and should_stop(done[-1]):
        return None
    return steps_planned[len(done)] if len(done) < len(steps_planned) else None


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:.0f}"


def _pct(cpu_s: float, seconds: float) -> str:
    return f"{100 * cpu_s / seconds:.0f}" if seconds > 0 else "—"


def step_row(step: Step) -> list[str]:
    errors = str(len(step.errors))
    processes = str(step.processes) + (f" ({step.spread})" if step.spread else "")
    server_cpu = _pct(step.server_cpu_s, step.seconds)
    if step.proxy_cpu_s is not None:
        server_cpu += f" + nginx {_pct(step.proxy_cpu_s, step.seconds)}"
    verdict = "yes" if step.ok else "**no**"
    return [
        processes,
        str(step.sessions),
        str(len(step.latencies)),
        f"{len(step.latencies) / step.seconds:.1f}" if step.seconds > 0 else "—",
        _ms(step.p50),
        _ms(step.p95),
        _ms(max(step.latencies) if step.latencies else None),
        errors,
        f"{step.rss_idle_mb:.0f} → {step.rss_mb:.0f}",
        f"{step.mb_per_session:.1f}",
        server_cpu,
        f"{1000 * step.server_cpu_s / len(step.latencies):.0f}" if step.latencies else "—",
        _pct(step.postgres_cpu_s, step.seconds),
        _pct(step.client_cpu_s, step.seconds),
        _pct(step.other_cpu_s, step.seconds),
        _ms(percentile(step.opens, 50) if step.opens else None),
        verdict,
    ]


def table(steps: Sequence[Step]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    rows = [line(STEP_COLUMNS), line(["---"] * len(STEP_COLUMNS))]
    return "\n".join(rows + [line(step_row(s)) for s in steps])


def summary(steps: Sequence[Step], processes: int) -> str:
    """One sentence: the largest passing step, its p95 and memory per session, and where it broke."""
    best = largest_ok(steps)
    failed = next((s for s in steps if not s.ok), None)
    label = "one process" if processes == 1 else f"{processes} processes behind nginx"
    if best is None:
        text = f"{label}: no step passed"
    else:
        text = (
            f"{label}: **{best.sessions} sessions** with p95 {_ms(best.p95)} ms "
            f"({best.mb_per_session:.1f} MB per session)"
        )
    if failed is not None:
        why = f"p95 {_ms(failed.p95)} ms" if not failed.errors else f"{len(failed.errors)} error(s)"
        text += f"; at {failed.sessions} sessions {why}"
    else:
        text += "; the planned steps ended before p95 reached 1 s"
    return text + "."


def kinds_table(step: Step) -> str:
    """Latency by kind of interaction in one step (the mixed profile)."""
    rows = ["| interaction | count | p50 ms | p95 ms |", "| --- | --- | --- | --- |"]
    for kind, values in sorted(step.kinds.items(), key=lambda item: -len(item[1])):
        rows.append(f"| {kind} | {len(values)} | {_ms(percentile(values, 50))} | {_ms(percentile(values, 95))} |")
    return "\n".join(rows)
