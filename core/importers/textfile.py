"""Text exports: which encoding, which separator, and their records one by one, within bounds.

UTF-8 with or without BOM, UTF-16 and UTF-32 (with or without BOM), Windows-1252 (never latin-1:
that corrupts ``€`` and curly quotes); ``,`` ``;`` tab or ``|`` separators and Excel's ``sep=;``
first line. A byte-order mark is believed only when the text behind it decodes: Windows-1252 or
latin-1 text behind a UTF-8 mark is read as Windows-1252 and said (``note``). Text that is neither
valid UTF-8 nor plausible Windows-1252 (charset-normalizer judges, limited to that encoding: left
free it takes Italian for Central European) is refused, as are bytes that are no text at all (an
image, a PDF), rather than read as garbage.
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
MAX_CHAOS = 0.1  # charset-normalizer's "mess" of Windows-1252 text: 0 for Italian lists, 0.11 for Greek read so
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


UTF8_DAMAGED = "utf-8-damaged"  # UTF-8 with a few bytes that are not: those shown as �, and said
CP1252_BEHIND_BOM = "cp1252-behind-utf-8-bom"  # a UTF-8 mark in front of Windows-1252 text, and said
_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _refuse(key: str, name: str, **params: object) -> ImportProblem:
    return ImportProblem(Message(f"importers.err.{key}", {"file": name, **params}))


def _zeros(sample: bytes, width: int, at: int) -> bool:
    """Whether ``sample`` looks like UTF-16/32 text: byte ``at`` of each ``width``-byte unit set, the others zero."""
    units = len(sample) // width
    if units < 2:
        return False
    columns = [sample[i::width][:units] for i in range(width)]
    return all(c.count(0) > 0.6 * units for i, c in enumerate(columns) if i != at) and columns[at].count(0) < units // 2


def _wide(data: bytes, errors: str) -> tuple[str, str] | None:
    """UTF-32 and UTF-16 by their BOM or, without one, by their zero bytes."""
    for bom, codec, label in (
        (codecs.BOM_UTF32_LE, "utf-32", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
    ):  # fmt: skip
        if data.startswith(bom):
            return data.decode(codec, errors), label
    sample = data[:4096]
    for width, at, codec in ((4, 0, "utf-32-le"), (4, 3, "utf-32-be"), (2, 0, "utf-16-le"), (2, 1, "utf-16-be")):
        if _zeros(sample[: len(sample) - len(sample) % width], width, at):
            return data.decode(codec, errors), codec[:6]
    return None


def _single_byte(data: bytes, head: bool, name: str, behind_bom: bool) -> tuple[str, str]:
    """Text that is not UTF-8: mostly UTF-8 with a few broken bytes, else Windows-1252 if it reads as text."""
    multibyte = sum(len(m) for m in _MULTIBYTE.findall(data[:HEAD_BYTES]))
    broken = data[:HEAD_BYTES].decode("utf-8", errors="replace").count("\ufffd")
    if not behind_bom and multibyte and broken * 2 <= multibyte:  # a few bad bytes among real UTF-8 letters
        return data.decode("utf-8", errors="replace"), UTF8_DAMAGED
    if not head:
        import charset_normalizer  # only for files that need it: it takes a moment to load

        found = charset_normalizer.from_bytes(data[:HEAD_BYTES], cp_isolation=["cp1252"], threshold=MAX_CHAOS).best()
        if found is None:
            raise _refuse("encoding", name)
    return data.decode("cp1252", errors="replace"), CP1252_BEHIND_BOM if behind_bom else "cp1252"


def decode(data: bytes, head: bool = False, name: str = "") -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in; raises ``ImportProblem`` for what is no text.

    ``head``: ``data`` is the start of a file (a multi-byte character may be cut at its end).
    """
    errors = "ignore" if head else "replace"  # a head may end inside a character
    wide = _wide(data, errors)
    if wide is not None:
        text, encoding = wide
    elif b"\x00" in data:
        raise _refuse("binary", name, offset=data.index(b"\x00"))
    else:
        behind_bom = data.startswith(codecs.BOM_UTF8)
        body = data[3:] if behind_bom else data
        try:
            text, encoding = body.decode("utf-8"), "utf-8-sig" if behind_bom else "utf-8"
        except UnicodeDecodeError as exc:
            if head and exc.start >= len(body) - 3:
                text, encoding = body[: exc.start].decode("utf-8"), "utf-8-sig" if behind_bom else "utf-8"
            else:
                text, encoding = _single_byte(body, head, name, behind_bom)
    controls = sum(1 for ch in text[:HEAD_BYTES] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(8, len(text[:HEAD_BYTES]) // 100):
        offset = next(i for i, ch in enumerate(text) if ord(ch) < 32 and ch not in "\t\r\n\f")
        raise _refuse("binary", name, offset=offset)
    return text, encoding


def note(encoding: str) -> list[Message]:
    """What the reader must know about how the text was read (nothing for the usual encodings)."""
    if encoding == CP1252_BEHIND_BOM:
        return [Message("importers.warn.encoding_behind_bom", {})]
    if encoding == UTF8_DAMAGED:
        return [Message("importers.warn.encoding_damaged", {})]
    return []


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
