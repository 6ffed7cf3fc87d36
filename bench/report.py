"""The benchmark's results as Markdown: the machine, one row per page and size, importers, the naive map.

Every page asked for gets a row, whatever happened: a missed budget says so in "met?", a page
that never became ready shows how many loads failed, a size a page cannot use yet says "n/a".
"""

from __future__ import annotations

import os
import platform
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Spread
from bench.pages import RERUN_BUDGET_MS, BenchPage

PAGE_COLUMNS = (
    "page",
    "size",
    "ready ms (median)",
    "spread ms (min–max)",
    "blank ms (median)",
    "ratio to blank",
    "rerun ms (median)",
    "rerun after",
    "payload KB",
    "server RSS MB",
    "budget",
    "met?",
)


@dataclass
class PageResult:
    page: BenchPage
    size: str
    dataset: str = ""  # e.g. "forno (1,513 customers)"
    skipped: str = ""  # why the page was not measured at this size
    ready: Spread | None = None
    blank: Spread | None = None
    not_ready: int = 0  # loads that timed out or failed
    errors: list[str] = field(default_factory=list)
    payload_kb: float | None = None
    ws_kb: float | None = None  # of which websocket frames
    component_kb: float | None = None  # of which files loaded by component frames
    maps: int = 0
    charts: int = 0
    rerun: Spread | None = None
    interaction: str = ""
    rerun_error: str = ""
    rss_mb: float | None = None
    phases: tuple[float, float, float] | None = None  # see measure.Load.phases
    blank_phases: tuple[float, float, float] | None = None

    @property
    def ratio(self) -> float | None:
        if self.ready is None or self.blank is None or self.blank.median <= 0:
            return None
        return self.ready.median / self.blank.median

    def verdict(self) -> str:
        """ "yes", "no budget", "n/a", or "**NO**: ..." with every missed budget."""
        if self.skipped:
            return "n/a"
        budget, rerun_budget = self.page.budget(self.size), RERUN_BUDGET_MS.get(self.size)
        missed = []
        if self.not_ready or self.ready is None:
            missed.append(f"{self.not_ready or 'all'} load(s) not ready")
        if budget is not None and self.ratio is not None and self.ratio > budget:
            missed.append(f"ratio {self.ratio:.2f}x > {budget:g}x")
        if rerun_budget is not None:
            if self.rerun is None:
                missed.append("rerun not measured")
            elif self.rerun.median >= rerun_budget:
                missed.append(f"rerun {self.rerun.median:.0f} ms ≥ {rerun_budget:g} ms")
        if missed:
            return "**NO**: " + "; ".join(missed)
        return "yes" if budget is not None or rerun_budget is not None else "no budget"


@dataclass
class MapResult:
    kind: str  # "naive" | "rotta"
    build_s: float
    render_s: float
    html_bytes: int
    ready: Spread | None = None
    blank: Spread | None = None
    not_ready: int = 0


def machine(browser_version: str = "") -> dict[str, str]:
    """Host name, CPUs (count and model), RAM, OS, and the versions that matter."""
    import streamlit

    cpuinfo = _read("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    return {
        "host": socket.gethostname(),
        "cpus": str(os.cpu_count()),
        "cpu_model": model.group(1).strip() if model else platform.processor() or "unknown",
        "ram_gb": f"{int(mem.group(1)) / 1024 / 1024:.1f}" if mem else "unknown",
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "chromium": browser_version or "not started",
        "load": load_average(),
    }


def load_average() -> str:
    """The 1-minute load average now (other work on the machine makes every timing noisier)."""
    fields = _read("/proc/loadavg").split()
    return fields[0] if fields else "unknown"


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def page_row(r: PageResult) -> list[str]:
    label = f"{r.page.id.replace('_', ' ').title()} `{r.page.route}`"
    budget, rerun_budget = r.page.budget(r.size), RERUN_BUDGET_MS.get(r.size)
    limits = [f"≤{budget:g}x" if budget is not None else "no ratio budget"]
    if rerun_budget is not None:
        limits.append(f"rerun <{rerun_budget:g} ms")
    size = f"{r.size} ({r.dataset})" if r.dataset else r.size
    if r.skipped:
        return [label, size, r.skipped, "—", "—", "—", "—", "—", "—", "—", ", ".join(limits), "n/a"]
    ready = r.ready
    spread = f"{ready.low:.0f}–{ready.high:.0f}" if ready else "—"
    if r.not_ready:
        spread += f" ({r.not_ready} not ready)"
    ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "—"
    rerun = _ms(r.rerun.median if r.rerun else None)
    after = r.interaction if r.rerun is not None else (r.rerun_error or "not measured")
    payload = f"{r.payload_kb:.1f}" if r.payload_kb is not None else "—"
    rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else "—"
    return [
        label,
        size,
        _ms(ready.median if ready else None),
        spread,
        _ms(r.blank.median if r.blank else None),
        ratio,
        rerun,
        after,
        payload,
        rss,
        ", ".join(limits),
        r.verdict(),
    ]


def table(header: tuple[str, ...] | list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str] | tuple[str, ...]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *(line(r) for r in rows)])


PHASE_COLUMNS = (
    "page",
    "size",
    "navigation → script starts",
    "script running (browser view)",
    "script end → ready (element code, maps, charts)",
    "blank: navigation → script starts",
    "blank: script running",
    "blank: script end → ready",
    "websocket KB",
    "component files KB",
    "maps",
    "charts",
)


def phase_row(r: PageResult) -> list[str] | None:
    if r.skipped or r.phases is None:
        return None
    blank = [f"{v:.0f}" for v in r.blank_phases] if r.blank_phases else ["—"] * 3
    kb = [f"{v:.1f}" if v is not None else "—" for v in (r.ws_kb, r.component_kb)]
    counts = [str(r.maps), str(r.charts)]
    return [f"{r.page.id.title()} `{r.page.route}`", r.size, *(f"{v:.0f}" for v in r.phases), *blank, *kb, *counts]


IMPORT_COLUMNS = (
    "file",
    "rows in",
    "MB",
    "read as",
    "rows out",
    "placed",
    "gazetteer s",
    "import s",
    "rows/s",
    "RSS before MB",
    "peak MB",
)
MAP_COLUMNS = (
    "map",
    "Python build s",
    "render s",
    "HTML KB",
    "browser ready ms (median)",
    "spread ms (min–max)",
    "blank ms (median)",
    "ratio to blank",
)


def import_row(name: str, rows: int, out: dict) -> list[str]:
    if "error" in out:
        return [name, str(rows), "—", out["error"], *["—"] * (len(IMPORT_COLUMNS) - 4)]
    placed = "—" if out.get("placed") is None else str(out["placed"])
    rate = rows / out["import_s"] if out["import_s"] > 0 else float("nan")
    return [
        name,
        str(rows),
        f"{out['bytes'] / 2**20:.1f}",
        f"{out['platform']} {out['kind']}",
        str(out["rows_out"]),
        placed,
        f"{out['gazetteer_s']:.2f}",
        f"{out['import_s']:.2f}",
        f"{rate:.0f}",
        f"{out['rss_before_mb']:.0f}",
        f"{out['peak_mb']:.0f}",
    ]


def map_row(m: MapResult) -> list[str]:
    ready, blank = m.ready, m.blank
    spread = f"{ready.low:.0f}–{ready.high:.0f}" if ready else "—"
    if m.not_ready:
        spread += f" ({m.not_ready} not ready)"
    ratio = f"{ready.median / blank.median:.2f}x" if ready and blank and blank.median > 0 else "—"
    label = {"naive": "naive: one `Marker` per customer", "rotta": "Rotta: H3 hexagons, one `GeoJson`"}.get(
        m.kind, m.kind
    )
    return [
        label,
        f"{m.build_s:.2f}",
        f"{m.render_s:.2f}",
        f"{m.html_bytes / 1024:.0f}",
        _ms(ready.median if ready else None),
        spread,
        _ms(blank.median if blank else None),
        ratio,
    ]


def margin(maps: list[MapResult]) -> str:
    by = {m.kind: m for m in maps}
    naive, rotta = by.get("naive"), by.get("rotta")
    if not (naive and rotta):
        return ""
    python = (naive.build_s + naive.render_s) / max(rotta.build_s + rotta.render_s, 1e-9)
    text = f"Rotta's margin: {python:.0f}x less Python time to build and render the map"
    if naive.ready and rotta.ready:
        text += f", {naive.ready.median / rotta.ready.median:.1f}x faster to a drawn map in the browser"
    elif naive.not_ready:
        text += "; the naive map was not drawn in time in the browser"
    return text + "."


def document(
    *,
    title_date: str,
    info: dict[str, str],
    command: str,
    method: str,
    pages: list[PageResult] | None,
    blank_rss_mb: float | None,
    blank_payload_kb: float | None,
    imports: list[tuple[str, int, dict]] | None,
    imports_note: str,
    maps: list[MapResult] | None,
    maps_note: str,
    notes: list[str],
    extra: str = "",
) -> str:
    """The whole results file (``extra``: a whole Markdown document, e.g. the load run, added as a section)."""
    out = [f"# Rotta benchmark: {title_date}, {info['host']}", ""]
    out.append(
        f"Machine: {info['host']}, {info['cpus']} CPUs ({info['cpu_model']}), {info['ram_gb']} GB RAM, "
        f"{info['os']}; Python {info['python']}, Streamlit {info['streamlit']}, Chromium {info['chromium']}. "
        f"1-minute load average: {info['load']}."
    )
    out += ["", f"Command: `{command}`", ""]
    if pages is not None:
        out += ["## Pages against a blank Streamlit page", "", method, ""]
        out.append(table(PAGE_COLUMNS, [page_row(r) for r in pages]))
        out.append("")
        blank = [
            f"server RSS {blank_rss_mb:.0f} MB" if blank_rss_mb is not None else "",
            f"payload {blank_payload_kb:.1f} KB" if blank_payload_kb is not None else "",
        ]
        out += [f"Blank page: {', '.join(b for b in blank if b) or 'not measured'}.", ""]
        phase_rows = [row for row in (phase_row(r) for r in pages) if row]
        if phase_rows:
            out += [
                "Where the time and the bytes go (medians; times in ms from the script-state changes the page "
                "records itself):",
                "",
            ]
            out += [table(PHASE_COLUMNS, phase_rows), ""]
        errors = sorted({f"{r.page.id} ({r.size}): {e}" for r in pages for e in r.errors})
        if errors:
            out += ["Loads that were not ready:", "", *(f"- {e}" for e in errors), ""]
    if imports is not None or imports_note:
        out += ["## Importers", ""]
        if imports_note:
            out += [imports_note, ""]
        if imports:
            out += [table(IMPORT_COLUMNS, [import_row(*i) for i in imports]), ""]
    if maps is not None or maps_note:
        out += ["## The naive map against Rotta's way", ""]
        if maps_note:
            out += [maps_note, ""]
        if maps:
            out += [table(MAP_COLUMNS, [map_row(m) for m in maps]), "", margin(maps), ""]
    if notes:
        out += ["## Notes", "", *(f"- {n}" for n in notes), ""]
    if extra:
        out += ["## Load", "", *(("#" + line if line.startswith("#") else line) for line in extra.splitlines()[1:]), ""]
    return "\n".join(out).rstrip() + "\n"
