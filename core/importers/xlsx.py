"""Reading XLSX workbooks without letting a hostile one stall or flood the process.

Before openpyxl parses anything the package is checked: macros (``vbaProject.bin``) and XML
``<!DOCTYPE``/``<!ENTITY`` declarations are refused, and every XML part is stream-decompressed to
count the worksheets' rows and cells, because a 150 KB XLSX can expand to 500,000 rows (59 s to read
with pandas, see shared/notes/reliability.md) and its ``<dimension>`` may be missing or lie. The same
pass bounds what openpyxl would otherwise parse whole: each part's size (``MAX_SHEET_PART`` for
worksheets and shared strings, ``MAX_OTHER_PART`` for styles, themes and the rest) and the longest
run of text between two tags (``MAX_TEXT_RUN``, the CSV reader's longest cell): a 240 MB cell, a
250 MB comment in the styles or 250 MB of blanks in a sheet are refused within a second. Only then
is the workbook opened with openpyxl in read-only mode, protected by defusedxml.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
import weakref
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np

from core.i18n import Message
from core.importers.base import ImportProblem, RawFile

MAX_MEMBERS = 2_000
MAX_UNZIPPED = 256 * 2**20  # bytes of all parts together
MAX_SHARED_STRINGS = 64 * 2**20  # bytes: openpyxl keeps every shared string in memory
# openpyxl reads 35,000-50,000 text cells/s on a 2-core VM (300,000 inline strings: 6.8-8.7 s of CPU): 120,000
# cells stay near 3.5 s, under the 5 s a hostile file may take (tests/hostile/test_files.py); larger: CSV
MAX_CELLS = 120_000
SLACK_ROWS = 30  # title and header rows allowed above ``max_rows`` data rows
MAX_TABLE_CELLS = 4_000_000  # rows x columns once read, empty cells included (as tabular.MAX_CELLS)
MAX_SHEET_PART = 32 * 2**20  # a worksheet's XML: MAX_CELLS cells of ~60 bytes is 7 MB; bounds the parse before counting
MAX_OTHER_PART = 16 * 2**20  # styles, themes, the workbook, relationships: kilobytes in real files
MAX_TEXT_RUN = 131_072  # bytes of text between two tags: as csv.field_size_limit(), a cell's longest text
MAX_TEXT = 16 * 2**20  # bytes of text in all parts: 600,000 cells of 27 characters; held 3-4 times once read
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
# What reading a damaged or exotic zip member raises (bad CRC, truncated, unsupported compression).
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError, ValueError)
_DECLARATION = re.compile(rb"(?i)<!(doctype|entity)")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\s[^>]*?\br="(\d{1,12})"')
_SHEET_OR_STRINGS = re.compile(rb"<(?:\w+:)?(worksheet|sst|chartsheet|dialogsheet)[\s>/]")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"')


def _problem(key: str, raw: RawFile, **params: object) -> ImportProblem:
    return ImportProblem(Message(f"importers.err.{key}", {"file": raw.name, **params}))


def _open(raw: RawFile) -> zipfile.ZipFile:
    """The package, checked: refuses anything that is not a plain XLSX workbook of bounded size."""
    if raw.data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _problem("xlsx_encrypted" if _ENCRYPTED in raw.data else "xls_old", raw)
    try:
        package = zipfile.ZipFile(io.BytesIO(raw.data))
        infos = package.infolist()
    except _BROKEN_ZIP as exc:
        raise _problem("xlsx_damaged", raw) from exc
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            raise _problem("xlsb", raw)
        if "content.xml" in names and "mimetype" in names:
            raise _problem("ods", raw)
        raise _problem("zip_other", raw)
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNZIPPED:
        raise _problem("xlsx_too_big", raw, part="*", size=sum(i.file_size for i in infos) // 2**20)
    strings = next((i for i in infos if i.filename == "xl/sharedStrings.xml"), None)
    if strings is not None and strings.file_size > MAX_SHARED_STRINGS:
        raise _problem("xlsx_too_big", raw, part=strings.filename, size=strings.file_size // 2**20)
    try:
        types = _head(package, "[Content_Types].xml", 2**20) if "[Content_Types].xml" in names else b""
        if "xl/vbaProject.bin" in names or b"macroEnabled" in types:
            raise _problem("xlsx_macros", raw)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and _DECLARATION.search(_head(package, info, 4096)):
                raise _problem("xlsx_entities", raw, part=info.filename)
    except _BROKEN_ZIP as exc:
        raise _problem("xlsx_damaged", raw) from exc
    return package


def _head(package: zipfile.ZipFile, member: str | zipfile.ZipInfo, size: int) -> bytes:
    with package.open(member) as part:
        return part.read(size)


@dataclass
class _Scan:
    """What streaming a package's parts has found so far: text bytes, and whether a part ended inside a tag."""

    text: int = 0
    inside: bool = False


def _text_bytes(data: np.ndarray, scan: _Scan) -> int:
    """Bytes of ``data`` outside tags (cell text, and blanks between tags), carrying the state across chunks."""
    opens = (data == 60).astype(np.int32)
    closes = np.zeros(len(data), dtype=np.int32)
    closes[1:] = data[:-1] == 62  # the ">" itself is still inside the tag
    inside = np.clip(int(scan.inside) + np.cumsum(opens - closes), 0, 1)
    scan.inside = bool(inside[-1]) and data[-1] != 62 if len(data) else scan.inside
    return int(len(data) - inside.sum())


def _tally(
    part, patterns: tuple[re.Pattern, ...], first: bytes, raw: RawFile, name: str, limit: int, scan: _Scan
) -> tuple[list[int], int]:
    """How often each pattern occurs in a zip member, read 1 MB at a time (``first`` already read),
    and the highest row number (``<row r="...">``) seen. Refuses the part as soon as it passes
    ``limit`` bytes or holds a run of more than ``MAX_TEXT_RUN`` bytes with no tag, and the package as
    soon as its parts hold more than ``MAX_TEXT`` bytes of text."""
    counts, last_row, tail, chunk, size, run = [0] * len(patterns), 0, b"", first, 0, 0
    scan.inside = False
    while chunk:
        size += len(chunk)
        if size > limit:
            raise _problem("xlsx_too_big", raw, part=name, size=-(-size // 2**20))
        data = np.frombuffer(chunk, dtype=np.uint8)
        tags = np.flatnonzero(data == 60)  # every "<"
        if len(tags):
            longest = max(run + int(tags[0]), int(np.diff(tags).max(initial=1)) - 1)
            run = len(chunk) - int(tags[-1]) - 1
        else:
            longest, run = run + len(chunk), run + len(chunk)
        if max(longest, run) > MAX_TEXT_RUN:
            raise _problem("xlsx_long_text", raw, part=name, limit=MAX_TEXT_RUN)
        scan.text += _text_bytes(data, scan)
        if scan.text > MAX_TEXT:
            raise _problem("xlsx_too_much_text", raw, part=name, mb=MAX_TEXT // 2**20)
        block = tail + chunk
        tail = block[-64:]  # a tag across the boundary is counted with the next block
        for i, pattern in enumerate(patterns):
            counts[i] += len(pattern.findall(block)) - len(pattern.findall(tail))
        last_row = max([last_row, *map(int, _ROW_NUMBER.findall(block))])
        chunk = part.read(2**20)
    return [n + len(p.findall(tail)) for n, p in zip(counts, patterns, strict=True)], last_row


def _count(package: zipfile.ZipFile, raw: RawFile, max_rows: int) -> None:
    """Counts rows and cells of every XML part by streaming it, before openpyxl sees any: a sheet
    may live anywhere in the package, and its ``<dimension>`` may be missing or lie. Shared strings
    are counted too: openpyxl keeps them all in memory. Every part is bounded in size and text runs."""
    cells, scan = 0, _Scan()
    for info in package.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with package.open(info) as part:
            first = part.read(4096)
            # Styles, themes and the rest are small in real files; a part may still hold rows wherever
            # it sits, so every XML part is counted, only its size limit depends on what it says it is.
            limit = MAX_SHEET_PART if _SHEET_OR_STRINGS.search(first) else MAX_OTHER_PART
            if not info.filename.endswith(".xml"):
                _tally(part, (), first, raw, info.filename, MAX_OTHER_PART, scan)
                continue
            if info.filename == "xl/sharedStrings.xml":
                (strings,), _ = _tally(part, (_STRING,), first, raw, info.filename, limit, scan)
                if strings > MAX_CELLS:
                    raise _problem("xlsx_too_many_cells", raw, part=info.filename, count=strings, limit=MAX_CELLS)
                continue
            declared = _DIMENSION.search(first)
            if declared and int(declared[1]) > max_rows + SLACK_ROWS:  # said by the sheet itself: refuse now
                raise _problem("too_many_rows", raw, limit=max_rows)
            (rows, found), last_row = _tally(part, (_ROW, _CELL), first, raw, info.filename, limit, scan)
        cells += found
        if max(rows, last_row) > max_rows + SLACK_ROWS:  # skipped row numbers come out as empty rows
            raise _problem("too_many_rows", raw, limit=max_rows)
        if cells > MAX_CELLS:
            raise _problem("xlsx_too_many_cells", raw, part=info.filename, count=cells, limit=MAX_CELLS)


# The formats' sniffers and the parser each open the same upload; the check streams every part, so
# it is done once per RawFile object (entries live as long as the object, and hold nothing of it).
_CHECKED: weakref.WeakKeyDictionary[RawFile, int] = weakref.WeakKeyDictionary()


def check(raw: RawFile, max_rows: int) -> None:
    """Refuses a hostile or oversized workbook before anything parses it (raises ``ImportProblem``)."""
    try:
        if _CHECKED.get(raw, -1) >= max_rows:
            return
    except TypeError:  # not weak-referenceable: checked every time
        pass
    package = _open(raw)
    try:
        _count(package, raw, max_rows)
    except _BROKEN_ZIP as exc:
        raise _problem("xlsx_damaged", raw) from exc
    try:
        _CHECKED[raw] = max_rows
    except TypeError:
        pass


_LOADING = threading.Lock()


def load(data: bytes):
    """The workbook opened read-only by openpyxl, without the pass that only measures each sheet.

    openpyxl's read-only sheets look for their ``<dimension>`` when the workbook is opened, and
    without one parse the whole sheet to find out (a third of the time of a large import); Rotta
    counts rows itself and resets the dimensions, so that pass is skipped while the workbook opens
    (under a lock: the switch is on openpyxl's class).
    """
    from openpyxl import load_workbook
    from openpyxl.worksheet import _read_only

    with _LOADING:
        measure = _read_only.ReadOnlyWorksheet._get_size
        _read_only.ReadOnlyWorksheet._get_size = lambda self: None
        try:
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        finally:
            _read_only.ReadOnlyWorksheet._get_size = measure


def is_workbook(data: bytes) -> bool:
    """Whether the bytes are an OOXML spreadsheet package (they may still be hostile)."""
    try:
        return "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _workbook(raw: RawFile, max_rows: int):
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # openpyxl only guards against entity attacks through defusedxml
        raise _problem("xlsx_unprotected", raw)
    check(raw, max_rows)
    try:
        return load(raw.data)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, TypeError...) on damaged parts
        raise _failure(raw, exc) from exc


def _failure(raw: RawFile, exc: Exception) -> ImportProblem:
    """What an exception from openpyxl means for the user: an entity attack or a damaged file."""
    cause: BaseException | None = exc
    for _ in range(8):  # openpyxl wraps defusedxml's exception in a ValueError
        if cause is None:
            break
        if type(cause).__module__.startswith("defusedxml"):
            return _problem("xlsx_entities", raw, part="xl/worksheets")
        cause = cause.__cause__ or cause.__context__
    return _problem("xlsx_damaged", raw)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _sheet(workbook, raw: RawFile):
    """The active sheet when it holds a table, else the first one that does."""
    sheets = workbook.worksheets
    if workbook.active in sheets:
        sheets = [workbook.active, *sheets]
    for sheet in sheets:
        for row in sheet.iter_rows(max_row=30, max_col=50, values_only=True):
            if sum(1 for v in row if v not in (None, "")) >= 2:
                return sheet
    raise _problem("empty", raw)


def _trimmed(row: tuple) -> list[str]:
    cells = [_text(v) for v in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _rows(raw: RawFile, max_rows: int, max_columns: int, limit: int | None) -> tuple[list[list[str]], list[Message]]:
    workbook = _workbook(raw, max_rows)
    try:
        sheet = _sheet(workbook, raw)
        # openpyxl pads every row to the <dimension> (which may lie) and yields an empty row for each
        # row number skipped: read as wide as the first rows, and count what comes out.
        sheet.reset_dimensions()
        head = [_trimmed(r) for r in sheet.iter_rows(max_row=30, max_col=max_columns, values_only=True)]
        width = max((len(r) for r in head), default=1) or 1
        records: list[list[str]] = []
        for row in sheet.iter_rows(max_row=limit, max_col=width, values_only=True):
            records.append(_trimmed(row))
            if len(records) > max_rows + SLACK_ROWS:
                raise _problem("too_many_rows", raw, limit=max_rows)
            if len(records) * width > MAX_TABLE_CELLS:
                raise _problem("too_many_cells", raw, row=len(records), limit=MAX_TABLE_CELLS)
        warnings = []
        if len(workbook.sheetnames) > 1:
            params = {"sheet": sheet.title, "count": len(workbook.sheetnames)}
            warnings.append(Message("importers.warn.sheet_chosen", params))
        return records, warnings
    except ImportProblem:
        raise
    except Exception as exc:  # sheets are parsed lazily, so defusedxml may object only now
        raise _failure(raw, exc) from exc
    finally:
        workbook.close()


def read_rows(raw: RawFile, max_rows: int, max_columns: int) -> tuple[list[list[str]], list[Message]]:
    """Every row of the chosen sheet as text cells, plus warnings; raises ``ImportProblem``."""
    return _rows(raw, max_rows, max_columns, None)


def head_rows(raw: RawFile, max_rows: int, max_columns: int, rows: int = 30) -> list[list[str]]:
    """The first rows of the chosen sheet (for recognising a format), after the same checks."""
    return _rows(raw, max_rows, max_columns, rows)[0]
