"""The whole plan as one file: the plan document and its imported tables, for download and restore.

``{"format": "rotta-bundle", "version": 1, "plan": {...}, "imports": [{"kind", "platform",
"file", "columns": {name: [values...]}}, ...]}``. The tables are the privacy-safe ones Rotta
stores (``core.schema``, ``core.importers.orders.COLUMNS``): no names, e-mails or addresses.
Dates are ISO text, times UTC ISO text, missing values ``null``.

Reading one is an upload like any other, checked at the door before anything is stored: its size
(under the upload limit, so that a downloaded file can always be uploaded again), its nesting and
number format (what the JSON parser refuses), the number of imports, rows and cells, every
column's name for its kind, and every cell's type and range. Whatever is wrong raises
``plan.PlanError`` naming the import, the column and the row. A plain plan file (no imports) is
read too; ``Bundle.imports`` is then None: the plan's own imports are left as they are.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core import schema
from core.i18n import Message
from core.importers import orders as orders_mod
from core.plan import datasets
from core.plan import plan as plan_mod

FORMAT = "rotta-bundle"
VERSION = 1
MAX_BYTES = 24 * 2**20  # under the app's 25 MB upload limit: every file Rotta writes can be uploaded again
MAX_CELLS = 2_000_000  # about 250 MB of Python objects while parsing, the budget of any upload
MAX_IMPORTS = 100
MAX_ROWS = 200_000  # as core.importers.tabular.MAX_ROWS
MAX_TEXT = 10_000
MAX_NUMBER = 1e15
PLATFORM = re.compile(r"[a-z0-9_]{1,32}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?)?")
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
YEARS = (1900, 2100)
COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": schema.CUSTOMER_COLUMNS,
    "orders": orders_mod.COLUMNS,
    "activity": schema.ACTIVITY_COLUMNS,
}
TYPES: dict[str, str] = {  # column -> day | instant | count | number | flag; every other column is text
    "first_order": "day", "last_order": "day", "date": "day", "when": "instant", "orders": "count",
    "paid": "flag", **dict.fromkeys(("revenue", "amount", "gross", "refunded", "lat", "lon", "interactions",
                                     "engagement_rate", *schema.ACTIVITY_METRICS), "number"),
}  # fmt: skip


@dataclass(frozen=True, eq=False)
class Import:
    kind: str  # core.plan.datasets.KINDS
    platform: str
    file: str
    frame: pd.DataFrame


@dataclass(frozen=True, eq=False)
class Bundle:
    plan: dict[str, Any]
    imports: tuple[Import, ...] | None  # None: a plain plan file, which says nothing about imports


def _error(key: str, **params: object) -> plan_mod.PlanError:
    return plan_mod.PlanError(Message(f"plan.err.{key}", params))


# ---- writing --------------------------------------------------------------------------------------


def _cells(column: pd.Series, kind: str) -> list:
    """A column as JSON values: dates and times as ISO text, missing values as None, numbers exact."""
    if kind == "day":
        days = pd.to_datetime(column)
        whole = (days.dropna().dt.normalize() == days.dropna()).all()
        text = days.dt.strftime("%Y-%m-%d" if whole else "%Y-%m-%dT%H:%M:%S.%f")
        return [None if missing else v for v, missing in zip(text.tolist(), days.isna().tolist(), strict=True)]
    if kind == "instant":
        utc = column.dt.tz_convert("UTC").dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return [None if missing else v for v, missing in zip(utc.tolist(), column.isna().tolist(), strict=True)]
    if kind in ("number", "count"):
        values = pd.to_numeric(column, errors="coerce").astype(float)
        return [None if math.isnan(v) else (int(v) if kind == "count" else v) for v in values.tolist()]
    if kind == "flag":
        return [bool(v) for v in column.tolist()]
    return column.fillna("").astype(str).tolist()


def table(item: Import) -> dict[str, Any]:
    """One import as it goes into the file."""
    names = [c for c in COLUMNS[item.kind] if c in item.frame]
    columns = {name: _cells(item.frame[name], TYPES.get(name, "text")) for name in names}
    return {"kind": item.kind, "platform": item.platform, "file": item.file, "columns": columns}


def dump(plan: dict[str, Any], imports: list[Import]) -> tuple[bytes, tuple[Import, ...]]:
    """The whole-plan file, and the imports left out of it because the file would pass ``MAX_BYTES`` or
    ``MAX_CELLS`` (the largest last: as many imports as fit go in; the page says which did not)."""
    head = json.dumps({"format": FORMAT, "version": VERSION, "plan": plan}, ensure_ascii=False, indent=1)
    parts, left_out, size, cells = [], [], len(head.encode()) + 16, 0
    for item in sorted(imports, key=lambda i: i.frame.size):
        text = json.dumps(table(item), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        more = len(text.encode()) + 2
        if size + more > MAX_BYTES or cells + item.frame.size > MAX_CELLS:
            left_out.append(item)
            continue
        parts.append((imports.index(item), text))
        size, cells = size + more, cells + item.frame.size
    body = ",\n".join(text for _, text in sorted(parts))
    document = head[:-2] + ',\n "imports": [\n' + body + "\n ]\n}"
    return document.encode("utf-8"), tuple(left_out)


# ---- reading --------------------------------------------------------------------------------------


def load(data: bytes) -> Bundle:
    """The plan and its imports from a whole-plan file (or a plain plan file); raises ``PlanError``."""
    if len(data) > MAX_BYTES:
        raise _error("too_big", mb=MAX_BYTES // 2**20)
    if data.count(b",") > MAX_CELLS + 10 * plan_mod.MAX_JSON_BYTES // 1000:  # before parsing: a cell is a comma
        raise _error("bundle_cells", limit=MAX_CELLS)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _error("not_text") from None
    except json.JSONDecodeError as exc:
        raise _error("not_json", line=exc.lineno, col=exc.colno) from None
    except (RecursionError, ValueError):  # nested too deep; an integer of thousands of digits
        raise _error("bundle_shape") from None
    if not (isinstance(doc, dict) and doc.get("format") == FORMAT):
        return Bundle(_plan(doc), None)  # a plain plan file (or not a Rotta file: validate says which)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        raise _error("version_new", found=str(version)[:20], supported=VERSION)
    raw = doc.get("imports")
    if not isinstance(raw, list):
        raise _error("section", section="imports")
    if len(raw) > MAX_IMPORTS:
        raise _error("bundle_imports", limit=MAX_IMPORTS)
    plan = _plan(doc.get("plan"))
    imports, cells = [], 0
    for n, item in enumerate(raw, start=1):
        found = _import(n, item)
        cells += found.frame.size
        if cells > MAX_CELLS:
            raise _error("bundle_cells", limit=MAX_CELLS)
        imports.append(found)
    return Bundle(plan, tuple(imports))


def _plan(doc: Any) -> dict[str, Any]:
    try:
        if len(json.dumps(doc, ensure_ascii=False)) > plan_mod.MAX_JSON_BYTES:
            raise _error("too_big", mb=plan_mod.MAX_JSON_BYTES // 1_000_000)
        return plan_mod.validate(doc)
    except (RecursionError, ValueError, OverflowError, TypeError):
        raise _error("bundle_shape") from None


def _import(n: int, item: Any) -> Import:
    if not isinstance(item, dict):
        raise _error("import", n=n, file="", reason=Message("plan.err.import_shape"))
    file = item.get("file")
    file = file if isinstance(file, str) and len(file) <= 255 else ""

    def wrong(key: str, **params: object) -> plan_mod.PlanError:
        return _error("import", n=n, file=file, reason=Message(f"plan.err.{key}", params))

    kind, platform, columns = item.get("kind"), item.get("platform"), item.get("columns")
    if kind not in datasets.KINDS:
        raise wrong("import_kind", found=str(kind)[:40])
    if not (isinstance(platform, str) and PLATFORM.fullmatch(platform)) or not file.strip():
        raise wrong("import_shape")
    if not isinstance(columns, dict):
        raise wrong("import_shape")
    unknown = [c for c in columns if c not in COLUMNS[kind]]
    if unknown:
        raise wrong("import_column", column=str(unknown[0])[:60])
    missing = [c for c in ("customer_id", "when", "date", "platform") if c in COLUMNS[kind] and c not in columns]
    if missing:
        raise wrong("import_missing", column=missing[0])
    lengths = {len(v) if isinstance(v, list) else -1 for v in columns.values()}
    if len(lengths) != 1 or -1 in lengths:
        raise wrong("import_lengths")
    rows = lengths.pop()
    if rows > MAX_ROWS:
        raise wrong("import_rows", limit=MAX_ROWS)
    frame = pd.DataFrame(index=pd.RangeIndex(rows))
    for name in COLUMNS[kind]:
        typed = TYPES.get(name, "text")

        def bad(row: int, value: object, name: str = name, typed: str = typed) -> plan_mod.PlanError:
            expected = Message(f"plan.err.expected.{typed}")
            return wrong("import_cell", column=name, row=row, value=str(value)[:40], expected=expected)

        frame[name] = _column(columns.get(name), typed, rows, bad)
    return Import(kind, platform, file, frame)


def _column(values: list | None, kind: str, rows: int, bad) -> pd.Series:
    """A column of the file as a typed Series; ``bad(row, value)`` is raised for the first wrong cell."""
    if values is None:  # a column this version knows and the file's version did not write
        return pd.Series(np.nan if kind in ("number", "count") else pd.NaT if kind in ("day", "instant") else
                         False if kind == "flag" else "", index=range(rows))  # fmt: skip
    if kind == "text":
        for row, v in enumerate(values, start=1):
            if not (v is None or (isinstance(v, str) and len(v) <= MAX_TEXT)):
                raise bad(row, v)
        return pd.Series(["" if v is None else v for v in values], dtype="str")
    if kind in ("number", "count"):
        for row, v in enumerate(values, start=1):
            ok = v is None or (
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and abs(v) <= MAX_NUMBER
            )
            if not ok or (kind == "count" and (v is None or v != int(v) or v < 0)):
                raise bad(row, v)
        series = pd.Series([np.nan if v is None else v for v in values], dtype=float)
        return series.astype("int64") if kind == "count" else series
    if kind == "flag":
        for row, v in enumerate(values, start=1):
            if not isinstance(v, bool):
                raise bad(row, v)
        return pd.Series(values, dtype=bool)
    pattern = INSTANT if kind == "instant" else DAY
    for row, v in enumerate(values, start=1):
        if v is not None and not (isinstance(v, str) and pattern.fullmatch(v) and YEARS[0] <= int(v[:4]) <= YEARS[1]):
            raise bad(row, v)
    parsed = pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601", utc=kind == "instant", errors="coerce")
    wrong_day = parsed.isna().to_numpy() & np.array([v is not None for v in values], dtype=bool)
    if wrong_day.any():  # 2025-02-30: the right shape, not a day
        row = int(wrong_day.argmax())
        raise bad(row + 1, values[row])
    return parsed.dt.tz_convert("Europe/Rome") if kind == "instant" else parsed.astype("datetime64[ns]")
