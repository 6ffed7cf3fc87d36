"""The KPI catalogue: what each number means, where it comes from and how fast it can plausibly move.

Texts (name, definition, formula) live in ``core/texts/kpis.py`` under ``kpis.<id>.name`` etc.
Values are in the KPI's unit: counts, shares (``0.034`` for 3.4%), euros, or a 1-5 score.
"Flow" KPIs (``period="month"``) are totals over the last 30 days (reach this month); the others
are levels at a date (followers today). A baseline and a target are always in the same unit.

How fast a KPI can move is a rule of thumb, used by the Achievable check and by the forecasts:
``relative`` KPIs grow by at most ``max_weekly`` (a share, compounding) a week, but never less
than ``min_gain`` units a week, so that a brand-new account is not judged by its tiny base;
``points`` KPIs (rates, the rating) move by at most ``max_weekly`` units a week.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from core import i18n

SOURCES: tuple[str, ...] = ("activity", "audience", "gbp", "customers", "orders", "manual")
UNITS: tuple[str, ...] = ("count", "rate", "eur", "score")
_SOCIAL = ("facebook", "instagram", "tiktok", "youtube", "linkedin", "x")
MAX_WEEKS = 520  # forecasts and "weeks needed" stop at ten years: beyond that the answer is "not at this pace"


@dataclass(frozen=True)
class Kpi:
    id: str
    unit: str  # one of UNITS
    period: str | None  # "month" for totals over the last 30 days, None for a level at a date
    sources: tuple[str, ...]  # which imports it needs (SOURCES)
    platforms: tuple[str, ...]  # channel ids that report it; () when it comes from the business's own records
    growth: str  # "relative" (compounding share a week) or "points" (units a week)
    max_weekly: float
    min_gain: float = 0.0  # relative KPIs: plausible units a week even from a tiny base
    higher_is_better: bool = True
    bounds: tuple[float, float | None] = (0.0, None)


# Thresholds. Follower growth: brands' median monthly Instagram growth was 6-8% in 2015 (TrackMaven,
# 26,965 brands, via MarketingProfs) and about 1.7% in 2023 (aigrow.me benchmark); 5% a week
# compounding is ~24% a month, already very ambitious for a small account (the Goals issue's own rule
# of thumb). Reach, visits and clicks swing more (one good reel, a boosted post): 10% a week. Google
# profile actions and new customers follow real demand, which moves slowly: 5%. Monthly revenue: 3%
# a week is +47% a quarter. Repeat rate: a documented loyalty programme took a restaurant from 12% to
# 21% in five months (~0.45 points a week, rayapp.io glossary): 0.5 points a week is the ceiling.
# Engagement rate: industry guides put small accounts at 2-5%; +0.25 points a week doubles 3% in a
# quarter. Replying to messages is in the owner's hands: 5 points a week. The rating is an average of
# all reviews and moves slowly: 0.02 stars a week (+0.26 in a quarter). The floors (min_gain) are
# judgment calls so that a new account is not failed for ordinary first weeks (25 followers a week is
# a few customers a day following from a sign at the till). Tune all of these here, with workshop data.
KPIS: dict[str, Kpi] = {
    k.id: k
    for k in (
        Kpi("reach", "count", "month", ("activity",), _SOCIAL, "relative", 0.10, 200),
        Kpi("engagement_rate", "rate", "month", ("activity",), _SOCIAL, "points", 0.0025, bounds=(0.0, 1.0)),
        Kpi("profile_visits", "count", "month", ("activity",), _SOCIAL[:5], "relative", 0.10, 30),
        Kpi(
            "link_clicks",
            "count",
            "month",
            ("activity", "gbp"),
            (*_SOCIAL, "google_business", "newsletter"),
            "relative",
            0.10,
            10,
        ),
        Kpi("gbp_views", "count", "month", ("gbp",), ("google_business",), "relative", 0.08, 50),
        Kpi("gbp_directions", "count", "month", ("gbp",), ("google_business",), "relative", 0.05, 2),
        Kpi("gbp_calls", "count", "month", ("gbp",), ("google_business",), "relative", 0.05, 1),
        Kpi("followers", "count", None, ("activity",), _SOCIAL, "relative", 0.05, 25),
        Kpi("followers_in_area", "count", None, ("audience",), ("facebook", "instagram"), "relative", 0.05, 15),
        Kpi("repeat_rate", "rate", None, ("customers", "orders"), (), "points", 0.005, bounds=(0.0, 1.0)),
        Kpi("share_in_area", "rate", None, ("customers",), (), "points", 0.005, bounds=(0.0, 1.0)),
        Kpi("new_customers", "count", "month", ("customers",), (), "relative", 0.05, 2),
        Kpi("revenue", "eur", "month", ("orders",), (), "relative", 0.03, 250),
        Kpi(
            "leads",
            "count",
            "month",
            ("manual",),
            ("website", "whatsapp", "facebook", "instagram", "linkedin", "google_business"),
            "relative",
            0.08,
            1,
        ),
        Kpi(
            "cost_per_lead",
            "eur",
            "month",
            ("manual",),
            ("facebook", "instagram", "linkedin", "google_business"),
            "relative",
            0.05,
            higher_is_better=False,
        ),
        Kpi("reviews", "count", "month", ("gbp", "manual"), ("google_business", "facebook"), "relative", 0.05, 1),
        Kpi("rating", "score", None, ("gbp",), ("google_business", "facebook"), "points", 0.02, bounds=(1.0, 5.0)),
        Kpi(
            "reply_rate",
            "rate",
            "month",
            ("manual",),
            ("facebook", "instagram", "google_business", "whatsapp"),
            "points",
            0.05,
            bounds=(0.0, 1.0),
        ),
    )
}


def name(lang: str, kpi_id: str) -> str:
    return i18n.t(lang, f"kpis.{kpi_id}.name")


def definition(lang: str, kpi_id: str) -> str:
    return i18n.t(lang, f"kpis.{kpi_id}.definition")


def formula(lang: str, kpi_id: str) -> str:
    return i18n.t(lang, f"kpis.{kpi_id}.formula")


def format_value(lang: str, kpi_id: str, value: float) -> str:
    """A KPI value as the owner reads it: ``1.240``, ``3,4%``, ``1.250,00 €``, ``4,3``."""
    unit = KPIS[kpi_id].unit
    if unit == "rate":
        return i18n.percent(lang, value, 1)
    if unit == "eur":
        return i18n.money(lang, value)
    if unit == "score":
        return i18n.number(lang, value, 1)
    return i18n.number(lang, value, 0 if abs(value) >= 10 or float(value).is_integer() else 1)


def format_change(lang: str, kpi_id: str, delta: float) -> str:
    """A change of a KPI (a weekly pace): rates in percentage points, never as a relative percent."""
    unit = KPIS[kpi_id].unit
    if unit == "rate":
        return i18n.t(lang, "kpis.unit.points", n=i18n.number(lang, delta * 100, 2 if abs(delta) < 0.001 else 1))
    if unit == "score":
        return i18n.number(lang, delta, 2)
    return format_value(lang, kpi_id, delta)


def _step(kpi: Kpi, level: float, share: float = 1.0) -> float:
    """The largest plausible one-week move from ``level``, towards better (``share`` of it)."""
    if kpi.growth == "points":
        return kpi.max_weekly * share
    return max(kpi.max_weekly * abs(level), kpi.min_gain) * share


def _clip(kpi: Kpi, value: float) -> float:
    low, high = kpi.bounds
    return max(low, value if high is None else min(high, value))


def reachable(kpi: Kpi, baseline: float, weeks: float, share: float = 1.0) -> float:
    """The best value plausibly reached from ``baseline`` in ``weeks`` (a very good pace, not an average).

    ``share`` scales the weekly pace: 0.5 is half the very good pace, the suggested targets' pace.
    """
    if kpi.growth == "points":
        sign = 1 if kpi.higher_is_better else -1
        return _clip(kpi, baseline + sign * kpi.max_weekly * share * weeks)
    level = float(baseline)
    whole = int(weeks)
    for _ in range(min(whole, MAX_WEEKS)):
        level = _advance(kpi, level, 1.0, share)
    return _clip(kpi, _advance(kpi, level, weeks - whole, share))


def _advance(kpi: Kpi, level: float, fraction: float, share: float) -> float:
    if kpi.higher_is_better:
        return level + _step(kpi, level, share) * fraction
    return level * float((1 - kpi.max_weekly * share) ** fraction)


def weeks_needed(kpi: Kpi, baseline: float, target: float) -> float | None:
    """Weeks to go from ``baseline`` to ``target`` at the plausible maximum pace, None beyond ten years."""
    if not _improves(kpi, baseline, target):
        return 0.0
    if kpi.growth == "points":
        weeks = abs(target - baseline) / kpi.max_weekly
        return weeks if weeks <= MAX_WEEKS else None
    if not kpi.higher_is_better:
        if target <= 0:
            return None
        weeks = math.log(target / baseline) / math.log(1 - kpi.max_weekly)
        return weeks if weeks <= MAX_WEEKS else None
    level, weeks = float(baseline), 0
    while weeks < MAX_WEEKS:
        step = _step(kpi, level)
        if level + step >= target:
            return weeks + (target - level) / step
        level, weeks = level + step, weeks + 1
    return None


def weekly_growth(baseline: float, target: float, weeks: float) -> float | None:
    """The compounding share a week that turns ``baseline`` into ``target`` (None from zero)."""
    if baseline <= 0 or target < 0 or weeks <= 0:
        return None
    return float((target / baseline) ** (1 / weeks)) - 1


def _improves(kpi: Kpi, baseline: float, target: float) -> bool:
    return target > baseline if kpi.higher_is_better else target < baseline


def improves(kpi_id: str, baseline: float, target: float) -> bool:
    """Whether ``target`` is better than ``baseline`` in the KPI's direction."""
    return _improves(KPIS[kpi_id], baseline, target)


def suggested_target(kpi_id: str, baseline: float, weeks: float) -> float:
    """An ambitious but plausible target: half the very good pace for ``weeks``, the gain rounded to 2 digits."""
    kpi = KPIS[kpi_id]
    gain = reachable(kpi, baseline, weeks, share=0.5) - baseline
    if kpi.unit == "rate":
        return round(_clip(kpi, baseline + round(gain, 3)), 4)  # tenths of a percentage point
    if kpi.unit == "score":
        return round(_clip(kpi, baseline + round(gain, 1)), 2)
    if gain:
        gain = round(gain, 1 - int(math.floor(math.log10(abs(gain)))))
        gain = math.copysign(max(1, round(abs(gain))), gain)  # whole units, at least one
    value = _clip(kpi, baseline + gain)
    return int(value) if float(value).is_integer() else round(value, 2)
