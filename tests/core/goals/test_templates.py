import datetime as dt

import pytest

from core.goals import goals, objectives, smart
from core.goals import templates as goal_templates

TODAY = dt.date(2026, 9, 1)
AUDIT = {
    "instagram": {"followers": 1240, "followers_in_area": 310, "reach": 5200},
    "facebook": {"followers": 900, "reach": 7000},
    "google_business": {"gbp_views": 2000, "gbp_directions": 269, "gbp_calls": 116},
    "business": {"repeat_rate": 0.22, "revenue": 8000, "new_customers": 40, "leads": 12, "reply_rate": 0.5,
                 "rating": 4.2, "reviews": 6},
}  # fmt: skip


@pytest.mark.parametrize("objective_id", [o for o in objectives.OBJECTIVES if o != "custom"])
@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_objective_offers_one_to_three_valid_goals(objective_id, lang):
    found = goal_templates.template_goals(objective_id, AUDIT, TODAY, lang)
    assert 1 <= len(found) <= 3
    for data in found:
        goal = goals.Goal.from_dict(data)
        assert goal.to_dict() == data
        assert goal.objective == objective_id and goal.kpi in objectives.objective_kpis(objective_id)
        assert len(goal.actions) == 2 and all(goal.actions)


def test_your_own_objective_has_no_template():
    assert goal_templates.template_goals("custom", AUDIT, TODAY, "it") == []


@pytest.mark.parametrize("objective_id", ["local_awareness", "footfall", "retention"])
def test_a_template_with_audit_data_and_an_owner_passes_the_smart_check(objective_id):
    place = goals.Place("town", "Forlì")
    for data in goal_templates.template_goals(objective_id, AUDIT, TODAY, "it", place=place, owner="Gino"):
        if data["baseline"] is not None:
            failed = [c.letter for c in smart.smart_check(goals.Goal.from_dict(data), TODAY) if not c.passed]
            assert failed == [], data


def test_a_template_is_prefilled_from_the_channel_with_the_most_of_that_kpi():
    found = goal_templates.template_goals("local_awareness", AUDIT, TODAY, "en")
    reach = next(g for g in found if g["kpi"] == "reach")
    assert reach["channels"] == ["facebook"] and reach["baseline"] == 7000
    assert reach["deadline"] == "2026-12-31" and reach["start"] == "2026-09-01"
    assert reach["title"].startswith("Reach: ") and reach["title"].endswith(" by 31 Dec 2026")


def test_a_kpi_the_audit_lacks_gets_no_numbers_to_fill_in():
    found = goal_templates.template_goals("footfall", {"instagram": {"followers": 100}}, TODAY, "it")
    first = found[0]
    assert first["kpi"] == "gbp_directions" and first["channels"] == ["google_business"]
    assert first["baseline"] is None and first["target"] is None


def test_a_business_wide_kpi_is_worked_on_through_the_biggest_channels():
    found = goal_templates.template_goals("retention", AUDIT, TODAY, "it")
    assert found[0]["channels"] == ["instagram", "facebook"] and found[0]["baseline"] == 0.22


def test_template_ids_do_not_clash_with_the_plans_goals():
    found = goal_templates.template_goals("footfall", AUDIT, TODAY, "it", taken_ids={"g1", "g3"})
    assert [g["id"] for g in found] == ["g2", "g4", "g5"]
