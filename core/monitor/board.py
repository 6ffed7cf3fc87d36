"""The Monitor step in one place: goals against the data, customers who come back, activity next to
results, alerts, and the one-page text summary to take away.

``build(goal_dicts, data, as_of)`` computes everything the page shows from the plan's goals and
tables, measured up to ``as_of`` (the last day the data covers). It only aggregates: charts and
the map get tables of a few hundred rows, whatever the size of the data. Every message is an
``i18n.Message``: board messages render with ``goal_text.render``, the others with ``.render``;
``core.monitor.words`` writes the numbers out in a language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from core import i18n, safe_text
from core.goals import goals, measures, standing, where
from core.goals import text as goal_text
from core.i18n import Message
from core.monitor import alerts as alerts_mod
from core.monitor import links, loyalty, words
from core.monitor.model import BoardRow
from core.plan import plan
from core.timeline import periods

JUDGED: tuple[str, ...] = ("on_track", "at_risk", "off_track")  # statuses that say how a goal is going
BEHIND: tuple[str, ...] = ("at_risk", "off_track")
VERDICTS: tuple[str, ...] = ("on_track", "at_risk", "thin", "no_goals")
LINK_PAIRS: tuple[tuple[str, str], ...] = (
    ("posts", "new_customers"),
    ("posts", "returning_customers"),
    ("offline_actions", "new_customers"),
)


def board_row(
    goal_dict: Mapping[str, Any], data: measures.Data, as_of: dt.date, places: where.Places | None = None
) -> BoardRow:
    """Where one goal stands on ``as_of``, from its KPI measured on ``data`` inside its place (as the Goals page)."""
    try:
        goal = goals.Goal.from_dict(goal_dict)
    except goals.GoalError as error:
        title, goal_id = str(goal_dict.get("title") or ""), str(goal_dict.get("id") or "")
        return BoardRow(goal_id, title, None, "no_data", None, None, None, None, None, None, error.message)
    found = standing.standing(goal, data, as_of, places)
    result = found.tracking
    message = result.message
    if found.missing and message.key == "goals.track.no_data":
        message = Message("monitor.board.no_data", {"kpi": goal.kpi, "sources": found.missing})
    return BoardRow(
        goal.id, goal.title, goal.kpi, result.status, result.current, goal.target, result.progress,
        found.pace, result.pace_achieved, result.forecast_date, message,
        missing=found.missing if message.key == "monitor.board.no_data" else (),
        place=(goal.place.kind, goal.place.value), where=found.where,
    )  # fmt: skip


def board(
    goal_dicts: Sequence[Mapping[str, Any]], data: measures.Data, as_of: dt.date, places: where.Places | None = None
) -> list[BoardRow]:
    return [board_row(g, data, as_of, places) for g in goal_dicts]


def goal_statuses(rows: Sequence[BoardRow]) -> list[dict[str, str]]:
    """The board in the shape ``alerts.goal_alerts`` reads."""
    return [{"goal_id": r.goal_id, "title": r.title, "status": r.status} for r in rows]


@dataclass(frozen=True)
class Verdict:
    key: str  # VERDICTS
    message: Message


def verdict(rows: Sequence[BoardRow]) -> Verdict:
    """The board in a sentence: a goal behind, too few goals measured to tell, or every goal on track."""
    with_kpi = [r for r in rows if r.kpi is not None]
    judged = [r for r in with_kpi if r.status in JUDGED]
    behind = [r for r in judged if r.status in BEHIND]
    if not with_kpi:
        key = "no_goals"
    elif behind:
        key = "at_risk"
    elif 2 * len(judged) < len(with_kpi):  # fewer than half the goals can be judged
        key = "thin"
    else:
        key = "on_track"
    counts = {"judged": len(judged), "goals": len(with_kpi), "behind": len(behind)}
    return Verdict(key, Message(f"monitor.verdict.{key}", counts))


@dataclass(frozen=True, eq=False)
class LoyaltySummary:
    repeat: loyalty.RepeatRate
    gaps: loyalty.Gaps
    cohorts: loyalty.Cohorts
    customers: pd.DataFrame  # loyalty.rfm: one row per customer with its segment
    segments: pd.DataFrame  # loyalty.segments: customers and revenue per segment


def loyalty_summary(orders: pd.DataFrame, as_of: dt.date) -> LoyaltySummary | None:
    """Repeat rate, gaps between orders, cohorts and RFM segments; None without orders."""
    if orders.empty:
        return None
    table = loyalty.rfm(orders, as_of)
    repeat, gaps = loyalty.repeat_rate(orders, as_of), loyalty.time_between_orders(orders, as_of)
    return LoyaltySummary(repeat, gaps, loyalty.cohorts(orders, as_of), table, loyalty.segments(table))


@dataclass(frozen=True, eq=False)
class LinksSummary:
    weeks: pd.DataFrame  # links.weekly
    found: tuple[links.CoOccurrence, ...]  # one per LINK_PAIRS


def links_summary(activity: pd.DataFrame, orders: pd.DataFrame, as_of: dt.date) -> LinksSummary | None:
    """Activity and customers week by week, and how each pair of ``LINK_PAIRS`` moved together."""
    if activity.empty or orders.empty:
        return None
    weeks = links.weekly(activity, orders, as_of)
    return LinksSummary(weeks, tuple(links.co_occurrence(weeks, x, y) for x, y in LINK_PAIRS))


def alerts_for(rows: Sequence[BoardRow], data: measures.Data, as_of: dt.date) -> list[alerts_mod.Alert]:
    """``alerts.all_alerts`` on the tables the plan has, most urgent first."""
    found = alerts_mod.goal_alerts(goal_statuses(rows))
    if not data.orders.empty:
        found += alerts_mod.segment_alerts(data.orders, as_of)
    if not data.activity.empty:
        found += alerts_mod.engagement_alerts(data.activity, as_of)
    return sorted(found, key=lambda a: alerts_mod.LEVELS.index(a.level))


@dataclass(frozen=True, eq=False)
class Monitor:
    """Everything the Monitor page shows, measured up to ``as_of``."""

    as_of: dt.date
    rows: list[BoardRow]
    verdict: Verdict
    comparison: periods.PeriodComparison | None
    loyalty: LoyaltySummary | None
    links: LinksSummary | None
    alerts: list[alerts_mod.Alert]


def build(
    goal_dicts: Sequence[Mapping[str, Any]], data: measures.Data, as_of: dt.date, places: where.Places | None = None
) -> Monitor:
    rows = board(goal_dicts, data, as_of, places)
    comparison = periods.compare(data.activity, as_of) if not data.activity.empty else None
    found = links_summary(data.activity, data.orders, as_of)
    kept = loyalty_summary(data.orders, as_of)
    return Monitor(as_of, rows, verdict(rows), comparison, kept, found, alerts_for(rows, data, as_of))


def file_name(business_name: str, as_of: dt.date) -> str:
    """A safe name for the summary, sanitised like the plan's: ``rotta-monitor-forno-aurelio-2026-10-31.md``."""
    stem = plan.file_name(business_name, as_of.isoformat()).removesuffix(".json")
    return stem.replace("rotta-", "rotta-monitor-", 1) + ".md"


md = safe_text.for_markdown  # the one Markdown escaper: no link, markup, maths or strike-through from any text


def summary_markdown(lang: str, business_name: str, result: Monitor) -> str:
    """The board as a one-page Markdown text, no images: goals, alerts, months, customers, links."""

    def t(key: str, **params: Any) -> str:
        return i18n.t(lang, f"monitor.{key}", **params)

    name = md(business_name) or i18n.t(lang, "frame.plan_unnamed")
    out = [f"# {t('export.title', name=name)}", "", t("as_of", date=i18n.date(lang, result.as_of)), ""]
    out += [f"**{result.verdict.message.render(lang)}**", "", f"## {t('board.title')}", ""]
    columns = ("current", "target", "progress", "pace_needed", "pace_achieved", "forecast")
    table = []
    for row in result.rows:
        cells = words.cells(lang, row)
        table.append(
            [words.title(lang, row), words.place(lang, row), words.status_text(lang, row), *(cells[c] for c in columns)]
        )
    header = [t("col.goal"), t("col.place"), t("col.status"), *(t(f"col.{c}") for c in columns)]
    out += [safe_text.markdown_table(header, table), ""] if table else [""]
    for r in result.rows:
        said = " ".join(goal_text.render(lang, m) for m in (r.message, r.where) if m is not None)
        out.append(f"- **{md(words.title(lang, r))}**: {md(said)}")
    out += ["", f"## {t('alerts.title')}", ""]
    for alert in result.alerts:
        level = i18n.t(lang, f"alerts.level.{alert.level}")
        out.append(f"- **{level}**: {md(alert.message.render(lang))} → {md(alert.action.render(lang))}")
    out += [] if result.alerts else [t("alerts.none")]
    if result.comparison is not None:
        out += ["", f"## {t('periods.title')}", "", words.spans_text(lang, result.comparison.spans), ""]
        for said in result.comparison.words:
            month, year = said.last_month.render(lang), said.last_year.render(lang)
            out.append(
                f"- **{words.channel(lang, said.channel)}**: {t('periods.vs_last_month')} {month}; "
                f"{t('periods.vs_last_year')} {year}"
            )
    if result.loyalty is not None:
        out += ["", f"## {t('loyalty.title')}", ""]
        out += [f"- {line}" for line in words.loyalty_lines(lang, result.loyalty.repeat, result.loyalty.gaps)] + [""]
        shown = words.segment_table(lang, result.loyalty.segments)
        header = [t(f"col.{c}") for c in ("segment", "customers", "revenue", "action")]
        numbers = [i18n.number(lang, n) for n in shown["customers"]]
        rows = list(zip(shown["segment"], numbers, shown["revenue"], shown["action"], strict=True))
        out += [safe_text.markdown_table(header, rows)]
    if result.links is not None:
        out += ["", f"## {t('links.title')}", ""]
        out += [f"- {f.statement.render(lang)}" for f in result.links.found]
        out += ["", i18n.t(lang, "links.caveat")]
    return "\n".join(out) + "\n"
