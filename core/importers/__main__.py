"""``python -m core.importers [--period FIRST..LAST] [--year YEAR] FILE [FILE ...]``: what each file imports
to, one JSON object per line.

The files are one upload: dates without a year (TikTok's overview) are read over the days the other
files cover, or in ``--year`` (the year of their last day).

A file that cannot be imported prints ``{"file": ..., "error": "<English reason>"}``; the command
goes on with the other files and exits with status 2 at the end. This is an I/O boundary: it reads
the files, the clock (for ``today``) and the gazetteer cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from core.i18n import Message
from core.importers import ImportContext, ImportProblem, ImportResult, RawFile, import_upload


def _gazetteer() -> object | None:
    try:
        from core import geocode
    except ImportError:
        return None
    return geocode.load_gazetteer()


def _read(path: Path) -> RawFile | dict:
    try:
        return RawFile(str(path), path.read_bytes())
    except OSError as exc:
        reason = Message("importers.err.cannot_open", {"file": str(path), "reason": exc.strerror})
        return {"file": str(path), "error": reason.render("en")}


def _line(outcome: ImportResult | ImportProblem, name: str) -> dict:
    if isinstance(outcome, ImportProblem):
        return {"file": name, "error": outcome.message.render("en")}
    return outcome.summary()


def period(text: str) -> tuple[dt.date, dt.date]:
    """``2026-01-01..2026-01-31`` as (first day, last day); argparse shows the error."""
    first, dots, last = text.partition("..")
    try:
        start, end = dt.date.fromisoformat(first.strip()), dt.date.fromisoformat(last.strip())
    except ValueError:
        start = end = None
    if not dots or start is None or end is None or start > end:
        raise argparse.ArgumentTypeError(f"{text!r} is not a period like 2026-01-01..2026-01-31")
    return start, end


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.importers", description="Import customer or activity files.")
    parser.add_argument("files", nargs="+", type=Path, help="CSV, XLSX or JSON exports")
    parser.add_argument("--salt", default="", help="salt for the pseudonymous customer ids (e.g. the plan id)")
    parser.add_argument("--no-geocode", action="store_true", help="do not look places up")
    parser.add_argument(
        "--period",
        type=period,
        metavar="FIRST..LAST",
        help="the period a report covers when the file does not say it (Google Business Profile), "
        "e.g. 2026-01-01..2026-01-31",
    )
    parser.add_argument(
        "--year", type=int, help="the year of the last day of files whose dates have no year (TikTok's overview)"
    )
    args = parser.parse_args(argv)
    gazetteer = None if args.no_geocode else _gazetteer()
    ctx = ImportContext(gazetteer=gazetteer, salt=args.salt, today=dt.date.today(), period=args.period, year=args.year)
    read = [_read(path) for path in args.files]
    raws = [r for r in read if isinstance(r, RawFile)]
    outcomes = iter(import_upload(raws, ctx))
    failed = False
    for item in read:
        summary = _line(next(outcomes), item.name) if isinstance(item, RawFile) else item
        failed = failed or "error" in summary
        print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
