"""LinkedIn page content export (``.xls``; ``.xlsx`` read too).

Sheets ``Metrics`` (one row per day) and ``All posts`` (one row per post), each with a note row
above the header; headers are in the user's language, dates ``MM/DD/YYYY`` (or real date cells
after a re-save). Sheets are recognised by their headers, not their names, which are translated.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular, workbook
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

POST_WHEN = ("Created date", "Data di creazione", "Data creazione")
POST_LINK = ("Post link", "Link del post")
POST_TITLE = ("Post title", "Titolo del post")
POST_TYPE = ("Post type", "Tipo di post")
CONTENT_TYPE = ("Content Type", "Tipo di contenuto")
POST_METRICS = {
    "views": ("Impressions", "Impressioni"),
    "reactions": ("Likes", "Reactions", "Mi piace", "Reazioni"),
    "comments": ("Comments", "Commenti"),
    "shares": ("Reposts", "Repost", "Shares", "Diffusioni", "Condivisioni"),
    "clicks": ("Clicks", "Clic"),
    "follows": ("Follows", "Follow", "Follower", "Nuovi follower"),
}
DAY_WHEN = ("Date", "Data")
_TOTAL = ("{} (total)", "{} (totali)", "{} (totale)", "{}")
DAY_METRICS = {
    "views": tuple(t.format(b) for b in ("Impressions", "Impressioni") for t in _TOTAL),
    "reach": ("Unique impressions (total)", "Impressioni uniche (totali)", "Impressioni uniche (totale)"),
    "reactions": tuple(t.format(b) for b in ("Reactions", "Reazioni") for t in _TOTAL),
    "comments": tuple(t.format(b) for b in ("Comments", "Commenti") for t in _TOTAL),
    "shares": tuple(t.format(b) for b in ("Reposts", "Repost", "Shares", "Diffusioni") for t in _TOTAL),
    "clicks": tuple(t.format(b) for b in ("Clicks", "Clic") for t in _TOTAL),
}
FORMAT = "MM/DD/YYYY"
_FORMATS = (("%m/%d/%Y", "%m/%d/%Y %H:%M", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S"),)
_HEAD = 6


def _role(rows: workbook.Rows) -> tuple[str, int] | None:
    """("posts" | "daily", header row index) for a sheet LinkedIn wrote, or None."""
    for index, row in enumerate(rows[:_HEAD]):
        cells = [str(c) for c in row]
        if tabular.index_of(cells, *POST_WHEN) is not None and tabular.index_of(cells, *POST_LINK) is not None:
            return "posts", index
        if tabular.index_of(cells[:1], *DAY_WHEN) == 0 and tabular.index_of(cells, *DAY_METRICS["views"]) is not None:
            return "daily", index
    return None


def sniff(raw: RawFile) -> bool:
    if raw.data.startswith(workbook.ZIP):
        return _xlsx_looks_like_linkedin(raw.data)
    if not raw.data.startswith(workbook.OLE2):
        return False
    try:
        return any(_role(rows) is not None for _, rows in workbook.sheets(raw.data, limit=_HEAD))
    except Exception:  # a sniff must never raise, whatever the bytes
        return False


def _xlsx_looks_like_linkedin(data: bytes) -> bool:
    """The words of a LinkedIn posts or metrics header somewhere at the start of the workbook."""
    text = tabular.normalize(workbook.xlsx_text_head(data))

    def has(names: tuple[str, ...]) -> bool:
        return any(f" {tabular.normalize(n)} " in f" {text} " for n in names)

    totals = tuple(n for n in DAY_METRICS["views"] if "(" in n)
    return (has(POST_WHEN) and has(POST_LINK)) or (has(DAY_WHEN) and has(totals))


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """``post``/``video``/``ad`` rows from the posts sheet and ``daily`` rows from the metrics sheet."""
    try:
        books = list(workbook.sheets(raw.data))
    except ValueError as error:
        raise ImportProblem(Message("activity.err.bad_workbook", {"error": str(error)})) from error
    frames, warnings = [], []
    for _, rows in books:
        role = _role(rows)
        if role is None:
            continue
        table = _table(rows, role[1])
        frame, found = _posts(table) if role[0] == "posts" else _daily(table)
        frames.append(frame)
        warnings += found
    if not frames:
        raise ImportProblem(Message("activity.err.no_sheet", {}))
    frame = pd.concat(frames, ignore_index=True).sort_values("when", kind="stable").reset_index(drop=True)
    return ImportResult(raw.name, "linkedin", common.KIND, frame, tuple(warnings))


def _table(rows: workbook.Rows, header: int) -> tabular.Table:
    headers = tuple(str(c).strip() for c in rows[header])
    width = len(headers)
    body = [list(r[:width]) + [""] * (width - len(r)) for r in rows[header + 1 :]]
    body = [r for r in body if any(str(c).strip() for c in r)]
    frame = pd.DataFrame(body, columns=range(width), dtype=object) if body else pd.DataFrame(columns=range(width))
    return tabular.Table(headers, frame, header + 2)


def _when(table: tabular.Table, names: tuple[str, ...]) -> tuple[pd.Series, pd.Series, list[Message]]:
    position = table.find(*names)
    if position is None:
        raise ImportProblem(common.no_date_column(names))
    column = table.headers[position]
    cells = table.rows[position].map(lambda v: v.strftime("%m/%d/%Y") if isinstance(v, dt.datetime) else str(v))
    naive, empty = dates.parse(cells, column, FORMAT, _FORMATS)
    keep = ~empty
    return dates.local_dates(naive[keep]), keep, common.dropped_without_date(column, table.row_numbers(empty))


def _posts(table: tabular.Table) -> tuple[pd.DataFrame, list[Message]]:
    when, keep, warnings = _when(table, POST_WHEN)
    values, bad = common.metrics(table, POST_METRICS, keep)
    title, link = table.column(*POST_TITLE), table.column(*POST_LINK)
    frame = common.activity_frame(
        when,
        "linkedin",
        _kinds(table, keep),
        text=None if title is None else title[keep].astype(str).str.strip(),
        link=None if link is None else link[keep].astype(str).str.strip(),
        **values,
    )
    return frame, warnings + bad


def _kinds(table: tabular.Table, keep: pd.Series) -> pd.Series | str:
    """``ad`` for sponsored posts, ``video`` for videos, ``post`` otherwise."""
    post_type, content = table.column(*POST_TYPE), table.column(*CONTENT_TYPE)
    kinds = pd.Series("post", index=table.rows.index[keep])
    if content is not None:
        kinds = kinds.where(~content[keep].astype(str).str.lower().str.contains("video"), "video")
    if post_type is not None:
        kinds = kinds.where(~post_type[keep].astype(str).str.lower().str.startswith("spons"), "ad")
    return kinds


def _daily(table: tabular.Table) -> tuple[pd.DataFrame, list[Message]]:
    when, keep, warnings = _when(table, DAY_WHEN)
    values, bad = common.metrics(table, DAY_METRICS, keep)
    return common.activity_frame(when, "linkedin", "daily", **values), warnings + bad
