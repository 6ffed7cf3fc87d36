"""Reading spreadsheet workbooks (``.xls`` with xlrd, ``.xlsx`` with openpyxl) as rows of cells.

Cells come back as ``str``, ``float`` or ``datetime.datetime``; empty cells as ``""``. Only the
first ``limit`` rows of each sheet are read when sniffing, so recognising a file stays cheap.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from collections.abc import Iterator

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

Rows = list[list[object]]


def is_workbook(data: bytes) -> bool:
    return data.startswith((OLE2, ZIP))


def xlsx_text_head(data: bytes, limit: int = 262_144) -> str:
    """The text at the start of an .xlsx's shared strings and sheets, tags removed ("" when unreadable).

    Enough to recognise a header without openpyxl, which may read a whole sheet (26 MB of XML for a
    500,000-row file) before giving its first row.
    """
    parts = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = [n for n in package.namelist() if n == "xl/sharedStrings.xml" or n.startswith("xl/worksheets/")]
            for name in names[:12]:
                with package.open(name) as part:
                    parts.append(part.read(limit).decode("utf-8", errors="replace"))
    except Exception:  # damaged, encrypted or not a zip: nothing to recognise
        return ""
    return html.unescape(re.sub(r"<[^>]*>", " ", " ".join(parts)))


def sheets(data: bytes, limit: int | None = None) -> Iterator[tuple[str, Rows]]:
    """(name, rows) for every sheet; raises ValueError when the bytes are not a readable workbook."""
    if data.startswith(OLE2):
        yield from _xls(data, limit)
    elif data.startswith(ZIP):
        yield from _xlsx(data, limit)
    else:
        raise ValueError("not a workbook")


def _xls(data: bytes, limit: int | None) -> Iterator[tuple[str, Rows]]:
    import xlrd

    try:
        # xlrd reports damage on a log (stdout by default) and raises assorted errors: all become ValueError.
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            count = sheet.nrows if limit is None else min(limit, sheet.nrows)
            yield (
                sheet.name,
                [[_xls_cell(cell, book.datemode) for cell in sheet.row(r)] for r in range(count)],
            )
    except ValueError:
        raise
    except Exception as error:
        raise ValueError(f"{type(error).__name__}: {error}") from error


def _xls_cell(cell: object, datemode: int) -> object:
    import xlrd

    kind, value = cell.ctype, cell.value  # type: ignore[attr-defined]
    if kind == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(value, datemode)
    if kind in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_BOOLEAN):
        return float(value)
    return value if kind == xlrd.XL_CELL_TEXT else ""


def _xlsx(data: bytes, limit: int | None) -> Iterator[tuple[str, Rows]]:
    from core.importers import xlsx

    try:
        book = xlsx.load(data)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign zip
        raise ValueError(f"{type(error).__name__}: {error}") from error
    try:
        for sheet in book.worksheets:
            rows = [[_cell(v) for v in values] for values in sheet.iter_rows(values_only=True, max_row=limit)]
            yield sheet.title, rows
    except Exception as error:
        raise ValueError(f"{type(error).__name__}: {error}") from error
    finally:
        book.close()


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | str):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float):
        return float(value)
    return str(value)
