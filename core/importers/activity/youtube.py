"""YouTube Studio ``Table data.csv``: the content table (one row per video) or the date table.

Its first data row is a ``Total`` row, dropped with a warning. Counts carry thousands separators
(``"24,339"``); publish dates look like ``Jun 1, 2024`` (``1 giu 2024`` in Italian). Studio puts a
space before ids that start with ``-`` so spreadsheets do not read them as formulas: it is removed.
"""

from __future__ import annotations

import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

CONTENT = ("Content", "Contenuti", "Contenuto", "Video")
TITLE = ("Video title", "Titolo del video")
PUBLISHED = ("Video publish time", "Ora di pubblicazione del video", "Data di pubblicazione del video")
DAY = ("Date", "Data")
METRICS = {
    "views": ("Views", "Visualizzazioni"),
    "reactions": ("Likes", "Mi piace"),
    "comments": ("Comments added", "Commenti aggiunti", "Comments", "Commenti"),
    "shares": ("Shares", "Condivisioni"),
    # New subscribers when the table has them, else Studio's net "Subscribers" (gained - lost).
    "follows": ("Subscribers gained", "Iscritti ottenuti", "Subscribers", "Iscritti"),
}
TOTALS = {"total", "totale", "totali"}
EXPECTED = "'Jun 1, 2024'"
_FORMATS = (("%b %d, %Y", "%d %b %Y", "%Y-%m-%d", "%b %d, %Y %H:%M", "%Y-%m-%d %H:%M:%S"),)


def sniff(raw: RawFile) -> bool:
    headers = tabular.head_headers(raw.data)
    if tabular.index_of(headers, *METRICS["views"]) is None:
        return False
    by_video = tabular.index_of(headers, *CONTENT) == 0 and tabular.index_of(headers, *TITLE, *PUBLISHED) is not None
    by_day = (
        tabular.index_of(headers, *DAY) == 0
        and tabular.index_of(headers, "Watch time (hours)", "Tempo di visualizzazione (ore)") is not None
    )
    return by_video or by_day


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """``video`` rows (content table) or ``daily`` rows (date table), without the totals row."""
    table = tabular.read_table(tabular.decode(raw.data))
    by_day = table.find(*CONTENT) != 0 and table.find(*DAY) == 0
    names = DAY if by_day else PUBLISHED
    position = table.find(*names)
    if position is None:
        raise ImportProblem(common.no_date_column(names))
    first = table.rows[0].str.strip()
    total = first.str.lower().isin(TOTALS)
    warnings: list[Message] = []
    if total.any():
        rows = table.row_numbers(total)
        warnings.append(Message("activity.warn.total_row", {"rows": common.rows_text(rows), "count": len(rows)}))
    column = table.headers[position]
    source = dates.english_months(table.rows[position].where(~total, ""))
    naive, empty = dates.parse(source, column, EXPECTED, _FORMATS, shown=table.rows[position])
    keep = ~empty & ~total
    warnings += common.dropped_without_date(column, table.row_numbers(empty & ~total))
    values, bad = common.metrics(table, METRICS, keep)
    warnings += bad
    if by_day:
        frame = common.activity_frame(dates.local_dates(naive[keep]), "youtube", "daily", **values)
        return ImportResult(raw.name, "youtube", common.KIND, frame, tuple(warnings))
    ids = first[keep]
    title = table.column(*TITLE)
    frame = common.activity_frame(
        dates.local_dates(naive[keep]),
        "youtube",
        "video",
        text=None if title is None else title[keep].str.strip(),
        link=_links(ids),
        **values,
    )
    return ImportResult(raw.name, "youtube", common.KIND, frame, tuple(warnings))


def _links(ids: pd.Series) -> pd.Series:
    clean = ids.str.strip()
    return ("https://www.youtube.com/watch?v=" + clean).where(clean.str.fullmatch(r"[\w-]{6,20}"), "")
