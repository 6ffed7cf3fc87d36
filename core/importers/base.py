"""The shapes every importer shares: the file it receives, what it returns, how it is registered.

Customer importers (``core.importers.customers``) and activity importers
(``core.importers.activity``) both implement ``Format``; ``core.importers.import_file`` picks the
first format whose ``sniff`` recognises the content and runs its ``parse``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from core.i18n import Message
from core.schema import ACTIVITY_METRICS


@dataclass(frozen=True)
class RawFile:
    """What every parser receives: the bytes of an upload and its original name.

    ``name`` is for messages only: formats are always detected from ``data``, never from it.
    """

    name: str
    data: bytes


@dataclass(frozen=True)
class Span:
    """The days another file of the same upload (or the plan) covers: what dates without a year are read by."""

    platform: str
    file: str
    first: date
    last: date


@dataclass(frozen=True)
class ImportContext:
    """What an import needs besides the file; every field is optional."""

    gazetteer: object | None = None  # core.geocode.Gazetteer; None leaves customers unplaced
    salt: str = ""  # for pseudonymous customer ids (e.g. the plan id)
    today: date | None = None  # rows dated after it are not imported (with a message)
    mapping: dict[str, str | None] | None = None  # user-confirmed mapping for generic customer files
    period: tuple[date, date] | None = None  # first and last day of a report that does not state them
    spans: tuple[Span, ...] = ()  # days covered by the files that state their year (same upload, the plan)
    year: int | None = None  # the year of the last day of a file whose dates have none, as the user said


class ImportProblem(Exception):
    """A file that cannot be imported; ``message`` says what was wrong and where, in both languages."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


@dataclass(frozen=True, eq=False)  # eq=False: comparing DataFrames has no single truth value
class ImportResult:
    file: str
    platform: str  # "shopify" | "woocommerce" | "generic" | "generic_orders" | activity platforms
    kind: str  # "customers" | "orders" | "activity"
    frame: pd.DataFrame  # CUSTOMER_COLUMNS, core.importers.orders.COLUMNS or ACTIVITY_COLUMNS
    warnings: tuple[Message, ...] = ()
    unplaced: pd.DataFrame | None = None  # customers that could not be placed (privacy-safe columns)
    figures: dict[str, Any] = field(default_factory=dict)  # totals of the whole file (orders: money, orders left out)

    def summary(self) -> dict[str, Any]:
        """A JSON-ready overview (the CLI prints it); warnings are rendered in English."""
        out: dict[str, Any] = {"file": self.file, "platform": self.platform, "kind": self.kind}
        out["rows"] = len(self.frame)
        if self.kind == "customers":
            out.update(_customer_summary(self.frame))
            out["unplaced"] = 0 if self.unplaced is None else len(self.unplaced)
        elif self.kind == "orders":
            out.update(_order_summary(self.frame, self.figures))
            out["unplaced"] = 0 if self.unplaced is None else len(self.unplaced)
        else:
            out.update(_activity_summary(self.frame))
        out["warnings"] = [w.render("en") for w in self.warnings]
        return out


@dataclass(frozen=True)
class Format:
    """One registered file format."""

    platform: str
    kind: str
    sniff: Callable[[RawFile], bool]  # cheap check on the content; must not raise
    parse: Callable[[RawFile, ImportContext], ImportResult]


def _number(value: float) -> int | float:
    """An int when the value is whole (JSON reads better), else the float rounded to cents."""
    if math.isfinite(value) and float(value).is_integer():
        return int(value)
    return round(float(value), 2)


def _customer_summary(frame: pd.DataFrame) -> dict[str, Any]:
    placed = int((frame["place_status"] == "placed").sum()) if "place_status" in frame else 0
    orders = pd.to_numeric(frame.get("orders"), errors="coerce") if "orders" in frame else pd.Series(dtype=float)
    revenue = pd.to_numeric(frame.get("revenue"), errors="coerce") if "revenue" in frame else pd.Series(dtype=float)
    totals = {"orders": int(orders.sum()), "revenue": round(float(revenue.sum()), 2)}
    return {"placed": placed, "totals": totals}


def _order_summary(frame: pd.DataFrame, figures: dict[str, Any]) -> dict[str, Any]:
    """Orders kept, their customers, first and last day; the file's money (gross, refunded, net) and orders."""
    dates = frame["date"].dropna()
    return {
        "customers": int(frame["customer_id"].nunique()),
        "first": dates.min().date().isoformat() if len(dates) else None,
        "last": dates.max().date().isoformat() if len(dates) else None,
        "totals": {"orders": len(frame), **figures},
    }


def _activity_summary(frame: pd.DataFrame) -> dict[str, Any]:
    when = frame["when"].dropna() if "when" in frame else pd.Series(dtype=object)
    first = when.min().date().isoformat() if len(when) else None
    last = when.max().date().isoformat() if len(when) else None
    totals = {}
    for metric in ACTIVITY_METRICS:
        if metric in frame and frame[metric].notna().any():
            totals[metric] = _number(float(pd.to_numeric(frame[metric], errors="coerce").sum()))
    return {"first": first, "last": last, "totals": totals}
