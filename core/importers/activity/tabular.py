"""Reading the text tables that platforms export: encodings, separators, header rows, numbers.

Everything is read as text first (``dtype=str``) so that nothing is guessed behind our back
(leading zeros, ``N/A``, ``8,016``); columns are then found by their normalised header, so case,
accents and punctuation in the user's language do not matter.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.importers import textfile
from core.importers.base import ImportProblem

_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)
_EMPTY = {"", "-", "--", "n/a", "na", "null", "none", "nan"}
_GROUPED_EN = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_GROUPED_IT = r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?"
_SPACES = r"[\s\u00a0\u202f']"
_SNIFF_CELLS = 512  # exports have tens of columns; a file with 100,000 is not one of them


def decode(data: bytes) -> str:
    """The text of ``data``, read as every importer reads text (``core.importers.textfile``); bytes that
    are no text come back as Windows-1252 with replacement characters, for the format checks to refuse."""
    try:
        return textfile.decode(data, name="")[0]
    except ImportProblem:
        return data.decode("cp1252", errors="replace")


def normalize(name: object) -> str:
    """A header reduced to lowercase words: accents, punctuation, BOMs and case removed."""
    text = unicodedata.normalize("NFKD", str(name).replace("\ufeff", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def index_of(headers: Iterable[str], *names: str) -> int | None:
    """The position of the first header matching one of ``names`` (tried in order), or None."""
    normalized = [normalize(h) for h in headers]
    for name in names:
        wanted = normalize(name)
        if wanted in normalized:
            return normalized.index(wanted)
    return None


def split_text(text: str) -> tuple[str, list[str]]:
    """``text`` without a leading ``sep=`` line (Excel's hint), and its first lines for sniffing."""
    end = text.find("\n", 0, 4096)
    if _SEP_LINE.match(text[: end if end >= 0 else 4096]):
        text = text[end + 1 :] if end >= 0 else ""
    return text, text[:65536].split("\n", 12)[:12]


def separator(line: str) -> str:
    """The field separator of a header line: the most frequent of , ; and tab outside quotes."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def head_rows(data: bytes, count: int = 3, limit: int = 65536) -> list[list[str]]:
    """The first ``count`` rows of a text table, read cheaply for sniffing (never raises)."""
    try:
        text, lines = split_text(decode(data[:limit]))
        sep = separator(lines[0] if lines else "")
        rows = []
        for row in csv.reader(io.StringIO(text), delimiter=sep):
            rows.append(row[:_SNIFF_CELLS])
            if len(rows) >= count:
                break
        return rows
    except (csv.Error, UnicodeError, IndexError):
        return []


def head_headers(data: bytes) -> list[str]:
    """The normalised header names of a text table's first row."""
    rows = head_rows(data, 1)
    return [normalize(cell) for cell in rows[0]] if rows else []


@dataclass(frozen=True)
class Table:
    """A text table: header names, the data as text, spreadsheet row numbers.

    ``rows`` columns are labelled by their position in the file (only those read, see ``read_table``).
    """

    headers: tuple[str, ...]
    rows: pd.DataFrame
    first_row: int
    ragged: tuple[int, ...] = ()

    def find(self, *names: str) -> int | None:
        return index_of(self.headers, *names)

    def column(self, *names: str) -> pd.Series | None:
        """The text column whose header is one of ``names`` (first match wins), or None."""
        position = self.find(*names)
        return None if position is None else self.rows[position]

    def row_numbers(self, mask: pd.Series | np.ndarray) -> list[int]:
        """Spreadsheet row numbers (header included) of the rows selected by ``mask``."""
        return [int(i) + self.first_row for i in np.flatnonzero(np.asarray(mask))]


def read_table(
    text: str, skip: int = 0, header_rows: int = 1, right: int = 0, only: Iterable[str] | None = None
) -> Table:
    """A text table whose header is at line ``skip``; ``header_rows`` rows are header (names first).

    With ``only`` (header names), just the columns so named are read: big exports carry many
    columns nobody uses. Rows with more fields than the header keep their last ``right`` fields
    under the last ``right`` columns (where the numbers are); the surplus is joined into the
    column before them.
    """
    text, lines = split_text(text)
    line = lines[skip] if len(lines) > skip else ""
    sep = separator(line)
    names = next(csv.reader([line], delimiter=sep), [])
    wanted = {normalize(n) for n in only or ()}
    usecols = [i for i, name in enumerate(names) if normalize(name) in wanted] or None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            skiprows=skip,
            usecols=usecols,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
        )
        ragged: tuple[int, ...] = ()
    except (pd.errors.ParserError, ValueError):
        frame, ragged = _read_ragged(text, sep, skip, right)
        usecols = None
    if frame.empty:
        return Table((), pd.DataFrame(), skip + header_rows + 1)
    headers = tuple(names) if usecols else tuple(str(h) for h in frame.iloc[0].tolist())
    body = frame.iloc[header_rows:].reset_index(drop=True)  # columns keep their positions in the file
    return Table(headers, body.fillna(""), skip + header_rows + 1, ragged)


def _read_ragged(text: str, sep: str, skip: int, right: int) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """Rows of unequal length made as wide as the header (see ``read_table``), and the long ones' numbers."""
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=sep) if row][skip:]
    if not rows:
        return pd.DataFrame(), ()
    width = len(rows[0])
    left = max(width - right, 1)
    ragged, fixed = [], []
    for index, row in enumerate(rows):
        if len(row) > width:
            ragged.append(skip + index + 1)
            surplus = len(row) - width
            joined = sep.join(row[left - 1 : left + surplus]).strip(sep + " ")
            row = row[: left - 1] + [joined] + row[left + surplus :]
        fixed.append(row + [""] * (width - len(row)))
    return pd.DataFrame(fixed, dtype=str), tuple(ragged)


def to_number(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Counts as floats (``8,016``, ``1.234``, ``12``, ``N/A``) and a mask of cells that were not numbers.

    Each distinct cell is parsed once: exports repeat the same counts many times.
    """
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    numbers, bad = _parse_numbers(pd.Series(uniques, dtype=object))
    missing = codes < 0
    picked = np.where(missing, 0, codes)
    result = (
        np.where(missing, np.nan, numbers.to_numpy(dtype=float)[picked])
        if len(uniques)
        else np.full(len(codes), np.nan)
    )
    flagged = np.where(missing, False, bad.to_numpy(dtype=bool)[picked]) if len(uniques) else np.zeros(len(codes), bool)
    return pd.Series(result, index=values.index, dtype=float), pd.Series(flagged, index=values.index, dtype=bool)


def _parse_numbers(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    is_number = cells.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool)).astype(bool)
    numbers = pd.to_numeric(cells.where(is_number), errors="coerce").astype(float)
    text = cells.where(~is_number, "").astype(str).str.strip()
    empty = text.str.lower().isin(_EMPTY) & ~is_number
    cleaned = text.str.replace(_SPACES, "", regex=True).str.rstrip("%")
    english = cleaned.str.fullmatch(_GROUPED_EN)
    italian = cleaned.str.fullmatch(_GROUPED_IT) & ~english
    cleaned = cleaned.where(~english, cleaned.str.replace(",", "", regex=False))
    cleaned = cleaned.where(~italian, cleaned.str.replace(".", "", regex=False))
    cleaned = cleaned.str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(cleaned.where(~empty & ~is_number), errors="coerce").astype(float)
    return numbers.where(is_number, parsed), ~empty & ~is_number & parsed.isna()


def first_match(rows: list[list[str]], test: Callable[[list[str]], bool], limit: int = 10) -> int | None:
    """The index of the first of ``rows`` (up to ``limit``) that passes ``test``."""
    for index, row in enumerate(rows[:limit]):
        if test(row):
            return index
    return None
