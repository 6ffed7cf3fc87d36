"""The activity table every importer returns, its derived metrics, and the warnings they share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers.activity import tabular
from core.schema import ACTIVITY_COLUMNS, ACTIVITY_METRICS

KIND = "activity"
INTERACTION_PARTS: tuple[str, ...] = ("reactions", "comments", "shares", "saves")
_TEXT_COLUMNS = ("platform", "kind", "text", "link", "place")


def derive_metrics(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``interactions`` and ``engagement_rate`` computed the same way for every platform.

    interactions = reactions + comments + shares + saves, of those the source gives (NaN when it
    gives none of them; a total the source reports itself, already in ``interactions``, is kept
    only then). engagement_rate = interactions / reach, or / views where reach is missing; NaN
    when that denominator is 0 or missing. Follows, profile visits, calls and direction requests
    (``schema.ACTION_METRICS``) are what people did about the business, not with the post: they
    never count as interactions.
    """
    out = frame.copy()
    parts = out[list(INTERACTION_PARTS)].sum(axis=1, min_count=1)
    reported = out["interactions"] if "interactions" in out else pd.Series(np.nan, index=out.index)
    out["interactions"] = parts.where(parts.notna(), reported).astype(float)
    denominator = out["reach"].where(out["reach"].notna(), out["views"])
    rate = out["interactions"] / denominator.where(denominator > 0)
    out["engagement_rate"] = rate.astype(float)
    return out


def activity_frame(
    when: pd.Series, platform: str | pd.Series, kind: str | pd.Series, **columns: object
) -> pd.DataFrame:
    """An activity table with exactly ACTIVITY_COLUMNS, sorted by time; missing metrics are NaN.

    ``columns`` may hold text, link, place, lat, lon, any metric and a reported ``interactions``
    total; each a Series aligned with ``when`` or a scalar.
    """
    unknown = set(columns) - set(ACTIVITY_COLUMNS)
    if unknown:
        raise ValueError(f"not activity columns: {sorted(unknown)}")
    index = pd.RangeIndex(len(when))
    data: dict[str, object] = {"when": pd.Series(when).reset_index(drop=True)}
    for name in ACTIVITY_COLUMNS[1:]:
        value = {"platform": platform, "kind": kind}.get(name, columns.get(name))
        if isinstance(value, pd.Series):
            value = value.reset_index(drop=True)
        elif value is None:
            value = "" if name in _TEXT_COLUMNS else np.nan
        data[name] = value
    frame = pd.DataFrame(data, index=index)
    for name in _TEXT_COLUMNS:
        frame[name] = frame[name].fillna("").astype(str)
    for name in ("lat", "lon", *ACTIVITY_METRICS, "interactions", "engagement_rate"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype(float)
    frame = derive_metrics(frame)
    frame = frame.sort_values("when", kind="stable").reset_index(drop=True)
    return frame[list(ACTIVITY_COLUMNS)]


def empty_frame() -> pd.DataFrame:
    """An activity table with no rows."""
    return activity_frame(pd.Series([], dtype="datetime64[us, Europe/Rome]"), "", "")


def rows_text(rows: Iterable[int], limit: int = 12) -> str:
    """``3, 7, 12`` or ``3, 7, 12, ... (+40)`` for long lists."""
    rows = list(rows)
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown if len(rows) <= limit else f"{shown}, ... (+{len(rows) - limit})"


def metrics(table: tabular.Table, spec: Mapping[str, tuple[str, ...]], keep: pd.Series) -> tuple[dict, list[Message]]:
    """Numeric columns named in ``spec`` (field -> header names), for the rows in ``keep``.

    Cells that are not numbers become NaN with one warning per column.
    """
    values: dict[str, pd.Series] = {}
    warnings: list[Message] = []
    for field, names in spec.items():
        position = table.find(*names)
        if position is None:
            continue
        numbers, bad = tabular.to_number(table.rows[position])
        bad = bad & keep
        if bad.any():
            warnings.append(bad_numbers(table.headers[position], table.rows[position], bad, table.row_numbers(bad)))
        values[field] = numbers[keep]
    return values, warnings


def bad_numbers(column: str, values: pd.Series, bad: pd.Series, rows: list[int]) -> Message:
    example = str(values[bad].iloc[0])
    return Message(
        "activity.warn.bad_numbers",
        {"column": column, "count": len(rows), "rows": rows_text(rows), "example": example},
    )


def dropped_without_date(column: str, rows: list[int]) -> list[Message]:
    if not rows:
        return []
    return [Message("activity.warn.no_date", {"column": column, "rows": rows_text(rows), "count": len(rows)})]


def ragged(rows: tuple[int, ...], width: int) -> list[Message]:
    if not rows:
        return []
    return [Message("activity.warn.ragged", {"rows": rows_text(rows), "width": width})]


def final_checks(frame: pd.DataFrame, today: dt.date | None, warned: bool) -> tuple[pd.DataFrame, list[Message]]:
    """What every import shares: a file with no rows is said (when nothing else explains it); rows dated
    after today are not imported, and said."""
    if frame.empty:
        return frame, [] if warned else [Message("activity.warn.empty", {})]
    if today is None:
        return frame, []
    future = frame["when"].dt.date > today
    if not future.any():
        return frame, []
    first = frame.loc[future, "when"].iloc[0].date()
    message = Message("activity.warn.future", {"count": int(future.sum()), "today": today, "example": first})
    return frame[~future].reset_index(drop=True), [message]


def no_date_column(expected: Iterable[str]) -> Message:
    return Message("activity.err.no_date_column", {"expected": ", ".join(f"'{e}'" for e in expected)})
