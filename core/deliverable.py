"""The plan's deliverable ("la rotta"): what a participant takes home, as plain values.

``build(plan, data, today, lang)`` reads the plan and its tables once and returns a
``Deliverable`` of strings, numbers, dates and tuples, already worded in ``lang``; the exporters
(``core.export_pdf``, ``core.export_xlsx``, ``core.export_md``) only lay it out and escape it for
their format. Every section works on an empty plan: ``notes`` says, per section, what is missing.
Customers appear only as counts and revenue per comune, province and distance band, never one by one.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from core import (
    calendar,
    catchment,
    goal_table,
    goal_text,
    i18n,
    kpis,
    market,
    market_summary,
    measures,
    monitor,
    monitor_text,
    objectives,
    samples,
    schema,
    selfcheck,
    smart,
    timeline,
)
from core import goals as goals_mod
from core import plan as plan_mod

SECTIONS: tuple[str, ...] = ("business", "selfcheck", "goals", "market", "timeline", "calendar", "actions")
TOP_COMUNI = 5
RING_LADDER: tuple[float, ...] = (1, 3, 5, 10, 25, 50, 100, 250, 500)  # km; four rings around the 80th percentile
MONTHS = 3
SOON_DAYS = 14  # calendar items this close are next actions
MAX_ACTIONS = 12
BEHIND = ("at_risk", "off_track")


@dataclass(frozen=True)
class Channel:
    name: str
    followers: float | None
    posts_per_week: float | None


@dataclass(frozen=True)
class Business:
    name: str  # "" when not given
    sector: str
    town: str
    markets: tuple[str, ...]
    channels: tuple[Channel, ...]
    sample: str  # the sample's display name, "" for the owner's own plan


@dataclass(frozen=True)
class SelfCheck:
    answered: int
    questions: int
    score: int
    maximum: int
    headline: str
    focus: tuple[str, ...]  # step names, weakest first


@dataclass(frozen=True)
class Letter:
    letter: str  # S, M, A, R, T
    name: str
    passed: bool
    reason: str
    fix: str  # "" when passed


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    problem: str = ""  # why the goal could not be read ("" for a valid goal); then only id and title are set
    objective: str = ""
    kpi_id: str = ""
    kpi: str = ""
    unit: str = ""  # kpis.UNITS, "" without a KPI
    channels: tuple[str, ...] = ()
    place: str = ""
    owner: str = ""
    start: dt.date | None = None
    deadline: dt.date | None = None
    baseline: float | None = None  # in the KPI's unit (shares for rates)
    target: float | None = None
    current: float | None = None
    pace: float | None = None  # KPI units a week still needed
    baseline_text: str = ""
    target_text: str = ""
    current_text: str = ""
    pace_text: str = ""
    status_key: str = ""  # tracking.STATUSES
    status: str = ""
    tracking: str = ""  # the tracking sentence
    smart: tuple[Letter, ...] = ()
    smart_text: str = ""  # "S✓ M✓ A✗ R✓ T✓"
    actions: tuple[str, ...] = ()

    @property
    def fixes(self) -> tuple[Letter, ...]:
        return tuple(letter for letter in self.smart if not letter.passed)


@dataclass(frozen=True)
class Kpi:
    id: str
    name: str
    definition: str
    formula: str
    unit: str
    period: str
    sources: str
    platforms: str
    max_weekly: str
    goals: tuple[str, ...]  # titles of the goals measured by it


@dataclass(frozen=True)
class Area:
    level: str  # comune | province
    name: str
    province: str
    country: str
    customers: int
    revenue: float
    share_customers: float
    share_revenue: float


@dataclass(frozen=True)
class Ring:
    label: str
    outer_km: float | None  # None for "beyond" and "not placed"
    customers: int
    share_customers: float
    cum_share_customers: float
    revenue: float
    share_revenue: float


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    customers: int
    name: str


@dataclass(frozen=True)
class Market:
    customers: int = 0
    placed: int = 0
    revenue: float = 0.0
    center: tuple[float, float] | None = None
    comuni: tuple[Area, ...] = ()  # every comune (or town abroad), most customers first
    provinces: tuple[Area, ...] = ()
    rings: tuple[Ring, ...] = ()
    radii_km: tuple[float, ...] = ()
    points: tuple[MapPoint, ...] = ()  # placed customers per place, most first
    sentences: tuple[str, ...] = ()

    @property
    def top(self) -> tuple[Area, ...]:
        return self.comuni[:TOP_COMUNI]


@dataclass(frozen=True)
class ChannelPosts:
    channel: str
    counts: tuple[int, ...]  # one per month of Timeline.months


@dataclass(frozen=True)
class Timeline:
    months: tuple[str, ...] = ()  # "ago 2026"
    rows: tuple[ChannelPosts, ...] = ()


@dataclass(frozen=True)
class Item:
    date: dt.date
    time: str
    channel: str
    title: str
    goal: str
    place: str
    note: str
    status: str
    outcome_key: str
    outcome: str


@dataclass(frozen=True)
class Action:
    kind: str  # calendar | fix | behind | goal | step
    text: str
    when: dt.date | None = None


@dataclass(frozen=True)
class Deliverable:
    lang: str
    today: dt.date
    as_of: dt.date | None  # the last day the data covers
    heading: str
    subtitle: str
    business: Business
    selfcheck: SelfCheck
    goals: tuple[Goal, ...]
    kpis: tuple[Kpi, ...]
    market: Market
    timeline: Timeline
    calendar: tuple[Item, ...]
    actions: tuple[Action, ...]
    notes: dict[str, str] = field(default_factory=dict)  # section -> what is missing ("" or absent: nothing)


_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def plain_text(text: object) -> str:
    """User text without control, zero-width or bidi-override characters (which hide or reverse what is shown);
    line breaks become ``\\n``, tabs stay."""
    return _INVISIBLE.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def safe_file_name(name: str, created: str, ext: str) -> str:
    """A download name from user text, as the plan's: ``rotta-forno-aurelio-2026-11-27.pdf``."""
    if not re.fullmatch(r"[a-z0-9]{1,5}", ext):
        raise ValueError(f"file extension {ext!r} is not 1-5 lowercase letters or digits")
    return plan_mod.file_name(name, created).removesuffix(".json") + "." + ext


def build(plan: Mapping[str, Any], data: measures.Data, today: dt.date, lang: str) -> Deliverable:
    """Everything the deliverable shows, from the plan and its tables, worded in ``lang``."""
    last = measures.last_day(data)
    as_of = min(today, last) if last else None
    business = _business(plan.get("business") or {}, plan.get("sample"), lang)
    check = _selfcheck(plan.get("selfcheck") or {}, lang)
    goal_dicts = [g for g in plan.get("goals") or []]
    goal_rows = tuple(_goal(g, data, today, as_of or today, lang) for g in goal_dicts)
    titles = {g.id: g.title for g in goal_rows}
    items, skipped = _calendar(plan.get("calendar") or [], data.activity, today, lang, titles)
    town = (plan.get("business") or {}).get("town")
    center = (float(town["lat"]), float(town["lon"])) if isinstance(town, Mapping) and "lat" in town else None
    mk = _market(data.customers, center, lang)
    tl = _timeline(data.activity, as_of, lang)
    actions = _actions(goal_rows, items, business, mk, tl, plan.get("selfcheck") or {}, today, lang)
    notes = {
        "business": "" if business.name else _t(lang, "missing.business"),
        "selfcheck": "" if check.answered else _t(lang, "missing.selfcheck"),
        "goals": "" if goal_rows else _t(lang, "missing.goals"),
        "market": _t(lang, "missing.market") if not mk.customers else "" if center else _t(lang, "missing.location"),
        "timeline": "" if tl.rows else _t(lang, "missing.timeline"),
        "calendar": " ".join(
            ([] if items else [_t(lang, "missing.calendar")])
            + ([_t(lang, "calendar.skipped", n=skipped)] if skipped else [])
        ),
        "actions": "" if actions else _t(lang, "missing.actions"),
    }
    made = [_t(lang, "made", date=i18n.date(lang, today))]
    made += [_t(lang, "data_until", date=i18n.date(lang, as_of))] if as_of else []
    made += [_t(lang, "sample", name=business.sample)] if business.sample else []
    return Deliverable(
        lang=lang,
        today=today,
        as_of=as_of,
        heading=_t(lang, "title", name=business.name or _t(lang, "unnamed")),
        subtitle=" · ".join(made),
        business=business,
        selfcheck=check,
        goals=goal_rows,
        kpis=_kpis(goal_rows, lang),
        market=mk,
        timeline=tl,
        calendar=items,
        actions=actions,
        notes=notes,
    )


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"deliverable.{key}", **params)


def _business(raw: Mapping[str, Any], sample: Any, lang: str) -> Business:
    sector, town = raw.get("sector"), raw.get("town")
    sector_text = f"{sector.get('code', '')} · {sector.get('title', '')}" if isinstance(sector, Mapping) else ""
    town_text = ""
    if isinstance(town, Mapping) and town.get("name"):
        where = town.get("province") or town.get("country") or ""
        town_text = f"{town['name']} ({where})" if where else str(town["name"])
    channels = tuple(
        Channel(timeline.channel_label(lang, str(c.get("channel"))), c.get("followers"), c.get("posts_per_week"))
        for c in raw.get("channels") or []
        if isinstance(c, Mapping)
    )
    markets = tuple(i18n.t(lang, f"business.market.{m}") for m in raw.get("markets") or [] if m in schema.MARKETS)
    sample_name = samples.sample_names(lang).get(sample, "") if isinstance(sample, str) else ""
    return Business(str(raw.get("name") or ""), sector_text, town_text, markets, channels, sample_name)


def _selfcheck(answers: Mapping[str, Any], lang: str) -> SelfCheck:
    result = selfcheck.score(dict(answers))
    focus = tuple(i18n.t(lang, f"step.{s}") for s in result.steps)
    questions = len(selfcheck.QUESTIONS)
    return SelfCheck(result.answered, questions, result.score, result.maximum, result.headline.render(lang), focus)


def _goal(raw: Any, data: measures.Data, today: dt.date, as_of: dt.date, lang: str) -> Goal:
    try:
        goal = goals_mod.Goal.from_dict(raw)
    except goals_mod.GoalError as error:
        title = str(raw.get("title") or "") if isinstance(raw, Mapping) else ""
        goal_id = str(raw.get("id") or "") if isinstance(raw, Mapping) else ""
        reason = goal_text.render(lang, error.message)
        return Goal(goal_id, title, problem=_t(lang, "goal.invalid", reason=reason))
    checks = smart.smart_check(goal, today)
    row = monitor.board_row(raw, data, as_of)
    kpi = goal.kpi

    def value(v: float | None) -> str:
        return "" if v is None or kpi is None else kpis.format_value(lang, kpi, v)

    pace = None if row.reached else row.pace_needed
    pace = goals_mod.required_pace(goal, today) if pace is None and not row.reached else pace
    letters = tuple(
        Letter(
            c.letter,
            i18n.t(lang, f"goals.smart.letter.{c.letter}"),
            c.passed,
            goal_text.render(lang, c.reason),
            goal_text.render(lang, c.fix) if c.fix else "",
        )
        for c in checks
    )
    return Goal(
        id=goal.id,
        title=goal.title,
        objective=objectives.name(lang, goal.objective),
        kpi_id=kpi or "",
        kpi=kpis.name(lang, kpi) if kpi else "",
        unit=kpis.KPIS[kpi].unit if kpi else "",
        channels=tuple(timeline.channel_label(lang, c) for c in goal.channels),
        place=goal_text.place_text(lang, goal.place.kind, goal.place.value),
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


def _kpis(goal_rows: Sequence[Goal], lang: str) -> tuple[Kpi, ...]:
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
            Kpi(
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


def _calendar(
    raw: Sequence[Any], activity: pd.DataFrame, today: dt.date, lang: str, goal_titles: Mapping[str, str]
) -> tuple[tuple[Item, ...], int]:
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
        Item(
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


def _radii(dist_p80: float) -> tuple[float, ...]:
    """Four rings of the ladder, the outermost holding about 80% of the placed customers."""
    if not math.isfinite(dist_p80):
        return RING_LADDER[:4]
    outer = next((i for i, r in enumerate(RING_LADDER) if r >= dist_p80), len(RING_LADDER) - 1)
    outer = max(outer, 3)
    return RING_LADDER[outer - 3 : outer + 1]


def _market(customers: pd.DataFrame, center: tuple[float, float] | None, lang: str) -> Market:
    if customers.empty:
        return Market(center=center)
    df = customers.reindex(columns=list(schema.CUSTOMER_COLUMNS))
    df["revenue"] = pd.to_numeric(df["revenue"], errors="coerce").fillna(0.0)
    df["orders"] = pd.to_numeric(df["orders"], errors="coerce").fillna(0)
    for name in ("lat", "lon"):
        df[name] = pd.to_numeric(df[name], errors="coerce")
    facts = market_summary.facts(df, center, None)
    comuni = tuple(
        Area("comune", str(r["town"]), str(r["province"]), str(r["country"]), int(r["customers"]),
             float(r["revenue"]), float(r["share_customers"]), float(r["share_revenue"]))
        for r in market.by_comune(df).to_dict("records")
    )  # fmt: skip
    provinces = tuple(
        Area("province", str(r["province"]), str(r["province"]), str(r["country"]), int(r["customers"]),
             float(r["revenue"]), float(r["share_customers"]), float(r["share_revenue"]))
        for r in market.by_province(df).to_dict("records")
    )  # fmt: skip
    rings: tuple[Ring, ...] = ()
    radii: tuple[float, ...] = ()
    if center is not None:
        radii = _radii(facts.p80_km)
        rings = tuple(_ring(r, radii, lang) for r in catchment.rings(df, center, radii).to_dict("records"))
    placed = df[df["lat"].notna() & df["lon"].notna()]
    groups = placed.assign(lat=placed["lat"].round(4), lon=placed["lon"].round(4), town=placed["town"].astype(str))
    groups = groups.groupby(["lat", "lon"], sort=False).agg(customers=("town", "size"), name=("town", "first"))
    groups = groups.sort_values("customers", ascending=False, kind="stable").reset_index()
    points = tuple(MapPoint(float(r.lat), float(r.lon), int(r.customers), str(r.name)) for r in groups.itertuples())
    sentences = tuple(m.render(lang) for m in market_summary.messages(facts, lang))
    return Market(
        facts.customers, facts.placed, facts.revenue, center, comuni, provinces, rings, radii, points, sentences
    )


def _ring(r: Mapping[str, Any], radii: Sequence[float], lang: str) -> Ring:
    if r["band"] == "unplaced":
        label, outer = _t(lang, "ring.unplaced"), None
    elif r["band"] == "outside":
        label, outer = _t(lang, "ring.outside", km=i18n.number(lang, radii[-1])), None
    else:
        inner, outer = i18n.number(lang, r["inner_km"]), float(r["outer_km"])
        label = _t(lang, "ring.band", inner=inner, outer=i18n.number(lang, outer))
    keys = ("share_customers", "cum_share_customers", "revenue", "share_revenue")
    return Ring(label, outer, int(r["customers"]), *(0.0 if pd.isna(r[k]) else float(r[k]) for k in keys))


def _timeline(activity: pd.DataFrame, as_of: dt.date | None, lang: str) -> Timeline:
    """Posts per channel in the last three calendar months up to ``as_of`` (the last one may be partial)."""
    if as_of is None or activity.empty or not set(timeline.ACTIVITY_NEEDED) <= set(activity.columns):
        return Timeline()
    last = pd.Timestamp(as_of).to_period("M")
    starts = [(last - n).to_timestamp() for n in range(MONTHS - 1, -1, -1)]
    names = tuple(f"{i18n.t(lang, f'timeline.month_short.{s.month}')} {s.year}" for s in starts)
    table = timeline.over_time(activity, "month")
    table = table[table["start"].isin(starts)]
    rows = []
    for platform in timeline.platform_order(set(table["platform"])):
        mine = table[table["platform"] == platform].groupby("start")["posts"].sum()
        rows.append(ChannelPosts(timeline.channel_label(lang, platform), tuple(int(mine.get(s, 0)) for s in starts)))
    offline = timeline.offline_actions(activity)
    if len(offline):
        month = offline["when"].dt.to_period("M").dt.to_timestamp()
        counts = tuple(int((month == s).sum()) for s in starts)
        if any(counts):
            rows.append(ChannelPosts(_t(lang, "timeline.offline"), counts))
    return Timeline(names, tuple(rows))


def _actions(
    goal_rows: Sequence[Goal],
    items: Sequence[Item],
    business: Business,
    mk: Market,
    tl: Timeline,
    answers: Mapping[str, Any],
    today: dt.date,
    lang: str,
) -> tuple[Action, ...]:
    """What to do next: the coming calendar items, SMART fixes, goals behind, planned actions, weak steps."""
    out: list[Action] = []
    for i in items:
        if today <= i.date <= today + dt.timedelta(days=SOON_DAYS) and i.outcome_key == "upcoming":
            text = _t(lang, "action.calendar", date=i18n.date(lang, i.date), channel=i.channel, title=i.title)
            out.append(Action("calendar", text, i.date))
    untitled = i18n.t(lang, "goals.tree.untitled")
    for g in goal_rows:
        if g.fixes:
            out.append(Action("fix", _t(lang, "action.fix", goal=g.title or untitled, fix=g.fixes[0].fix)))
        elif g.status_key in BEHIND:
            out.append(Action("behind", _t(lang, "action.behind", goal=g.title or untitled, message=g.tracking)))
    for g in goal_rows:
        out += [Action("goal", _t(lang, "action.goal", goal=g.title or untitled, action=a)) for a in g.actions]
    steps = [s for s, missing in (
        ("business", not business.name), ("goals", not goal_rows), ("market", not mk.customers),
        ("timeline", not tl.rows and not items),
    ) if missing]  # fmt: skip
    steps += [s for s in selfcheck.score(dict(answers)).steps if s not in steps]
    for step in steps:
        what = i18n.t(lang, f"step.{step}.what")
        out.append(Action("step", _t(lang, "action.step", step=i18n.t(lang, f"step.{step}"), what=what)))
    return tuple(out[:MAX_ACTIONS])
