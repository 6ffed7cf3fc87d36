"""Dates in platform exports: strict formats, month names in two languages, time zones, missing years."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers.base import ImportProblem, Span

ROME = "Europe/Rome"
PACIFIC = "America/Los_Angeles"

_MONTHS = {
    "jan": ("january", "gennaio", "gen"),
    "feb": ("february", "febbraio"),
    "mar": ("march", "marzo"),
    "apr": ("april", "aprile"),
    "may": ("maggio", "mag"),
    "jun": ("june", "giugno", "giu"),
    "jul": ("july", "luglio", "lug"),
    "aug": ("august", "agosto", "ago"),
    "sep": ("september", "sept", "settembre", "set"),
    "oct": ("october", "ottobre", "ott"),
    "nov": ("november", "novembre"),
    "dec": ("december", "dicembre", "dic"),
}
_MONTH_WORD = {word: abbr for abbr, words in _MONTHS.items() for word in (abbr, *words)}
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(_MONTH_WORD, key=len, reverse=True)) + r")\b\.?", re.I)
_WEEKDAY_PREFIX = re.compile(r"^\s*[^\W\d]+\.?,\s*")


def english_months(values: pd.Series) -> pd.Series:
    """Text dates with English three-letter months (``31 agosto`` -> ``31 aug``), weekday prefix dropped."""
    text = values.astype(str).str.strip().str.replace(_WEEKDAY_PREFIX, "", regex=True)
    return text.str.replace(_MONTH_RE, lambda m: _MONTH_WORD[m.group(1).lower()], regex=True)


def parse(
    values: pd.Series,
    column: str,
    expected: str,
    formats: Sequence[Sequence[str]],
    utc: bool = False,
    shown: pd.Series | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Naive datetimes (or UTC ones when ``utc``) and the mask of empty cells.

    ``formats`` is a list of alternatives, each a list of formats tried cell by cell; the first
    alternative that reads every non-empty cell wins, so a column is never half month-first and
    half day-first. Raises ImportProblem naming the column and an example (from ``shown``, the cells
    as the user wrote them, when ``values`` were normalised) when none does.
    """
    text = values.astype(str).str.strip()
    empty = text.eq("") | text.str.lower().isin(("nan", "nat", "none"))
    best: pd.Series | None = None
    for alternative in formats:
        parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us, UTC]" if utc else "datetime64[us]")
        for fmt in alternative:
            todo = parsed.isna() & ~empty
            if not todo.any():
                break
            attempt = pd.to_datetime(text[todo], format=fmt, errors="coerce", utc=utc)
            parsed = parsed.where(~todo, attempt.reindex(text.index))
        if not (parsed.isna() & ~empty).any():
            return parsed, empty
        if best is None:
            best = parsed
    assert best is not None
    failed = best.isna() & ~empty
    example = (values if shown is None else shown)[failed].iloc[0]
    raise ImportProblem(
        Message(
            "activity.err.bad_dates",
            {"column": column, "count": int(failed.sum()), "expected": expected, "example": str(example)},
        )
    )


def to_rome(naive: pd.Series, source: str) -> pd.Series:
    """Wall-clock times of zone ``source`` as Europe/Rome times.

    At the autumn change an hour happens twice: we take its first (summer-time) occurrence. In
    spring an hour does not exist: such a time moves forward to the first valid minute.
    """
    ambiguous = np.ones(len(naive), dtype=bool)
    local = naive.dt.tz_localize(source, ambiguous=ambiguous, nonexistent="shift_forward")
    return local.dt.tz_convert(ROME)


def local_dates(naive: pd.Series) -> pd.Series:
    """Dates (or local times) without a zone, read as Italian time."""
    return to_rome(naive, ROME)


def infer_years(months: pd.Series, days: pd.Series, reference: dt.date) -> pd.Series:
    """For dates without a year that lie in the year before ``reference``: the year of each.

    Exports that omit the year list the last N days up to the day they were made, so every date
    is on or before ``reference``; a 29 February goes back to the last leap year.
    """
    years = []
    for month, day in zip(months.tolist(), days.tolist(), strict=True):
        year = reference.year if (month, day) <= (reference.month, reference.day) else reference.year - 1
        while month == 2 and day == 29 and not _leap(year):
            year -= 1
        years.append(year)
    return pd.Series(years, index=months.index, dtype="int64")


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def series_end(months: pd.Series, days: pd.Series) -> tuple[int, int]:
    """The last (month, day) of a run of days without a year: the day before the widest gap around the year.

    ``December 30 .. January 2`` ends on January 2, not December 31.
    """
    days_of_year = sorted({dt.date(2000, m, d).timetuple().tm_yday for m, d in zip(months, days, strict=True)})
    count = len(days_of_year)
    gaps = [(days_of_year[(i + 1) % count] - days_of_year[i]) % 366 or 366 for i in range(count)]
    end = days_of_year[max(range(count), key=lambda i: gaps[i])]
    day = dt.date(2000, 1, 1) + dt.timedelta(days=end - 1)
    return day.month, day.day


def last_day(year: int, month: int, day: int) -> dt.date:
    """``year-month-day``; a 29 February of a common year is its 28 February."""
    return dt.date(year, month, 28) if (month, day) == (2, 29) and not _leap(year) else dt.date(year, month, day)


def years_ending(months: pd.Series, days: pd.Series, year: int) -> pd.Series:
    """The year of each day of a run whose last day is in ``year``."""
    return infer_years(months, days, last_day(year, *series_end(months, days)))


def years_from_spans(
    months: pd.Series, days: pd.Series, spans: Sequence[Span], today: dt.date | None
) -> tuple[pd.Series, Span] | None:
    """The years that lay a run of days without a year over the days another file covers, never after today.

    Each candidate year for the run's last day is scored by how many days it shares with a span (or,
    when none shares any, by how close it comes); the best wins, the later year on a tie. None when
    every candidate would end after ``today``.
    """
    end = series_end(months, days)
    candidates = sorted({y for s in spans for y in range(s.first.year - 1, s.last.year + 2)})
    best: tuple[tuple, pd.Series, Span] | None = None
    for year in candidates:
        last = last_day(year, *end)
        if today is not None and last > today:
            continue
        years = infer_years(months, days, last)
        first = min(dt.date(y, m, d) for y, m, d in zip(years, months, days, strict=True))
        for span in spans:
            shared = (min(last, span.last) - max(first, span.first)).days + 1
            apart = max((span.first - last).days, (first - span.last).days, 0)
            score = (shared > 0, shared if shared > 0 else -apart, year)
            if best is None or score > best[0]:
                best = (score, years, span)
    return None if best is None else (best[1], best[2])
