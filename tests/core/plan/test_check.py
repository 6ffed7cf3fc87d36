"""``core.plan.check``: a plan file that any page could not show is refused, naming the field; a sound one
(every sample, every section filled, hostile text included) passes unchanged."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from core import i18n, samples
from core.calendar import calendar
from core.plan import check as plan_check
from core.plan import plan
from core.timeline import offline_actions
from tests.hostile.corpus import PAYLOADS

TODAY = dt.date(2026, 11, 27)
FORLI = {"name": "Forlì", "comune_istat": "040012", "province": "FC", "region": "Emilia-Romagna", "country": "IT",
         "lat": 44.2225, "lon": 12.0408, "approx": False}  # fmt: skip


def full_plan() -> dict[str, Any]:
    """The forno sample with one entry or more in every section the pages read."""
    sample = samples.load_sample("forno")
    doc = plan.from_sample("forno", sample.profile, sample.goals, TODAY)
    doc["business"]["sites"] = [{"name": "Laboratorio", "town": dict(FORLI)}]
    doc["areas"] = [
        {"name": "Quartiere", "circle": {"lat": 41.9, "lon": 12.5, "radius_km": 2}},
        {"name": "Centro", "polygon": [[12.4, 41.8], [12.6, 41.8], [12.5, 42.0]]},
    ]
    doc["competitors"] = [{"name": "Forno Rivale", "town": dict(FORLI)}]
    doc["followers"] = [{"city": "Roma", "followers": 120}, {"city": "Tivoli", "followers": None}]
    doc["calendar"] = [
        calendar.CalendarItem.from_dict(
            {"id": "c1", "date": "2026-12-01", "channel": "facebook", "title": "Panettone", "place": "Roma"}
        ).to_dict()
    ]
    doc["offline"] = [
        offline_actions.new_action(
            [], TODAY, date=TODAY - dt.timedelta(days=3), kind="fair", place={"name": "Roma", "lat": 41.9, "lon": 12.5}
        )
    ]
    return doc


def _set(doc: dict[str, Any], path: tuple, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    target = changed
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()


@pytest.mark.parametrize("slug", samples.SLUGS)
def test_every_sample_plan_passes(slug):
    sample = samples.load_sample(slug)
    doc = plan.from_sample(slug, sample.profile, sample.goals, TODAY)
    assert plan_check.problem(doc) is None


def test_a_plan_with_every_section_filled_passes_and_round_trips_through_its_file():
    doc = full_plan()
    assert plan_check.problem(doc) is None
    assert plan.from_json(plan.to_json(doc)) == doc


def test_hostile_text_in_every_text_field_is_data_not_a_problem():
    doc = full_plan()
    for i, text in enumerate(PAYLOADS.values()):
        doc["competitors"].append({"name": text, "town": {**FORLI, "name": text, "province": text}})
        doc["followers"].append({"city": text, "followers": i})
        doc["areas"].append({"name": text, "circle": {"lat": 41.9, "lon": 12.5, "radius_km": 1 + i}})
    doc["business"]["name"] = " ".join(PAYLOADS.values())[: plan_check.TEXT_MAX]
    assert plan_check.problem(doc) is None


# (path, bad value, the message's key, its params that name where): each one crashed a page before.
BAD = [
    (("created",), 5, "plan.err.field", {"field": "created"}),
    (("created",), "yesterday", "plan.err.field", {"field": "created"}),
    (("sample",), 5, "plan.err.field", {"field": "sample"}),
    (("sample",), {"a": 1}, "plan.err.field", {"field": "sample"}),
    (("sample",), "pizzeria", "plan.err.field", {"field": "sample"}),
    (("business", "name"), "x" * (plan_check.TEXT_MAX + 1), "plan.err.field", {"field": "business.name"}),
    (("business", "sector"), 5, "plan.err.field", {"field": "business.sector"}),
    (("business", "sector"), "x", "plan.err.field", {"field": "business.sector"}),
    (("business", "sector"), {"a": 1}, "plan.err.field", {"field": "business.sector"}),
    (("business", "sector", "code"), None, "plan.err.field", {"field": "business.sector"}),
    (("business", "sector", "code"), [], "plan.err.field", {"field": "business.sector"}),
    (("business", "sector", "title"), None, "plan.err.field", {"field": "business.sector"}),
    (("business", "town", "name"), None, "plan.err.place", {"field": "business.town"}),
    (("business", "town", "name"), 5, "plan.err.place", {"field": "business.town"}),
    (("business", "town", "province"), None, "plan.err.place", {"field": "business.town"}),
    (("business", "town", "province"), 5, "plan.err.place", {"field": "business.town"}),
    (("business", "town", "lat"), 91, "plan.err.place", {"field": "business.town"}),
    (("business", "town", "lat"), True, "plan.err.place", {"field": "business.town"}),
    (("business", "sites"), {"a": 1}, "plan.err.field", {"field": "business.sites"}),
    (("business", "sites", 0, "town"), "Forlì", "plan.err.entry", {"section": "business.sites", "row": 1}),
    (("areas", 0, "circle", "radius_km"), -1.5, "plan.err.entry", {"section": "areas", "row": 1}),
    (("areas", 0, "name"), _DELETE, "plan.err.entry", {"section": "areas", "row": 1}),
    (("areas", 1, "polygon"), [[12.4, 41.8], [12.6, 41.8]], "plan.err.entry", {"section": "areas", "row": 2}),
    (("areas", 1, "polygon", 0), [12.4, "north"], "plan.err.entry", {"section": "areas", "row": 2}),
    (("areas", 1), "Centro", "plan.err.entry", {"section": "areas", "row": 2}),
    (("competitors", 0, "name"), None, "plan.err.entry", {"section": "competitors", "row": 1}),
    (("competitors", 0, "town", "lon"), "12", "plan.err.entry", {"section": "competitors", "row": 1}),
    (("followers", 1, "followers"), -1.5, "plan.err.entry", {"section": "followers", "row": 2}),
    (("followers", 0, "city"), [], "plan.err.entry", {"section": "followers", "row": 1}),
    (("goals", 0, "deadline"), "soon", "plan.err.goal", {"n": 1}),
    (("goals", 0, "kpi"), "likes_on_mars", "plan.err.goal", {"n": 1}),
    (("goals", 0), 5, "plan.err.goal", {"n": 1}),
    (("calendar", 0, "date"), 5, "plan.err.entry", {"section": "calendar", "row": 1}),
    (("calendar", 0), "x", "plan.err.entry", {"section": "calendar", "row": 1}),
    (("offline", 0, "date"), None, "plan.err.entry", {"section": "offline", "row": 1}),
]


@pytest.mark.parametrize(
    ("path", "value", "key", "where"), BAD, ids=[f"{'.'.join(map(str, b[0]))}={b[1]!r}"[:60] for b in BAD]
)
def test_a_field_no_page_could_show_is_refused_naming_it(path, value, key, where):
    doc = _set(full_plan(), path, value)
    found = plan_check.problem(doc)
    assert found is not None and found.key == key
    assert {k: found.params[k] for k in where} == where
    with pytest.raises(plan.PlanError):
        plan.from_json(json.dumps(doc))


# (path, a value out of its plausible range, the reason's key, what the message must say in it and en): each
# was accepted before and then crashed Goals, Monitor, Timeline, the deliverable or babel's formatting.
COUNT_MAX = {"it": "1.000.000.000", "en": "1,000,000,000"}
YEARS = {lang: "2099" for lang in ("it", "en")}
OUT_OF_RANGE = [
    (("goals", 0, "baseline"), 1e308, "fields.too_big", COUNT_MAX),
    (("goals", 0, "target"), 1.7e308, "fields.too_big", COUNT_MAX),
    (("goals", 0, "target"), 10**30, "fields.too_big", COUNT_MAX),  # 30 digits: babel's InvalidOperation
    (("goals", 0, "baseline"), 1e-300, "fields.tiny", {"it": "milionesimo", "en": "millionth"}),
    (("goals", 0, "start"), "0001-01-01", "fields.date_range", YEARS),  # OverflowError in date arithmetic
    (("goals", 0, "deadline"), "9999-12-31", "fields.date_range", YEARS),
    (("calendar", 0, "date"), "0001-01-01", "fields.date_range", YEARS),
    (("calendar", 0, "date"), "9999-12-31", "fields.date_range", YEARS),
    (("offline", 0, "date"), "0001-01-01", "fields.date_range", YEARS),
    (("created",), "9999-12-31", "fields.date_range", YEARS),
    (("business", "channels", 0, "followers"), 10**30, "fields.too_big", COUNT_MAX),
    (("business", "channels", 0, "posts_per_week"), 1e6, "fields.range", {"it": "200", "en": "200"}),
    (("followers", 0, "followers"), 1e300, "fields.too_big", COUNT_MAX),
    # found by Hypothesis: half a follower broke the Business page's table (an Int64 column)
    (("business", "channels", 0, "followers"), 1240.5, "fields.not_whole", {"it": "intero", "en": "whole"}),
    (("followers", 0, "followers"), 0.5, "fields.not_whole", {"it": "intero", "en": "whole"}),
    (("goals",), [{"id": f"g{n}", "objective": "custom", "start": "2026-01-01"} for n in range(101)],
     "fields.too_many", {"it": "100", "en": "100"}),
    (("calendar",), [{"id": f"c{n}", "date": "2026-12-01", "channel": "facebook", "title": "x"} for n in range(2001)],
     "fields.too_many", {"it": "2000", "en": "2000"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "value", "key", "said"),
    OUT_OF_RANGE,
    ids=[f"{'.'.join(map(str, b[0]))}={str(b[1])[:20]}" for b in OUT_OF_RANGE],
)
def test_a_number_or_date_out_of_its_plausible_range_is_refused_saying_the_range(path, value, key, said):
    found = plan_check.problem(_set(full_plan(), path, value))
    assert found is not None
    reason = found.params.get("reason", found)  # a goal, entry or section wraps the field's own message
    assert reason.key == key
    for lang in ("it", "en"):
        assert said[lang] in found.render(lang) and str(path[-1]) in found.render(lang)
    with pytest.raises(plan.PlanError):
        plan.from_json(json.dumps(_set(full_plan(), path, value)))


def test_two_goals_with_one_id_are_refused():
    doc = full_plan()
    doc["goals"].append(dict(doc["goals"][0]))
    found = plan_check.problem(doc)
    assert found is not None and found.key == "plan.err.duplicate_id" and found.params["section"] == "goals"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_reason_of_a_refused_entry_is_rendered_in_the_language_not_as_a_repr(lang):
    found = plan_check.problem(_set(full_plan(), ("areas", 0, "circle", "radius_km"), -1.5))
    text = found.render(lang)
    assert "Message(" not in text and i18n.t(lang, "plan.err.area") in text and "areas" in text
