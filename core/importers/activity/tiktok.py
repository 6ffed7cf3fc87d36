"""TikTok Studio analytics exports: ``Content.csv`` (one row per video), ``Overview.csv`` (one row
per day) and ``Followers.csv`` (followers per day: its daily change lands in ``follows``, a net
change that can be negative; the followers count itself is only reported in a warning).

Counts carry thousands separators (``"8,016"``). Overview and followers dates have no year
(``"August 31"``): the year comes from the user (``ctx.year``, the year of the last day), else from
the days the other files of the same upload cover (``ctx.spans``: ``Content.csv`` has years), and
a warning says which; with neither the import asks (``activity.err.year_needed``). Counting back
from today would date an export made last year in this one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

VIDEO_WHEN = ("Post time", "Ora di pubblicazione", "Data di pubblicazione", "Orario di pubblicazione")
VIDEO_TITLE = ("Video title", "Titolo del video")
VIDEO_LINK = ("Video link", "Link del video")
VIDEO_METRICS = {
    "views": ("Total views", "Visualizzazioni totali", "Video views", "Views"),
    "reactions": ("Total likes", "Mi piace totali", "Likes"),
    "comments": ("Total comments", "Commenti totali", "Comments"),
    "shares": ("Total shares", "Condivisioni totali", "Shares"),
    "saves": ("Total saves", "Salvataggi totali", "Total favorites", "Preferiti totali"),
}
DAY_WHEN = ("Date", "Data")
DAY_METRICS = {
    "views": ("Video Views", "Visualizzazioni dei video", "Visualizzazioni video"),
    "reactions": ("Likes", "Mi piace"),
    "comments": ("Comments", "Commenti"),
    "shares": ("Shares", "Condivisioni"),
    "profile_visits": ("Profile Views", "Visualizzazioni del profilo"),
    "follows": (
        "Difference in followers from previous day",
        "Differenza di follower rispetto al giorno precedente",
        "Differenza nei follower rispetto al giorno precedente",
        "Net followers",
        "Follower netti",
        "Total followers gained",
        "New followers",
        "Nuovi follower",
    ),
}
FOLLOWERS = ("Followers", "Follower")
EXPECTED = "'Aug 31, 2025', '2025-08-31' or 'August 31'"
_WITH_YEAR = (
    (
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d",
        "%b %d, %Y %H:%M",
        "%b %d, %Y",
        "%d %b %Y %H:%M",
        "%d %b %Y",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y",
    ),
)
_NO_YEAR = (("%b %d %Y", "%d %b %Y"),)
_LEAP = "2000"  # a leap year, so that 29 February parses before its real year is known


def sniff_content(raw: RawFile) -> bool:
    headers = tabular.head_headers(raw.data)
    return tabular.index_of(headers, *VIDEO_WHEN) is not None and (
        tabular.index_of(headers, *VIDEO_LINK) is not None or tabular.index_of(headers, *VIDEO_TITLE) is not None
    )


def sniff_daily(raw: RawFile) -> bool:
    headers = tabular.head_headers(raw.data)
    if not headers or tabular.index_of(headers[:1], *DAY_WHEN) != 0:
        return False
    return tabular.index_of(headers, *DAY_METRICS["views"]) is not None or (
        len(headers) <= 3 and tabular.index_of(headers, *FOLLOWERS) is not None
    )


def parse_content(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One ``video`` row per TikTok video."""
    table = tabular.read_table(tabular.decode(raw.data))
    when, keep, warnings = _when(table, VIDEO_WHEN, ctx)
    values, bad = common.metrics(table, VIDEO_METRICS, keep)
    title, link = table.column(*VIDEO_TITLE), table.column(*VIDEO_LINK)
    frame = common.activity_frame(
        when,
        "tiktok",
        "video",
        text=None if title is None else title[keep].str.strip(),
        link=None if link is None else link[keep].str.strip(),
        **values,
    )
    return ImportResult(raw.name, "tiktok", common.KIND, frame, tuple(warnings + bad))


def parse_daily(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One ``daily`` row per day of the overview or of the followers series.

    The followers series gives ``follows`` from its daily difference (or, without that column,
    from the change of the count since the day before); the count itself is only reported.
    """
    table = tabular.read_table(tabular.decode(raw.data))
    when, keep, warnings = _when(table, DAY_WHEN, ctx)
    values, bad = common.metrics(table, DAY_METRICS, keep)
    warnings += bad
    followers = table.find(*FOLLOWERS)
    if followers is not None:
        count = tabular.to_number(table.rows[followers])[0][keep]
        if "follows" not in values:
            values["follows"] = _change(count, when)
        warnings += _count_reported(table.headers[followers], count, when)
    frame = common.activity_frame(when, "tiktok", "daily", **values)
    return ImportResult(raw.name, "tiktok", common.KIND, frame, tuple(warnings))


def _count_reported(title: str, count: pd.Series, when: pd.Series) -> list[Message]:
    """The followers count on the last day it is given: the activity table keeps only its changes."""
    known = count.notna().to_numpy()
    if not known.any():
        return []
    last = when[known].idxmax()
    params = {"title": title, "count": f"{count[last]:.0f}", "date": when[last].date()}
    return [Message("activity.warn.followers_count", params)]


def _change(count: pd.Series, when: pd.Series) -> pd.Series:
    """Each day's change of the followers count since the previous day listed (NaN for the first)."""
    order = pd.Series(when.to_numpy()).argsort(kind="stable").to_numpy()
    ordered = pd.Series(count.to_numpy()[order])
    change = np.empty(len(ordered))
    change[order] = ordered.diff().to_numpy()
    return pd.Series(change, index=count.index)


def _when(table: tabular.Table, names: tuple[str, ...], ctx: ImportContext) -> tuple[pd.Series, pd.Series, list]:
    """Italian times of the date column, the rows kept, and the warnings (dropped rows, years assumed)."""
    position = table.find(*names)
    if position is None:
        raise ImportProblem(common.no_date_column(names))
    column = table.headers[position]
    original = table.rows[position]
    text = dates.english_months(original)
    empty = text.eq("")
    warnings: list[Message] = []
    if (~empty).any() and not text[~empty].str.contains(r"\d{4}").any():
        naive, empty, warnings = _without_year(text, original, column, ctx)
    else:
        naive, empty = dates.parse(text, column, EXPECTED, _WITH_YEAR, shown=original)
    keep = ~empty
    warnings = common.dropped_without_date(column, table.row_numbers(empty)) + warnings
    return dates.local_dates(naive[keep]), keep, warnings


def _without_year(
    text: pd.Series, original: pd.Series, column: str, ctx: ImportContext
) -> tuple[pd.Series, pd.Series, list[Message]]:
    """Dates like ``August 31``: read in a leap year, then given the year the user said for the last day,
    else the years that lay them over the days the upload's other files cover (TikTok's first); else
    the user is asked (``activity.err.year_needed``)."""
    with_year = text.where(text.eq(""), text + " " + _LEAP)
    leap, empty = dates.parse(with_year, column, EXPECTED, _NO_YEAR, shown=original)
    kept = leap[~empty]
    months, days = kept.dt.month, kept.dt.day
    if ctx.year is not None:
        years = dates.years_ending(months, days, ctx.year)
        message = Message("activity.warn.year_given", {"column": column, "years": _listed(years), "year": ctx.year})
    else:
        spans = [s for s in ctx.spans if s.platform == "tiktok"] or list(ctx.spans)
        found = dates.years_from_spans(months, days, spans, ctx.today) if spans else None
        if found is None:
            raise ImportProblem(_year_needed(column, original[~empty], months, days, ctx.today))
        years, span = found
        params = {"column": column, "years": _listed(years), "file": span.file, "first": span.first, "last": span.last}
        message = Message("activity.warn.year_from_file", params)
    real = pd.to_datetime(
        pd.DataFrame({"year": years, "month": months, "day": days, "hour": kept.dt.hour, "minute": kept.dt.minute})
    )
    naive = pd.Series(pd.NaT, index=text.index, dtype=real.dtype)
    naive[~empty] = real
    return naive, empty, [message]


def _listed(years: pd.Series) -> str:
    return ", ".join(str(y) for y in sorted(set(years.tolist())))


def _year_needed(column: str, shown: pd.Series, months: pd.Series, days: pd.Series, today) -> Message:
    """The question for the user: which year is the last day in? With the year counting back from today."""
    end = dates.series_end(months, days)
    last = shown[(months == end[0]).to_numpy() & (days == end[1]).to_numpy()].iloc[0]
    suggested = None
    if today is not None:
        suggested = today.year if end <= (today.month, today.day) else today.year - 1
    params = {"column": column, "example": str(shown.iloc[0]), "last": str(last).strip(), "suggested": suggested}
    return Message("activity.err.year_needed", params)
