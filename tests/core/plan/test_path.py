import pytest

from core.plan import path


def test_only_steps_whose_page_exists_appear_in_path_order():
    steps = path.available(["pages/plan.py", "app.py", "pages/business.py", "pages/unrelated.py"])
    assert [s.id for s in steps] == ["start", "business", "plan"]


def test_the_full_path_is_start_business_goals_market_timeline_monitor_plan():
    assert [s.id for s in path.STEPS] == ["start", "business", "goals", "market", "timeline", "monitor", "plan"]


def test_steps_are_done_when_the_plan_holds_their_content():
    plan = {
        "selfcheck": {
            k: 1 for k in ("goals", "kpi", "measure", "relationships", "market", "where", "calendar", "places")
        },
        "business": {"name": "Forno", "town": {"lat": 1, "lon": 2}, "channels": [{"channel": "instagram"}]},
        "goals": [{"id": "g1"}],
    }
    assert path.done(plan) == {"start", "business", "goals"}
    assert path.done({"business": {"name": "Forno"}}) == set()
    assert path.done(None) == set()


FULL_START = {k: 1 for k in ("goals", "kpi", "measure", "relationships", "market", "where", "calendar", "places")}


@pytest.mark.parametrize(
    ("plan", "imported", "expected"),
    [
        ({"goals": [{"id": "g1", "kpi": "reach"}]}, (), {"goals"}),
        ({}, ("customers",), {"market"}),
        ({"areas": [{"name": "Quartiere"}]}, (), {"market"}),
        ({"competitors": [{"name": "Rivale"}]}, (), {"market"}),
        ({}, ("activity",), {"timeline"}),
        ({"offline": [{"id": "o1"}]}, (), {"timeline"}),
        ({"calendar": [{"id": "c1"}]}, (), {"timeline"}),
        ({"goals": [{"id": "g1", "kpi": "reach"}]}, ("activity",), {"goals", "timeline", "monitor"}),
        ({"goals": [{"id": "g1", "kpi": None}]}, ("activity",), {"goals", "timeline"}),  # nothing to measure
        ({"goals": [{"id": "g1", "kpi": "reach"}], "sample": "forno"}, (), {"goals", "market", "timeline", "monitor"}),
        ({"selfcheck": FULL_START, "goals": [{"id": "g1", "kpi": "reach"}]}, ("customers", "activity"),
         {"start", "goals", "market", "timeline", "monitor"}),
    ],
)  # fmt: skip
def test_market_timeline_and_monitor_are_done_from_the_data_imported_and_what_the_plan_holds(plan, imported, expected):
    assert path.done(plan, imported) == expected


def test_the_plan_step_is_never_marked_done_it_is_the_way_out():
    plan = {
        "selfcheck": FULL_START,
        "sample": "forno",
        "goals": [{"id": "g1", "kpi": "reach"}],
        "business": {"name": "Forno", "town": {"lat": 1, "lon": 2}, "channels": [{"channel": "instagram"}]},
    }
    assert path.done(plan, ("customers", "activity")) == {s.id for s in path.STEPS} - {"plan"}
