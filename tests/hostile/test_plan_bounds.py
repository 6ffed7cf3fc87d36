"""A plan at every edge of its plausible ranges is accepted and then works everywhere.

Before the bounds a plan with ``baseline: 1e308``, a goal starting on ``0001-01-01`` or a calendar item on
``9999-12-31`` passed the check and then broke Goals, Monitor, Timeline, the deliverable and the room
(``decimal.InvalidOperation`` in babel's formatting, ``OverflowError`` in date arithmetic). Now each
number and date is bounded at the door (``tests/core/plan/test_check.py``); this file holds the other
half: a plan with every value AT its bound, and goals whose derived figures are extreme (a billion in a
day: a weekly growth of 10^39 %), opens on every page and in every export without an exception.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from core import fields, i18n
from core.deliverable import build as deliverable
from core.deliverable import markdown as deliverable_markdown
from core.deliverable import pdf as deliverable_pdf
from core.deliverable import xlsx as deliverable_xlsx
from core.goals import measures, smart
from core.goals import text as goal_text
from core.monitor import board
from core.plan import audit, path
from core.plan import plan as plan_mod
from core.workshop import participant, room
from tests.conftest import ROOT
from tests.core.plan.test_check import full_plan
from tests.hostile import conftest

TODAY = dt.date.today()
FIRST, LAST = fields.FIRST_DAY.isoformat(), fields.LAST_DAY.isoformat()
BIG = fields.COUNT_MAX
PAGES = [step.script for step in path.STEPS + path.EXTRA]


def _goal(n: int, kpi: str | None, baseline: float | None, target: float | None, start: str, deadline: str | None):
    return {
        "id": f"g{n}", "objective": "custom", "title": f"Edge {n}", "kpi": kpi, "channels": ["instagram"],
        "baseline": baseline, "target": target, "start": start, "deadline": deadline,
        "place": {"kind": "market", "value": ""}, "actions": ["x"], "owner": "",
    }  # fmt: skip


def edge_plan() -> dict[str, Any]:
    """The full plan with every number and date at a bound, and goals whose pace and growth are extreme."""
    doc = full_plan()
    doc["created"] = FIRST
    doc["business"]["channels"] = [
        {"channel": c, "followers": BIG, "posts_per_week": audit.POSTS_MAX}
        for c in ("facebook", "instagram", "x", "linkedin", "tiktok", "youtube", "google_business")
    ]
    day = TODAY.isoformat()
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    doc["goals"] = [
        _goal(1, "reach", 2000, BIG, day, tomorrow),  # a billion in a day: growth of 10^39 % a week
        _goal(2, "followers", fields.TINY, BIG, FIRST, LAST),  # the whole century, from a millionth
        _goal(3, "revenue", BIG, BIG, LAST, LAST),
        _goal(4, "cost_per_lead", BIG, fields.TINY, FIRST, LAST),
        _goal(5, "engagement_rate", 0, 1, day, tomorrow),
        _goal(6, "rating", 1, 5, FIRST, FIRST),
        _goal(7, "new_customers", BIG, 0, LAST, FIRST),  # a deadline before the start
        _goal(8, None, BIG, BIG, day, None),
        _goal(9, "reach", 0, BIG, day, LAST),
    ]
    doc["followers"] = [{"city": "Roma", "followers": BIG}, {"city": "Tivoli", "followers": 0}]
    doc["calendar"] = [
        {"id": "c1", "date": FIRST, "time": "00:00", "channel": "instagram", "title": "Primo", "goal": "g1"},
        {"id": "c2", "date": LAST, "time": "23:59", "channel": "offline", "title": "Ultimo", "goal": "g2"},
        {"id": "c3", "date": day, "channel": "facebook", "title": "Oggi"},
    ]
    doc["offline"] = [
        {"id": "o1", "date": FIRST, "time": "00:00", "kind": "fair", "place": "Roma", "lat": 41.9, "lon": 12.5},
        {"id": "o2", "date": LAST, "time": "23:59", "kind": "flyers", "place": "", "lat": None, "lon": None},
    ]
    return doc


def test_the_edge_plan_is_accepted_exactly():
    doc = edge_plan()
    assert plan_mod.from_json(plan_mod.to_json(doc)) == doc


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_message_about_an_edge_goal_renders_and_every_export_builds(lang):
    doc = plan_mod.from_json(plan_mod.to_json(edge_plan()))
    from core.goals import goals

    for raw in doc["goals"]:
        goal = goals.Goal.from_dict(raw)
        for check in smart.smart_check(goal, TODAY):
            for message in (check.reason, check.fix):
                if message is not None:
                    assert goal_text.render(lang, message)
    monitor = board.build(doc["goals"], measures.Data(), TODAY)
    assert board.summary_markdown(lang, doc["business"]["name"], monitor)
    built = deliverable.build(doc, measures.Data(), TODAY, lang)
    assert deliverable_pdf.render(built, lang) and deliverable_xlsx.render(built, lang)
    assert deliverable_markdown.render(built, lang)
    summary = room.summary(room.summarise([participant.Member(1, copy.deepcopy(doc))], TODAY))
    assert room.to_csv(summary, lang)


def test_the_edge_plan_opens_on_every_page_in_both_languages_without_an_error():
    from ui import resources

    token = resources.get_store().create(json.loads(plan_mod.to_json(edge_plan())))[0]
    broken = []
    for lang in i18n.LANGS:
        for page in PAGES:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.query_params["lang"], at.query_params["plan"] = lang, token
            at.run()
            if page != "app.py":
                at.switch_page(page).run()
            if at.exception:
                broken.append(f"{page} ({lang}): {at.exception[0].message}")
    conftest.COUNTS["pages opened with a plan at every bound"] += 2 * len(PAGES)
    assert broken == []
