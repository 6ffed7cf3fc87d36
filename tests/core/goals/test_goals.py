import datetime as dt
import json

import pytest

from core.goals import goals
from core.goals import text as goal_text

FULL = {
    "id": "g1", "objective": "footfall", "title": "Più richieste di indicazioni da Google a Forlì",
    "kpi": "gbp_directions", "channels": ["google_business", "instagram"], "baseline": 269, "target": 340,
    "start": "2026-09-01", "deadline": "2026-12-31", "place": {"kind": "town", "value": "Forlì"},
    "actions": ["Foto nuove sulla scheda", "Un post a settimana con la mappa"], "owner": "Gino",
}  # fmt: skip
DRAFT = {
    "id": "g2", "objective": "custom", "title": "", "kpi": None, "channels": [], "baseline": None, "target": None,
    "start": "2026-09-01", "deadline": None, "place": {"kind": "market", "value": ""}, "actions": [], "owner": "",
}  # fmt: skip
RATE = {**FULL, "id": "g3", "objective": "retention", "kpi": "repeat_rate", "baseline": 0.22, "target": 0.25}


@pytest.mark.parametrize("data", [FULL, DRAFT, RATE], ids=["full", "draft", "rate"])
def test_a_goal_dict_round_trips_exactly(data):
    goal = goals.Goal.from_dict(data)
    assert goal.to_dict() == data
    assert json.dumps(goal.to_dict(), sort_keys=True) == json.dumps(data, sort_keys=True)  # 269 stays an int
    assert goals.Goal.from_dict(goal.to_dict()) == goal


def test_a_goal_reads_as_typed_values():
    goal = goals.Goal.from_dict(FULL)
    assert goal.start == dt.date(2026, 9, 1) and goal.deadline == dt.date(2026, 12, 31)
    assert goal.channels == ("google_business", "instagram")
    assert goal.place == goals.Place("town", "Forlì")


def test_missing_optional_fields_take_their_empty_value():
    goal = goals.Goal.from_dict({"id": "g9", "objective": "leads", "start": "2026-09-01"})
    assert goal.to_dict() == {**DRAFT, "id": "g9", "objective": "leads"}


@pytest.mark.parametrize(
    ("change", "field", "shown"),
    [
        ({"kpi": "folowers"}, "kpi", "'folowers'"),
        ({"objective": "be_famous"}, "objective", "'be_famous'"),
        ({"channels": ["instagram", "myspace"]}, "channels", "'myspace'"),
        ({"channels": "instagram"}, "channels", "'instagram'"),
        ({"channels": ["instagram", "instagram"]}, "channels", "['instagram', 'instagram']"),
        ({"baseline": "1240"}, "baseline", "'1240'"),
        ({"baseline": True}, "baseline", "True"),
        ({"target": float("nan")}, "target", "nan"),
        ({"target": -5}, "target", "-5"),
        ({"kpi": "repeat_rate", "baseline": 0.2, "target": 25}, "target", "25"),  # 25% is 0.25
        ({"kpi": "rating", "baseline": 4.1, "target": 6}, "target", "6"),
        ({"start": "01/09/2026"}, "start", "'01/09/2026'"),
        ({"deadline": "2026-02-30"}, "deadline", "'2026-02-30'"),
        ({"deadline": "20261231"}, "deadline", "'20261231'"),
        ({"place": {"kind": "city", "value": "Forlì"}}, "place.kind", "'city'"),
        ({"place": "Forlì"}, "place", "'Forlì'"),
        ({"actions": "post"}, "actions", "'post'"),
        ({"owner": 7}, "owner", "7"),
        ({"id": " "}, "id", "' '"),
        ({"notes": "x"}, "notes", "'x'"),
    ],
)
def test_a_bad_goal_is_refused_naming_the_field_and_the_value(change, field, shown):
    with pytest.raises(goals.GoalError) as caught:
        goals.Goal.from_dict({**FULL, **change})
    assert caught.value.field == field
    for lang in ("it", "en"):
        text = goal_text.render(lang, caught.value.message)
        assert field in text and shown in text, text


def test_a_goal_without_a_start_is_refused():
    data = {k: v for k, v in FULL.items() if k != "start"}
    with pytest.raises(goals.GoalError, match="'start' is missing"):
        goals.Goal.from_dict(data)


def test_a_rate_out_of_range_explains_how_to_write_a_percent():
    with pytest.raises(goals.GoalError) as caught:
        goals.Goal.from_dict({**RATE, "target": 25})
    assert "0.03" in goal_text.render("it", caught.value.message)
    assert "Repeat-customer rate" in goal_text.render("en", caught.value.message)


def test_something_other_than_a_dict_is_not_a_goal():
    with pytest.raises(goals.GoalError, match="must be a JSON object"):
        goals.Goal.from_dict(["g1"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "deadline"),
    [
        ("2026-09-01", "2026-12-31"),
        ("2026-10-15", "2027-01-31"),
        ("2026-11-30", "2027-02-28"),
        ("2027-01-31", "2027-04-30"),
    ],
)
def test_the_default_deadline_is_the_end_of_the_third_month_after_the_start(start, deadline):
    assert goals.default_deadline(dt.date.fromisoformat(start)) == dt.date.fromisoformat(deadline)


def _goal(**change):
    base = {**FULL, "kpi": "followers_in_area", "baseline": 1000, "target": 2000, "deadline": "2026-11-10"}
    return goals.Goal.from_dict({**base, **change})  # 2026-09-01 to 2026-11-10: 10 weeks


@pytest.mark.parametrize(
    ("goal", "today", "current", "pace"),
    [
        (_goal(), dt.date(2026, 9, 1), None, 100.0),  # 1000 more in 10 weeks
        (_goal(), dt.date(2026, 8, 1), None, 100.0),  # before the start, the clock starts at the start
        (_goal(), dt.date(2026, 10, 6), 1500, 100.0),  # 500 more in the 5 weeks left
        (_goal(), dt.date(2026, 10, 6), 1750, 50.0),
        (_goal(kpi="cost_per_lead", baseline=20, target=10), dt.date(2026, 9, 1), None, -1.0),
        (_goal(target=None), dt.date(2026, 9, 1), None, None),
        (_goal(baseline=None), dt.date(2026, 9, 1), None, None),
        (_goal(deadline=None), dt.date(2026, 9, 1), None, None),
        (_goal(), dt.date(2026, 11, 10), 1500, None),  # the time is up
    ],
)
def test_the_required_pace_is_what_is_left_over_the_weeks_left(goal, today, current, pace):
    assert goals.required_pace(goal, today, current) == pace


def test_the_goal_tree_groups_goals_under_objectives_in_catalogue_order_with_their_pace():
    tree = goals.goal_tree(
        [
            _goal(id="a", objective="retention", kpi="repeat_rate", baseline=0.2, target=0.3),
            _goal(id="b", objective="footfall", kpi="gbp_directions", actions=["Foto nuove"]),
            _goal(id="c", objective="footfall", kpi=None),
        ],
        dt.date(2026, 9, 1),
    )
    assert [node["objective"] for node in tree] == ["footfall", "retention"]
    assert [g["id"] for g in tree[0]["goals"]] == ["b", "c"]
    first = tree[0]["goals"][0]
    assert first["kpi"] == "gbp_directions" and first["actions"] == ["Foto nuove"] and first["pace"] == 100.0
    assert tree[0]["goals"][1]["kpi"] is None
    assert tree[1]["goals"][0]["pace"] == pytest.approx(0.01)
    json.dumps(tree)  # plain data, ready for the page or the plan export


def test_an_empty_plan_has_an_empty_tree():
    assert goals.goal_tree([], dt.date(2026, 9, 1)) == []
