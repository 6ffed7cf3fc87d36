"""Helpers shared by the activity importer tests: fixture files, the importer that claims them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from core.importers.activity import FORMATS
from core.importers.base import Format, ImportContext, ImportResult, RawFile

EXPORTS = Path(__file__).resolve().parents[3] / "fixtures" / "exports"


def raw_file(relative: str) -> RawFile:
    path = EXPORTS / relative
    return RawFile(path.name, path.read_bytes())


def claiming(raw: RawFile) -> list[Format]:
    """Every activity format whose sniff recognises the file."""
    return [f for f in FORMATS if f.sniff(raw)]


def run(raw: RawFile, ctx: ImportContext | None = None) -> ImportResult:
    """Import as the entry point does: the first format that recognises the content parses it."""
    formats = claiming(raw)
    assert formats, f"no activity format recognises {raw.name}"
    return formats[0].parse(raw, ctx or ImportContext(today=dt.date(2026, 1, 3)))


def totals(frame: pd.DataFrame, *columns: str) -> dict[str, float]:
    """Column sums; None for a column with no value at all (the source did not report it)."""
    return {c: (None if frame[c].isna().all() else float(frame[c].sum())) for c in columns}


def rome(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="Europe/Rome")


@dataclass(frozen=True)
class _Place:
    lat: float
    lon: float


@dataclass(frozen=True)
class _Match:
    status: str
    place: _Place | None = None


class FakeGazetteer:
    """Knows two towns; records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def find(self, town: str = "", **_: str) -> _Match:
        self.asked.append(town)
        known = {"Forlì": _Place(44.2225, 12.0408), "Cesenatico": _Place(44.1996, 12.3965)}
        return _Match("placed", known[town]) if town in known else _Match("unplaced")
