import datetime as dt
import json

import pytest

from core.plan import plan as plan_mod
from core.plan.plan import Change, Conflict, PlanError

TODAY = dt.date(2026, 11, 27)


def _plan(**business):
    plan = plan_mod.new_plan(TODAY)
    plan["business"].update(business)
    return plan


def test_a_new_plan_is_valid_and_round_trips_exactly_through_json():
    plan = _plan(
        name="Forno «Città» ${x} `a`", channels=[{"channel": "instagram", "followers": 1240, "posts_per_week": 3.0}]
    )
    text = plan_mod.to_json(plan)
    assert plan_mod.from_json(text.encode("utf-8")) == plan
    assert plan_mod.from_json(text) == plan


def test_a_file_with_a_byte_order_mark_still_loads():
    plan = _plan(name="Cantù")
    assert plan_mod.from_json(b"\xef\xbb\xbf" + plan_mod.to_json(plan).encode("utf-8")) == plan


def _doc(**changes):
    doc = plan_mod.new_plan(TODAY)
    for key, value in changes.items():
        doc[key] = value
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "plan.err.not_json"),
        (b"\xff\xfe\x00garbage", "plan.err.not_text"),
        (b"{not json", "plan.err.not_json"),
        (b"[1, 2]", "plan.err.not_object"),
        (b'{"format": "something-else", "version": 1}', "plan.err.format"),
        (b'{"format": "rotta-plan"}', "plan.err.version_missing"),
        (b'{"format": "rotta-plan", "version": 99}', "plan.err.version_new"),
        (_doc(goals={"a": 1}).encode(), "plan.err.section"),
        (_doc(business={"name": 5}).encode(), "plan.err.field"),
        (_doc(business={"channels": [{"channel": "myspace"}]}).encode(), "plan.err.channel"),
        (_doc(business={"channels": [{"channel": "instagram", "followers": -3}]}).encode(), "plan.err.channel_number"),
        (_doc(business={"markets": ["moon"]}).encode(), "plan.err.field"),
        (_doc(business={"town": {"name": "Roma"}}).encode(), "plan.err.field"),
        (_doc(selfcheck={"goals": 7}).encode(), "plan.err.selfcheck"),
        (b"x" * (plan_mod.MAX_JSON_BYTES + 1), "plan.err.too_big"),
    ],
)
def test_a_bad_plan_file_is_refused_saying_what_is_wrong(data, key):
    with pytest.raises(PlanError) as info:
        plan_mod.from_json(data)
    assert info.value.message.key == key
    assert info.value.message.render("it") and info.value.message.render("en")


def test_changes_to_different_fields_from_two_tabs_merge():
    stored = _plan(name="Forno")
    tab_a = [Change(("business", "name"), "Forno", "Forno Aurelio")]
    tab_b = [Change(("business", "markets"), [], ["local"])]
    merged = plan_mod.apply(plan_mod.apply(stored, tab_a), tab_b)
    assert merged["business"]["name"] == "Forno Aurelio"
    assert merged["business"]["markets"] == ["local"]


def test_a_change_to_a_field_that_moved_meanwhile_is_refused_not_overwritten():
    stored = plan_mod.apply(_plan(name="Forno"), [Change(("business", "name"), "Forno", "Forno Aurelio")])
    with pytest.raises(Conflict) as info:
        plan_mod.apply(stored, [Change(("business", "name"), "Forno", "Forno Roma")])
    assert (info.value.yours, info.value.theirs) == ("Forno Roma", "Forno Aurelio")


def test_the_same_change_made_twice_is_not_a_conflict():
    stored = plan_mod.apply(_plan(name="A"), [Change(("business", "name"), "A", "B")])
    assert plan_mod.apply(stored, [Change(("business", "name"), "A", "B")])["business"]["name"] == "B"


def test_apply_does_not_modify_the_plan_it_is_given():
    stored = _plan(name="A")
    plan_mod.apply(stored, [Change(("selfcheck", "goals"), None, 2)])
    assert stored["selfcheck"] == {}


@pytest.mark.parametrize(
    ("name", "created", "expected"),
    [
        ("Forno Aurelio", "2026-11-27", "rotta-forno-aurelio-2026-11-27.json"),
        ("../../etc/passwd", "2026-11-27", "rotta-etc-passwd-2026-11-27.json"),
        ("Caffè «Città»", "x/../y", "rotta-caffe-citta.json"),
        ("<script>", "", "rotta-script.json"),
        ("", "2026-01-01", "rotta-plan-2026-01-01.json"),
    ],
)
def test_download_names_from_user_text_are_safe(name, created, expected):
    assert plan_mod.file_name(name, created) == expected


def test_a_sample_profile_becomes_a_plan_with_its_goals():
    profile = {
        "business": {"name": "Forno", "sector": None, "town": None, "channels": [], "markets": ["local"]},
        "selfcheck": {"goals": 0},
    }
    plan = plan_mod.from_sample(
        "forno",
        profile,
        [{"id": "g1", "objective": "local_awareness", "title": "Più clienti", "start": "2026-11-01"}],
        TODAY,
    )
    assert plan["sample"] == "forno" and plan["goals"][0]["title"] == "Più clienti"
    assert plan["business"]["markets"] == ["local"]
