"""Meta Business Suite daily series (``Views.csv``, ``Follows.csv``...).

UTF-16 with BOM, an Excel ``sep=,`` line, a title line naming the metric, then ``"Date","Primary"``.
The file does not say whether it is Facebook or Instagram: it is counted as Facebook and a warning
says so (the page can relabel the rows).
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

SERIES = {
    "views": ("Views", "Visualizzazioni", "Impressions", "Impression", "Impressioni"),
    "reach": ("Reach", "Copertura", "Accounts reached", "Account raggiunti"),
    "clicks": ("Link clicks", "Clic sul link"),
    "interactions": ("Interactions", "Content interactions", "Interazioni", "Interazioni con i contenuti"),
    "follows": ("Follows", "Follow", "New follows", "Nuovi follower", "New followers"),
    "profile_visits": (
        "Visits",
        "Visite",
        "Profile visits",
        "Visite al profilo",
        "Page visits",
        "Visite alla Pagina",
        "Facebook visits",
        "Visite su Facebook",
        "Instagram profile visits",
        "Visite al profilo Instagram",
    ),
}
DATE = ("Date", "Data")
FORMAT = "YYYY-MM-DD"
_FORMATS = (("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S"),)


def _rows(data: bytes, limit: int | None = None) -> list[list[str]]:
    text, _ = tabular.split_text(tabular.decode(data if limit is None else data[:limit]))
    rows = []
    for row in csv.reader(io.StringIO(text)):
        if row:
            rows.append(row)
        if limit is not None and len(rows) >= 3:
            break
    return rows


def sniff(raw: RawFile) -> bool:
    try:
        rows = _rows(raw.data, 4096)
    except csv.Error:
        return False
    return (
        len(rows) >= 2
        and len([c for c in rows[0] if c.strip()]) == 1
        and len(rows[1]) >= 2
        and tabular.index_of(rows[1][:1], *DATE) == 0
    )


def metric_of(title: str) -> str | None:
    """The activity column a series title names (``Views`` -> ``views``), or None."""
    for field, names in SERIES.items():
        if tabular.index_of([title], *names) is not None:
            return field
    return None


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One ``daily`` row per day; a series with no activity column (unfollows, say) only warns."""
    rows = _rows(raw.data)
    if len(rows) < 2 or len(rows[1]) < 2:
        raise ImportProblem(Message("activity.err.no_rows", {}))
    title, header = rows[0][0].strip(), rows[1]
    width = max(len(r) for r in rows[1:])
    body = pd.DataFrame([r + [""] * (width - len(r)) for r in rows[2:]], columns=range(width), dtype=str)
    table = tabular.Table(tuple(header), body, 3)
    platform = "facebook"
    warnings: list[Message] = []
    naive, empty = dates.parse(table.rows[0], header[0], FORMAT, _FORMATS)
    keep = ~empty
    warnings += common.dropped_without_date(header[0], table.row_numbers(empty))
    values, bad = tabular.to_number(table.rows[1])
    if (bad & keep).any():
        rows_bad = table.row_numbers(bad & keep)
        warnings.append(common.bad_numbers(header[1], table.rows[1], bad & keep, rows_bad))
    field = metric_of(title)
    if field is None:
        warnings.append(
            Message(
                "activity.warn.series_not_imported",
                {"title": title, "days": int(keep.sum()), "total": _total(values[keep])},
            )
        )
        return ImportResult(raw.name, platform, common.KIND, common.empty_frame(), tuple(warnings))
    frame = common.activity_frame(dates.local_dates(naive[keep]), platform, "daily", **{field: values[keep]})
    warnings.insert(0, Message("activity.warn.platform_assumed", {"platform": "Facebook"}))
    return ImportResult(raw.name, platform, common.KIND, frame, tuple(warnings))


def _total(values: pd.Series) -> str:
    total = values.sum(min_count=1)
    return "-" if pd.isna(total) else f"{total:.0f}"
