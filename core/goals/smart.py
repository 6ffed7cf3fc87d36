"""The SMART check of a goal, live as it is written: five letters, each passed or failed with a reason and a fix.

Each check reads only the goal (and ``today`` for deadlines); reasons and fixes are
``i18n.Message`` objects rendered by ``core.goal_text.render``. A failed check always carries a
concrete fix (a KPI to pick, a value or a date to enter); a passed one has ``fix=None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.goals import goals, kpis, objectives, vanity
from core.i18n import Message

MIN_WEEKS = 4  # shorter than this, weekly data cannot tell a trend from noise (tracking asks the same)
MAX_WEEKS = 53  # further than a year, a goal needs a milestone to steer by


@dataclass(frozen=True)
class Check:
    letter: str  # "S", "M", "A", "R" or "T"
    passed: bool
    reason: Message
    fix: Message | None


def smart_check(goal: goals.Goal, today: dt.date) -> list[Check]:
    """The five checks in order: Specific, Measurable, Achievable, Relevant, Time-bound."""
    return [specific(goal), measurable(goal), achievable(goal), relevant(goal), time_bound(goal, today)]


def _fail(letter: str, key: str, fix_key: str, **params: object) -> Check:
    return Check(letter, False, Message(f"goals.smart.{key}", params), Message(f"goals.smart.{fix_key}", params))


def _pass(letter: str, key: str, **params: object) -> Check:
    return Check(letter, True, Message(f"goals.smart.{key}", params), None)


def _suggested_channels(goal: goals.Goal) -> tuple[str, ...]:
    named = vanity.title_channels(goal.title)
    if named:
        return named
    return kpis.KPIS[goal.kpi].platforms[:3] if goal.kpi and kpis.KPIS[goal.kpi].platforms else ("instagram",)


def specific(goal: goals.Goal) -> Check:
    """What changes, on which channels, where, and who looks after it."""
    if not goal.title.strip():
        return _fail("S", "s.no_title", "s.fix_title")
    suggested = objectives.objective_kpis(goal.objective)[:3]
    if goal.kpi is None and vanity.is_vague(goal.title):
        return _fail("S", "s.vague", "s.fix_vague", title=goal.title, kpis=suggested)
    if not goal.channels:
        return _fail("S", "s.no_channel", "s.fix_channel", channels=_suggested_channels(goal))
    if goal.place.kind != "market" and not goal.place.value.strip():
        return _fail("S", "s.no_place", "s.fix_place", place_kind=goal.place.kind)
    if not goal.owner.strip():
        return _fail("S", "s.no_owner", "s.fix_owner")
    where = goal.place.value if goal.place.kind != "market" else ""
    key = "s.ok_place" if where else "s.ok_abroad" if goal.place == goals.Place("market", "abroad") else "s.ok"
    return _pass("S", key, channels=goal.channels, place=where, owner=goal.owner)


def measurable(goal: goals.Goal) -> Check:
    """A KPI, a starting value and a value to reach."""
    if goal.kpi is None:
        return _fail("M", "m.no_kpi", "m.fix_kpi", kpis=objectives.objective_kpis(goal.objective)[:3])
    sources = kpis.KPIS[goal.kpi].sources
    if goal.baseline is None:
        return _fail("M", "m.no_baseline", "m.fix_baseline", kpi=goal.kpi, sources=sources)
    if goal.target is None:
        weeks = goals.weeks_between(goal.start, goal.deadline or goals.default_deadline(goal.start))
        example = kpis.suggested_target(goal.kpi, goal.baseline, max(weeks, 1.0))
        return _fail("M", "m.no_target", "m.fix_target", kpi=goal.kpi, example_val=example)
    return _pass("M", "m.ok", kpi=goal.kpi, baseline_val=goal.baseline, target_val=goal.target, sources=sources)


def achievable(goal: goals.Goal) -> Check:
    """The target against the baseline and the plausible weekly growth of the KPI."""
    for missing, value in (("kpi", goal.kpi), ("baseline", goal.baseline), ("target", goal.target)):
        if value is None:
            return _fail("A", "a.unknown", "a.fix_unknown", missing=missing)
    if goal.deadline is None:
        return _fail("A", "a.unknown", "a.fix_unknown", missing="deadline")
    assert goal.kpi is not None and goal.baseline is not None and goal.target is not None
    kpi = kpis.KPIS[goal.kpi]
    weeks = goals.weeks_between(goal.start, goal.deadline)
    if weeks <= 0:
        return _fail("A", "a.no_time", "a.fix_no_time", deadline_date=goal.deadline)
    params: dict[str, object] = {
        "kpi": goal.kpi, "baseline_val": goal.baseline, "target_val": goal.target, "deadline_date": goal.deadline,
        "weeks_n": round(weeks), "pace_delta": (goal.target - goal.baseline) / weeks,
    }  # fmt: skip
    if not kpis.improves(goal.kpi, goal.baseline, goal.target):
        better = kpis.suggested_target(goal.kpi, goal.baseline, weeks)
        key = "a.no_change" if kpi.higher_is_better else "a.no_change_down"
        return _fail("A", key, "a.fix_no_change", example_val=better, **params)
    best = kpis.reachable(kpi, goal.baseline, weeks)
    params["reachable_val"] = best
    if kpis.improves(goal.kpi, best, goal.target):
        return _implausible(goal, kpi, weeks, params)
    return _pass("A", "a.ok", **params)


def _implausible(goal: goals.Goal, kpi: kpis.Kpi, weeks: float, params: dict[str, object]) -> Check:
    assert goal.baseline is not None and goal.target is not None
    growth = kpis.weekly_growth(goal.baseline, goal.target, weeks)
    compounding = kpi.growth == "relative" and growth is not None and kpi.max_weekly * goal.baseline >= kpi.min_gain
    key = "a.too_much_pct" if compounding else "a.too_much"
    if compounding and growth is not None:
        params["growth_pct"] = abs(growth)
        params["max_pct"] = kpi.max_weekly
    needed = kpis.weeks_needed(kpi, goal.baseline, goal.target)
    if needed is None:
        return _fail("A", key, "a.fix_lower", **params)
    params["needed_date"] = goal.start + dt.timedelta(days=int(needed * 7) + 1)
    return _fail("A", key, "a.fix_too_much", **params)


def relevant(goal: goals.Goal) -> Check:
    """The KPI measures the objective the goal serves."""
    suggested = [k for k in objectives.objective_kpis(goal.objective)[:3] if k != goal.kpi]
    if goal.kpi is None:
        return _fail("R", "r.no_kpi", "r.fix_kpi", objective=goal.objective, kpis=suggested)
    if goal.objective == "custom":
        return _pass("R", "r.custom", kpi=goal.kpi)
    if goal.kpi in objectives.objective_kpis(goal.objective):
        return _pass("R", "r.ok", kpi=goal.kpi, objective=goal.objective)
    return _fail("R", "r.mismatch", "r.fix_mismatch", kpi=goal.kpi, objective=goal.objective, kpis=suggested)


def time_bound(goal: goals.Goal, today: dt.date) -> Check:
    """A deadline after the start, not past, neither too close to measure nor too far to steer."""
    example = goals.default_deadline(max(goal.start, today))
    if goal.deadline is None:
        return _fail("T", "t.no_deadline", "t.fix_deadline", example_date=example)
    params: dict[str, object] = {"deadline_date": goal.deadline, "start_date": goal.start, "example_date": example}
    weeks = goals.weeks_between(goal.start, goal.deadline)
    if weeks <= 0:
        return _fail("T", "t.before_start", "t.fix_deadline", **params)
    if goal.deadline < today:
        return _fail("T", "t.past", "t.fix_past", **params)
    params["weeks_n"] = round(weeks)
    if weeks < MIN_WEEKS:
        return _fail("T", "t.too_short", "t.fix_deadline", min_n=MIN_WEEKS, **params)
    if weeks > MAX_WEEKS:
        return _fail("T", "t.too_far", "t.fix_too_far", **params)
    return _pass("T", "t.ok", **params)
