"""Google Business Profile performance report (the bulk CSV, one row per location).

Two header rows (names, then descriptions). The counts are totals for the period chosen when the
report was made. The file itself does not say which: the period is the one the user gives
(``ImportContext.period``), else the one in the name Google gives the file
(``..._2025-08-01_2025-08-31.csv``): data taken from the name, not format detection. Each location
becomes one ``daily`` row dated the first day of the period: views = profile views on Search and
Maps, clicks = website clicks, calls, directions = direction requests. Messages, bookings and food
orders have no activity column: their totals are reported in a warning.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

NAME = ("Business name", "Nome dell'attività", "Nome attività", "Name", "Nome")
CODE = ("Store code", "Codice negozio", "Codice del negozio")
ADDRESS = ("Address", "Indirizzo")
TOTAL_VIEWS = ("Total views", "Visualizzazioni totali")
VIEW_PREFIXES = ("google search", "google maps", "ricerca google", "search views", "maps views")
CLICKS = ("Website clicks", "Clic sul sito web", "Website actions", "Azioni sul sito web")
CALLS = ("Calls", "Chiamate", "Phone calls", "Telefonate", "Phone call actions", "Azioni di chiamata")
DIRECTIONS = (
    "Directions",
    "Directions requests",
    "Direction requests",
    "Indicazioni stradali",
    "Richieste di indicazioni stradali",
    "Richieste di indicazioni",
    "Directions actions",
    "Azioni per indicazioni stradali",
)
METRICS = {"clicks": CLICKS, "calls": CALLS, "directions": DIRECTIONS}
NOT_IMPORTED = ("Messages", "Messaggi", "Bookings", "Prenotazioni", "Food orders", "Ordini di cibo")
_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})\D+?(\d{4}-\d{2}-\d{2})")
_TOWN = re.compile(r"\b(\d{5})\s+([^,\d]+?)(?:\s+[A-Z]{2})?\s*(?:,|$)")


def sniff(raw: RawFile) -> bool:
    headers = tabular.head_headers(raw.data)
    if tabular.index_of(headers, *CODE, *NAME) is None:
        return False
    return tabular.index_of(headers, *CLICKS, *CALLS, *DIRECTIONS) is not None


def _view_positions(headers: tuple[str, ...]) -> list[int]:
    total = tabular.index_of(headers, *TOTAL_VIEWS)
    if total is not None:
        return [total]
    return [i for i, h in enumerate(headers) if tabular.normalize(h).startswith(VIEW_PREFIXES)]


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One ``daily`` row per location, dated the start of the report's period."""
    head = tabular.head_rows(raw.data, 2)
    header = tuple(head[0]) if head else ()
    views_at = _view_positions(header)
    numeric = [*views_at, *_positions(header, (*METRICS.values(), NOT_IMPORTED))]
    if not numeric:
        raise ImportProblem(Message("activity.err.no_rows", {}))
    header_rows = 2 if _has_descriptions(head, numeric) else 1
    table = tabular.read_table(tabular.decode(raw.data), header_rows=header_rows, right=len(header) - min(numeric))
    start, end = _period(raw.name, ctx.period)
    name = table.column(*NAME)
    keep = pd.Series(True, index=table.rows.index)
    if name is not None:
        keep = name.str.strip().ne("") | table.rows[0].str.strip().ne("")
    warnings = common.ragged(table.ragged, len(header))
    views = _sum(table, views_at, keep)
    values, bad = common.metrics(table, METRICS, keep)
    warnings += bad
    place = name[keep].str.strip() if name is not None else None
    lat, lon = _locate(table, keep, ctx.gazetteer)
    when = dates.local_dates(pd.Series([pd.Timestamp(start)] * int(keep.sum()), dtype="datetime64[us]"))
    frame = common.activity_frame(
        when, "google_business", "daily", place=place, lat=lat, lon=lon, views=views, **values
    )
    warnings.append(Message("activity.warn.period_totals", {"start": start, "end": end, "count": len(frame)}))
    warnings += _not_imported(table, keep)
    return ImportResult(raw.name, "google_business", common.KIND, frame, tuple(warnings))


def _positions(header: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> list[int]:
    found = (tabular.index_of(header, *names) for names in groups)
    return [p for p in found if p is not None]


def _has_descriptions(head: list[list[str]], numeric: list[int]) -> bool:
    """Whether the second row holds descriptions ("Number of people that...") rather than counts."""
    if len(head) < 2:
        return False
    cells = pd.Series([head[1][p] if p < len(head[1]) else "" for p in numeric])
    numbers, bad = tabular.to_number(cells)
    return bool(bad.any()) and bool(numbers.isna().all())


def _sum(table: tabular.Table, positions: list[int], keep: pd.Series) -> pd.Series | None:
    if not positions:
        return None
    parts = [tabular.to_number(table.rows[p])[0][keep] for p in positions]
    return pd.concat(parts, axis=1).sum(axis=1, min_count=1)


def _period(name: str, given: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date]:
    """The period the user gave, else the one in the file's name; ImportProblem when neither is there."""
    if given is not None:
        start, end = given
        if start > end:
            raise ImportProblem(Message("activity.err.bad_period", {"start": start, "end": end}))
        return start, end
    match = _PERIOD.search(name)
    try:
        if match:
            return dt.date.fromisoformat(match.group(1)), dt.date.fromisoformat(match.group(2))
    except ValueError:
        pass
    raise ImportProblem(Message("activity.err.no_period", {"file": name}))


def _locate(
    table: tabular.Table, keep: pd.Series, gazetteer: object | None
) -> tuple[pd.Series | None, pd.Series | None]:
    """Coordinates of each location's town (from its address), when a gazetteer is given."""
    address = table.column(*ADDRESS)
    if gazetteer is None or address is None:
        return None, None
    points = []
    for text in address[keep].tolist():
        match = _TOWN.search(text)
        found = gazetteer.find(town=match.group(2).strip(), postcode=match.group(1)) if match else None  # type: ignore[attr-defined]
        placed = found is not None and getattr(found, "status", None) == "placed" and found.place is not None
        points.append((float(found.place.lat), float(found.place.lon)) if placed else (np.nan, np.nan))
    return pd.Series([p[0] for p in points]), pd.Series([p[1] for p in points])


def _not_imported(table: tabular.Table, keep: pd.Series) -> list[Message]:
    found = []
    for name in NOT_IMPORTED:
        position = table.find(name)
        if position is not None:
            total = tabular.to_number(table.rows[position])[0][keep].sum()
            found.append(f"'{table.headers[position].strip()}' ({total:.0f})")
    if not found:
        return []
    return [Message("activity.warn.not_imported_totals", {"columns": ", ".join(found)})]
