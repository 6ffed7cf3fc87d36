"""The older Facebook Insights post export (until about 2020).

Two header rows, names then descriptions (``Lifetime: The total number of people...``); some names
repeat (a total count and a unique-users count of the same thing), so columns are found by position,
first match. ``Posted`` is ``M/D/YYYY H:MM`` in US Pacific time, like the newer Meta exports.
"""

from __future__ import annotations

from core.importers.activity import common, dates, meta, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

WHEN = ("Posted", "Pubblicato")
TEXT = ("Post Message", "Messaggio del post")
LINK = ("Permalink",)
POST_TYPE = ("Type", "Tipo")
_ACTION = (
    "Lifetime Talking About This (Post) by action type - {}",
    "Lifetime Post Stories by action type - {}",
)
METRICS = {
    "views": ("Lifetime Post Total Impressions",),
    "reach": ("Lifetime Post Total Reach",),
    "clicks": ("Lifetime Post Consumptions",),
    "reactions": tuple(a.format("like") for a in _ACTION),
    "comments": tuple(a.format("comment") for a in _ACTION),
    "shares": tuple(a.format("share") for a in _ACTION),
}
FORMAT = "M/D/YYYY H:MM"
_FORMATS = (("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y"),)


def sniff(raw: RawFile) -> bool:
    rows = tabular.head_rows(raw.data, 2)
    if len(rows) < 2 or tabular.index_of(rows[0], *WHEN) is None:
        return False
    headers = [tabular.normalize(h) for h in rows[0]]
    return any(h.startswith("lifetime ") for h in headers) and any(
        tabular.normalize(d).startswith("lifetime") for d in rows[1]
    )


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One row per post; impressions in ``views``, reach, clicks (consumptions), actions when given."""
    table = tabular.read_table(tabular.decode(raw.data), header_rows=2)
    position = table.find(*WHEN)
    if position is None:
        raise ImportProblem(common.no_date_column(WHEN))
    column = table.headers[position]
    naive, empty = dates.parse(table.rows[position], column, FORMAT, _FORMATS)
    keep = ~empty
    warnings = common.dropped_without_date(column, table.row_numbers(empty))
    values, bad = common.metrics(table, METRICS, keep)
    post_type = table.column(*POST_TYPE)
    text = table.column(*TEXT)
    link = table.column(*LINK)
    frame = common.activity_frame(
        dates.to_rome(naive[keep], dates.PACIFIC),
        "facebook",
        post_type[keep].map(meta.kind_of) if post_type is not None else "post",
        text=None if text is None else text[keep].str.strip(),
        link=None if link is None else link[keep].str.strip(),
        **values,
    )
    return ImportResult(raw.name, "facebook", common.KIND, frame, tuple(warnings + bad))
