"""X (Twitter) analytics: the current content export and the older tweet activity export.

Current: ``Post id,Date,Post text,Post Link,Impressions,Likes,...`` with dates like
``Tue, Jul 14, 2026`` (a day, no time: placed at midnight, Italian time). Older:
``Tweet id,Tweet permalink,Tweet text,time,impressions,...`` with ``2021-08-31 20:15 +0000``
(UTC) and ``promoted ...`` columns that hold ``-`` unless the tweet was promoted.

Several X columns feed one activity field: shares = reposts + shares, clicks = clicks on links,
hashtags, the permalink, media and "detail expands"; promoted counts add to organic ones. The
older export's ``dial phone`` (taps on the phone number) lands in ``calls``.
"""

from __future__ import annotations

import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

CURRENT = {
    "when": ("Date", "Data"),
    "text": ("Post text", "Testo del post"),
    "link": ("Post Link", "Link del post", "Post permalink"),
}
OLD = {"when": ("time", "ora"), "text": ("Tweet text",), "link": ("Tweet permalink",)}
_SUMMED = {
    "views": ("Impressions", "Impression", "Impressioni"),
    "reactions": ("Likes", "Favorites", "Mi piace"),
    "comments": ("Replies", "Risposte"),
    "shares": ("Reposts", "Retweets", "Repost", "Shares", "Condivisioni"),
    "saves": ("Bookmarks", "Segnalibri"),
    "clicks": (
        "URL Clicks",
        "Link clicks",
        "Clic sui link",
        "Hashtag Clicks",
        "Clic sugli hashtag",
        "Permalink Clicks",
        "Clic sul permalink",
        "Detail Expands",
        "Espansioni dei dettagli",
        "Media engagements",
    ),
    "follows": ("New follows", "Nuovi follower", "follows"),
    "profile_visits": ("Profile visits", "Visite al profilo", "user profile clicks"),
    "calls": ("dial phone",),
}
METRICS = {field: names + tuple(f"promoted {n}" for n in names) for field, names in _SUMMED.items()}
CURRENT_FORMAT = "'Tue, Jul 14, 2026'"
_CURRENT_FORMATS = (("%b %d, %Y", "%d %b %Y", "%Y-%m-%d", "%m/%d/%Y"),)
OLD_FORMAT = "YYYY-MM-DD HH:MM +0000"
_OLD_FORMATS = (("%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M"),)


def sniff_current(raw: RawFile) -> bool:
    headers = tabular.head_headers(raw.data)
    return tabular.index_of(headers, *CURRENT["text"]) is not None and (
        tabular.index_of(headers, *CURRENT["when"]) is not None
        or tabular.index_of(headers, "Post id", "ID post") is not None
    )


def sniff_old(raw: RawFile) -> bool:
    headers = tabular.head_headers(raw.data)
    return tabular.index_of(headers, "Tweet id") is not None and tabular.index_of(headers, *OLD["text"]) is not None


def parse_current(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One row per post of the current X content export."""
    return _parse(raw, CURRENT, CURRENT_FORMAT, _CURRENT_FORMATS, utc=False)


def parse_old(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One row per tweet of the older tweet activity export (times in UTC)."""
    return _parse(raw, OLD, OLD_FORMAT, _OLD_FORMATS, utc=True)


def _parse(raw: RawFile, names: dict, expected: str, formats: tuple, utc: bool) -> ImportResult:
    table = tabular.read_table(tabular.decode(raw.data))
    position = table.find(*names["when"])
    if position is None:
        raise ImportProblem(common.no_date_column(names["when"]))
    column = table.headers[position]
    source = table.rows[position] if utc else dates.english_months(table.rows[position])
    moments, empty = dates.parse(source, column, expected, formats, utc=utc, shown=table.rows[position])
    keep = ~empty
    when = moments[keep].dt.tz_convert(dates.ROME) if utc else dates.local_dates(moments[keep])
    warnings: list[Message] = common.dropped_without_date(column, table.row_numbers(empty))
    values: dict[str, pd.Series] = {}
    for field, columns in METRICS.items():
        total, bad = _sum(table, columns, keep)
        warnings += bad
        if total is not None:
            values[field] = total
    text, link = table.column(*names["text"]), table.column(*names["link"])
    frame = common.activity_frame(
        when,
        "x",
        "post",
        text=None if text is None else text[keep].str.strip(),
        link=None if link is None else link[keep].str.strip(),
        **values,
    )
    return ImportResult(raw.name, "x", common.KIND, frame, tuple(warnings))


def _sum(table: tabular.Table, names: tuple[str, ...], keep: pd.Series) -> tuple[pd.Series | None, list[Message]]:
    """The row-wise sum of every column among ``names`` that the file has (None when it has none)."""
    found = sorted({p for p in (table.find(n) for n in names) if p is not None})
    if not found:
        return None, []
    parts, warnings = [], []
    for position in found:
        numbers, bad = tabular.to_number(table.rows[position])
        bad = bad & keep
        if bad.any():
            warnings.append(
                common.bad_numbers(table.headers[position], table.rows[position], bad, table.row_numbers(bad))
            )
        parts.append(numbers[keep])
    return pd.concat(parts, axis=1).sum(axis=1, min_count=1), warnings
