"""Turning spreadsheet text into typed values: numbers, dates, postcodes, ids.

Everything works on pandas Series of text (as read by ``tabular``) and parses each distinct value
once, so a 100,000-row column with a few hundred distinct towns or dates stays fast. A value that
cannot be read is reported as ``Bad`` (how many, an example and the spreadsheet row of the first),
never silently turned into zero.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_MONEY_JUNK_RE2 = "[\\s\u00a0\u202f€$£'’]|(?i:euro?)"  # also valid for pyarrow's RE2
_MONEY_JUNK = re.compile(_MONEY_JUNK_RE2)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ,].*)?")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[T ,].*)?")
_WORDY = re.compile(r"(?:(\d{1,2})\s+([^\W\d_]+)\.?|([^\W\d_]+)\.?\s+(\d{1,2}))\s*,?\s+(\d{4})(?:[T ,].*)?")
_SERIAL = re.compile(r"\d{5}(\.\d+)?")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "gen gennaio jan january",
            "feb febbraio february",
            "mar marzo march",
            "apr aprile april",
            "mag maggio may",
            "giu giugno jun june",
            "lug luglio jul july",
            "ago agosto aug august",
            "set sett settembre sep sept september",
            "ott ottobre oct october",
            "nov novembre november",
            "dic dicembre dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class Bad:
    """Values of one column that could not be read."""

    count: int
    example: str
    row: int  # spreadsheet row of the first one


def key(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: ``"Città / Comune"`` -> ``"citta comune"``."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", ascii_text.lower()).strip()


_FAIL = object()  # what a parser returns for text it cannot read (empty text gives NaN / NaT)


def _bad(values: pd.Series, failed: pd.Series) -> Bad | None:
    if not failed.any():
        return None
    first = failed.idxmax()
    return Bad(int(failed.sum()), str(values[first]), int(first))


def _by_distinct(values: pd.Series, parse) -> tuple[pd.Series, Bad | None]:
    """``values.map(parse)`` with unreadable values as None, calling ``parse`` once per distinct value."""
    codes, uniques = pd.factorize(values.fillna(""))
    results = [parse(str(u).strip()) for u in uniques]
    failed = np.array([r is _FAIL for r in results] + [False], dtype=bool)[codes]
    parsed = np.array([None if r is _FAIL else r for r in results] + [None], dtype=object)[codes]
    return pd.Series(parsed, index=values.index, dtype=object), _bad(values, pd.Series(failed, index=values.index))


# ---- numbers --------------------------------------------------------------------------------------


def decimal_mark(values: pd.Series, hint: str) -> str:
    """``","`` or ``"."``: the decimal mark these numbers use, or ``hint`` when none of them says.

    ``1.020,50`` and ``529,68`` say comma; ``2221.83`` says point; ``1.234`` could be either.
    """
    for text in pd.unique(values.to_numpy(dtype=object)):
        text = _MONEY_JUNK.sub("", str(text))
        comma, point = text.rfind(","), text.rfind(".")
        if comma >= 0 and point >= 0:
            return "," if comma > point else "."
        mark = "," if comma >= 0 else "." if point >= 0 else ""
        if not mark or _SCIENTIFIC.match(text):
            continue
        if text.count(mark) > 1:  # 1.234.567: repeated, so a thousands separator
            return "." if mark == "," else ","
        if len(text) - text.rfind(mark) - 1 != 3:  # 529,68 or 0.5: not a thousands group
            return mark
    return hint


def numbers(values: pd.Series, hint: str = ".") -> tuple[pd.Series, Bad | None]:
    """Floats from text such as ``1.020,50``, ``€ 75,45``, ``(12.00)``, ``2221.83``; empty cells are NaN."""
    mark = decimal_mark(values, hint)
    text = values.fillna("").astype("str").str.replace(_MONEY_JUNK_RE2, "", regex=True)
    negative = text.str.startswith("(") & text.str.endswith(")")
    text = text.str.strip("()")
    if mark == ",":
        plain = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        plain = text.str.replace(",", "", regex=False)
    scientific = text.str.fullmatch(_SCIENTIFIC.pattern.strip("^$")).astype(bool)  # 7,46555E+12
    plain = plain.where(~scientific, text.str.replace(",", ".", regex=False))
    readable = plain.str.fullmatch(_NUMBER.pattern).astype(bool)
    parsed = pd.to_numeric(plain.where(readable, ""), errors="coerce").astype(float)
    parsed = parsed.where(~negative, -parsed)
    return parsed, _bad(values, ~readable & text.ne(""))


# ---- dates ----------------------------------------------------------------------------------------


def day_first(values: pd.Series, hint: bool = True) -> bool:
    """Whether ``03/04/2024``-style dates put the day first: a 13..31 in either place decides."""
    month_first = False
    for text in pd.unique(values.to_numpy(dtype=object)):
        match = _DMY.fullmatch(str(text))
        if match:
            first, second = int(match[1]), int(match[2])
            if first > 12:
                return True
            month_first = month_first or second > 12
    return False if month_first else hint


def _date(text: str, dayfirst: bool) -> object:
    if not text:
        return pd.NaT
    try:
        if match := _ISO.fullmatch(text) or _YMD.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.fullmatch(text):
            a, b, year = int(match[1]), int(match[2]), int(match[3])
            year = year + (2000 if year < 70 else 1900) if len(match[3]) == 2 else year
            return dt.date(year, b, a) if dayfirst else dt.date(year, a, b)
        if match := _WORDY.fullmatch(text):
            day = int(match[1] or match[4])
            month = _MONTHS.get(key(match[2] or match[3]))
            return dt.date(int(match[5]), month, day) if month else _FAIL
        if _SERIAL.fullmatch(text) and 25_000 < float(text) < 75_000:  # Excel day numbers, 1968..2105
            return _EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    except ValueError:  # 31/02/2024
        return _FAIL
    return _FAIL


def dates(values: pd.Series, dayfirst_hint: bool = True) -> tuple[pd.Series, Bad | None]:
    """Dates (datetime64, time of day dropped) from ISO, dd/mm/yyyy, ``3 aprile 2024`` or Excel day numbers."""
    dayfirst = day_first(values, dayfirst_hint)
    parsed, bad = _by_distinct(values, lambda text: _date(text, dayfirst))
    return pd.to_datetime(parsed, errors="coerce").astype("datetime64[ns]"), bad


# ---- identities and places --------------------------------------------------------------------------


def is_scientific(text: str) -> bool:
    """``7,46555E+12``: a long number Excel shortened, its digits lost."""
    return bool(_SCIENTIFIC.match(text))


def source_ids(values: pd.Series) -> tuple[pd.Series, int]:
    """Ids as text without Shopify's protective apostrophe; ids Excel shortened become "" (counted)."""
    ids = values.astype(str).str.strip().str.lstrip("'").str.strip()
    ids = ids.str.replace(r"\.0$", "", regex=True)  # 7227636590802.0 from a float cell
    shortened = ids.map(is_scientific).astype(bool)
    return ids.where(~shortened, ""), int(shortened.sum())


def postcodes(values: pd.Series, country: pd.Series) -> tuple[pd.Series, int]:
    """Postcodes as text; Italian ones that lost leading zeros (``6012``, ``184``) padded to 5 digits."""
    text = values.astype(str).str.strip().str.lstrip("'").str.upper()
    text = text.str.replace(r"\.0$", "", regex=True)
    italian = country.eq("IT")
    text = text.where(~italian, text.str.replace(r"^I(T)?[- ]?(?=\d)", "", regex=True))
    short = italian & text.str.fullmatch(r"\d{1,4}").astype(bool)
    return text.where(~short, text.str.zfill(5)), int(short.sum())
