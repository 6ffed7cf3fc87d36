"""The deliverable's sections, one builder each: the business, the self-check, goals and KPIs, the calendar
and the next actions (the market is ``core.deliverable.market``, the timeline ``core.deliverable.timeline``).

``core.deliverable.build`` calls them in turn; each takes plain values and returns the section's dataclass
(from ``core.deliverable.model``, with the limits they share), already worded in ``lang``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from core import i18n, samples, schema
from core.calendar import calendar
from core.deliverable import model
from core.goals import goals as goals_mod
from core.goals import kpis, measures, objectives, smart, where
from core.goals import text as goal_text
from core.monitor import board as monitor
from core.monitor import words as monitor_text
from core.plan import goal_table, selfcheck
from core.timeline import timeline


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"deliverable.{key}", **params)


def business_section(raw: Mapping[str, Any], sample: Any, lang: str) -> model.Business:
    sector, town = raw.get("sector"), raw.get("town")
    sector_text = f"{sector.get('code', '')} · {sector.get('title', '')}" if isinstance(sector, Mapping) else ""
    town_text = ""
    if isinstance(town, Mapping) and town.get("name"):
        where = town.get("province") or town.get("country") or ""
        town_text = f"{town['name']} ({where})" if where else str(town["name"])
    channels = tuple(
        model.Channel(timeline.channel_label(lang, str(c.get("channel"))), c.get("followers"), c.get("posts_per_week"))
        for c in raw.get("channels") or []
        if isinstance(c, Mapping)
    )
    markets = tuple(i18n.t(lang, f"business.market.{m}") for m in raw.get("markets") or [] if m in schema.MARKETS)
    sample_name = samples.sample_names(lang).get(sample, "") if isinstance(sample, str) else ""
    return model.Business(str(raw.get("name") or ""), sector_text, town_text, markets, channels, sample_name)


def selfcheck_section(answers: Mapping[str, Any], lang: str) -> model.SelfCheck:
    result = selfcheck.score(dict(answers))
    focus = tuple(i18n.t(lang, f"step.{s}") for s in result.steps)
    questions = len(selfcheck.QUESTIONS)
    return model.SelfCheck(
        result.answered, questions, result.score, result.maximum, result.headline.render(lang), focus
    )


def goal_row(
    raw: Any, data: measures.Data, today: dt.date, as_of: dt.date, lang: str, places: where.Places | None = None
) -> model.Goal:
    try:
        goal = goals_mod.Goal.from_dict(raw)
    except goals_mod.GoalError as error:
        title = str(raw.get("title") or "") if isinstance(raw, Mapping) else ""
        goal_id = str(raw.get("id") or "") if isinstance(raw, Mapping) else ""
        reason = goal_text.render(lang, error.message)
        return model.Goal(goal_id, title, problem=_t(lang, "goal.invalid", reason=reason))
    checks = smart.smart_check(goal, today)
    row = monitor.board_row(raw, data, as_of, places)
    kpi = goal.kpi

    def value(v: float | None) -> str:
        return "" if v is None or kpi is None else kpis.format_value(lang, kpi, v)

    pace = row.pace_needed  # core.goals.standing's: None once reached, from the baseline while unmeasured
    letters = tuple(
        model.Letter(
            c.letter,
            i18n.t(lang, f"goals.smart.letter.{c.letter}"),
            c.passed,
            goal_text.render(lang, c.reason),
            goal_text.render(lang, c.fix) if c.fix else "",
        )
        for c in checks
    )
    return model.Goal(
        id=goal.id,
        title=goal.title,
        objective=objectives.name(lang, goal.objective),
        kpi_id=kpi or "",
        kpi=kpis.name(lang, kpi) if kpi else "",
        unit=kpis.KPIS[kpi].unit if kpi else "",
        channels=tuple(timeline.channel_label(lang, c) for c in goal.channels),
        place=goal_text.place_text(lang, goal.place.kind, goal.place.value),
        where=goal_text.render(lang, row.where) if row.where is not None else "",
        owner=goal.owner,
        start=goal.start,
        deadline=goal.deadline,
        baseline=goal.baseline,
        target=goal.target,
        current=row.current,
        pace=pace,
        baseline_text=value(goal.baseline),
        target_text=value(goal.target),
        current_text=value(row.current),
        pace_text="" if pace is None or kpi is None else kpis.format_change(lang, kpi, pace),
        status_key=row.status,
        status=monitor_text.status_text(lang, row),
        tracking=goal_text.render(lang, row.message),
        smart=letters,
        smart_text=goal_table.smart_letters(checks),
        actions=goal.actions,
    )


def kpi_rows(goal_rows: Sequence[model.Goal], lang: str) -> tuple[model.Kpi, ...]:
    used: dict[str, list[str]] = {}
    for g in goal_rows:
        if g.kpi_id:
            used.setdefault(g.kpi_id, []).append(g.title or i18n.t(lang, "goals.tree.untitled"))
    rows = []
    for kpi_id, titles in used.items():
        kpi = kpis.KPIS[kpi_id]
        if kpi.growth == "relative":
            pace = _t(lang, "kpi.relative", pct=i18n.percent(lang, kpi.max_weekly))
        else:
            pace = i18n.t(lang, "goals.tree.pace", pace=kpis.format_change(lang, kpi_id, kpi.max_weekly))
        rows.append(
            model.Kpi(
                kpi_id,
                kpis.name(lang, kpi_id),
                kpis.definition(lang, kpi_id),
                kpis.formula(lang, kpi_id),
                _t(lang, f"unit.{kpi.unit}"),
                _t(lang, "kpi.month" if kpi.period == "month" else "kpi.level"),
                ", ".join(i18n.t(lang, f"kpis.source.{s}") for s in kpi.sources),
                ", ".join(timeline.channel_label(lang, p) for p in kpi.platforms),
                pace,
                tuple(titles),
            )
        )
    return tuple(rows)


def calendar_rows(
    raw: Sequence[Any], activity: pd.DataFrame, today: dt.date, lang: str, goal_titles: Mapping[str, str]
) -> tuple[tuple[model.Item, ...], int]:
    """The valid items with their outcome, by date; and how many items could not be read."""
    by_id: dict[str, calendar.CalendarItem] = {}
    for entry in raw:
        try:
            item = calendar.CalendarItem.from_dict(entry)
        except calendar.CalendarError:
            continue
        by_id.setdefault(item.id, item)  # a repeated id keeps its first item
    items = list(by_id.values())
    if activity.empty or not {"when", "platform", "kind", "text", "link"} <= set(activity.columns):
        activity = pd.DataFrame({c: pd.Series(dtype=object) for c in schema.ACTIVITY_COLUMNS})
        activity = activity.astype({"when": f"datetime64[ns, {timeline.TZ}]"})
    table = calendar.planned_vs_done(items, activity, today).table
    rows = tuple(
        model.Item(
            date=dt.date.fromisoformat(r["date"]),
            time=r["time"] or "",
            channel=timeline.channel_label(lang, r["channel"]),
            title=r["title"],
            goal=goal_titles.get(r["goal"], r["goal"]) if r["goal"] else "",
            place=by_id[r["id"]].place,
            note=by_id[r["id"]].note,
            status=i18n.t(lang, f"timeline.calendar.status.{r['status']}"),
            outcome_key=r["outcome"],
            outcome=i18n.t(lang, f"timeline.calendar.outcome.{r['outcome']}"),
        )
        for r in table.to_dict("records")
    )
    return rows, len(raw) - len(items)


def next_actions(
    goal_rows: Sequence[model.Goal],
    items: Sequence[model.Item],
    business: model.Business,
    mk: model.Market,
    tl: model.Timeline,
    answers: Mapping[str, Any],
    today: dt.date,
    lang: str,
) -> tuple[model.Action, ...]:
    """What to do next: the coming calendar items, SMART fixes, goals behind, planned actions, weak steps."""
    out: list[model.Action] = []
    for i in items:
        if today <= i.date <= today + dt.timedelta(days=model.SOON_DAYS) and i.outcome_key == "upcoming":
            text = _t(lang, "action.calendar", date=i18n.date(lang, i.date), channel=i.channel, title=i.title)
            out.append(model.Action("calendar", text, i.date))
    untitled = i18n.t(lang, "goals.tree.untitled")
    for g in goal_rows:
        if g.fixes:
            out.append(model.Action("fix", _t(lang, "action.fix", goal=g.title or untitled, fix=g.fixes[0].fix)))
        elif g.status_key in model.BEHIND:
            out.append(model.Action("behind", _t(lang, "action.behind", goal=g.title or untitled, message=g.tracking)))
    for g in goal_rows:
        out += [model.Action("goal", _t(lang, "action.goal", goal=g.title or untitled, action=a)) for a in g.actions]
    steps = [s for s, missing in (
        ("business", not business.name), ("goals", not goal_rows), ("market", not mk.customers),
        ("timeline", tl.empty and not items),
    ) if missing]  # fmt: skip
    steps += [s for s in selfcheck.score(dict(answers)).steps if s not in steps]
    for step in steps:
        what = i18n.t(lang, f"step.{step}.what")
        out.append(model.Action("step", _t(lang, "action.step", step=i18n.t(lang, f"step.{step}"), what=what)))
    return tuple(out[: model.MAX_ACTIONS])
