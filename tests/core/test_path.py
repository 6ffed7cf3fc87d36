from core import path


def test_only_steps_whose_page_exists_appear_in_path_order():
    steps = path.available(["pages/plan.py", "app.py", "pages/business.py", "pages/unrelated.py"])
    assert [s.id for s in steps] == ["start", "business", "plan"]


def test_the_full_path_is_start_business_goals_market_timeline_monitor_plan():
    assert [s.id for s in path.STEPS] == ["start", "business", "goals", "market", "timeline", "monitor", "plan"]


def test_steps_are_done_when_the_plan_holds_their_content():
    plan = {
        "selfcheck": {k: 1 for k in ("goals", "kpi", "measure", "relationships", "market", "where", "calendar", "places")},
        "business": {"name": "Forno", "town": {"lat": 1, "lon": 2}, "channels": [{"channel": "instagram"}]},
        "goals": [{"id": "g1"}],
    }
    assert path.done(plan) == {"start", "business", "goals"}
    assert path.done({"business": {"name": "Forno"}}) == set()
    assert path.done(None) == set()
