"""The plan's deliverable ("la rotta"): what a participant takes home, as plain values.

``build(plan, data, today, lang)`` reads the plan and its tables once and returns a
``Deliverable`` of strings, numbers, dates and tuples, already worded in ``lang``; the exporters
(``core.export_pdf``, ``core.export_xlsx``, ``core.export_md``) only lay it out and escape it for
their format. Every section works on an empty plan: ``notes`` says, per section, what is missing.
Customers appear only as counts and revenue per comune, province and distance band, never one by one.

This module holds the shapes, the limits and ``build``; the sections' builders are in
``core.deliverable_sections`` and ``core.deliverable_market`` (the market).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core import deliverable_market, i18n, measures
from core import deliverable_sections as sections
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
    business = sections.business_section(plan.get("business") or {}, plan.get("sample"), lang)
    check = sections.selfcheck_section(plan.get("selfcheck") or {}, lang)
    goal_dicts = [g for g in plan.get("goals") or []]
    goal_rows = tuple(sections.goal_row(g, data, today, as_of or today, lang) for g in goal_dicts)
    titles = {g.id: g.title for g in goal_rows}
    items, skipped = sections.calendar_rows(plan.get("calendar") or [], data.activity, today, lang, titles)
    town = (plan.get("business") or {}).get("town")
    center = (float(town["lat"]), float(town["lon"])) if isinstance(town, Mapping) and "lat" in town else None
    mk = deliverable_market.market_section(data.customers, center, lang)
    tl = sections.timeline_section(data.activity, as_of, lang)
    actions = sections.next_actions(goal_rows, items, business, mk, tl, plan.get("selfcheck") or {}, today, lang)
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
        kpis=sections.kpi_rows(goal_rows, lang),
        market=mk,
        timeline=tl,
        calendar=items,
        actions=actions,
        notes=notes,
    )


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"deliverable.{key}", **params)
