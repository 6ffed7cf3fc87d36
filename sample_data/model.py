"""The shape of a sample business's recipe: who buys, how often, what gets posted, what happens offline.

Dates are ISO strings (``"2025-03-14"``); weights are relative. A spec is plain data: the
simulation in ``customers.py`` and ``activity.py`` turns it into tables with a seeded generator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Mix = tuple[tuple[str, float], ...]  # place keys (see places.py) and weights
FLAT_MONTHS = (1.0,) * 12
FLAT_DAYS = (1.0,) * 7  # Monday first


@dataclass(frozen=True)
class Habit:
    """How the customers of a business buy."""

    orders_per_year: float  # median over customers (lognormal)
    orders_sigma: float
    lifetime_days: float  # mean of the exponential time a customer stays
    amount: float  # median order in EUR (lognormal)
    amount_sigma: float
    month_orders: tuple[float, ...] = FLAT_MONTHS  # how busy each month is
    month_amount: tuple[float, ...] = FLAT_MONTHS  # how big orders are each month
    day_orders: tuple[float, ...] = FLAT_DAYS  # how busy each weekday is (0 = closed)
    closed: tuple[tuple[str, str], ...] = ()  # closed from..to, both included
    abroad_amount: float = 1.0  # orders from abroad are this much bigger
    away_orders: float = 1.0  # customers outside the business's own comune buy this much as often
    one_off: float = 0.0  # share of customers who never come back
    min_amount: float = 1.0


@dataclass(frozen=True)
class Stream:
    """Customers who arrive steadily over a window (busier months bring more)."""

    customers: int
    start: str
    end: str
    mix: Mix
    lifetime: float = 1.0  # multiplier on Habit.lifetime_days (better retention > 1)
    one_off: float | None = None  # share who never come back (None: the habit's)


@dataclass(frozen=True)
class Event:
    """Something that happened offline; it may bring new customers and be announced online."""

    date: str
    time: str  # "HH:MM" local
    kind: str  # "event" (an audience came) or "offline" (flyers, mailings, visits)
    text: str
    place: str
    lat: float
    lon: float
    customers: int = 0  # new customers it brought
    mix: Mix = ()
    lag_days: float = 7.0  # mean delay to their first order; 0 = they bought on the spot
    announce: tuple[str, ...] = ()  # platforms with a post three days before
    announce_text: str = ""
    one_off: float | None = None  # share of them who never come back (None: the habit's)


@dataclass(frozen=True)
class Feed:
    """One kind of content on one platform and how it performs."""

    platform: str
    kind: str
    per_week: tuple[tuple[str, float], ...]  # (from date, posts a week) until the next entry
    hours: tuple[tuple[int, float], ...]  # posting habit: (hour, weight)
    reach_ratio: float  # median reach as a share of the audience
    metrics: dict[str, float]  # metric -> rate per reach (per view when reach is not reported)
    captions: tuple[str, ...]
    seasonal: tuple[tuple[tuple[int, ...], tuple[str, ...]], ...] = ()  # (months, captions)
    morning: tuple[str, ...] = ()  # captions that only make sense before noon
    days: tuple[float, ...] = FLAT_DAYS  # posting habit by weekday
    sigma: float = 0.35  # spread of reach between posts
    views_ratio: float = 1.3  # views per person reached
    reach_reported: bool = True  # False: the platform reports views only
    link: str = ""  # permalink style, see activity.LINKS


@dataclass(frozen=True)
class Spec:
    slug: str
    seed: int
    id_prefix: str
    name: str
    sector: str  # ATECO code
    town: str  # comune name
    town_lat: float  # the business's own spot (a point inside the comune, not its centre)
    town_lon: float
    markets: tuple[str, ...]
    selfcheck: dict[str, int]
    orders_start: str
    end: str  # last day of data
    habit: Habit
    streams: tuple[Stream, ...]
    events: tuple[Event, ...]
    feeds: tuple[Feed, ...]
    audience: dict[str, tuple[tuple[str, float], ...]]  # platform -> (date, followers) points
    hour_perf: dict[int, float]  # how well posts do by hour (missing hours: 1.0)
    day_perf: tuple[float, ...] = FLAT_DAYS
    month_perf: tuple[float, ...] = FLAT_MONTHS
    month_posts: tuple[float, ...] = FLAT_MONTHS  # posting more in busy months
    trend: tuple[tuple[str, float], ...] = ()  # (date, engagement multiplier), linear in between
    channels_extra: tuple[dict[str, Any], ...] = ()  # channels with no activity rows (newsletter...)
    no_followers: tuple[str, ...] = ()  # platforms whose audit shows no follower count
    capital_share: float = 0.4
    signups_only: int = 0  # registered customers who never ordered
    signup_mix: Mix = ()
    messy: tuple[tuple[str, str, str], ...] = ()  # (town, postcode, province) as typed by hand, Italy
    goals: Callable[..., list[dict[str, Any]]] = field(default=lambda **_: [])
