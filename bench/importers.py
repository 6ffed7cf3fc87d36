"""How long the importers take on big files: 100,000 customers (with geocoding), a 100,000-row Meta export.

The files are built here: the customers as a Shopify export (the most common shop) from the
large generated sample's towns, postcodes, orders and revenue; the Meta Business Suite export by
repeating the rows of the real export in ``tests/fixtures`` with new post ids and dates. Each
import runs in its own process (``python -m bench.importers --file F``, JSON on stdout), so its
peak memory is its own. When ``core.importers`` cannot be imported the section says so.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
META_FIXTURE = (
    REPO
    / "tests/fixtures/exports/meta_business_suite/facebook_posts_views_Jan-01-2025_Jan-31-2025_1118203947561234.csv"
)
SHOPIFY_HEADER = (
    "Customer ID",
    "First Name",
    "Last Name",
    "Email",
    "Accepts Email Marketing",
    "Default Address Company",
    "Default Address Address1",
    "Default Address Address2",
    "Default Address City",
    "Default Address Province Code",
    "Default Address Country Code",
    "Default Address Zip",
    "Default Address Phone",
    "Phone",
    "Accepts SMS Marketing",
    "Total Spent",
    "Total Orders",
    "Note",
    "Tax Exempt",
    "Tags",
)
_FIRST = ("Giulia", "Marco", "Sara", "Luca", "Chiara", "Andrea", "Francesca", "Matteo", "Elena", "Davide")
_LAST = ("Rossi", "Bianchi", "Ricci", "Galli", "Conti", "Greco", "Bruno", "Gallo", "Costa", "Fontana")


@dataclass(frozen=True)
class Case:
    name: str  # what the table calls it
    file: Path


def write_shopify(customers_csv: Path, out: Path, rows: int = 100_000) -> Path:
    """A Shopify customers export with ``rows`` customers taken (and repeated if needed) from ``customers_csv``."""
    src = pd.read_csv(customers_csv, dtype=str, keep_default_na=False)
    src = pd.concat([src] * (rows // max(len(src), 1) + 1), ignore_index=True).head(rows)
    n = pd.RangeIndex(rows)
    table = pd.DataFrame(
        {
            "Customer ID": "'" + (7_000_000_000_000 + n).astype(str),
            "First Name": [_FIRST[i % len(_FIRST)] for i in n],
            "Last Name": [_LAST[(i // len(_FIRST)) % len(_LAST)] for i in n],
            "Email": "cliente" + n.astype(str) + "@example.it",
            "Accepts Email Marketing": "no",
            "Default Address Company": "",
            "Default Address Address1": "Via Roma " + (n % 200 + 1).astype(str),
            "Default Address Address2": "",
            "Default Address City": src["town"],
            "Default Address Province Code": src["province"],
            "Default Address Country Code": src["country"],
            "Default Address Zip": src["postcode"],
            "Default Address Phone": "",
            "Phone": "",
            "Accepts SMS Marketing": "no",
            "Total Spent": src["revenue"],
            "Total Orders": src["orders"],
            "Note": "",
            "Tax Exempt": "no",
            "Tags": "",
        },
        columns=list(SHOPIFY_HEADER),
    )
    table.to_csv(out, index=False, lineterminator="\n")
    return out


def write_meta(out: Path, rows: int = 100_000, fixture: Path = META_FIXTURE) -> Path:
    """A Meta Business Suite posts export with ``rows`` posts: the fixture's rows, new ids, one post every 30 min."""
    text = fixture.read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text)))
    header = records[0]
    body = [r for r in records[1:] if len(r) == len(header)]
    post_id, publish = header.index("Post ID"), header.index("Publish time")
    start = dt.datetime(2025, 1, 31, 20, 0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for i in range(rows):
        row = list(body[i % len(body)])
        row[post_id] = str(1_000_000_000_000_000 + i)
        row[publish] = (start - dt.timedelta(minutes=30 * i)).strftime("%m/%d/%Y %H:%M")
        writer.writerow(row)
    out.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return out


def time_import(path: Path, cache_dir: Path) -> dict:
    """Import ``path`` as the app would (formats detected from content, customers geocoded); time it."""
    try:
        from core import geocode
        from core.importers import base, import_file
    except ImportError as exc:
        return {"error": f"not available: {exc}"}
    data = path.read_bytes()
    started = time.perf_counter()
    gazetteer = geocode.load_gazetteer(cache_dir)
    loaded = time.perf_counter()
    before = _status_mb("VmRSS")
    peak_reset = _reset_peak()
    try:
        result = import_file(
            base.RawFile(path.name, data), base.ImportContext(gazetteer=gazetteer, today=dt.date.today())
        )
    except Exception as exc:  # noqa: BLE001 - an importer failure is a result to report
        message = getattr(exc, "message", None)
        return {"error": message.render("en") if message is not None else f"{type(exc).__name__}: {exc}"[:300]}
    done = time.perf_counter()
    frame = result.frame
    placed = int((frame["place_status"] == "placed").sum()) if "place_status" in frame else None
    return {
        "platform": result.platform,
        "kind": result.kind,
        "bytes": len(data),
        "rows_out": len(frame),
        "placed": placed,
        "gazetteer_s": loaded - started,
        "import_s": done - loaded,
        "rss_before_mb": before,
        # With the peak reset after the gazetteer loaded, this is the import's own peak; else the process's.
        "peak_mb": _status_mb("VmHWM") if peak_reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "warnings": len(result.warnings),
    }


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    """Reset this process's peak RSS (Linux: ``5`` to ``/proc/self/clear_refs``); False when not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def run_case(case: Case, cache_dir: Path, timeout: float = 1800) -> dict:
    """``time_import`` in a fresh process (its own peak memory); errors come back as ``{"error": ...}``."""
    command = [sys.executable, "-m", "bench.importers", "--file", str(case.file), "--cache-dir", str(cache_dir)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    try:
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"not finished after {timeout:.0f} s"}
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        return {"error": f"the import process failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importers", description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--cache-dir", type=Path, required=True, help="the gazetteer's cache folder")
    args = parser.parse_args(argv)
    json.dump(time_import(args.file, args.cache_dir), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
