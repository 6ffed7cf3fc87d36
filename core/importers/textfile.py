"""Text exports: which encoding, which separator, and their records one by one, within bounds.

UTF-8 with or without BOM, UTF-16 ("Unicode text" from Excel, with or without BOM), Windows-1252
(never latin-1: that corrupts ``€`` and curly quotes); ``,`` ``;`` tab or ``|`` separators and
Excel's ``sep=;`` first line. Bytes that are no text at all (an image, a PDF) are refused here.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterator

from core.i18n import Message
from core.importers.base import ImportProblem, RawFile

HEAD_BYTES = 65_536
_SEPARATORS = (",", ";", "\t", "|")
_SEP_LINE = re.compile(r"\ufeff?sep=(.)\r?\n")


def content_kind(data: bytes) -> str:
    """``empty``, ``zip``, ``ole2`` (old .xls or an encrypted Office file), ``text`` or ``binary``."""
    if not data or data.isspace():  # no copy: a file near the size limit must not be held twice
        return "empty"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    try:
        decode(data[:HEAD_BYTES], head=True)
    except ImportProblem:
        return "binary"
    return "text"


def decode(data: bytes, head: bool = False, name: str = "") -> tuple[str, str]:
    errors = "ignore" if head else "replace"  # a head may end inside a character
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors), "utf-16"
    sample = data[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > 0.4 * len(sample) / 2 and sample[0::2].count(0) == 0:
        return data.decode("utf-16-le", errors), "utf-16"
    if len(sample) >= 4 and sample[0::2].count(0) > 0.4 * len(sample) / 2 and sample[1::2].count(0) == 0:
        return data.decode("utf-16-be", errors), "utf-16"
    if b"\x00" in data:
        raise ImportProblem(Message("importers.err.binary", {"file": name, "offset": data.index(b"\x00")}))
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if head and exc.start >= len(data) - 3:
            text, encoding = data[: exc.start].decode("utf-8"), "utf-8"
        else:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    controls = sum(1 for ch in text[:HEAD_BYTES] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(8, len(text[:HEAD_BYTES]) // 100):
        offset = next(i for i, ch in enumerate(text) if ord(ch) < 32 and ch not in "\t\r\n\f")
        raise ImportProblem(Message("importers.err.binary", {"file": name, "offset": offset}))
    return text, encoding


def separator(head: str) -> str:
    """The separator that splits the first lines into the most rows of one width (> 1)."""
    if match := _SEP_LINE.match(head):
        return match[1]
    best, best_score = ",", (0, 0)
    for sep in _SEPARATORS:
        widths: list[int] = []
        try:
            for record in csv.reader(io.StringIO(head, newline=""), delimiter=sep):
                if any(cell.strip() for cell in record):
                    widths.append(len(record))
                if len(widths) >= 50:
                    break
        except csv.Error:
            pass
        if widths:
            width, count = Counter(widths).most_common(1)[0]
            score = (count, width) if width > 1 else (0, 0)
            if score > best_score:
                best, best_score = sep, score
    return best


def records(raw: RawFile, text: str, sep: str, max_columns: int) -> Iterator[list[str]]:
    """The records of the text, one by one (a spreadsheet's row numbering kept: ``sep=`` counts)."""
    row = 0
    if _SEP_LINE.match(text):
        text = text[text.index("\n") + 1 :]
        row += 1
        yield []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        for record in reader:
            row += 1
            if len(record) > max_columns:
                params = {"file": raw.name, "row": row, "count": len(record), "limit": max_columns}
                raise ImportProblem(Message("importers.err.too_many_columns", params))
            yield record
    except csv.Error as exc:
        params = {"file": raw.name, "row": row + 1}
        if "field limit" in str(exc):
            params["limit"] = csv.field_size_limit()
            raise ImportProblem(Message("importers.err.cell_too_long", params)) from exc
        raise ImportProblem(Message("importers.err.malformed", params)) from exc
