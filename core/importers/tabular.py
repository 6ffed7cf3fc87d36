"""Reading the bytes of a CSV or XLSX file into a table of text cells, robustly and within bounds.

Handles what Excel and the platforms actually produce (encodings and separators: see ``textfile``;
workbooks: see ``xlsx``): title rows above the header, blank rows, totals rows, rows wider than the
header, mixed line endings and multi-line quoted cells. Cells stay text; ``values`` types them.

Limits keep one hostile upload from stalling the process every session shares: at most
``MAX_BYTES``, ``MAX_ROWS`` rows, ``MAX_COLUMNS`` columns, ``MAX_CELLS`` cells and cells of
``csv.field_size_limit()`` characters.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.i18n import Message
from core.importers import textfile, xlsx
from core.importers.base import ImportProblem, RawFile

MAX_BYTES = 100 * 2**20
MAX_ROWS = 200_000
MAX_COLUMNS = 1_000
MAX_CELLS = 4_000_000  # rows x columns (200,000 x 20): about 300 MB and 1.5 s of CPU at the limit
content_kind = textfile.content_kind
_TOTAL = re.compile(r"(?i)^(totale|totali|total|totals|grand total|totale generale|totale complessivo|somma|sum)\b")


@dataclass(frozen=True, eq=False)
class Table:
    """Text cells under unique, stripped column names; the index is the row number a spreadsheet shows."""

    frame: pd.DataFrame
    kind: str  # "csv" | "xlsx"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252" (textfile: and two said in warnings) or "xlsx"
    decimal: str  # the decimal mark numbers written as text most likely use
    warnings: tuple[Message, ...] = ()


def _header_at(records: list[list[str]]) -> int:
    """Index of the header among the first records: the first one nearly as wide as the widest."""
    filled = [sum(1 for cell in r if str(cell).strip()) for r in records[:30]]
    widest = max(filled, default=0)
    for i, count in enumerate(filled):
        if count and count >= math.ceil(widest * 0.6):
            return i
    return 0


# Several sniffers ask for the header of the same upload; reading a workbook's costs up to a second.
# Entries live only as long as the RawFile object itself, and hold column names, not rows.
_HEADERS: weakref.WeakKeyDictionary[RawFile, tuple[str, ...]] = weakref.WeakKeyDictionary()


def header(raw: RawFile) -> tuple[str, ...]:
    """The header cells of a file, read from its beginning only; ``()`` when it is not a table."""
    try:
        return _HEADERS[raw]
    except (KeyError, TypeError):
        found = _read_header(raw)
    try:
        _HEADERS[raw] = found
    except TypeError:  # not weak-referenceable: just not remembered
        pass
    return found


def _read_header(raw: RawFile) -> tuple[str, ...]:
    try:
        kind = content_kind(raw.data)
        if kind == "zip":
            return tuple(str(c or "").strip() for c in _header_row(xlsx.head_rows(raw, MAX_ROWS, MAX_COLUMNS)))
        if kind != "text":
            return ()
        text, _ = textfile.decode(raw.data[: textfile.HEAD_BYTES], head=True)
        found = textfile.records(raw, text, textfile.separator(text), MAX_COLUMNS)
        return tuple(cell.strip() for cell in _header_row(list(itertools.islice(found, 30))))
    except (ImportProblem, csv.Error, ValueError):
        return ()


def _header_row(records: list[list]) -> list:
    return records[_header_at(records)] if records else []


def check_size(raw: RawFile) -> None:
    """Refuse a file over ``MAX_BYTES`` before anything reads it (its size rounded up: never "100 MB,
    limit 100 MB")."""
    if len(raw.data) > MAX_BYTES:
        params = {"file": raw.name, "size": -(-len(raw.data) // 2**20), "limit": MAX_BYTES // 2**20}
        raise ImportProblem(Message("importers.err.too_big", params))


def read_table(raw: RawFile) -> Table:
    """The whole file as a ``Table``; raises ``ImportProblem`` saying what is wrong and where."""
    kind = content_kind(raw.data)
    if kind == "empty":
        raise ImportProblem(Message("importers.err.empty", {"file": raw.name}))
    check_size(raw)
    if kind in ("zip", "ole2"):
        records, warnings = xlsx.read_rows(raw, MAX_ROWS, MAX_COLUMNS)
        return _table(raw, records, "xlsx", "xlsx", ".", warnings)
    text, encoding = textfile.decode(raw.data, name=raw.name)
    sep = textfile.separator(text[: textfile.HEAD_BYTES])
    records = textfile.records(raw, text, sep, MAX_COLUMNS)
    decimal = "," if sep == ";" else "." if sep == "," else ""
    return _table(raw, records, "csv", encoding, decimal, textfile.note(encoding))


def _names(cells: list[str]) -> list[str]:
    names: list[str] = []
    for i, cell in enumerate(cells):
        name = str(cell).strip() or f"#{i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def _table(raw: RawFile, records: Iterable[list], kind: str, encoding: str, decimal: str, warnings: list) -> Table:
    records = iter(records)
    head = list(itertools.islice(records, 30))
    at = _header_at(head)
    if not head or not any(str(c).strip() for c in head[at]):
        raise ImportProblem(Message("importers.err.empty", {"file": raw.name}))
    names = _names(head[at])
    columns, count = _columns(raw, itertools.chain(head[at + 1 :], records), len(names), at + 2, warnings)
    index = pd.RangeIndex(at + 2, at + 2 + count)
    frame = pd.DataFrame({n: _column(c, index) for n, c in zip(names, columns, strict=True)}, index=index)
    blank = frame.eq("").all(axis=1)
    if blank.sum():
        warnings.append(Message("importers.warn.blank_rows", {"count": int(blank.sum())}))
    frame = frame[~blank]
    totals = _totals(frame)
    for row in totals:
        label = next(v for v in frame.loc[row] if v)
        warnings.append(Message("importers.warn.total_row", {"row": int(row), "label": label}))
    frame = frame.drop(index=totals)
    if frame.empty:
        raise ImportProblem(Message("importers.err.no_rows", {"file": raw.name, "row": at + 1}))
    return Table(frame, kind, encoding, decimal or _decimal_hint(frame), tuple(warnings))


def _columns(raw: RawFile, body: Iterator[list], width: int, first_row: int, warnings: list) -> tuple[list, int]:
    """The body as one pyarrow text array per column, built ~400,000 cells at a time to bound memory."""
    parts: list[list[pa.Array]] = []
    wide: list[int] = []
    count = 0
    while chunk := list(itertools.islice(body, max(100, 400_000 // max(width, 1)))):
        rows = []
        for i, r in enumerate(chunk):
            if len(r) != width:
                if len(r) > width and any(str(c).strip() for c in r[width:]):
                    wide.append(first_row + count + i)
                r = (r + [""] * width)[:width]
            rows.append(r)
        count += len(chunk)
        if count > MAX_ROWS:
            raise ImportProblem(Message("importers.err.too_many_rows", {"file": raw.name, "limit": MAX_ROWS}))
        if count * width > MAX_CELLS:
            params = {"file": raw.name, "row": first_row + count - 1, "limit": MAX_CELLS}
            raise ImportProblem(Message("importers.err.too_many_cells", params))
        grid = np.array(rows, dtype=object).reshape(len(rows), width)
        parts.append([pc.utf8_trim_whitespace(pa.array(grid[:, i], type=pa.large_string())) for i in range(width)])
    if wide:
        warnings.append(Message("importers.warn.ragged", {"count": len(wide), "row": wide[0], "width": width}))
    empty = pa.array([], type=pa.large_string())
    return [pa.concat_arrays([p[i] for p in parts]) if parts else empty for i in range(width)], count


def _column(cells: pa.Array, index: pd.RangeIndex) -> pd.Series:
    """Text cells as a string column (pyarrow builds them ~3x faster than pandas from objects)."""
    return pd.Series(cells, index=index, dtype="str")


def _totals(frame: pd.DataFrame) -> list[int]:
    """Rows whose first filled cell says total and that fill fewer cells than a typical row (Excel sums)."""
    filled = frame.ne("").sum(axis=1)
    sparse = frame[filled < max(filled.median(), 2)]
    if sparse.empty:
        return []
    first = sparse.iloc[:, 0]
    for name in sparse.columns[1:]:
        first = first.where(first.ne(""), sparse[name])
    return list(sparse.index[first.str.match(_TOTAL).astype(bool)])


def _decimal_hint(frame: pd.DataFrame) -> str:
    """For tab-separated text (locale unknown): comma when ``1.234,56``-style numbers are common."""
    sample = frame.head(200).to_numpy(dtype=object).ravel()
    comma = sum(1 for v in sample if re.fullmatch(r"-?[\d.]*\d,\d{1,2}", str(v)))
    point = sum(1 for v in sample if re.fullmatch(r"-?[\d,]*\d\.\d{1,2}", str(v)))
    return "," if comma > point else "."
