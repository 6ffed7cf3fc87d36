"""The plan's deliverable ("la rotta"): what a participant takes home, as plain values.

``build(plan, data, today, lang)`` reads the plan and its tables once and returns a
``Deliverable`` of strings, numbers, dates and tuples, already worded in ``lang``; the exporters
(``core.deliverable.pdf``, ``core.deliverable.xlsx``, ``core.deliverable.markdown``) only lay it out and escape it for
their format. Every section works on an empty plan: ``notes`` says, per section, what is missing.
Customers appear only as counts and revenue per comune, province and distance band, never one by one.

This module holds ``build``; the sections' builders are in ``core.deliverable.sections``,
``core.deliverable.market`` (the market) and ``core.deliverable.timeline`` (the imported activity).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from core import i18n
from core.deliverable import market as deliverable_market
from core.deliverable import sections
from core.deliverable import timeline as deliverable_timeline
from core.deliverable.model import Deliverable
from core.goals import measures, where
from core.plan import plan as plan_mod


def safe_file_name(name: str, created: str, ext: str) -> str:
    """A download name from user text, as the plan's: ``rotta-forno-aurelio-2026-11-27.pdf``."""
    if not re.fullmatch(r"[a-z0-9]{1,5}", ext):
        raise ValueError(f"file extension {ext!r} is not 1-5 lowercase letters or digits")
    return plan_mod.file_name(name, created).removesuffix(".json") + "." + ext


def build(
    plan: Mapping[str, Any], data: measures.Data, today: dt.date, lang: str, places: where.Places | None = None
) -> Deliverable:
    """Everything the deliverable shows, from the plan and its tables, worded in ``lang``; goals are tracked in
    their place (``places``: the plan's saved areas and goal towns, ``core.goals.where``)."""
    last = measures.last_day(data)
    as_of = min(today, last) if last else None
    business = sections.business_section(plan.get("business") or {}, plan.get("sample"), lang)
    check = sections.selfcheck_section(plan.get("selfcheck") or {}, lang)
    goal_dicts = [g for g in plan.get("goals") or []]
    goal_rows = tuple(sections.goal_row(g, data, today, as_of or today, lang, places) for g in goal_dicts)
    titles = {g.id: g.title for g in goal_rows}
    items, skipped = sections.calendar_rows(plan.get("calendar") or [], data.activity, today, lang, titles)
    town = (plan.get("business") or {}).get("town")
    center = (float(town["lat"]), float(town["lon"])) if isinstance(town, Mapping) and "lat" in town else None
    istat = str(town.get("comune_istat") or "") if isinstance(town, Mapping) else ""
    mk = deliverable_market.market_section(data.customers, center, lang, istat)
    tl = deliverable_timeline.section(data.activity, as_of, lang)
    actions = sections.next_actions(goal_rows, items, business, mk, tl, plan.get("selfcheck") or {}, today, lang)
    notes = {
        "business": "" if business.name else _t(lang, "missing.business"),
        "selfcheck": "" if check.answered else _t(lang, "missing.selfcheck"),
        "goals": "" if goal_rows else _t(lang, "missing.goals"),
        "market": _t(lang, "missing.market") if not mk.customers else "" if center else _t(lang, "missing.location"),
        "timeline": "" if not tl.empty else _t(lang, "missing.timeline"),
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
