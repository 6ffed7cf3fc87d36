"""The Monitor's numbers and names written out in a language, for the page and the text summary alike."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from core import i18n
from core.goals import kpis
from core.goals import text as goal_text
from core.monitor import loyalty
from core.monitor.model import BoardRow
from core.timeline import periods

DASH = "—"


def title(lang: str, row: BoardRow) -> str:
    return row.title or i18n.t(lang, "goals.tree.untitled")


def place(lang: str, row: BoardRow) -> str:
    """Where the goal is set: a town, a province, a target area, abroad, or the whole market."""
    return goal_text.place_text(lang, *row.place)


def status_text(lang: str, row: BoardRow) -> str:
    """The status's name; a goal without a KPI, target or deadline says what it lacks instead of "no data"."""
    if row.kpi is None:
        return i18n.t(lang, "monitor.board.no_kpi")
    if row.message.key.startswith("goals.track.incomplete"):
        return i18n.t(lang, "monitor.board.incomplete")
    return i18n.t(lang, f"goals.status.{row.status}")


def progress_share(row: BoardRow) -> float | None:
    """How far along, between 0 and 1 (a goal already reached is all the way)."""
    if row.progress is None:
        return None
    return 1.0 if row.reached else min(1.0, max(0.0, row.progress))


def cells(lang: str, row: BoardRow) -> dict[str, str]:
    """The row's numbers as the owner reads them, ``—`` where there is nothing to show."""

    def value(v: float | None) -> str:
        return DASH if v is None or row.kpi is None else kpis.format_value(lang, row.kpi, v)

    def pace(v: float | None) -> str:
        if v is None or row.kpi is None or row.reached:
            return DASH
        return i18n.t(lang, "goals.tree.pace", pace=kpis.format_change(lang, row.kpi, v))

    if row.reached and row.forecast_date:
        forecast = i18n.t(lang, "monitor.cell.reached", date=i18n.date(lang, row.forecast_date))
    elif row.forecast_date:
        forecast = i18n.date(lang, row.forecast_date)
    else:  # a pace was measured but it never reaches the target
        forecast = i18n.t(lang, "monitor.cell.never") if row.pace_achieved is not None else DASH
    share = progress_share(row)
    return {
        "current": value(row.current),
        "target": value(row.target),
        "progress": DASH if share is None else i18n.percent(lang, share),
        "pace_needed": pace(row.pace_needed),
        "pace_achieved": pace(row.pace_achieved),
        "forecast": forecast,
    }


def channel(lang: str, channel_id: str) -> str:
    return format(periods.channel_name(channel_id), lang)


def spans_text(lang: str, spans: Mapping[str, periods.Span]) -> str:
    """``1 Oct 2026 – 31 Oct 2026 against 1 Sep 2026 – 30 Sep 2026 and 1 Oct 2025 – 31 Oct 2025.``"""
    shown = {k: f"{i18n.date(lang, s.start)} – {i18n.date(lang, s.end)}" for k, s in spans.items()}
    return i18n.t(lang, "monitor.periods.spans", **shown)


def loyalty_lines(lang: str, repeat: loyalty.RepeatRate, gaps: loyalty.Gaps) -> list[str]:
    """The repeat rate and the median time between orders, in sentences."""
    lines = []
    if repeat.rate is not None:
        lines.append(
            i18n.t(
                lang, "monitor.loyalty.repeat", rate=i18n.percent(lang, repeat.rate),
                repeat=i18n.number(lang, repeat.repeat_customers), customers=i18n.number(lang, repeat.customers),
            )
        )  # fmt: skip
    if gaps.median_days is not None:
        days, count = i18n.number(lang, gaps.median_days), i18n.number(lang, gaps.gaps)
        lines.append(i18n.t(lang, "monitor.loyalty.gap", days=days, gaps=count))
    return lines


def _value(lang: str, v: float, rate: bool) -> str:
    if pd.isna(v):
        return DASH
    return i18n.percent(lang, v, 1) if rate else i18n.number(lang, v)


def _change(lang: str, v: float, rate: bool) -> str:
    if pd.isna(v):
        return DASH
    sign = "+" if v > 0 else ""
    if rate:  # percentage points
        return i18n.t(lang, "kpis.unit.points", n=sign + i18n.number(lang, v, 1))
    return sign + i18n.percent(lang, v)


def period_table(lang: str, comparison: periods.PeriodComparison) -> pd.DataFrame:
    """The comparison's numbers written out: one row per channel and measure."""
    df = comparison.table
    rate = df["metric"].isin(periods.RATE_METRICS).tolist()
    out: dict[str, list[str]] = {
        "channel": [channel(lang, c) for c in df["channel"]],
        "metric": [i18n.t(lang, f"periods.metric.{m}") for m in df["metric"]],
    }
    for column in ("current", *periods.AGAINST):
        out[column] = [_value(lang, v, r) for v, r in zip(df[column], rate, strict=True)]
    for against in periods.AGAINST:
        out[f"change_{against}"] = [_change(lang, v, r) for v, r in zip(df[f"change_{against}"], rate, strict=True)]
    return pd.DataFrame(out)


def segment_table(lang: str, segments: pd.DataFrame) -> pd.DataFrame:
    """Every segment with its customers, revenue, what it means and what to do, in ``lang``."""
    names = segments["segment"]
    return pd.DataFrame(
        {
            "segment": [i18n.t(lang, f"loyalty.segment.{s}") for s in names],
            "customers": segments["customers"].astype(int).to_numpy(),
            "revenue": [i18n.money(lang, v) for v in segments["revenue"]],
            "hint": [i18n.t(lang, f"loyalty.segment.{s}.hint") for s in names],
            "action": [i18n.t(lang, f"loyalty.segment.{s}.action") for s in names],
        }
    )
