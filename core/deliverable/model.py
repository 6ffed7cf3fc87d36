"""The deliverable's shapes: what each section holds, as plain values, and the limits the builders share.

``core.deliverable.build`` fills them (with ``sections`` and ``market``); the exporters (``pdf``, ``xlsx``,
``markdown``) only read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SECTIONS: tuple[str, ...] = ("business", "selfcheck", "goals", "market", "timeline", "calendar", "actions")
TOP_COMUNI = 5
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
    where: str = ""  # how the place was used in tracking the goal (core.goals.where), "" when it needs no saying
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
class ChannelTotals:
    """What one channel's imported activity adds up to, over everything imported (None: not reported)."""

    channel: str
    posts: int
    reach: int | None
    views: int | None
    interactions: int | None


@dataclass(frozen=True)
class Month:
    """One channel's month (the workbook's timeline sheet): counts as integers, the rate as a share."""

    start: dt.date
    channel: str
    posts: int
    reach: int | None
    views: int | None
    interactions: int | None
    engagement_rate: float | None


@dataclass(frozen=True)
class Timeline:
    months: tuple[str, ...] = ()  # "ago 2026": the last MONTHS months with activity
    rows: tuple[ChannelPosts, ...] = ()
    summary: str = ""  # "149 post dal 03/01/2025 al 27/09/2025 su Instagram, Facebook" ("" with no activity)
    totals: tuple[ChannelTotals, ...] = ()  # per channel, everything imported
    monthly: tuple[Month, ...] = ()  # every month of every channel, oldest first

    @property
    def empty(self) -> bool:
        return not self.totals and not self.rows


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
    room: tuple[str, ...] = ()  # in a workshop: "you and the room" as said at download (its note first)
